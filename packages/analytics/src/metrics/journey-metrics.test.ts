import { describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse';
import { importCsv } from '../ingest/csv-import';
import { chunksOf, utf8 } from '../testing/fixtures';

/** A small council contact log: every figure below can be counted by hand. */
const log = `case,activity,timestamp,channel,team,outcome
A,Report missed bin,2024-01-01T09:00:00Z,Phone,Contact centre,logged
A,Chase progress,2024-01-03T09:00:00Z,Phone,Contact centre,logged
A,Transfer to waste team,2024-01-03T09:10:00Z,,Contact centre,
A,Collect bin,2024-01-20T09:00:00Z,,Waste,
A,Chase progress,2024-01-21T09:00:00Z,Web,Waste,resolved
B,Report missed bin,2024-02-01T10:00:00Z,Web,Contact centre,resolved
C,Report missed bin,2024-02-02T10:00:00Z,Face to face,Contact centre,logged
C,Report missed bin,2024-02-04T10:00:00Z,Phone,Contact centre,logged
C,Collect bin,2024-02-05T10:00:00Z,,Waste,
`;

async function analyse(config = {}) {
  const { store } = await importCsv(chunksOf(utf8(log)));
  return analyseLog(store, config);
}

describe('journey metrics on a hand-counted contact log', () => {
  it('given channels, then contacts are the events with a channel and cost comes from the Socitm 2011 table', async () => {
    const a = await analyse();
    expect(a.avoidable.contacts).toBe(6);
    expect(a.contactsPerCase.mean).toBeCloseTo(2, 9);
    expect(a.channels?.channels.map((c) => [c.channel, c.contacts])).toEqual([
      ['Phone', 3],
      ['Web', 2],
      ['Face to face', 1],
    ]);
    expect(a.channels?.table?.year).toBe(2011);
    expect(a.channels?.totalCost).toBeCloseTo(3 * 2.83 + 2 * 0.15 + 8.62, 9);
  });

  it('given the user’s own unit costs, then they override the table', async () => {
    const a = await analyse({ localCosts: { Phone: 5 } });
    expect(a.channels?.totalCost).toBeCloseTo(3 * 5 + 2 * 0.15 + 8.62, 9);
  });

  it('counts hand-offs between teams and the baton-change matrix', async () => {
    const a = await analyse();
    expect(a.handoffs?.total).toBe(2);
    expect(a.handoffs?.casesWithHandoff).toBe(2);
    expect(a.handoffs?.matrix).toEqual([{ from: 'Contact centre', to: 'Waste', count: 2 }]);
  });

  it('counts rework as repeated activities within a case', async () => {
    const a = await analyse();
    expect(a.rework.repeatedEvents).toBe(2);
    expect(a.rework.casesWithRework).toBe(2);
    expect(a.rework.byActivity.map((r) => r.activity).sort()).toEqual([
      'Chase progress',
      'Report missed bin',
    ]);
  });

  it('finds the longest silence per case and the cases over the threshold', async () => {
    const a = await analyse({ silenceThresholdDays: 10, pseudonymise: (c: string) => `p(${c})` });
    expect(a.silences.casesOverThreshold).toBe(1);
    expect(a.silences.longest[0]).toEqual({
      case: 'p(A)',
      gapSeconds: 17 * 86_400 - 600,
      after: 'Transfer to waste team',
      before: 'Collect bin',
    });
  });

  it('given the default rules, then chasing, transfers and repeats within 7 days are avoidable, with NI14 and its Wilson interval', async () => {
    const a = await analyse();
    // A: two chases (PC); the transfer has no channel so is not a contact; C: repeat report within 2 days (RP)
    expect(a.avoidable.byCategory).toEqual({ PC: 2, RP: 1 });
    expect(a.avoidable.avoidable).toBe(3);
    expect(a.avoidable.ni14Percent).toBeCloseTo(50, 9);
    expect(a.avoidable.interval.low).toBeGreaterThan(0);
    expect(a.avoidable.interval.high).toBeLessThan(100);
    expect(a.avoidable.interval.low).toBeLessThan(50);
  });

  it('given explicit categories and repeats turned off, then only the categories count', async () => {
    const a = await analyse({
      avoidable: { categories: { 'Report missed bin': 'NR' }, repeatWithinDays: 0, chasing: /^$/ },
    });
    expect(a.avoidable.byCategory).toEqual({ NR: 4 }); // A once, B once, C twice
  });

  it('first-contact resolution: only B was resolved at a single first contact', async () => {
    const a = await analyse();
    expect(a.fcr).toMatchObject({ requests: 3, resolvedAtFirstContact: 1 });
    expect(a.fcr?.rate).toBeCloseTo(1 / 3, 9);
  });

  it('value-added ratio by count from a classification', async () => {
    const a = await analyse({
      valueClasses: {
        'Collect bin': 'value-added',
        'Report missed bin': 'necessary',
        'Chase progress': 'waste',
      },
    });
    expect(a.valueAdded?.events).toEqual({ 'value-added': 2, necessary: 4, waste: 2, unclassified: 1 });
    expect(a.valueAdded?.byCount).toBeCloseTo(2 / 8, 9);
  });

  it('segments by period, first channel, first team and variant', async () => {
    const a = await analyse();
    expect(a.segments.period?.map((s) => [s.key, s.cases])).toEqual([
      ['2024-01', 1],
      ['2024-02', 2],
    ]);
    expect(a.segments.channel?.find((s) => s.key === 'Phone')?.contactsPerCase.mean).toBe(3); // only A starts by phone
    expect(a.segments.org?.map((s) => s.key)).toEqual(['Contact centre']);
    expect(a.segments.variant?.reduce((n, s) => n + s.cases, 0)).toBe(3);
  });
});
