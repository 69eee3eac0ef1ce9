import { open, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodes } from '../command';
import { journeyYaml, runCli, stackLine, withTempDir } from '../run-cli.fixture';

/** Writes files into a temp folder, runs `waymark validate` there, and checks no stack trace leaks. */
async function validate(
  files: Record<string, string | Uint8Array>,
  argv: readonly string[] = Object.keys(files),
  env: Record<string, string> = {},
) {
  return withTempDir(async (dir) => {
    for (const [name, content] of Object.entries(files)) {
      await mkdir(join(dir, name, '..'), { recursive: true });
      await writeFile(join(dir, name), content);
    }
    const r = await runCli(['validate', ...argv], dir, { env });
    expect(r.stderr).not.toMatch(stackLine);
    return r;
  });
}

const lineOf = (text: string, fragment: string) =>
  text.split('\n').findIndex((l) => l.includes(fragment)) + 1;

describe('waymark validate', () => {
  it('given a valid YAML and a valid JSON journey, then ✓ for each and exit 0', async () => {
    const json = JSON.stringify({
      schemaVersion: 2,
      id: 'j',
      meta: { title: 'T', journeyType: 'case' },
      columns: [],
      lanes: [],
    });
    const r = await validate({ 'a.yaml': journeyYaml, 'b.json': json });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('✓ a.yaml\n✓ b.json\n2 of 2 journey files valid\n');
  });

  it('given malformed YAML, then its line and column are named', async () => {
    const text = journeyYaml.replace('  - id: reports', '  - id: [reports');
    const r = await validate({ 'bad.yaml': text });
    expect(r.code).toBe(exitCodes.invalid);
    expect(r.stderr).toMatch(/^✗ bad\.yaml\nbad\.yaml:\d+:\d+: This is not valid YAML/);
    expect(Number(r.stderr.match(/bad\.yaml:(\d+):/)![1])).toBeGreaterThanOrEqual(lineOf(text, '[reports'));
  });

  it.each([
    [
      'an unknown lane kind',
      ['kind: feeling', 'kind: sticky-notes'],
      'kind: sticky-notes',
      'lanes[1].kind',
      /Expected one of "step", "touchpoint", .*\. Choose one of them\.$/,
    ],
    [
      'a score of 150',
      ['score: -90', 'score: 150'],
      'score: 150',
      'cards[5].score',
      /This is too high: the most allowed is 100\.$/,
    ],
    [
      'a card in a missing column',
      ['columnId: waits\n    text: Awaits', 'columnId: nowhere\n    text: Awaits'],
      'columnId: nowhere',
      'cards[2].columnId',
      /There is no column with the id “nowhere” in columns\. Check the id, or add the column\.$/,
    ],
    [
      'a link to nothing',
      ['{ kind: column, columnId: reports }', '{ kind: column, columnId: gone }'],
      'columnId: gone',
      'links[0].to.columnId',
      /There is no column with the id “gone” in columns\./,
    ],
  ] as const)(
    'given %s, then the path, line and message are printed',
    async (_, [from, to], fragment, path, message) => {
      const text = journeyYaml.replace(from, to);
      const r = await validate({ 'j.yaml': text });
      expect(r.code).toBe(exitCodes.invalid);
      const line = r.stderr.split('\n').find((l) => l.includes(` ${path}: `));
      expect(line).toMatch(
        new RegExp(`^j\\.yaml:${lineOf(text, fragment)}:\\d+ ${path.replace(/[[\].]/g, '\\$&')}: `),
      );
      expect(line).toMatch(message);
    },
  );

  it('given a 50 MB file, then it is refused by its size before being read', async () => {
    await withTempDir(async (dir) => {
      const handle = await open(join(dir, 'huge.yaml'), 'w');
      await handle.truncate(50 * 1024 * 1024);
      await handle.close();
      const r = await runCli(['validate', 'huge.yaml'], dir);
      expect(r.code).toBe(exitCodes.invalid);
      expect(r.stderr).toContain(
        'huge.yaml: The file is 50.0 MB; the limit is 20 MB. Check that it is the right file, or raise the limit with --max-mb.\n',
      );
      expect((await runCli(['validate', '--max-mb', '60', 'huge.yaml'], dir)).stderr).toContain(
        'huge.yaml: This is not a text file (byte 1, on line 1, is a zero byte).',
      );
    });
  });

  it('given a binary file, then "not a text file"', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const r = await validate({ 'map.yaml': png });
    expect(r.code).toBe(exitCodes.invalid);
    expect(r.stderr).toContain('map.yaml: This is not a text file');
  });

  it('given a file saved as Windows-1252, then the line and column of the first bad byte', async () => {
    const latin = new TextEncoder().encode(
      journeyYaml.replace('Nobody rang me back', 'Nobody rang me back \u0000'),
    );
    const at = latin.indexOf(0);
    latin[at] = 0xa3; // "£" in Windows-1252, not UTF-8
    const r = await validate({ 'j.yaml': latin });
    expect(r.code).toBe(exitCodes.invalid);
    expect(r.stderr).toMatch(
      new RegExp(
        `^j\\.yaml:${lineOf(journeyYaml, 'Nobody rang')}:\\d+: Byte \\d+ of the file \\(0xA3\\) is not UTF-8 text`,
        'm',
      ),
    );
  });

  it('given a UTF-16 file with its byte order mark (Notepad "Unicode"), then it is read', async () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...journeyYaml].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    expect((await validate({ 'j.yaml': utf16 })).code).toBe(0);
  });

  it('given a missing file and a folder of journeys, then io exit and the folder expanded', async () => {
    const r = await validate({ 'maps/a.yaml': journeyYaml, 'maps/README.md': '# maps' }, [
      'maps',
      'missing.yaml',
    ]);
    expect(r.code).toBe(exitCodes.io);
    expect(r.stdout).toContain(`✓ ${join('maps', 'a.yaml')}\n`);
    expect(r.stderr).toContain('missing.yaml: There is no such file. Check its name and folder.\n');
    expect(r.stdout).toContain('1 of 2 journey files valid');
  });

  it('given only a folder with no journeys in it, then it is noted and a usage error follows', async () => {
    const r = await validate({ 'x.yaml/inner.txt': 'x' }, ['x.yaml']);
    expect(r.stderr).toBe(
      "waymark validate: there are no journey files among x.yaml. Give .yaml, .yml or .json files, or a folder of them.\nRun 'waymark validate --help' for the options.\n",
    );
    expect(r.stdout).toContain('x.yaml skipped: a folder with no .yaml, .yml or .json files');
    expect(r.code).toBe(exitCodes.usage);
  });

  it('given no files or a bad option, then a usage error', async () => {
    expect((await validate({}, [])).code).toBe(exitCodes.usage);
    const r = await validate({ 'a.yaml': journeyYaml }, ['--strict-mode', 'a.yaml']);
    expect(r.code).toBe(exitCodes.usage);
    expect(r.stderr).toBe(
      "waymark validate: there is no option --strict-mode. Check how it is spelt.\nRun 'waymark validate --help' for the options.\n",
    );
  });
});

describe('waymark validate says each problem from the catalogue, in English and in Welsh', () => {
  const twiceAndMissing = journeyYaml
    .replace('  - id: s3', '  - id: s2')
    .replace('laneId: quotes', 'laneId: gossip')
    .replace('columnId: waits\n    score: -90', 'columnId: later\n    score: -90');
  const badFields = journeyYaml
    .replace('kind: feeling\n    label', 'kind: sticky-notes\n    label')
    .replace('    quote: true', '    quote: true\n    colour: red')
    .replace('score: -90', 'score: 150');
  const kinds =
    '"step", "touchpoint", "baton-change", "feeling", "emotion", "moment-of-truth", "pain-point", "lever", "metric", "text"';

  it('given an id used twice, a lane and a column that do not exist, then each in words with its place', async () => {
    const en = await validate({ 'j.yaml': twiceAndMissing });
    expect(en).toMatchObject({ code: exitCodes.invalid, stdout: '' });
    expect(en.stderr).toBe(
      [
        '✗ j.yaml',
        'j.yaml:34:5 cards[2].id: The id “s2” is used twice in cards; it is also at cards[1]. Give each one its own id.',
        'j.yaml:41:5 cards[3].laneId: There is no lane with the id “gossip” in lanes. Check the id, or add the lane.',
        'j.yaml:53:5 cards[5].columnId: There is no column with the id “later” in columns. Check the id, or add the column.',
        '',
      ].join('\n'),
    );
    const cy = await validate({ 'j.yaml': twiceAndMissing }, ['j.yaml'], { WAYMARK_LANG: 'cy' });
    expect(cy.stderr).toBe(
      [
        '✗ j.yaml',
        'j.yaml:34:5 cards[2].id: Defnyddir yr id “s2” ddwywaith yn cards; mae hefyd yn cards[1]. Rhowch ei id ei hun i bob un.',
        'j.yaml:41:5 cards[3].laneId: Nid oes lôn gyda’r id “gossip” yn lanes. Gwiriwch yr id, neu ychwanegwch y lôn.',
        'j.yaml:53:5 cards[5].columnId: Nid oes colofn gyda’r id “later” yn columns. Gwiriwch yr id, neu ychwanegwch y golofn.',
        '',
      ].join('\n'),
    );
  });

  it('given an unknown lane kind, an unknown field and a score of 150, then the choices, the field and the limit', async () => {
    const en = await validate({ 'k.yaml': badFields });
    expect(en.stderr).toBe(
      [
        '✗ k.yaml',
        `k.yaml:18:5 lanes[1].kind: Expected one of ${kinds}. Choose one of them.`,
        'k.yaml:45:5 cards[3]: Waymark does not know the field "colour". Check its spelling, or remove it.',
        'k.yaml:55:5 cards[5].score: This is too high: the most allowed is 100.',
        '',
      ].join('\n'),
    );
    const cy = await validate({ 'k.yaml': badFields }, ['k.yaml'], { LANG: 'cy_GB.UTF-8' });
    expect(cy.stderr).toBe(
      [
        '✗ k.yaml',
        `k.yaml:18:5 lanes[1].kind: Roedd disgwyl un o ${kinds}. Dewiswch un ohonynt.`,
        'k.yaml:45:5 cards[3]: Nid yw Waymark yn adnabod y maes "colour". Gwiriwch y sillafu, neu tynnwch ef.',
        'k.yaml:55:5 cards[5].score: Mae hwn yn rhy uchel: 100 yw’r uchafswm.',
        '',
      ].join('\n'),
    );
  });

  it('given a warning, then "warning:" in the language too', async () => {
    const text = journeyYaml.replace(
      'from: { columnId: waits }\n    to: { kind: column, columnId: reports }',
      'from: { columnId: incident }\n    to: { kind: column, columnId: waits }',
    );
    const cy = await validate({ 'w.yaml': text }, ['w.yaml'], { WAYMARK_LANG: 'cy' });
    expect(cy).toMatchObject({ code: 0, stdout: '✓ w.yaml\n' });
    expect(cy.stderr).toBe(
      'w.yaml:59:25 links[0].to.columnId: rhybudd: Mae’r ddolen adborth “chase” yn mynd ymlaen o “incident” i’r golofn ddiweddarach “waits”. Mae dolen adborth yn mynd yn ôl i gam cynharach neu at y cwsmer.\n',
    );
  });
});

describe('waymark validate --json', () => {
  it('given a valid and an invalid file, then one JSON report with located problems and exit 1', async () => {
    const r = await validate(
      { 'ok.yaml': journeyYaml, 'bad.yaml': journeyYaml.replace('score: -90', 'score: 150') },
      ['--json', 'ok.yaml', 'bad.yaml'],
    );
    expect(r.code).toBe(exitCodes.invalid);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { file: string; valid: boolean }) => [f.file, f.valid])).toEqual([
      ['ok.yaml', true],
      ['bad.yaml', false],
    ]);
    expect(report.files[1].problems).toEqual([
      expect.objectContaining({
        code: 'invalid_too_big',
        where: 'cards[5].score',
        line: lineOf(journeyYaml, 'score: -90'),
        column: 5,
        severity: 'error',
      }),
    ]);
  });
});

describe("waymark validate --json says each problem from the catalogue, in the reader's language", () => {
  const missing = journeyYaml
    .replace('laneId: quotes', 'laneId: gossip')
    .replace('columnId: waits\n    score: -90', 'columnId: later\n    score: -90');
  const tooHigh = journeyYaml.replace('score: -90', 'score: 150');

  /** The problems of the one file in a `--json` report, with the fields a program reads. */
  async function jsonProblems(text: string, env: Record<string, string> = {}) {
    const r = await validate({ 'j.yaml': text }, ['--json', 'j.yaml'], env);
    expect(r).toMatchObject({ code: exitCodes.invalid, stderr: '' });
    return (JSON.parse(r.stdout) as { files: { problems: Record<string, unknown>[] }[] }).files[0]!.problems;
  }

  it("given a lane and a column that do not exist, then each message is the catalogue's words, English or Welsh", async () => {
    const places = [
      { code: 'lane_not_found', where: 'cards[3].laneId', line: 41, values: { id: 'gossip', list: 'lanes' } },
      {
        code: 'column_not_found',
        where: 'cards[5].columnId',
        line: 53,
        values: { id: 'later', list: 'columns' },
      },
    ];
    expect(await jsonProblems(missing)).toEqual([
      {
        ...places[0],
        path: ['cards', 3, 'laneId'],
        column: 5,
        severity: 'error',
        message: 'There is no lane with the id “gossip” in lanes. Check the id, or add the lane.',
      },
      {
        ...places[1],
        path: ['cards', 5, 'columnId'],
        column: 5,
        severity: 'error',
        message: 'There is no column with the id “later” in columns. Check the id, or add the column.',
      },
    ]);
    expect(await jsonProblems(missing, { WAYMARK_LANG: 'cy' })).toEqual([
      expect.objectContaining({
        ...places[0],
        message: 'Nid oes lôn gyda’r id “gossip” yn lanes. Gwiriwch yr id, neu ychwanegwch y lôn.',
      }),
      expect.objectContaining({
        ...places[1],
        message: 'Nid oes colofn gyda’r id “later” yn columns. Gwiriwch yr id, neu ychwanegwch y golofn.',
      }),
    ]);
  });

  it("given a score of 150, then the limit in the catalogue's words, English or Welsh, its code unchanged", async () => {
    const place = { code: 'invalid_too_big', where: 'cards[5].score', line: 54, column: 5 };
    expect(await jsonProblems(tooHigh)).toEqual([
      expect.objectContaining({ ...place, message: 'This is too high: the most allowed is 100.' }),
    ]);
    expect(await jsonProblems(tooHigh, { LANG: 'cy_GB.UTF-8' })).toEqual([
      expect.objectContaining({ ...place, message: 'Mae hwn yn rhy uchel: 100 yw’r uchafswm.' }),
    ]);
  });
});

describe('waymark validate --json says a warning without "warning:" (its severity says so)', () => {
  const forward = journeyYaml.replace(
    'from: { columnId: waits }\n    to: { kind: column, columnId: reports }',
    'from: { columnId: incident }\n    to: { kind: column, columnId: waits }',
  );

  it.each([
    [
      'English',
      {},
      'The feedback loop “chase” goes forward',
      'links[0].to.columnId: warning: The feedback loop “chase” goes forward',
    ],
    [
      'Welsh',
      { WAYMARK_LANG: 'cy' },
      'Mae’r ddolen adborth “chase” yn mynd ymlaen',
      'links[0].to.columnId: rhybudd: Mae’r ddolen adborth “chase” yn mynd ymlaen',
    ],
  ] as const)(
    'given a feedback loop pointing forward (%s), then the words alone in the JSON, "warning:" kept in the human output',
    async (_, env, words, human) => {
      const r = await validate({ 'w.yaml': forward }, ['--json', 'w.yaml'], env);
      expect(r).toMatchObject({ code: exitCodes.ok, stderr: '' });
      const [problem, ...rest] = (
        JSON.parse(r.stdout) as { files: { valid: boolean; problems: { message: string }[] }[] }
      ).files[0]!.problems;
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({
        severity: 'warning',
        where: 'links[0].to.columnId',
        line: 59,
        column: 25,
      });
      expect(problem!.message.startsWith(words)).toBe(true);
      expect(problem!.message).not.toMatch(/^(warning|rhybudd):/);
      expect((await validate({ 'w.yaml': forward }, ['w.yaml'], env)).stderr).toContain(
        `w.yaml:59:25 ${human}`,
      );
    },
  );
});

describe('waymark validate warnings', () => {
  it('given a feedback loop pointing forward, then ✓, a located warning, and exit 0', async () => {
    const text = journeyYaml.replace(
      'from: { columnId: waits }\n    to: { kind: column, columnId: reports }',
      'from: { columnId: incident }\n    to: { kind: column, columnId: waits }',
    );
    const r = await validate({ 'j.yaml': text });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✓ j.yaml\n');
    expect(r.stderr).toMatch(
      new RegExp(
        `^j\\.yaml:${lineOf(text, 'columnId: waits }')}:\\d+ links\\[0\\]\\.to\\.columnId: warning: The feedback loop “chase” goes forward`,
      ),
    );
    expect((await validate({ 'j.yaml': text }, ['--quiet', 'j.yaml'])).stderr).toBe('');
  });
});
