import { parseJourney, type Journey } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { countHandOffs } from './hand-offs';

const lanes = [
  { id: 'baton', kind: 'baton-change', label: 'Baton changes' },
  { id: 'm', kind: 'metric', label: 'Metrics' },
];
const organisations = [
  { id: 'cs', name: 'Customer services' },
  { id: 'ct', name: 'Council tax' },
  { id: 'hb', name: 'Housing benefit' },
];

function journey(doc: Record<string, unknown>): Journey {
  const r = parseJourney({
    schemaVersion: 2,
    id: 'j',
    meta: { title: 'J', journeyType: 'current' },
    lanes,
    organisations,
    cards: [],
    ...doc,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const threeOwners = [
  { id: 'a', label: 'A', ownerId: 'cs' },
  { id: 'b', label: 'B' },
  { id: 'c', label: 'C', ownerId: 'ct' },
  { id: 'd', label: 'D', ownerId: 'hb' },
];

describe('countHandOffs: one definition, counted once per step boundary', () => {
  it('given step owners cs, (none), ct, hb, then two hand-offs: a step with no owner is not a hand-off', () => {
    const h = countHandOffs(journey({ columns: threeOwners }));
    expect(h.count).toBe(2);
    expect(h.source).toBe('map');
    expect(h.map.map((x) => [x.columnId, x.from, x.to])).toEqual([
      ['c', 'cs', 'ct'],
      ['d', 'ct', 'hb'],
    ]);
  });

  it('given a baton card drawn on the step the work leaves and another on the step it enters, then each joins its owner change', () => {
    const h = countHandOffs(
      journey({
        columns: threeOwners,
        cards: [
          { id: 'x', kind: 'baton-change', laneId: 'baton', columnId: 'b', from: 'cs', to: 'ct' },
          { id: 'y', kind: 'baton-change', laneId: 'baton', columnId: 'd', from: 'ct', to: 'hb' },
        ],
      }),
    );
    expect(h.count).toBe(2);
    expect(h.map.map((x) => x.evidence)).toEqual([
      ['baton-change', 'owner-change'],
      ['baton-change', 'owner-change'],
    ]);
  });

  it('given a hand-off arrow between two steps of the same owner, then it is not a hand-off', () => {
    const h = countHandOffs(
      journey({
        columns: [
          { id: 'a', label: 'A', ownerId: 'cs' },
          { id: 'b', label: 'B', ownerId: 'cs' },
        ],
        links: [
          { id: 'l', kind: 'hand-off', from: { columnId: 'a' }, to: { kind: 'column', columnId: 'b' } },
        ],
      }),
    );
    expect(h.count).toBe(0);
  });

  it('given a map with no owners, then each baton card and hand-off arrow on its own boundary is one hand-off', () => {
    const h = countHandOffs(
      journey({
        columns: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
          { id: 'c', label: 'C' },
        ],
        cards: [{ id: 'x', kind: 'baton-change', laneId: 'baton', columnId: 'b', from: 'cs', to: 'ct' }],
        links: [
          { id: 'l1', kind: 'hand-off', from: { columnId: 'a' }, to: { kind: 'column', columnId: 'b' } },
          {
            id: 'l2',
            kind: 'hand-off',
            from: { columnId: 'b' },
            to: { kind: 'organisation', organisationId: 'hb' },
          },
        ],
      }),
    );
    expect(h.map.map((x) => [x.columnId, x.evidence])).toEqual([
      ['b', ['baton-change', 'hand-off-link']],
      ['c', ['hand-off-link']],
    ]);
    expect(h.perStep).toEqual({ b: 1, c: 1 });
  });

  it('given a typed "hand-offs" metric card, then it is stated beside the count and never added to it', () => {
    const h = countHandOffs(
      journey({
        columns: threeOwners,
        cards: [{ id: 'm1', kind: 'metric', laneId: 'm', columnId: 'd', metric: 'hand-offs', value: 5 }],
      }),
    );
    expect([h.count, h.stated, h.source]).toEqual([2, 5, 'map']);
  });

  it('given hand-offs measured from an attached log, then the count comes from the log and says so', () => {
    const h = countHandOffs(
      journey({
        columns: threeOwners,
        cards: [
          {
            id: 'm1',
            kind: 'metric',
            laneId: 'm',
            columnId: 'c',
            metric: 'hand-offs',
            value: 0.8,
            origin: 'log',
          },
          {
            id: 'm2',
            kind: 'metric',
            laneId: 'm',
            columnId: 'd',
            metric: 'hand-offs',
            value: 1.5,
            origin: 'log',
          },
        ],
      }),
    );
    expect([h.count, h.source, h.map.length]).toEqual([2.3, 'log', 2]);
    expect(h.perStep).toEqual({ c: 0.8, d: 1.5 });
  });
});
