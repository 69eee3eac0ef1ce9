import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { EventStore } from '../model/event-store';
import { chunksOf } from '../testing/fixtures';
import { importLogFile } from './import-log';
import { defaultImportLimits } from './limits';
import { gzipSizeHint, maxHintRatio } from './read-source';
import { importXes } from './xes';

const made: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'waymark-size-hint-'));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An XES log of `cases` traces of 3 events each, about 1 KB a trace: past the first megabyte at ~1,100. */
function xesLog(cases: number): string {
  const event = (c: number, e: number) =>
    `<event><string key="concept:name" value="Step ${e}"/><date key="time:timestamp" value="2024-03-0${e + 1}T10:${String(c % 60).padStart(2, '0')}:00Z"/><string key="org:group" value="Team ${c % 7}"/><string key="channel" value="Phone"/></event>\n`;
  const trace = (c: number) =>
    `<trace><string key="concept:name" value="case ${c}"/>\n${event(c, 0)}${event(c, 1)}${event(c, 2)}</trace>\n`;
  return `<?xml version="1.0" encoding="UTF-8" ?>\n<log xes.version="1.0">\n${Array.from({ length: cases }, (_, c) => trace(c)).join('')}</log>\n`;
}

const columns = (s: EventStore) => ({
  size: s.size,
  caseOf: [...s.caseOf.subarray(0, s.size)],
  activityOf: [...s.activityOf.subarray(0, s.size)],
  time: [...s.time.subarray(0, s.size)],
  org: [...(s.dim.org as Int32Array).subarray(0, s.size)],
  channel: [...(s.dim.channel as Int32Array).subarray(0, s.size)],
  cases: s.cases.values(),
  teams: s.dims.org.values(),
});

describe('gzipSizeHint (a gzip trailer read as a hint for sizing the columns)', () => {
  it('given a single-member gzip, then it is the expanded length', async () => {
    const text = xesLog(50);
    const path = join(dir(), 'one.xes.gz');
    const gz = gzipSync(text);
    writeFileSync(path, gz);
    expect(await gzipSizeHint(path, gz.length)).toBe(Buffer.byteLength(text));
  });

  it('given two gzip members, then it is only the last member length, and the import still reads both', async () => {
    const first = xesLog(2000);
    const cut = first.lastIndexOf('<trace>', first.length / 2);
    const [a, b] = [first.slice(0, cut), first.slice(cut)];
    const path = join(dir(), 'two.xes.gz');
    const gz = Buffer.concat([gzipSync(a), gzipSync(b)]);
    writeFileSync(path, gz);
    expect(await gzipSizeHint(path, gz.length)).toBe(Buffer.byteLength(b));
    const imported = await importLogFile(path);
    expect(imported.store.size).toBe(6000);
    expect(imported.store.cases.size).toBe(2000);
  });

  it('given a file too short to be gzip, or a trailer of zero, then there is no hint', async () => {
    const d = dir();
    writeFileSync(join(d, 'tiny.gz'), Buffer.from([0x1f, 0x8b, 8, 0]));
    expect(await gzipSizeHint(join(d, 'tiny.gz'), 4)).toBeUndefined();
    const zero = Buffer.concat([gzipSync('x'.repeat(40)).subarray(0, -4), Buffer.alloc(4)]);
    writeFileSync(join(d, 'zero.gz'), zero);
    expect(await gzipSizeHint(join(d, 'zero.gz'), zero.length)).toBeUndefined();
  });

  it('given a trailer claiming 4 GiB for a small file, then the hint is capped at 64 times the file and at the expanded-size limit', async () => {
    const gz = gzipSync('x'.repeat(1000));
    const forged = Buffer.concat([gz.subarray(0, -4), Buffer.from([0xff, 0xff, 0xff, 0xff])]);
    const path = join(dir(), 'forged.gz');
    writeFileSync(path, forged);
    expect(await gzipSizeHint(path, forged.length)).toBe(maxHintRatio * forged.length);
    expect(await gzipSizeHint(path, forged.length, { expandedBytes: 1000 })).toBe(1000);
  });
});

describe('XES columns sized from the size hint', () => {
  // 18,000 events in ~3.8 MB: doubling from 1,024 ends at 32,768
  const bytes = Buffer.from(xesLog(6000));
  const read = (sizeHint?: number, limits = defaultImportLimits) =>
    importXes(chunksOf(bytes, 64 * 1024), { limits, ...(sizeHint === undefined ? {} : { sizeHint }) });

  it('given the right size, then the columns are sized once near the events, with the same events as without a hint', async () => {
    const plain = await read();
    const hinted = await read(bytes.length);
    expect(columns(hinted.store)).toEqual(columns(plain.store));
    expect(hinted.store.size).toBe(18_000);
    expect(plain.store.capacity).toBe(32_768);
    // the estimate, from the first megabyte's bytes per event, is within a few per cent of 18,000
    expect(hinted.store.capacity).toBeGreaterThanOrEqual(18_000);
    expect(hinted.store.capacity).toBeLessThan(19_500);
  });

  it('given a hint far too small or far too large, then the events are the same (the columns grow, or are left longer)', async () => {
    const plain = columns((await read()).store);
    expect(columns((await read(10)).store)).toEqual(plain);
    const under = await read(Math.floor(bytes.length / 3));
    expect(columns(under.store)).toEqual(plain);
    expect(under.store.capacity).toBeGreaterThanOrEqual(18_000);
    const over = await read(bytes.length * 10);
    expect(columns(over.store)).toEqual(plain);
    expect(over.store.capacity).toBeGreaterThan(180_000);
  });

  it('given an event limit, then the hint never reserves past it and the limit is still enforced', async () => {
    const atLimit = await read(bytes.length * 10, { ...defaultImportLimits, maxEvents: 18_000 });
    expect(atLimit.store.size).toBe(18_000);
    expect(atLimit.store.capacity).toBe(18_000);
    await expect(
      read(bytes.length * 10, { ...defaultImportLimits, maxEvents: 17_999 }),
    ).rejects.toMatchObject({
      code: 'too_many_events',
    });
  });
});

describe('EventStore.reserve', () => {
  it('given room for n more, then it grows once to exactly that and keeps the events', () => {
    const store = new EventStore(new TextDecoder(), { dims: ['channel'], capacity: 4 });
    for (let i = 0; i < 3; i++) store.add(i, i, i);
    store.reserve(5000);
    expect(store.capacity).toBe(5003);
    expect([...store.caseOf.subarray(0, 3)]).toEqual([0, 1, 2]);
    expect([...(store.dim.channel as Int32Array).subarray(0, 5003)].every((x) => x === -1)).toBe(true);
  });
});
