import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateNames } from '@waymark/core';
import { readJourneyText } from '@waymark/document';
import { exitCodes } from '../command';
import { runCli, stackLine, withTempDir } from '../run-cli.fixture';

describe('waymark new', () => {
  it.each(templateNames)(
    'given the %s template, then the written file validates and carries the id and title',
    async (name) => {
      await withTempDir(async (dir) => {
        const out = join('maps', `${name}-map.yaml`);
        const made = await runCli(
          ['new', '--template', name, '--title', `A ${name} map`, '--start-month', '2008-11', '--out', out],
          dir,
        );
        expect(made.code).toBe(0);
        expect(made.stderr).toContain(`wrote ${out} (`);
        const checked = await runCli(['validate', out], dir);
        expect(checked).toMatchObject({ code: 0, stdout: `✓ ${out}\n` });
        const journey = readJourneyText(await readFile(join(dir, out), 'utf8'), { fileName: out });
        expect(journey.ok && [journey.value.id, journey.value.meta.title]).toEqual([
          `${name}-map`,
          `A ${name} map`,
        ]);
      });
    },
  );

  it('given --format json and no --out, then JSON on stdout that reads back, with the id given', async () => {
    const r = await runCli(
      [
        'new',
        '-t',
        'case',
        '--id',
        'case-3',
        '--format',
        'json',
        '--start-month',
        '2008-11',
        '--months',
        '9',
      ],
      '/',
    );
    expect(r.code).toBe(0);
    const journey = readJourneyText(r.stdout, { fileName: 'x.json' });
    expect(journey.ok && journey.value.id).toBe('case-3');
    expect(journey.ok && journey.value.columns.map((c) => c.period)).toEqual([
      '2008-11',
      '2008-12',
      '2009-01',
      '2009-02',
      '2009-03',
      '2009-04',
      '2009-05',
      '2009-06',
      '2009-07',
    ]);
  });

  it('given an existing file, then it is kept unless --force', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'mine.yaml'), 'my work\n');
      const kept = await runCli(['new', '-t', 'melton', '--out', 'mine.yaml'], dir);
      expect(kept).toMatchObject({
        code: exitCodes.io,
        stderr:
          'waymark new: mine.yaml already exists. Give --force to replace it, or choose another file with --out.\n',
      });
      expect(await readFile(join(dir, 'mine.yaml'), 'utf8')).toBe('my work\n');
      expect((await runCli(['new', '-t', 'melton', '--out', 'mine.yaml', '--force'], dir)).code).toBe(0);
      expect(await readFile(join(dir, 'mine.yaml'), 'utf8')).toMatch(/^schemaVersion: 2\nid: mine\n/);
    });
  });

  it('given an unknown or missing template, then the templates are listed', async () => {
    for (const argv of [['new', '--template', 'kanban'], ['new']]) {
      const r = await runCli(argv, '/');
      expect(r.code).toBe(exitCodes.usage);
      for (const name of templateNames) expect(r.stderr).toContain(`  ${name} `);
    }
    expect((await runCli(['new', '--template', 'kanban'], '/')).stderr).toContain('no template "kanban"');
  });

  it('given a bad id, month or format, then the option is named', async () => {
    const id = await runCli(['new', '-t', 'melton', '--id', 'has space'], '/');
    expect(id).toMatchObject({
      code: exitCodes.usage,
      stderr: expect.stringMatching(
        /^waymark new: --id: This is not an id Waymark accepts: use letters, digits, “-”, “_” or “\.”, at most 80 characters, starting with a letter or digit\.\n/,
      ),
    });
    const month = await runCli(['new', '-t', 'case', '--start-month', '2008-13'], '/');
    expect(month.stderr).toMatch(
      /^waymark new: --start-month: This is not a month: write it as YYYY-MM, such as 2008-11\.\n/,
    );
    const format = await runCli(['new', '-t', 'case', '--format', 'xml'], '/');
    expect(format.stderr).toContain('--format must be yaml or json; got "xml"');
    for (const r of [id, month, format]) expect(r.stderr).not.toMatch(stackLine);
  });
});
