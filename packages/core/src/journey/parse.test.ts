import { describe, expect, it } from 'vitest';
import { formatPath } from '../problem';
import { parseJourney } from './parse';

const minimal = () => ({
  schemaVersion: 2,
  id: 'asb-victim',
  meta: { title: 'Victims of ASB', journeyType: 'current' },
  columns: [
    { id: 'incident', label: 'Incident occurs' },
    { id: 'reports', label: 'Reports incident' },
  ],
  lanes: [
    { id: 'steps', kind: 'step', label: 'Key journey steps' },
    { id: 'emotion', kind: 'emotion', label: 'Customer satisfaction' },
  ],
  cards: [
    { id: 's1', kind: 'step', laneId: 'steps', columnId: 'incident', text: 'Incident occurs' },
    { id: 'e1', kind: 'emotion', laneId: 'emotion', columnId: 'incident', score: -80, estimate: true },
  ],
});

const codesAndPaths = (input: unknown) => {
  const r = parseJourney(input);
  if (r.ok) return [];
  return r.error.map((p) => `${p.code} @ ${formatPath(p.path)}`);
};

describe('parseJourney', () => {
  it('given a minimal journey, when parsed, then defaults are filled in', () => {
    const r = parseJourney(minimal());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.axis).toEqual({ kind: 'steps' });
    expect(r.value.leverCategories.map((c) => c.label)).toEqual(['Contact', 'Process', 'Comms']);
    expect(r.value.meta.status).toBe('draft');
  });

  it('given a score of 150, then the problem names the card and the range', () => {
    const doc = minimal();
    (doc.cards[1] as { score: number }).score = 150;
    const r = parseJourney(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatPath(r.error[0]!.path)).toBe('cards[1].score');
    expect(r.error[0]!.message).toMatch(/-100 to 100/);
  });

  it('given an unknown lane kind and an unknown field, then both are listed with paths', () => {
    const doc = minimal() as Record<string, unknown> & ReturnType<typeof minimal>;
    (doc.lanes[0] as { kind: string }).kind = 'sticky-notes';
    (doc.meta as Record<string, unknown>).colour = 'red';
    const found = codesAndPaths(doc);
    expect(found).toContain('invalid_value @ lanes[0].kind');
    expect(found.some((f) => f.startsWith('invalid_unrecognized_keys @ meta'))).toBe(true);
  });

  it('given a card in a missing column and a lane of another kind, then the invariants name them', () => {
    const doc = minimal();
    doc.cards[0]!.columnId = 'nowhere';
    doc.cards[1]!.laneId = 'steps';
    expect(codesAndPaths(doc)).toEqual([
      'column_not_found @ cards[0].columnId',
      'card_kind_mismatch @ cards[1].kind',
    ]);
  });

  it('given a version-1 document with a 1–5 emotion, then it is migrated to the −100…+100 score', () => {
    const doc = minimal() as ReturnType<typeof minimal> & { schemaVersion: number };
    doc.schemaVersion = 1;
    doc.cards[1] = {
      id: 'e1',
      kind: 'emotion',
      laneId: 'emotion',
      columnId: 'incident',
      value: 2,
      scale: '1-5',
    } as never;
    const r = parseJourney(doc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.cards[1]).toMatchObject({ score: -50, original: { scale: '1-5', value: 2 } });
  });

  it('refuses a document from a newer Waymark and a non-object', () => {
    expect(codesAndPaths({ ...minimal(), schemaVersion: 99 })).toEqual([
      'newer_schema_version @ schemaVersion',
    ]);
    expect(codesAndPaths('hello')).toEqual(['not_a_journey @ (document)']);
  });
});
