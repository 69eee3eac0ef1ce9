import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodes } from '../command';
import { analyseCommand } from './analyse';

/** `waymark analyse`'s Markdown and HTML reports are said in the reader's words: the catalogue's, English or Welsh. */
function harness(env: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), 'waymark-analyse-words-'));
  const out: string[] = [];
  const err: string[] = [];
  const ctx = { cwd, env, stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
  const run = (...args: string[]) => analyseCommand.run(args, ctx);
  return { cwd, run, stdout: () => out.join(''), stderr: () => err.join('') };
}

const key = { WAYMARK_PSEUDONYM_KEY: 'test-key-of-at-least-16-bytes' };
const csv = `case,activity,timestamp,channel,team
A,Report,2024-01-01T09:00:00Z,Phone,Contact centre
A,Assess,2024-01-02T09:00:00Z,,Housing
A,Chase progress,2024-02-01T09:00:00Z,Phone,Contact centre
A,Close,2024-02-04T09:00:00Z,Letter,Housing
B,Report,2024-01-01T10:00:00Z,Web,Contact centre
B,Close,not a date,Web,Housing
`;

/** Headings and labels of the English report that must not be left in the Welsh one. */
const english = [
  'Event log analysis',
  'Key figures',
  '| Figure | Value |',
  '| Cases |',
  'Period',
  'Rejected rows',
  'First rejected rows',
  'Contacts per case',
  'End-to-end time',
  'Directly-follows graph',
  'Top variants',
  'Baton changes',
  'Avoidable contact',
  '95 % CI',
  ' days',
  ' to 2024',
  'is not a date-time',
];

describe('waymark analyse --format md|html in the reader’s language', () => {
  it('given WAYMARK_LANG=cy, then the Markdown report’s headings, labels, units and rejected rows are Welsh', async () => {
    const h = harness({ ...key, WAYMARK_LANG: 'cy' });
    writeFileSync(join(h.cwd, 'log.csv'), csv);
    expect(await h.run('log.csv', '--format', 'md')).toBe(exitCodes.ok);
    const md = h.stdout();
    expect(md).toMatch(/^# Dadansoddiad o’r log digwyddiadau: log\.csv\n/);
    for (const line of [
      '## Ffigurau allweddol',
      '| Ffigur | Gwerth |',
      '| Achosion | 2 |',
      '| Digwyddiadau | 5 |',
      '| Cyfnod | 2024-01-01T09:00:00.000Z i 2024-02-04T09:00:00.000Z |',
      '| Rhesi a wrthodwyd | 1 o 6 |',
      '| Achosion yn dawel am fwy na 14 diwrnod | 1 (50 %) |',
      '**Y rhesi cyntaf a wrthodwyd**',
      '## Graff camau olynol (y camau mwyaf cyffredin)',
      '| O | I | Nifer | Canolrif | Cymedr |',
      '| Report | Assess | 1 | 24 awr | 24 awr |',
      '## Yr amrywiadau mwyaf cyffredin',
      '## Newid dwylo',
      '## Cyswllt y gellid ei osgoi fesul categori',
    ])
      expect(md).toContain(`\n${line}\n`);
    expect(md).toMatch(
      /\n\| Cyswllt y gellid ei osgoi \(NI14\) \| [\d.]+ % \(CI 95 % [\d.]+–[\d.]+ %\) \|\n/,
    );
    expect(md).toMatch(/\n- llinell 7 \(timestamp\): Nid yw “not a date” yn ddyddiad ac amser\./);
    for (const words of english) expect(md).not.toContain(words);
  });

  it('given LANG=cy_GB.UTF-8, then the HTML report is Welsh, its lang cy-GB', async () => {
    const h = harness({ ...key, LANG: 'cy_GB.UTF-8' });
    writeFileSync(join(h.cwd, 'log.csv'), csv);
    expect(await h.run('log.csv', '--format', 'html')).toBe(exitCodes.ok);
    const html = h.stdout();
    expect(html).toContain('<html lang="cy-GB">');
    expect(html).toContain('<title>Dadansoddiad o’r log digwyddiadau: log.csv</title>');
    for (const heading of [
      'Ffigurau allweddol',
      'Map o’r broses',
      'Amrywiadau',
      'Cysylltiadau fesul achos',
      'Amser o’r dechrau i’r diwedd',
      'Newid dwylo',
    ])
      expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain('<div class="figure">Achosion<b>2</b></div>');
    expect(html).toContain('aria-label="Map o’r broses: y 3 trosglwyddiad mwyaf cyffredin"');
    expect(html).toMatch(
      /<p>2024-01-01T09:00:00\.000Z i 2024-02-04T09:00:00\.000Z · csv · 6 rhes wedi’u darllen, 1 wedi’u gwrthod<\/p>/,
    );
    for (const words of [...english, 'Process map', 'rows read', 'Variants', 'lang="en'])
      expect(html).not.toContain(words);
  });

  it('given WAYMARK_LANG=cy and a log that is streamed, then the report and its note are Welsh', async () => {
    const h = harness({ ...key, WAYMARK_LANG: 'cy', WAYMARK_STREAM_FROM_MB: '0.0001' });
    writeFileSync(join(h.cwd, 'log.csv'), csv);
    expect(await h.run('log.csv', '--format', 'md')).toBe(exitCodes.ok);
    const md = h.stdout();
    expect(md).toContain('\n## Ffigurau allweddol\n');
    expect(md).toMatch(/\n\*\*Rhybuddion\*\*\n\n- Cafodd y log ei ffrydio/);
    for (const words of [...english, 'Warnings', 'The log was streamed']) expect(md).not.toContain(words);
  });

  it('given no language, then the report is English as before', async () => {
    const h = harness(key);
    writeFileSync(join(h.cwd, 'log.csv'), csv);
    expect(await h.run('log.csv', '--format', 'md')).toBe(exitCodes.ok);
    const md = h.stdout();
    for (const line of [
      '## Key figures',
      '| Figure | Value |',
      '| Period | 2024-01-01T09:00:00.000Z to 2024-02-04T09:00:00.000Z |',
      '| Rejected rows | 1 of 6 |',
      '| Cases silent for over 14 days | 1 (50 %) |',
      '| Report | Assess | 1 | 24 h | 24 h |',
    ])
      expect(md).toContain(`\n${line}\n`);
  });

  it('uses only eventlog.report ids that the catalogue has in English and Welsh', () => {
    const root = join(import.meta.dirname, '../../../..');
    const dir = join(root, 'packages/analytics/src/report');
    const used = new Set(
      readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/'(eventlog\.report\.[\w.]+)'/g)])
        .map((m) => m[1]!),
    );
    expect(used.size).toBeGreaterThan(50);
    for (const locale of ['en', 'cy']) {
      const catalogue = JSON.parse(
        readFileSync(join(root, `packages/i18n/messages/${locale}/eventlog.json`), 'utf8'),
      ) as Record<string, string>;
      expect(
        [...used].filter((id) => !catalogue[id]?.trim()),
        locale,
      ).toEqual([]);
    }
  });
});
