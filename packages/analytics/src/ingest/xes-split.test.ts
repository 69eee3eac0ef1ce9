import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { EventStore } from '../model/event-store';
import { ImportError, type ImportedLog } from './import-result';
import { importLogFile, type ImportFileOptions } from './import-log';
import { defaultImportLimits } from './limits';
import { splitFromBytes } from './xes-split';

const dir = mkdtempSync(join(tmpdir(), 'waymark-xes-split-'));

/**
 * A log of `traces` traces of three events, with what a split must carry across: trace attributes, a trace without
 * a case, events without an activity or with a bad time (rejections on both sides of the middle), a resource and a
 * cost only in the second half, non-ASCII values, comments, and lifecycles to filter on. `extra(i)` adds text
 * after trace i.
 */
function log(traces: number, extra: (i: number) => string = () => ''): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<log xes.version="1.0" xmlns="http://www.xes-standard.org/">',
    '  <!-- a comment before the first trace -->',
  ];
  for (let i = 0; i < traces; i++) {
    out.push('  <trace>');
    if (i !== 5) out.push(`    <string key="concept:name" value="case ${i}${i % 7 === 0 ? ' Ŵyn' : ''}"/>`);
    out.push(`    <string key="channel" value="${i % 3 === 0 ? 'Phone' : 'Web'}"/>`);
    for (let e = 0; e < 3; e++) {
      const day = String(1 + ((i + e) % 28)).padStart(2, '0');
      const time =
        (i === 40 || i === 160) && e === 1
          ? 'yesterday'
          : `2024-03-${day}T${String(8 + e).padStart(2, '0')}:00:00Z`;
      out.push('    <event>');
      if (!((i === 30 || i === 150) && e === 2))
        out.push(
          `      <string key="concept:name" value="${['Report', 'Visit', 'Close'][e]}${i % 11 === 0 ? ' é' : ''}"/>`,
        );
      out.push(`      <date key="time:timestamp" value="${time}"/>`);
      out.push(`      <string key="lifecycle:transition" value="${e === 1 ? 'start' : 'complete'}"/>`);
      out.push(`      <string key="org:group" value="Team ${(i * 3 + e) % 5}"/>`);
      if (i >= traces * 0.7) {
        out.push(`      <string key="org:resource" value="Officer ${i % 4}"/>`);
        out.push(`      <float key="cost:total" value="${(i % 9) + 0.5}"/>`);
      }
      out.push('    </event>');
    }
    out.push('  </trace>');
    const more = extra(i);
    if (more) out.push(more);
  }
  out.push('</log>', '');
  return out.join('\n');
}

let files = 0;
function file(text: string | Uint8Array, gzip = false): string {
  const path = join(dir, `log-${++files}.xes${gzip ? '.gz' : ''}`);
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  writeFileSync(path, gzip ? gzipSync(bytes) : bytes);
  return path;
}

/** The log read on one thread, and on two (split at `share` of it), with how the second was read. */
async function bothWays(
  path: string,
  options: ImportFileOptions = {},
  share = 0.5,
): Promise<{ one: ImportedLog | ImportError; two: ImportedLog | ImportError; said: string[] }> {
  const said: string[] = [];
  const attempt = (o: ImportFileOptions): Promise<ImportedLog | ImportError> =>
    importLogFile(path, o).catch((e: unknown) => {
      if (e instanceof ImportError) return e;
      throw e;
    });
  const one = await attempt({ ...options, xesSplit: { fromBytes: Number.MAX_SAFE_INTEGER } });
  const two = await attempt({
    ...options,
    xesSplit: { fromBytes: 1, headShare: share, onRead: (how) => said.push(how) },
  });
  return { one, two, said };
}

/** Everything a store holds, as plain values. */
function contents(s: EventStore): unknown {
  const n = s.size;
  return {
    n,
    caseOf: [...s.caseOf.subarray(0, n)],
    activityOf: [...s.activityOf.subarray(0, n)],
    time: [...s.time.subarray(0, n)],
    startTime: s.startTime ? [...s.startTime.subarray(0, n)] : null,
    cost: s.cost ? [...s.cost.subarray(0, n)] : null,
    cases: s.cases.values(),
    activities: s.activities.values(),
    dims: Object.fromEntries(
      s.presentDims().map((d) => [d, [...(s.dim[d] as Int32Array).subarray(0, n)], s.dims[d].values()]),
    ),
  };
}

function expectSame(one: ImportedLog | ImportError, two: ImportedLog | ImportError): ImportedLog {
  if (one instanceof ImportError) throw new Error(`one thread failed: ${one.message}`);
  if (two instanceof ImportError) throw new Error(`two threads failed: ${two.message}`);
  expect(contents(two.store)).toEqual(contents(one.store));
  expect(two.report).toEqual(one.report);
  return one;
}

function expectSameError(one: ImportedLog | ImportError, two: ImportedLog | ImportError): ImportError {
  expect(one).toBeInstanceOf(ImportError);
  expect(two).toBeInstanceOf(ImportError);
  const said = (e: ImportError) => ({ code: e.code, message: e.message, line: e.line, values: e.values });
  expect(said(two as ImportError)).toEqual(said(one as ImportError));
  return one as ImportError;
}

const lineOf = (text: string, needle: string): number =>
  text.slice(0, text.indexOf(needle)).split('\n').length;

describe('an XES log read on two threads', () => {
  it('gives the store and report one thread gives: ids, rejections with their lines, a mapping seen only late', async () => {
    const text = log(200);
    for (const gzip of [false, true]) {
      const { one, two, said } = await bothWays(file(text, gzip));
      expect(said).toEqual(['twoThreads']);
      const got = expectSame(one, two);
      // the rejections on either side of the middle, at their lines in the file
      const lines = got.report.rejections.map((r) => r.line);
      const total = text.split('\n').length;
      expect(lines.some((l) => l < total / 2)).toBe(true);
      expect(lines.some((l) => l > total / 2)).toBe(true);
      // an event's rejection is on the line of its <event>, two above its time
      expect(lines).toContain(lineOf(text, 'value="yesterday"') - 2);
      expect(got.report.mapping).toMatchObject({ resource: 'org:resource', cost: 'cost:total' });
      expect(got.report.rejections.map((r) => r.code)).toEqual(
        expect.arrayContaining(['trace_without_case', 'event_without_activity', 'bad_timestamp']),
      );
    }
  });

  it('filters by lifecycle and reads only the fields mapped, as one thread does, wherever the split falls', async () => {
    const path = file(log(120));
    for (const share of [0.1, 0.37, 0.8]) {
      const { one, two, said } = await bothWays(path, { lifecycle: 'complete' }, share);
      expect(said).toEqual(['twoThreads']);
      // the events with another lifecycle (one a trace, less the two rejected) are counted, not kept
      expect(expectSame(one, two).report.filteredRows).toBeGreaterThan(100);
      const mapped = await bothWays(path, { autoMap: false, mapping: { org: 'org:group' } }, share);
      expectSame(mapped.one, mapped.two);
    }
  });

  it('reads the log again on one thread when the first "</trace>" past the split is inside a comment', async () => {
    const text = log(100, (i) => (i === 49 ? '  <!-- an old copy: </trace>\n  <trace> -->' : ''));
    const share =
      Buffer.byteLength(text.slice(0, text.indexOf('<!-- an old copy'))) / Buffer.byteLength(text) - 0.0001;
    const { one, two, said } = await bothWays(file(text), {}, share);
    expect(said).toEqual(['againAlone']);
    expectSame(one, two);
  });

  it('reads the whole log in the worker when no trace ends past the split', async () => {
    const { one, two, said } = await bothWays(file(log(50)), {}, 0.9999);
    expect(said).toEqual(['twoThreads']);
    expectSame(one, two);
  });

  it('says an error in the second half with its line in the file, as one thread does', async () => {
    const text = log(100, (i) => (i === 80 ? '  <trace><event></trace>' : ''));
    const { one, two } = await bothWays(file(text, true));
    const e = expectSameError(one, two);
    expect(e.code).toBe('xml_malformed');
    expect(e.line).toBe(lineOf(text, '<trace><event></trace>'));
  });

  it('says the first error when both halves have one', async () => {
    const text = log(100, (i) => (i === 10 || i === 90 ? '  <trace><event></trace>' : ''));
    const e = expectSameError(
      ...(Object.values(await bothWays(file(text))).slice(0, 2) as [ImportError, ImportError]),
    );
    expect(e.line).toBe(lineOf(text, '<trace><event></trace>'));
  });

  it('says a byte that is not UTF-8 in the second half with its line, column and offset', async () => {
    const text = log(100);
    const at = text.indexOf('Officer 1');
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, at + 3)),
      Buffer.from([0xff]),
      Buffer.from(text.slice(at + 3)),
    ]);
    const { one, two } = await bothWays(file(bytes));
    const e = expectSameError(one, two);
    expect(e.code).toBe('not_utf8');
    expect(e.values).toMatchObject({
      line: lineOf(text, 'Officer 1'),
      byte: Buffer.byteLength(text.slice(0, at + 3)) + 1,
    });
  });

  it('says a gzip file cut short as one thread does, whether it ends before the split or after it', async () => {
    const text = Buffer.from(log(300));
    const whole = gzipSync(text);
    // cut at 70 %, with the whole log's length where a trailer would be, so the two threads split it as they would
    const size = Buffer.alloc(4);
    size.writeUInt32LE(text.length);
    const gz = join(dir, 'cut-short.xes.gz');
    writeFileSync(gz, Buffer.concat([whole.subarray(0, Math.floor(whole.length * 0.7)), size]));
    // and one whose deflate data is damaged at 60 %
    const damaged = Buffer.from(whole);
    damaged.fill(0xff, Math.floor(whole.length * 0.6), Math.floor(whole.length * 0.6) + 64);
    const bad = join(dir, 'damaged.xes.gz');
    writeFileSync(bad, damaged);
    for (const path of [gz, bad])
      for (const share of [0.3, 0.9]) {
        const { one, two } = await bothWays(path, {}, share);
        expectSameError(one, two);
      }
  });

  it('says a limit the two halves reach only together where one thread reaches it', async () => {
    const limits = { ...defaultImportLimits, maxEvents: 250 };
    const { one, two, said } = await bothWays(file(log(100)), { limits });
    expect(said).toEqual(['againAlone']);
    expect(expectSameError(one, two).code).toBe('too_many_events');
  });
});

describe('when a large XES log is read on two threads by default', () => {
  it('is never on one or two cores, where the split was slower than one thread; from 32 MB with more cores', () => {
    expect(splitFromBytes(1)).toBe(Number.POSITIVE_INFINITY);
    expect(splitFromBytes(2)).toBe(Number.POSITIVE_INFINITY);
    expect(splitFromBytes(3)).toBe(32 * 1024 * 1024);
    expect(splitFromBytes(16)).toBe(32 * 1024 * 1024);
  });
});
