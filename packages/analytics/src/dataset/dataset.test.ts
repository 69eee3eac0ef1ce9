import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJourney, type Journey } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse';
import { importCsv } from '../ingest/csv-import';
import { buildCaseIndex } from '../model/case-index';
import { toJsonReport } from '../report/json';
import { chunksOf, utf8 } from '../testing/fixtures';
import { changeOfAddressScenario, contactLogCsv } from '../testing/contact-log';
import { attachCommands, detachCommands, suggestStepMapping } from './attach-journey';
import { decodeEvents, encodeEvents } from './event-codec';
import { filterCases } from './filter';
import { previewLogFile } from './preview';
import { measureSteps } from './step-measures';

const log = `case,activity,timestamp,channel,team,resource
A,Report noise,2026-01-05T09:00:00Z,Phone,Contact centre,Alice Smith
A,Chase progress,2026-01-12T09:00:00Z,Phone,Contact centre,Bob Jones
A,Visit,2026-01-19T09:00:00Z,,ASB team,Carol
B,Report noise,2026-02-02T10:00:00Z,Web,Contact centre,Alice Smith
B,Visit,2026-02-04T10:00:00Z,,ASB team,Carol
C,Report noise,2026-02-10T10:00:00Z,Phone,Contact centre,Bob Jones
`;
const load = async (text = log) => (await importCsv(chunksOf(utf8(text)))).store;
const tag = (s: string) => `h(${s})`;
const importReport = {
  format: 'csv' as const,
  mapping: {},
  rows: 6,
  rejectedRows: 0,
  rejections: [],
  filteredRows: 0,
  warnings: [],
};

describe('dataset events: kept pseudonymised, filtered, measured onto steps', () => {
  it('given a log, when its events are encoded and decoded, then the analysis is the same and case ids and names are pseudonymised', async () => {
    const store = await load();
    const before = toJsonReport(analyseLog(store), importReport);
    const decoded = decodeEvents(encodeEvents(store, tag));
    const after = toJsonReport(analyseLog(decoded), importReport);
    expect(after.dfg).toEqual(before.dfg);
    expect(after.cases).toEqual(before.cases);
    expect(decoded.cases.values().sort()).toEqual(['h(A)', 'h(B)', 'h(C)']);
    expect(decoded.dims.resource.values().sort()).toEqual(['h(Alice Smith)', 'h(Bob Jones)', 'h(Carol)']);
    expect(decoded.dims.channel.values().sort()).toEqual(['Phone', 'Web']);
  });

  it('given a filter by first channel, period and variant, when applied, then only whole matching cases remain', async () => {
    const byPhone = analyseLog(filterCases(await load(), { channel: 'Phone' }));
    expect(byPhone.cases.cases).toBe(2);
    expect(byPhone.cases.events).toBe(4);
    const feb = analyseLog(filterCases(await load(), { from: '2026-02-01', to: '2026-02-05' }));
    expect(feb.cases.cases).toBe(1);
    expect(feb.dfg.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['Report noise>Visit']);
    const none = analyseLog(filterCases(await load(), { org: 'Nobody' }));
    expect(none.cases.cases).toBe(0);
    // variants: each case has its own sequence; rank 1 is the most frequent, ties by name
    const v1 = analyseLog(filterCases(await load(), { variant: 1 }));
    expect(v1.cases.cases).toBe(1);
  });

  it('given activities mapped to steps, when measured, then contacts per journey, waits and hand-offs are per step', async () => {
    const store = await load();
    const index = buildCaseIndex(store);
    const m = measureSteps(index, { 'Report noise': 'report', 'Chase progress': 'report', Visit: 'visit' });
    const report = m.find((s) => s.columnId === 'report')!;
    const visit = m.find((s) => s.columnId === 'visit')!;
    expect(report).toMatchObject({ cases: 3, contactsPerJourney: 4 / 3, waitDays: 7 });
    expect(report.unitCost).toBeCloseTo((2.83 * 3 + 0.15) / 4, 6);
    // Visit: no channel, so not a contact; two hand-offs (Contact centre → ASB team) in three cases
    expect(visit).toMatchObject({
      cases: 2,
      contactsPerJourney: 0,
      waitDays: (7 + 2) / 2,
      handOffsPerJourney: 2 / 3,
    });
  });

  it('given a journey and measures, when attached, refreshed and detached, then the metric cards come and go through commands', async () => {
    const { applyCommand } = await import('@waymark/core');
    const parsed = parseJourney({
      schemaVersion: 2,
      id: 'j',
      meta: { title: 'Noise', journeyType: 'current' },
      columns: [
        { id: 'report', label: 'Reports the noise' },
        { id: 'visit', label: 'Officer visits' },
      ],
      lanes: [
        { id: 'steps', kind: 'step', label: 'Steps' },
        { id: 'feel', kind: 'feeling', label: 'Feelings' },
      ],
      cards: [],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const journey: Journey = parsed.value;
    expect(suggestStepMapping(['Report noise', 'Visit', 'Close case'], journey)).toEqual({
      'Report noise': 'report',
      Visit: 'visit',
      'Close case': null,
    });
    const index = buildCaseIndex(await load());
    const measures = measureSteps(index, { 'Report noise': 'report', Visit: 'visit' });
    const run = (j: Journey, cmds: ReturnType<typeof attachCommands>) =>
      cmds.reduce((acc, c) => {
        const r = applyCommand(acc, c);
        if (!r.ok) throw new Error(r.error.message);
        return r.value.journey;
      }, j);
    const target = { datasetId: 'd1', datasetName: 'Noise log', date: '2026-02-10' };
    const attached = run(journey, attachCommands(journey, measures, target));
    const cards = attached.cards.filter((c) => c.kind === 'metric');
    expect(cards.every((c) => c.kind === 'metric' && c.origin === 'log' && c.sourceId === 'ds-d1')).toBe(
      true,
    );
    expect(
      cards.find((c) => c.columnId === 'report' && c.kind === 'metric' && c.metric === 'contacts'),
    ).toMatchObject({ value: 1 });
    expect(attached.lanes.map((l) => l.id)).toEqual(['steps', 'ds-d1', 'feel']);
    const again = run(attached, attachCommands(attached, measures, target));
    expect(again.lanes.map((l) => l.id)).toEqual(['steps', 'ds-d1', 'feel']);
    expect(again.cards.filter((c) => c.kind === 'metric')).toHaveLength(cards.length);
    const detached = run(again, detachCommands(again, 'd1'));
    expect(detached.cards).toEqual(journey.cards);
    expect(detached.lanes).toEqual(journey.lanes);
    expect(detached.sources).toEqual(journey.sources);
  });

  it('given a CSV, an empty file and a binary file, when previewed, then columns, rows and a mapping are suggested or the problem is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-preview-'));
    writeFileSync(
      join(dir, 'log.csv'),
      contactLogCsv({ events: 200, seed: 3, scenario: changeOfAddressScenario, openCases: 20 }),
    );
    const p = await previewLogFile(join(dir, 'log.csv'));
    expect(p.format).toBe('csv');
    expect(p.columns).toEqual(['case_id', 'activity', 'timestamp', 'channel', 'team', 'outcome']);
    expect(p.rows).toHaveLength(10);
    expect(p.suggested).toEqual({
      case: 'case_id',
      activity: 'activity',
      timestamp: 'timestamp',
      channel: 'channel',
      org: 'team',
      outcome: 'outcome',
    });
    writeFileSync(join(dir, 'empty.csv'), '');
    await expect(previewLogFile(join(dir, 'empty.csv'))).rejects.toThrow(/empty/);
    writeFileSync(join(dir, 'image.csv'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    await expect(previewLogFile(join(dir, 'image.csv'))).rejects.toThrow(
      /not a text file \(byte 5, on line 1, is a zero byte\)/,
    );
  });
});
