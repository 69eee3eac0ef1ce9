import { describe, expect, it } from 'vitest';
import { importCsv } from '../ingest/csv-import';
import { computeAvoidable } from '../metrics/avoidable';
import { contactMask } from '../metrics/contacts';
import { buildCaseIndex } from '../model/case-index';
import { chunksOf, utf8 } from '../testing/fixtures';
import { avoidableBySteps } from './avoidable-steps';

const log = `case,activity,timestamp,channel,team
A,Report missed bin,2024-01-01T09:00:00Z,Phone,Contact centre
A,Chase progress,2024-01-03T09:00:00Z,Phone,Contact centre
A,Transfer to waste team,2024-01-03T09:10:00Z,,Contact centre
A,Collect bin,2024-01-20T09:00:00Z,,Waste
A,Chase progress,2024-01-21T09:00:00Z,Web,Waste
B,Report missed bin,2024-02-01T10:00:00Z,Web,Contact centre
C,Report missed bin,2024-02-02T10:00:00Z,Face to face,Contact centre
C,Report missed bin,2024-02-04T10:00:00Z,Phone,Contact centre
C,Collect bin,2024-02-05T10:00:00Z,,Waste
`;

describe('avoidable contact per step', () => {
  it('counts each step’s contacts and the avoidable ones by the log’s NI14 rules (hand-counted)', async () => {
    const { store } = await importCsv(chunksOf(utf8(log)));
    const index = buildCaseIndex(store);
    const mapping = {
      'Report missed bin': 'report',
      'Chase progress': 'chase',
      'Transfer to waste team': 'report',
      'Collect bin': 'collect',
    };
    const bySteps = avoidableBySteps(index, mapping);
    // report: A, B and C twice = 4 contacts, C's second report within 7 days is a repeat
    expect([bySteps['report']!.successes, bySteps['report']!.trials]).toEqual([1, 4]);
    // chase: both of A's chases are progress chasing
    expect([bySteps['chase']!.successes, bySteps['chase']!.trials]).toEqual([2, 2]);
    // collect: no channel, so no contact
    expect(bySteps['collect']!.trials).toBe(0);
    // with every activity mapped the steps add up to the log's figure
    const whole = computeAvoidable(index, contactMask(index));
    const sum = (k: 'successes' | 'trials') => Object.values(bySteps).reduce((a, p) => a + p[k], 0);
    expect([sum('successes'), sum('trials')]).toEqual([whole.avoidable, whole.contacts]);
  });
});
