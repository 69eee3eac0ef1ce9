import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJourneyText } from '@waymark/document';
import { exitCodes } from '../command';
import { isTextMediaType, loadOutputFormats, type OutputFormat } from '../output-formats';
import { createRenderCommand } from './render';
import { journeyYaml, runCli, stackLine, withTempDir } from '../run-cli.fixture';

const steps = ['Incident occurs', 'Reports incident', 'Awaits response'];
const original = readJourneyText(journeyYaml, { fileName: 'j.yaml' });

/** What each format's file must show of the small journey; a format without an entry fails the test below. */
const expectations: Record<string, (content: string) => void> = {
  json: (c) => expect(readJourneyText(c, { fileName: 'x.json' })).toEqual(original),
  yaml: (c) => expect(readJourneyText(c, { fileName: 'x.yaml' })).toEqual(original),
  svg: (c) => {
    expect(c).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    for (const word of steps.join(' ').split(' ')) expect(c).toContain(word);
    expect(c).toContain('Nobody rang me back');
  },
  mermaid: (c) => {
    for (const step of steps) expect(c).toContain(step);
  },
  md: (c) => {
    expect(c).toContain('Victims of ASB (small)');
    for (const step of steps) expect(c).toContain(step);
  },
  csv: (c) => {
    expect(c.split('\n').length).toBeGreaterThan(1);
    for (const step of steps) expect(c).toContain(step);
  },
};

describe('waymark render', () => {
  it('given every format on offer, when rendered to a file in a new folder, then the file shows the journey', async () => {
    const formats = await loadOutputFormats();
    expect(formats.map((f) => f.id)).toEqual(expect.arrayContaining(['json', 'yaml']));
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'j.yaml'), journeyYaml);
      for (const format of formats) {
        const out = join('out', format.id, `map.${format.extension}`);
        const r = await runCli(['render', 'j.yaml', '--format', format.id, '--out', out], dir);
        expect(r, format.id).toMatchObject({ code: 0, stdout: '' });
        expect(r.stderr).toBe(`wrote ${out}: ${format.label}\n`);
        const content = await readFile(join(dir, out), 'utf8');
        // A format added later without its own entry still has to show the steps.
        (expectations[format.id] ?? ((c: string) => steps.forEach((step) => expect(c).toContain(step))))(
          content,
        );
      }
    });
  });

  it('given no --format, then the extension of --out decides; without --out the output goes to stdout', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'j.yaml'), journeyYaml);
      expect((await runCli(['render', 'j.yaml', '--out', 'again.json'], dir)).code).toBe(0);
      expectations.json!(await readFile(join(dir, 'again.json'), 'utf8'));
      expect((await runCli(['render', 'j.yaml', '--out', 'again.yml'], dir)).code).toBe(0);
      expectations.yaml!(await readFile(join(dir, 'again.yml'), 'utf8'));
      const png = await runCli(['render', 'j.yaml', '--out', 'map.png'], dir);
      expect(png).toMatchObject({
        code: exitCodes.usage,
        stderr: expect.stringContaining('no format writes .png files'),
      });
      const r = await runCli(['render', 'j.yaml', '-f', 'yaml'], dir);
      expect(r.code).toBe(0);
      expectations.yaml!(r.stdout);
    });
  });

  it('given an invalid journey, then its problems and exit 1, and nothing is written', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'j.yaml'), journeyYaml.replace('score: -90', 'score: 150'));
      const r = await runCli(['render', 'j.yaml', '--format', 'json', '--out', 'j.json'], dir);
      expect(r.code).toBe(exitCodes.invalid);
      expect(r.stderr).toMatch(
        /^j\.yaml:\d+:5 cards\[5\]\.score: This is too high: the most allowed is 100\.$/m,
      );
      expect(r.stderr).not.toMatch(stackLine);
      await expect(readFile(join(dir, 'j.json'))).rejects.toThrow();
    });
  });

  it('given an unknown format, the journey itself as --out, or a folder as --out, then refused', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'j.yaml'), journeyYaml);
      await mkdir(join(dir, 'folder.json'));
      const unknown = await runCli(['render', 'j.yaml', '--format', 'pdfx'], dir);
      expect(unknown).toMatchObject({
        code: exitCodes.usage,
        stderr:
          'waymark render: there is no format "pdfx". Give one of: svg, mermaid, md, csv, json, yaml.' +
          "\nRun 'waymark render --help' for the options.\n",
      });
      const self = await runCli(['render', 'j.yaml', '--format', 'yaml', '--out', './j.yaml'], dir);
      expect(self.code).toBe(exitCodes.usage);
      expect(await readFile(join(dir, 'j.yaml'), 'utf8')).toBe(journeyYaml);
      const folder = await runCli(['render', 'j.yaml', '--out', 'folder.json'], dir);
      expect(folder).toMatchObject({
        code: exitCodes.io,
        stderr: 'waymark render: folder.json is a folder. Give the name of a file to write.\n',
      });
    });
  });

  it('tells text media types (safe on a terminal) from binary ones', () => {
    for (const t of [
      'image/svg+xml',
      'text/csv',
      'text/markdown',
      'application/json',
      'application/yaml',
      'text/vnd.mermaid',
    ])
      expect(isTextMediaType(t), t).toBe(true);
    for (const t of ['image/png', 'application/pdf', 'application/zip'])
      expect(isTextMediaType(t), t).toBe(false);
  });
});

describe('waymark render with a binary format', () => {
  const zipLike: OutputFormat = {
    id: 'bin',
    label: 'Packed map',
    mediaType: 'application/zip',
    extension: 'bin',
    render: (j) => new Uint8Array([0x50, 0x4b, 3, 4, ...new TextEncoder().encode(j.id)]),
  };
  const command = createRenderCommand(async () => [zipLike]);

  it('given a terminal, then binary output is refused; given a file, then the bytes are written', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'j.yaml'), journeyYaml);
      const refused = await runCli(['render', 'j.yaml', '-f', 'bin'], dir, {
        commands: [command],
        stdoutIsTerminal: true,
      });
      expect(refused).toMatchObject({ code: exitCodes.usage, stdout: '' });
      expect(refused.stderr).toBe(
        'waymark render: bin is binary and would garble the terminal. Write it to a file with --out <file>.' +
          "\nRun 'waymark render --help' for the options.\n",
      );
      const piped = await runCli(['render', 'j.yaml', '-f', 'bin'], dir, { commands: [command] });
      expect(piped).toMatchObject({ code: exitCodes.io, stdout: '' });
      expect(piped.stderr).toBe(
        'waymark render: this output is binary and cannot be printed here. Write it to a file with --out <file>.\n',
      );
      const written = await runCli(['render', 'j.yaml', '--out', 'map.bin'], dir, {
        commands: [command],
        stdoutIsTerminal: true,
      });
      expect(written.code).toBe(0);
      expect([...(await readFile(join(dir, 'map.bin')))]).toEqual([
        0x50,
        0x4b,
        3,
        4,
        ...new TextEncoder().encode('asb-small'),
      ]);
    });
  });
});
