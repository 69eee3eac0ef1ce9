import { applyCommand, parseJourney, type Journey } from '@waymark/core';
import { compareJourneys } from '@waymark/measure';
import { describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse';
import { importCsv } from '../ingest/csv-import';
import { buildCaseIndex } from '../model/case-index';
import { chunksOf, utf8 } from '../testing/fixtures';
import { attachCommands } from './attach-journey';
import { measureSteps } from './step-measures';

// A: 14 days end to end, B: 2 days, C: one event (0 days); mean 16/3 days.
const log = `case,activity,timestamp,channel,team
A,Report noise,2026-01-05T09:00:00Z,Phone,Contact centre
A,Chase progress,2026-01-12T09:00:00Z,Phone,Contact centre
A,Visit,2026-01-19T09:00:00Z,,ASB team
B,Report noise,2026-02-02T10:00:00Z,Web,Contact centre
B,Visit,2026-02-04T10:00:00Z,,ASB team
C,Report noise,2026-02-10T10:00:00Z,Phone,Contact centre
`;

const journey = (): Journey => {
  const parsed = parseJourney({
    schemaVersion: 2,
    id: 'j',
    meta: { title: 'Noise', journeyType: 'current' },
    columns: [
      { id: 'report', label: 'Reports the noise' },
      { id: 'visit', label: 'Officer visits' },
    ],
    lanes: [{ id: 'steps', kind: 'step', label: 'Steps' }],
    cards: [],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
};

describe('a log attached to a journey, compared', () => {
  it('given every activity mapped, when attached and compared, then the elapsed days are the log’s mean end-to-end days, not 0', async () => {
    const store = (await importCsv(chunksOf(utf8(log)))).store;
    const mean = analyseLog(store).cases.durationSeconds.mean / 86_400;
    expect(mean).toBeCloseTo(16 / 3, 6);
    const measures = measureSteps(buildCaseIndex(store), {
      'Report noise': 'report',
      'Chase progress': 'report',
      Visit: 'visit',
    });
    expect(measures.find((m) => m.columnId === 'report')?.elapsedDaysPerJourney).toBeCloseTo(7 / 3, 6);
    expect(measures.find((m) => m.columnId === 'visit')?.elapsedDaysPerJourney).toBeCloseTo(9 / 3, 6);
    const j = journey();
    const attached = attachCommands(j, measures, { datasetId: 'd1', datasetName: 'Noise log' }).reduce(
      (acc, c) => {
        const r = applyCommand(acc, c);
        if (!r.ok) throw new Error(r.error.message);
        return r.value.journey;
      },
      j,
    );
    const totals = compareJourneys(attached, attached).current.totals;
    expect(totals.elapsedDays).toBeCloseTo(mean, 1);
  });
});
