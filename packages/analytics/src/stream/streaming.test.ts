import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse';
import { importLogFile } from '../ingest/import-log';
import { ImportError } from '../ingest/import-result';
import { toJsonReport } from '../report/json';
import { contactLogCsv, generateEvents } from '../testing/contact-log';
import { shouldStream, streamLogFile, toStreamedJsonReport } from './stream-log';

const dir = mkdtempSync(join(tmpdir(), 'waymark-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The generated log as XES, each trace's events in a shuffled order (the reader must sort them by time);
 * contacts carry their own cost (cost:total), so the cost per journey sums the log's costs.
 */
function xesOf(events: number, seed: number): string {
  const traces = new Map<string, string[]>();
  for (const e of generateEvents({ events, seed, openCases: 300 })) {
    const parts = traces.get(e.caseId) ?? [];
    parts.push(
      `<event><string key="concept:name" value="${e.activity}"/><date key="time:timestamp" value="${new Date(e.time).toISOString()}"/><string key="org:group" value="${e.team}"/>${e.channel ? `<string key="channel" value="${e.channel}"/>` : ''}${e.outcome ? `<string key="outcome" value="${e.outcome}"/>` : ''}${e.channel ? `<float key="cost:total" value="${(e.time % 997) / 100}"/>` : ''}</event>\n`,
    );
    traces.set(e.caseId, parts);
  }
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n';
  let flip = 0;
  for (const [id, parts] of traces) {
    // every other trace lists its events last first
    const ordered = flip++ % 2 ? [...parts].reverse() : parts;
    out += `<trace><string key="concept:name" value="${id}"/>\n${ordered.join('')}</trace>\n`;
  }
  return `${out}</log>\n`;
}

/** Pseudonyms that show the case (both modes pass the same function). */
const pseudonymise = (c: string) => `p-${c}`;
/** Rules beyond the defaults: an explicit category, and a repeat window of 10 days. */
const avoidable = { categories: { 'Request more information': 'CL' }, repeatWithinDays: 10 };
/** The Successful Customer Outcome, spelt differently from the log (names compare ignoring case and spaces). */
const successfulOutcome = { activity: ' site VISIT ' };
/** Closing the loop: a site visit delivers, a phoned chase after it confirms. */
const closedLoop = { delivery: ['Site visit'], confirmation: ['chase progress'] };

/** What both modes give: the in-memory report cut to the figures the streaming mode keeps. */
async function inMemory(path: string) {
  const imported = await importLogFile(path);
  const r = toJsonReport(
    analyseLog(imported.store, {
      parallelFrom: Infinity,
      pseudonymise,
      avoidable,
      silenceThresholdDays: 20,
      successfulOutcome,
      closedLoop,
    }),
    imported.report,
  );
  return {
    log: {
      cases: r.log.cases,
      events: r.log.events,
      activities: r.log.activities,
      start: r.log.start,
      end: r.log.end,
      rows: r.log.rows,
      casesOutOfOrder: r.log.casesOutOfOrder,
      warnings: r.log.warnings,
      warningCodes: r.log.warningCodes,
    },
    dfg: r.dfg,
    variants: r.variants,
    cases: r.cases,
    handoffs: r.handoffs,
    rework: r.rework,
    silences: r.silences,
    avoidable: r.avoidable,
    channels: r.channels,
    firstContactResolution: r.firstContactResolution,
    successfulOutcome: r.successfulOutcome,
    closedLoop: r.closedLoop,
    segments: r.segments,
    histograms: r.histograms,
  };
}

async function streamed(path: string) {
  const s = await streamLogFile(path, {
    pseudonymise,
    avoidable,
    silenceThresholdDays: 20,
    successfulOutcome,
    closedLoop,
  });
  const r = toStreamedJsonReport(s.figures, s.report);
  expect(r.log.streamed).toBe(true);
  const { cases, events, activities, start, end, rows, casesOutOfOrder, warnings, warningCodes } = r.log;
  return {
    log: { cases, events, activities, start, end, rows, casesOutOfOrder, warnings, warningCodes },
    dfg: r.dfg,
    variants: r.variants,
    cases: r.cases,
    handoffs: r.handoffs,
    rework: r.rework,
    silences: r.silences,
    avoidable: r.avoidable,
    channels: r.channels,
    firstContactResolution: r.firstContactResolution,
    successfulOutcome: r.successfulOutcome,
    closedLoop: r.closedLoop,
    segments: r.segments,
    histograms: r.histograms,
  };
}

/** The people figures are not trivial: hand-offs, long silences, repeats and chases all occur. */
function expectNonTrivial(r: Awaited<ReturnType<typeof inMemory>>): void {
  expect(r.handoffs?.total).toBeGreaterThan(100);
  expect(r.handoffs?.matrix.length).toBeGreaterThan(3);
  expect(r.silences.casesOverThreshold).toBeGreaterThan(10);
  expect(r.silences.longest).toHaveLength(10);
  expect(r.avoidable.avoidable).toBeGreaterThan(100);
  expect(r.avoidable.contacts).toBeLessThan(r.log.events);
  for (const code of ['PC', 'MD', 'RP', 'CL']) expect(r.avoidable.byCategory[code]).toBeGreaterThan(0);
  expect(r.rework.casesWithRework).toBeGreaterThan(10);
  expect(r.channels?.channels.length).toBeGreaterThan(3);
  expect(r.channels?.totalCost).toBeGreaterThan(1000);
  expect(r.firstContactResolution?.resolvedAtFirstContact).toBeGreaterThan(5);
  expect(r.successfulOutcome?.reached).toBeGreaterThan(100);
  expect(r.successfulOutcome?.ruleMatchesLog).toBe(true);
  expect(r.closedLoop?.closed).toBeGreaterThan(10);
  expect(r.closedLoop?.closed).toBeLessThan(r.closedLoop?.delivered ?? 0);
  expect(r.segments.period?.length).toBeGreaterThan(0);
  expect(r.segments.channel?.length).toBeGreaterThan(3);
  expect(r.segments.org?.length).toBeGreaterThan(0);
  expect(r.segments.variant).toHaveLength(11);
}

/** Equal, and with the same key order (the JSON text is the same). */
function expectSame(actual: Record<string, unknown>, expected: Record<string, unknown>): void {
  expect(actual).toEqual(expected);
  for (const k of Object.keys(expected))
    expect(JSON.stringify(actual[k]), k).toBe(JSON.stringify(expected[k]));
}

describe('streaming mode', () => {
  it('given a generated 60,000-event CSV with 2,000 cases open at once, when streamed, then every figure equals the in-memory analysis', async () => {
    const path = join(dir, 'log.csv');
    writeFileSync(path, contactLogCsv({ events: 60_000, seed: 7 }));
    const expected = await inMemory(path);
    expect(expected.log.events).toBe(60_000);
    expect(expected.dfg.edges.length).toBeGreaterThan(10);
    expect(expected.variants.count).toBeGreaterThan(20);
    expectNonTrivial(expected);
    expectSame(await streamed(path), expected);
  });

  it('given a generated XES.gz whose traces list events out of time order, when streamed, then every figure equals the in-memory analysis', async () => {
    const path = join(dir, 'log.xes.gz');
    writeFileSync(path, gzipSync(xesOf(20_000, 11)));
    const expected = await inMemory(path);
    expect(expected.log.cases).toBeGreaterThan(1000);
    expect(expected.log.casesOutOfOrder).toBeGreaterThan(100);
    expectNonTrivial(expected);
    expectSame(await streamed(path), expected);
  });

  it('given a CSV where a case has an event dated before its earlier row, when streamed, then it is refused naming the event and both times', async () => {
    const path = join(dir, 'unsorted.csv');
    writeFileSync(
      path,
      'case,activity,timestamp\nA,Report,2024-01-02T10:00:00Z\nB,Report,2024-01-02T11:00:00Z\nA,Close,2024-01-01T09:00:00Z\n',
    );
    const err = await streamLogFile(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('stream_out_of_order');
    expect((err as ImportError).message).toMatch(
      /event 3 .*2024-01-01T09:00:00\.000Z.*2024-01-02T10:00:00\.000Z/,
    );
  });

  it('given WAYMARK_STREAM_FROM_MB, then logs from that size stream and smaller ones do not (a .gz counted as expanded)', async () => {
    const csv = join(dir, 'small.csv');
    writeFileSync(csv, 'x'.repeat(600_000));
    const gz = join(dir, 'small.csv.gz');
    writeFileSync(gz, Buffer.alloc(40_000, 1));
    const oneMB = 1024 * 1024;
    expect(await shouldStream(csv, oneMB)).toBe(false);
    expect(await shouldStream(csv, oneMB / 2)).toBe(true);
    expect(await shouldStream(gz, oneMB / 2)).toBe(true);
    expect(await shouldStream(gz, oneMB)).toBe(false);
  });
});
