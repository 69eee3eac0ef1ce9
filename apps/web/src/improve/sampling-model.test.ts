import { applyCommand, type Journey } from '@waymark/core';
import { profileActivity, wilsonInterval } from '@waymark/measure';
import { sampleJourney } from '@waymark/store';
import { describe, expect, it } from 'vitest';
import {
  carryIntoJourney,
  emptyStudy,
  nextObservation,
  plannedSampleSize,
  profileSummary,
} from './sampling-model';

const categories = [
  { id: 'patient', label: 'With the patient', classification: 'value-added' as const },
  { id: 'other', label: 'Everything else', classification: 'necessary-non-value-added' as const },
];
/** Seed 002: 256 observations, 7 % (18 of them) with the patient. */
const seed002 = [...Array<string>(18).fill('patient'), ...Array<string>(238).fill('other')];

describe('activity sampling model', () => {
  it("given seed 002's study, then the summary shows 7.0 % and the Wilson interval of 18 of 256", () => {
    const profile = profileActivity(categories, seed002);
    if (!profile.ok) throw new Error('profile');
    const w = wilsonInterval(18, 256, 0.95);
    const text = profileSummary(profile.value, 0.95);
    expect(text).toContain('value-added 7.0 % of time');
    expect(text).toContain(`${(w.low * 100).toFixed(1)} %–${(w.high * 100).toFixed(1)} %`);
    expect(text).toContain('256 observations');
    // The interval from domain.md §6's formula, written out: about 4.5 %–10.8 %.
    const z = 1.959963984540054,
      n = 256,
      p = 18 / 256;
    const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
    expect(w.low).toBeCloseTo(centre - half, 12);
    expect(w.high).toBeCloseTo(centre + half, 12);
  });

  it('given a journey without the lane, when carried in twice, then one lane and two cards, accepted by the reducer', () => {
    const profile = profileActivity(categories, seed002);
    if (!profile.ok) throw new Error('profile');
    let j: Journey = sampleJourney('j');
    for (const id of ['as-1', 'as-2']) {
      for (const cmd of carryIntoJourney(j, profile.value, 0.95, 's2', id)) {
        const r = applyCommand(j, cmd);
        if (!r.ok) throw new Error(r.error.message);
        j = r.value.journey;
      }
    }
    expect(j.lanes.filter((l) => l.label === 'Activity sample')).toHaveLength(1);
    const cards = j.cards.filter((c) => c.laneId === 'activity-sample');
    expect(cards.map((c) => c.columnId)).toEqual(['s2', 's2']);
    expect('text' in cards[0]! && cards[0].text).toMatch(/With the patient 7\.0 %; Everything else 93\.0 %/);
    // The value-added share is the step's metric, once, not a copy per carry.
    const metrics = j.cards.filter((c) => c.kind === 'metric' && c.metric === 'value-added-percent');
    expect(metrics).toHaveLength(1);
    expect(metrics[0]).toMatchObject({ columnId: 's2', value: 7, origin: 'sample' });
  });

  it('given a journey that has a metric lane, when carried in, then the value-added figure goes into that lane', () => {
    const profile = profileActivity(categories, [...seed002.slice(0, 17), 'other', 'patient']);
    if (!profile.ok) throw new Error('profile');
    const withLane = applyCommand(sampleJourney('j'), {
      type: 'lane.add',
      item: { id: 'figures', kind: 'metric', label: 'Figures' },
    });
    if (!withLane.ok) throw new Error(withLane.error.message);
    let j: Journey = withLane.value.journey;
    const lane = { id: 'figures' };
    for (const cmd of carryIntoJourney(j, profile.value, 0.95, 's1', 'as-1')) {
      const r = applyCommand(j, cmd);
      if (!r.ok) throw new Error(r.error.message);
      j = r.value.journey;
    }
    const metric = j.cards.find((c) => c.kind === 'metric' && c.metric === 'value-added-percent');
    expect(metric).toMatchObject({
      laneId: lane.id,
      columnId: 's1',
      value: Math.round((18 / 19) * 1000) / 10,
    });
    expect(j.lanes.filter((l) => l.kind === 'metric')).toHaveLength(1);
  });

  it('given a new study, then its categories cover all three value classes', () => {
    expect(new Set(emptyStudy().categories.map((c) => c.classification))).toEqual(
      new Set(['value-added', 'necessary-non-value-added', 'waste']),
    );
  });

  it('given domain.md §6: ±5 points at 95 %, then 385 observations; from 2,000 possible ones, then 323', () => {
    expect(plannedSampleSize({ margin: 0.05, confidence: 0.95 })).toBe(385);
    expect(plannedSampleSize({ margin: 0.05, confidence: 0.95, population: 2000 })).toBe(323);
    expect(plannedSampleSize({ margin: 0, confidence: 0.95 })).toBeNull();
  });

  it('given a schedule and two observations, then the third time is next; when used up, none', () => {
    const study = {
      ...emptyStudy(),
      schedule: [
        { date: '2026-11-24', time: '09:14' },
        { date: '2026-11-24', time: '10:02' },
        { date: '2026-11-24', time: '11:40' },
      ],
      observations: ['waiting', 'records'],
    };
    expect(nextObservation(study)).toEqual({ date: '2026-11-24', time: '11:40' });
    expect(nextObservation({ ...study, observations: ['waiting', 'records', 'records'] })).toBeNull();
  });
});
