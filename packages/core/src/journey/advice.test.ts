import { describe, expect, it } from 'vitest';
import { formatPath } from '../problem';
import { adviseJourney } from './advice';
import { journeySchema, type JourneyInput } from './schema';

const base = (): JourneyInput => ({
  schemaVersion: 2,
  id: 'advice',
  meta: { title: 'Advice', journeyType: 'current' },
  organisations: [{ id: 'dwp', name: 'DWP', kind: 'outside-agency' }],
  columns: [
    { id: 'a', label: 'Applies' },
    { id: 'b', label: 'Waits' },
    { id: 'c', label: 'Decision' },
  ],
  lanes: [
    { id: 'steps', kind: 'step', label: 'Steps' },
    { id: 'mood', kind: 'emotion', label: 'Mood' },
  ],
  cards: ['a', 'b', 'c'].map((columnId) => ({
    id: `s-${columnId}`,
    kind: 'step',
    laneId: 'steps',
    columnId,
    text: 'Step',
  })) as JourneyInput['cards'],
});

const advice = (input: JourneyInput) =>
  adviseJourney(journeySchema.parse(input)).map((p) => `${p.code} @ ${formatPath(p.path)}`);

describe('adviseJourney', () => {
  it('given a tidy journey with a score, then there is no advice', () => {
    const j = base();
    j.cards!.push({ id: 'e', kind: 'emotion', laneId: 'mood', columnId: 'b', score: -20 } as never);
    expect(advice(j)).toEqual([]);
  });

  it('given an emotion lane without scores and a column without a key step, then both are warned about', () => {
    const j = base();
    j.cards = j.cards!.slice(0, 2);
    const all = adviseJourney(journeySchema.parse(j));
    expect(all.map((p) => `${p.code} @ ${formatPath(p.path)}`)).toEqual([
      'emotion_lane_empty @ lanes[1]',
      'step_column_without_step @ columns[2]',
    ]);
    expect(all.every((p) => p.severity === 'warning')).toBe(true);
    expect(all[1]!.message).toContain('"Decision"');
  });

  it('given a feedback loop forward and one back, then only the forward one is warned about', () => {
    const j = base();
    j.lanes = [j.lanes[0]!];
    j.links = [
      { id: 'fwd', kind: 'feedback-loop', from: { columnId: 'a' }, to: { kind: 'column', columnId: 'c' } },
      { id: 'back', kind: 'feedback-loop', from: { columnId: 'c' }, to: { kind: 'column', columnId: 'a' } },
      { id: 'self', kind: 'feedback-loop', from: { columnId: 'b' }, to: { kind: 'customer' } },
    ] as JourneyInput['links'];
    expect(advice(j)).toEqual(['feedback_loop_forward @ links[0].to.columnId']);
  });

  it('given outside requests to a column, the customer and an organisation, then the first two are warned about', () => {
    const j = base();
    j.lanes = [j.lanes[0]!];
    j.links = [
      { id: 'r1', kind: 'outside-request', from: { columnId: 'b' }, to: { kind: 'column', columnId: 'c' } },
      { id: 'r2', kind: 'outside-request', from: { columnId: 'b' }, to: { kind: 'customer' } },
      {
        id: 'r3',
        kind: 'outside-request',
        from: { columnId: 'b' },
        to: { kind: 'organisation', organisationId: 'dwp' },
      },
    ] as JourneyInput['links'];
    expect(advice(j)).toEqual([
      'outside_request_not_to_organisation @ links[0].to',
      'outside_request_not_to_organisation @ links[1].to',
    ]);
  });

  it('given dated columns on a dates axis, then one out of order is warned about and a month before its days is not', () => {
    const j = base();
    j.lanes = [j.lanes[0]!];
    j.axis = { kind: 'dates', unit: 'day' };
    j.columns = [
      { id: 'a', label: 'Applies', period: '2026-03' },
      { id: 'b', label: 'Waits', period: '2026-03-14' },
      { id: 'c', label: 'Decision', period: '2026-02-28' },
    ] as JourneyInput['columns'];
    expect(advice(j)).toEqual(['period_out_of_order @ columns[2].period']);
  });

  it('given a period on a steps axis, then it is warned about', () => {
    const j = base();
    j.lanes = [j.lanes[0]!];
    j.columns[1] = { id: 'b', label: 'Waits', period: '2026-03' } as never;
    expect(advice(j)).toEqual(['period_on_non_dates_axis @ columns[1].period']);
  });
});
