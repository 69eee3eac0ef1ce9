import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCommand } from './compare';
import { stackLine, withTempDir } from '../run-cli.fixture';

const journey = (id: string, type: string, columns: string, cards: string) => `schemaVersion: 2
id: ${id}
meta: { title: ${id}, journeyType: ${type} }
columns: [${columns}]
lanes:
  - { id: tp, kind: touchpoint, label: Touchpoints }
  - { id: emo, kind: emotion, label: Satisfaction }
cards: [${cards}]
`;
const current = journey(
  'now',
  'current',
  '{ id: report, label: Reports }, { id: chase, label: Chases }',
  `{ id: a, kind: touchpoint, laneId: tp, columnId: report, text: Phone, channel: telephone },
   { id: b, kind: touchpoint, laneId: tp, columnId: chase, text: Phone again, channel: telephone, avoidableCategory: PC },
   { id: e, kind: emotion, laneId: emo, columnId: chase, score: -90 }`,
);
const desired = journey(
  'then',
  'desired',
  '{ id: report, label: Reports }',
  `{ id: a, kind: touchpoint, laneId: tp, columnId: report, text: Online, channel: web },
   { id: e, kind: emotion, laneId: emo, columnId: report, score: 40 }`,
);

async function run(args: string[], dir: string) {
  let stdout = '';
  let stderr = '';
  const code = await compareCommand.run(args, {
    cwd: dir,
    env: {},
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('waymark compare', () => {
  it('given two journeys, when compared as JSON, then totals and removed steps come out', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'now.yaml'), current);
      await writeFile(join(dir, 'then.yaml'), desired);
      const r = await run(['now.yaml', 'then.yaml', '--format', 'json'], dir);
      expect(r.code).toBe(0);
      const c = JSON.parse(r.stdout);
      expect(c.current.totals.contacts).toBe(2);
      expect(c.current.totals.avoidableContacts).toBe(1);
      expect(c.desired.totals.cost).toBeCloseTo(0.15, 10);
      expect(c.delta.cost).toBeCloseTo(0.15 - 2 * 2.83, 10);
      expect(c.stepsRemoved).toEqual(['Chases']);
      expect(c.current.emotion.lowest.score).toBe(-90);
    });
  });

  it('writes Markdown and HTML reports to files', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'now.yaml'), current);
      await writeFile(join(dir, 'then.yaml'), desired);
      expect((await run(['now.yaml', 'then.yaml', '--out', 'c.md'], dir)).code).toBe(0);
      expect(await readFile(join(dir, 'c.md'), 'utf8')).toContain('| Avoidable contacts | 1 | 0 | −1 |');
      expect((await run(['now.yaml', 'then.yaml', '-f', 'html', '-o', 'c.html'], dir)).code).toBe(0);
      expect(await readFile(join(dir, 'c.html'), 'utf8')).toMatch(/^<!doctype html>/);
    });
  });

  it('refuses a wrong count of files, an unknown format and an invalid journey with clear messages', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'now.yaml'), current);
      await writeFile(join(dir, 'bad.yaml'), current.replace('score: -90', 'score: 150'));
      const one = await run(['now.yaml'], dir);
      expect(one.code).toBe(2);
      expect(one.stderr).toBe(
        "waymark compare: give two journey files, the current journey then the desired one; got one.\nRun 'waymark compare --help' for the options.\n",
      );
      const fmt = await run(['now.yaml', 'now.yaml', '--format', 'pdf'], dir);
      expect(fmt.code).toBe(2);
      expect(fmt.stderr).toBe(
        'waymark compare: --format must be json, md or html; got "pdf".\nRun \'waymark compare --help\' for the options.\n',
      );
      const bad = await run(['now.yaml', 'bad.yaml'], dir);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/bad\.yaml:\d+:\d+ .*score/);
      expect(bad.stderr).not.toMatch(stackLine);
    });
  });
});
