import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodes } from '../command';
import { analyseCommand } from './analyse';

function harness(env: Record<string, string> = { WAYMARK_PSEUDONYM_KEY: 'test-key-of-at-least-16-bytes' }) {
  const cwd = mkdtempSync(join(tmpdir(), 'waymark-analyse-'));
  const out: string[] = [];
  const err: string[] = [];
  const ctx = { cwd, env, stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
  const run = (...args: string[]) => analyseCommand.run(args, ctx);
  return { cwd, run, stdout: () => out.join(''), stderr: () => err.join('') };
}

const csv = `Ref;Action;When;Medium;Team
R-1;Report;01/02/2024 09:00;Phone;Contact centre
R-1;Assess;03/02/2024 09:00;;Housing
R-1;Close;13/02/2024 09:00;Letter;Housing
R-2;Report;02/02/2024 10:00;Web;Contact centre
R-2;Oops;not a date;Web;Contact centre
`;

/** The test log's case, activity and time columns. */
const mapped = ['--case', 'Ref', '--activity', 'Action', '--timestamp', 'When'];

describe('waymark analyse', () => {
  it('given a CSV with mapped columns, when run with --format json, then the JSON contract holds and rejected rows are reported', async () => {
    const h = harness();
    writeFileSync(join(h.cwd, 'log.csv'), csv);
    const code = await h.run(
      'log.csv',
      ...mapped,
      '--channel',
      'Medium',
      '--org',
      'Team',
      '--format',
      'json',
    );
    expect(code).toBe(exitCodes.ok);
    const r = JSON.parse(h.stdout());
    expect(r.log).toMatchObject({
      cases: 2,
      events: 4,
      activities: 3,
      rejectedRows: 1,
      start: '2024-02-01T09:00:00.000Z',
      end: '2024-02-13T09:00:00.000Z',
    });
    expect(r.log.rejections[0]).toMatchObject({ line: 6, field: 'When' });
    expect(r.dfg.edges).toContainEqual({
      from: 'Report',
      to: 'Assess',
      count: 1,
      meanSeconds: 172800,
      medianSeconds: 172800,
      minSeconds: 172800,
      maxSeconds: 172800,
    });
    expect(r.dfg.startActivities).toEqual({ Report: 2 });
    expect(r.dfg.endActivities).toEqual({ Close: 1, Report: 1 });
    expect(r.variants).toMatchObject({
      count: 2,
      top: [
        { activities: ['Report'], cases: 1 },
        { activities: ['Report', 'Assess', 'Close'], cases: 1 },
      ],
    }); // a tie: the prefix sorts first
    expect(r.cases.eventsPerCase).toMatchObject({ mean: 2, median: 2, max: 3 });
    expect(r.cases.durationSeconds).toMatchObject({ mean: (12 * 86_400) / 2, median: (12 * 86_400) / 2 });
    expect(r.handoffs.matrix).toEqual([{ from: 'Contact centre', to: 'Housing', count: 1 }]);
    expect(h.stderr()).toMatch(
      /^warning: 1 of 5 rows could not be read and is not in the figures\. Line 6 \(When\): “not a date” is not a date and time\. Use the day first, for example 01\/03\/2024 09:30\.$/m,
    );
  });

  it('given a column without a name and dates that could be day or month first, then each warning is said from the catalogue by its code, in English and Welsh, pointing to --date-format', async () => {
    const log = 'Ref,Action,When,\nR-1,Report,01/02/2024 09:00,x\nR-1,Close,03/02/2024 09:00,y\n';
    for (const [lang, expected] of [
      [
        'en',
        [
          'warning: Column 4 of the header has no name, so it was not read. Give it a name and import the file again if you need it.',
          'warning: Dates in the “When” column could be day first or month first, so they were read day first, as in the UK. If they are month first, run the command again with --date-format mdy.',
        ],
      ],
      [
        'cy',
        [
          'rhybudd: Nid oes enw gan golofn 4 yn y pennyn, felly ni chafodd ei darllen. Rhowch enw iddi a mewnforiwch y ffeil eto os oes ei hangen arnoch.',
          'rhybudd: Gallai’r dyddiadau yn y golofn “When” ddangos y diwrnod yn gyntaf neu’r mis yn gyntaf, felly cawsant eu darllen â’r diwrnod yn gyntaf, fel yn y DU. Os yw’r mis yn gyntaf, rhedwch y gorchymyn eto gyda --date-format mdy.',
        ],
      ],
    ] as const) {
      const h = harness({ WAYMARK_PSEUDONYM_KEY: 'test-key-of-at-least-16-bytes', WAYMARK_LANG: lang });
      writeFileSync(join(h.cwd, 'log.csv'), log);
      expect(await h.run('log.csv', ...mapped, '--format', 'json')).toBe(exitCodes.ok);
      expect(h.stderr().trimEnd().split('\n')).toEqual(expected);
      // the JSON keeps the importer's English and the codes beside it
      const r = JSON.parse(h.stdout()) as { log: { warnings: string[]; warningCodes: { code: string }[] } };
      expect(r.log.warningCodes.map((w) => w.code)).toEqual(['column_without_name', 'date_order_guessed']);
      expect(r.log.warnings[1]).toMatch(/Pass --date-format mdy/);
    }
  });

  it('given rejected rows and WAYMARK_LANG=cy, then the whole warning is in Welsh, the reason from its code', async () => {
    const h = harness({ WAYMARK_PSEUDONYM_KEY: 'test-key-of-at-least-16-bytes', WAYMARK_LANG: 'cy' });
    writeFileSync(join(h.cwd, 'log.csv'), `${csv}R-2;;03/02/2024 10:00;Web;Contact centre\n`);
    expect(await h.run('log.csv', ...mapped, '--format', 'json')).toBe(exitCodes.ok);
    expect(h.stderr()).toMatch(
      /^rhybudd: Nid oedd modd darllen 2 res o 6 ac nid ydynt yn y ffigurau\. Llinell 6 \(When\): Nid yw “not a date” yn ddyddiad ac amser\. .* Llinell 7 \(Action\): Mae’r gweithgaredd yn wag\. Mae angen gweithgaredd ar bob rhes\.$/m,
    );
    expect(h.stderr()).not.toMatch(/rejected|is not a date-time|warning:/);
  });

  it('never prints a raw case id: silences carry keyed pseudonyms that are stable for one key', async () => {
    const a = harness();
    writeFileSync(join(a.cwd, 'log.csv'), csv);
    await a.run('log.csv', ...mapped, '--format', 'json');
    const b = harness();
    writeFileSync(join(b.cwd, 'log.csv'), csv);
    await b.run('log.csv', ...mapped, '--format', 'json');
    expect(a.stdout()).not.toMatch(/R-1|R-2/);
    const first = JSON.parse(a.stdout()).silences.longest[0].case;
    expect(first).toMatch(/^p_[0-9a-f]{16}$/);
    expect(JSON.parse(b.stdout()).silences.longest[0].case).toBe(first);
  });

  it('writes a self-contained HTML report with --out', async () => {
    const h = harness();
    writeFileSync(join(h.cwd, 'log.csv'), csv);
    expect(await h.run('log.csv', ...mapped, '--format', 'html', '--out', 'report.html')).toBe(exitCodes.ok);
    const html = readFileSync(join(h.cwd, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg class="map"');
    expect(html).not.toMatch(/<script|src="http|href="http/);
    expect(h.stdout()).toBe('');
    expect(h.stderr()).toMatch(/^wrote report\.html$/m);
  });

  it('given --out in a folder that does not exist, then exit 3 naming the file and saying what to do, in English or Welsh', async () => {
    for (const [lang, wrote, cannot] of [
      [
        'en',
        /^wrote report\.json$/m,
        /^waymark analyse: cannot write the report to missing\/report\.json: the folder it goes in does not exist\. Create the folder, or give --out a path in a folder that exists\.\n$/,
      ],
      [
        'cy',
        /^ysgrifennwyd report\.json$/m,
        /^waymark analyse: ni ellir ysgrifennu’r adroddiad i missing\/report\.json: nid yw’r ffolder y mae’n mynd iddo yn bodoli\. Crëwch y ffolder, neu rhowch i --out lwybr mewn ffolder sy’n bodoli\.\n$/,
      ],
    ] as const) {
      const h = harness({ WAYMARK_PSEUDONYM_KEY: 'test-key-of-at-least-16-bytes', WAYMARK_LANG: lang });
      writeFileSync(join(h.cwd, 'log.csv'), 'case,activity,timestamp\nA,Report,2024-01-01T09:00:00Z\n');
      expect(await h.run('log.csv', '--format', 'json', '--out', 'report.json')).toBe(exitCodes.ok);
      expect(h.stderr()).toMatch(wrote);
      const bad = harness({ WAYMARK_PSEUDONYM_KEY: 'test-key-of-at-least-16-bytes', WAYMARK_LANG: lang });
      writeFileSync(join(bad.cwd, 'log.csv'), 'case,activity,timestamp\nA,Report,2024-01-01T09:00:00Z\n');
      expect(await bad.run('log.csv', '--format', 'json', '--out', 'missing/report.json')).toBe(exitCodes.io);
      expect(bad.stderr()).toMatch(cannot);
      expect(bad.stderr()).not.toMatch(/ENOENT/);
    }
  });

  it('prints Markdown by default', async () => {
    const h = harness();
    writeFileSync(join(h.cwd, 'log.csv'), csv);
    expect(await h.run('log.csv', '--case', 'Ref', '--activity', 'Action', '--timestamp', 'When')).toBe(
      exitCodes.ok,
    );
    expect(h.stdout()).toMatch(/^# Event log analysis: log.csv\n/);
    expect(h.stdout()).toContain('| Cases | 2 |');
  });

  it('given no timestamp column, then exit 1 and a message naming the header', async () => {
    const h = harness();
    writeFileSync(join(h.cwd, 'log.csv'), 'case,activity,when\nA,B,2024-01-01\n');
    expect(await h.run('log.csv')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: no timestamp column was found (the header on line 1 has: "case", "activity", "when"). Choose the column with --timestamp.\n',
    );
  });

  it('given a missing file, then exit 3; a bad option or format, then exit 2', async () => {
    const h = harness();
    expect(await h.run('nope.csv')).toBe(exitCodes.io);
    expect(h.stderr()).toMatch(/cannot read .*nope.csv/);
    expect(await h.run('x.csv', '--format', 'pdf')).toBe(exitCodes.usage);
    expect(await h.run('x.csv', '--colour')).toBe(exitCodes.usage);
    expect(await h.run()).toBe(exitCodes.usage);
    expect(h.stderr()).toMatch(/--format must be json, md or html; got "pdf"\./);
    expect(h.stderr()).toMatch(
      /^waymark analyse: missing <log>: give the event log file to analyse \(or --survey <export> for survey responses alone\)\.\nRun 'waymark analyse --help' for the options\.$/m,
    );
  });

  it('given a usage error and WAYMARK_LANG=cy (or LANG=cy_GB.UTF-8), then it and where to read the options are in Welsh', async () => {
    const h = harness({ WAYMARK_LANG: 'cy' });
    expect(await h.run('x.csv', '--format', 'pdf')).toBe(exitCodes.usage);
    expect(h.stderr()).toBe(
      `waymark analyse: Rhaid i --format fod yn json, md neu html; cafwyd "pdf".\nRhedwch 'waymark analyse --help' i weld yr opsiynau.\n`,
    );
    const lang = harness({ LANG: 'cy_GB.UTF-8' });
    expect(await lang.run('a.csv', 'b.csv')).toBe(exitCodes.usage);
    expect(lang.stderr()).toMatch(/^waymark analyse: un log ar y tro; cafwyd b\.csv hefyd\./);
    expect(await lang.run('--survey-map', 'map.json')).toBe(exitCodes.usage);
    expect(lang.stderr()).toMatch(/^waymark analyse: <log> ar goll: /m);
    expect(lang.stderr()).not.toMatch(/Run 'waymark/);
  });

  it('given a costs file with a bad value, then exit 1 naming the key', async () => {
    const h = harness();
    writeFileSync(join(h.cwd, 'log.csv'), csv);
    writeFileSync(join(h.cwd, 'costs.json'), '{"Phone": "cheap"}');
    expect(await h.run('log.csv', ...mapped, '--costs', 'costs.json')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: --costs: costs.json, key "Phone": expected pounds per contact (a number ≥ 0); got "cheap".\n',
    );
  });

  it('given a settings file that is missing, not JSON or not an object, then it says which, where and what to do, in English or Welsh', async () => {
    const h = harness();
    writeFileSync(join(h.cwd, 'log.csv'), csv);
    expect(await h.run('log.csv', ...mapped, '--categories', 'nowhere.json')).toBe(exitCodes.io);
    expect(h.stderr()).toBe(
      'waymark analyse: --categories: cannot read nowhere.json: there is no such file. Check its name and folder.\n',
    );
    writeFileSync(join(h.cwd, 'costs.json'), '{\n  "Phone": 4.2\n  "Web": 0.1\n}');
    expect(await h.run('log.csv', ...mapped, '--costs', 'costs.json')).toBe(exitCodes.invalid);
    expect(h.stderr()).toMatch(
      /^waymark analyse: --costs: costs\.json is not JSON: the problem is at line 3, column 3\. Check the brackets, quotes and commas there\.\n/m,
    );
    writeFileSync(join(h.cwd, 'cut.json'), '{"Phone": 4.2,');
    expect(await h.run('log.csv', ...mapped, '--costs', 'cut.json')).toBe(exitCodes.invalid);
    expect(h.stderr()).toMatch(/--costs: cut\.json is not JSON: the problem is at line 1, column 15\./);
    writeFileSync(join(h.cwd, 'classes.json'), '["waste"]');
    expect(await h.run('log.csv', ...mapped, '--value-classes', 'classes.json')).toBe(exitCodes.invalid);
    expect(h.stderr()).toMatch(
      /--value-classes: classes\.json must hold one JSON object of value classes \("value-added", "necessary" or "waste"\), such as \{"Report noise": "value-added"\}\./,
    );
    const cy = harness({ WAYMARK_LANG: 'cy' });
    writeFileSync(join(cy.cwd, 'log.csv'), csv);
    writeFileSync(join(cy.cwd, 'categories.json'), '{"Chase progress": ""}');
    expect(await cy.run('log.csv', ...mapped, '--categories', 'categories.json')).toBe(exitCodes.invalid);
    expect(cy.stderr()).toBe(
      'waymark analyse: --categories: categories.json, allwedd "Chase progress": disgwylid cod categori fel "PC"; cafwyd "".\n',
    );
  });

  it('without a workspace key, warns that pseudonyms are one-off', async () => {
    const h = harness({});
    writeFileSync(join(h.cwd, 'log.csv'), csv);
    await h.run('log.csv', ...mapped, '--format', 'json');
    expect(h.stderr()).toMatch(
      /^note: WAYMARK_PSEUDONYM_KEY is not set \(or is empty\), so case ids are pseudonymised with a one-off key: .* set WAYMARK_PSEUDONYM_KEY to a long random value, .*openssl rand -hex 32/m,
    );
    const cy = harness({ WAYMARK_LANG: 'cy' });
    writeFileSync(join(cy.cwd, 'log.csv'), csv);
    await cy.run('log.csv', ...mapped, '--format', 'json');
    expect(cy.stderr()).toMatch(
      /^nodyn: Nid yw WAYMARK_PSEUDONYM_KEY wedi’i osod \(neu mae’n wag\), felly mae cyfeirnodau achosion yn cael eu ffugenwi ag allwedd untro: /m,
    );
    expect(cy.stderr()).not.toMatch(/note:|is not set/);
  });

  it('given a WAYMARK_PSEUDONYM_KEY shorter than 16 bytes, then exit 2 before the log is read, saying what to set, in English or Welsh, without the key', async () => {
    for (const key of ['Qz', 'fifteen-bytes!!', 'ŵŵŵŵŵŵŵ']) {
      const h = harness({ WAYMARK_PSEUDONYM_KEY: key });
      // the log does not exist: the key is refused first, so the message is about the key, not the file
      expect(await h.run('no-such-log.csv', '--format', 'json'), key).toBe(exitCodes.usage);
      const err = h.stderr();
      expect(err).toMatch(
        /^waymark analyse: WAYMARK_PSEUDONYM_KEY is too short: .* must be at least 16 bytes .*openssl rand -hex 32.*one-off key/,
      );
      expect(err).toMatch(/Run 'waymark analyse --help' for the options\.\n$/);
      expect(err).not.toMatch(/no-such-log|internal error|bug|RangeError/i);
      expect(err).not.toContain(key);
      expect(h.stdout()).toBe('');
    }
    const cy = harness({ WAYMARK_PSEUDONYM_KEY: 'x', WAYMARK_LANG: 'cy' });
    expect(await cy.run('no-such-log.csv')).toBe(exitCodes.usage);
    expect(cy.stderr()).toMatch(/^waymark analyse: Mae WAYMARK_PSEUDONYM_KEY yn rhy fyr: .*16 beit o leiaf/);
    // --survey alone pseudonymises respondents with the same key, so it is refused the same way
    const survey = harness({ WAYMARK_PSEUDONYM_KEY: 'x' });
    expect(await survey.run('--survey', 'no-such-survey.csv')).toBe(exitCodes.usage);
    expect(survey.stderr()).toMatch(/WAYMARK_PSEUDONYM_KEY is too short/);
  });

  it('given a key of 16 bytes (eight two-byte letters), or an empty WAYMARK_PSEUDONYM_KEY (treated as unset), then the log is analysed', async () => {
    const args = ['log.csv', ...mapped, '--format', 'json'];
    const keyed = harness({ WAYMARK_PSEUDONYM_KEY: 'ŵŵŵŵŵŵŵŵ' });
    writeFileSync(join(keyed.cwd, 'log.csv'), csv);
    expect(await keyed.run(...args), keyed.stderr()).toBe(exitCodes.ok);
    expect(keyed.stderr()).not.toMatch(/WAYMARK_PSEUDONYM_KEY/);
    const empty = harness({ WAYMARK_PSEUDONYM_KEY: '' });
    writeFileSync(join(empty.cwd, 'log.csv'), csv);
    expect(await empty.run(...args), empty.stderr()).toBe(exitCodes.ok);
    expect(JSON.parse(empty.stdout()).log).toMatchObject({ cases: 2, events: 4 });
    expect(empty.stderr()).toMatch(/note: WAYMARK_PSEUDONYM_KEY is not set \(or is empty\), .*one-off key/);
  });

  it('given a truncated XES.gz, an XML entity bomb or an external entity, then exit 1 with a clear message and no crash', async () => {
    const h = harness();
    const xes =
      '<?xml version="1.0"?>\n<log><trace><string key="concept:name" value="1"/><event><string key="concept:name" value="A"/><date key="time:timestamp" value="2024-01-01T00:00:00Z"/></event></trace></log>\n';
    const gz = gzipSync(xes.repeat(50));
    writeFileSync(join(h.cwd, 'cut.xes.gz'), gz.subarray(0, gz.length >> 1));
    writeFileSync(
      join(h.cwd, 'bomb.xes'),
      '<?xml version="1.0"?>\n<!DOCTYPE log [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<log>&b;</log>',
    );
    writeFileSync(
      join(h.cwd, 'xxe.xes'),
      '<?xml version="1.0"?>\n<!DOCTYPE log [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<log>&x;</log>',
    );
    expect(await h.run('cut.xes.gz')).toBe(exitCodes.invalid);
    expect(await h.run('bomb.xes')).toBe(exitCodes.invalid);
    expect(await h.run('xxe.xes')).toBe(exitCodes.invalid);
    const err = h.stderr();
    expect(err).toMatch(
      /^waymark analyse: cut\.xes\.gz: the compressed file is cut short \(it ends before the compressed data does\)\. Copy or compress the log again/m,
    );
    expect(err).toMatch(/^waymark analyse: line 2: the XES file declares a DOCTYPE, so it is refused/m);
    expect(err).not.toMatch(/root:/);
  });
});

describe('waymark analyse on a log above WAYMARK_STREAM_FROM_MB', () => {
  // hand-offs between teams, a 30-day silence, a chase, a transfer and a repeat within 7 days; back-office
  // events (no channel) are not contacts
  const log = `case,activity,timestamp,channel,team
A,Report,2024-01-01T09:00:00Z,Phone,Contact centre
B,Report,2024-01-01T10:00:00Z,Web,Contact centre
A,Assess,2024-01-02T09:00:00Z,,Housing
B,Chase progress,2024-01-03T10:30:00Z,Phone,Contact centre
A,Chase progress,2024-02-01T09:00:00Z,Phone,Contact centre
B,Transfer to service team,2024-01-04T10:30:00Z,Phone,Housing
A,Report,2024-02-03T09:00:00Z,Phone,Contact centre
A,Close,2024-02-04T09:00:00Z,Letter,Housing
C,Report,2024-01-05T09:00:00Z,Web,Contact centre
C,Report,2024-01-07T09:00:00Z,Web,Contact centre
`;
  const key = { WAYMARK_PSEUDONYM_KEY: 'test-key-of-at-least-16-bytes' };

  async function both(...args: string[]) {
    const inMemory = harness(key);
    writeFileSync(join(inMemory.cwd, 'log.csv'), log);
    expect(await inMemory.run('log.csv', ...args)).toBe(exitCodes.ok);
    const streamed = harness({ ...key, WAYMARK_STREAM_FROM_MB: '0.0001' });
    writeFileSync(join(streamed.cwd, 'log.csv'), log);
    expect(await streamed.run('log.csv', ...args)).toBe(exitCodes.ok);
    expect(streamed.stderr()).toMatch(/note: The log was streamed.*every figure but the value-added ratio/);
    return { inMemory, streamed };
  }

  it('given a log over the size, when run with --format json, then it is streamed and its figures equal the in-memory ones', async () => {
    const { inMemory, streamed } = await both(
      '--format',
      'json',
      '--sco',
      'close',
      '--delivery',
      'Assess',
      '--confirmation',
      'Chase progress',
    );
    const a = JSON.parse(inMemory.stdout());
    const b = JSON.parse(streamed.stdout());
    expect(a.log.streamed).toBeUndefined();
    expect(b.log.streamed).toBe(true);
    expect(b.log.notComputed).toEqual(['valueAdded']);
    expect(b.closedLoop).toMatchObject({ delivered: 1, closed: 1 });
    expect(b.successfulOutcome.reached).toBe(1);
    expect(b.log.cases).toBe(3);
    for (const k of ['cases', 'events', 'activities', 'start', 'end'] as const)
      expect(b.log[k]).toEqual(a.log[k]);
    for (const k of [
      'dfg',
      'variants',
      'cases',
      'handoffs',
      'rework',
      'silences',
      'avoidable',
      'channels',
      'firstContactResolution',
      'successfulOutcome',
      'closedLoop',
      'segments',
      'histograms',
    ])
      expect(b[k], k).toEqual(a[k]);
    // the figures are not empty: A hands off three times, B once; A is silent 30 days; PC, MD and RP occur
    expect(b.handoffs.total).toBe(4);
    expect(b.silences.casesOverThreshold).toBe(1);
    expect(b.silences.longest[0].after).toBe('Assess');
    expect(b.avoidable.byCategory).toEqual({ PC: 2, RP: 1, MD: 1 });
    expect(b.avoidable.contacts).toBe(9);
  });

  it('given a log over the size, when run for the Markdown and HTML reports, then they show the streamed figures and say which are missing', async () => {
    const md = await both();
    const text = md.streamed.stdout();
    expect(text).toMatch(/\| Hand-offs per case \(mean, from the log\) \| 1\.33 \|/);
    expect(text).toMatch(/\| Cases silent for over 14 days \| 1 \(33\.3 %\) \|/);
    expect(text).toContain('## Baton changes');
    expect(text).toMatch(/- The log was streamed.*every figure but the value-added ratio/);
    // every other line is the in-memory report's own
    const expected = new Set(md.inMemory.stdout().split('\n'));
    const other = text.split('\n').filter((l) => !expected.has(l));
    expect(other).toHaveLength(2);
    expect(other.join('\n')).toMatch(/^\*\*Warnings\*\*\n- The log was streamed/);
    const html = await both('--format', 'html');
    expect(html.streamed.stdout()).toContain('<h2>Baton changes</h2>');
    expect(html.streamed.stdout()).toMatch(/<li>The log was streamed.*<\/li>/);
  });

  it('given a log over the size and options for figures a streamed log does not have, then it says they were not used', async () => {
    const h = harness({ ...key, WAYMARK_STREAM_FROM_MB: '0.0001', LANG: 'cy_GB.UTF-8' });
    writeFileSync(join(h.cwd, 'log.csv'), log);
    writeFileSync(join(h.cwd, 'classes.json'), '{"Close": "value-added"}');
    expect(await h.run('log.csv', '--format', 'json', '--value-classes', 'classes.json')).toBe(exitCodes.ok);
    expect(h.stderr()).toMatch(/^nodyn: Cafodd y log ei ffrydio/m);
    expect(h.stderr()).toMatch(/^rhybudd: Mae --value-classes yn gofyn am ffigurau/m);
  });
});
