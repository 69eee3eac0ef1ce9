import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseLog } from './analyse';
import { importLogFile } from './ingest/import-log';
import { toJsonReport } from './report/json';

/** PM4Py's reference results for the public logs, kept outside the repository (../shared). */
const sharedDir = join(import.meta.dirname, '../../../../shared/data');
const logsDir = join(sharedDir, 'logs');

interface Reference {
  cases: number;
  events: number;
  distinctActivities: number;
  firstTimestamp: string;
  lastTimestamp: string;
  startActivities: Record<string, number>;
  endActivities: Record<string, number>;
  dfg: {
    edgeCount: number;
    directlyFollowsPairs: number;
    edges: {
      from: string;
      to: string;
      count: number;
      meanSeconds: number;
      medianSeconds: number;
      minSeconds: number;
      maxSeconds: number;
    }[];
  };
  variants: { count: number; top: { activities: string[]; cases: number }[] };
  caseDurationSeconds: { mean: number; median: number; min: number; max: number };
  eventsPerCase: { mean: number; median: number; min: number; max: number };
  source?: { eventsDropped?: number };
}

const referenceName = (file: string): string =>
  file === 'pm4py_receipt.xes' ? 'pm4py_receipt_xes' : file.replace(/\.(csv|xes\.gz|xes)$/, '');
const logs = existsSync(logsDir) ? readdirSync(logsDir).filter((f) => /\.(csv|xes|xes\.gz)$/.test(f)) : [];

describe.skipIf(!existsSync(sharedDir))('waymark analyse matches PM4Py on every shared log', () => {
  it('finds the logs', () => expect(logs.length).toBeGreaterThanOrEqual(10));

  for (const file of logs) {
    it(`given ${file}, when analysed, then counts, start/end activities, the DFG (durations within 1 ms), variants and case figures match`, async () => {
      const ref = JSON.parse(
        readFileSync(join(sharedDir, 'reference', `${referenceName(file)}.json`), 'utf8'),
      ) as Reference;
      const imported = await importLogFile(join(logsDir, file));
      const report = toJsonReport(analyseLog(imported.store), imported.report);
      expect(report.log).toMatchObject({
        cases: ref.cases,
        events: ref.events,
        activities: ref.distinctActivities,
        start: ref.firstTimestamp,
        end: ref.lastTimestamp,
        rejectedRows: ref.source?.eventsDropped ?? 0,
      });
      expect(report.dfg.startActivities).toEqual(ref.startActivities);
      expect(report.dfg.endActivities).toEqual(ref.endActivities);
      expect(report.dfg.pairs).toBe(ref.dfg.directlyFollowsPairs);
      expect(report.dfg.edges.length).toBe(ref.dfg.edgeCount);
      const ours = new Map(report.dfg.edges.map((e) => [`${e.from}\u0000${e.to}`, e]));
      for (const r of ref.dfg.edges) {
        const e = ours.get(`${r.from}\u0000${r.to}`);
        expect(e, `${r.from} → ${r.to}`).toBeDefined();
        expect(e?.count).toBe(r.count);
        for (const k of ['meanSeconds', 'medianSeconds', 'minSeconds', 'maxSeconds'] as const)
          expect(Math.abs((e?.[k] ?? Number.NaN) - r[k]), `${r.from} → ${r.to} ${k}`).toBeLessThan(0.001);
      }
      expect(report.variants.count).toBe(ref.variants.count);
      expect(report.variants.top.map((v) => ({ activities: v.activities, cases: v.cases }))).toEqual(
        ref.variants.top,
      );
      const d = report.cases.durationSeconds;
      expect(Math.abs((d.mean ?? 0) - ref.caseDurationSeconds.mean)).toBeLessThan(0.001);
      expect(Math.abs((d.median ?? 0) - ref.caseDurationSeconds.median)).toBeLessThan(0.001);
      expect([d.min, d.max]).toEqual([ref.caseDurationSeconds.min, ref.caseDurationSeconds.max]);
      const epc = report.cases.eventsPerCase;
      expect(Math.abs((epc.mean ?? 0) - ref.eventsPerCase.mean)).toBeLessThan(0.001);
      expect([epc.median, epc.min, epc.max]).toEqual([
        ref.eventsPerCase.median,
        ref.eventsPerCase.min,
        ref.eventsPerCase.max,
      ]);
    });
  }
});
