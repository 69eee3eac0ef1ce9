import { describe, expect, it } from 'vitest';
import { formatPath } from '../problem';
import { migrateJourney, migrations } from './migrations';
import { CURRENT_SCHEMA_VERSION } from './schema';

const v1 = (cards: unknown[]) => ({
  schemaVersion: 1,
  id: 'j',
  meta: { title: 'J', journeyType: 'current' },
  columns: [{ id: 'c', label: 'C' }],
  lanes: [{ id: 'emo', kind: 'emotion', label: 'E' }],
  cards,
});

describe('migrations', () => {
  it('form a chain from version 1 to the current version, one step each', () => {
    expect(migrations.map((m) => m.from)).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 1),
    );
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('given version-1 scores on several scales, then each becomes −100…+100 and keeps its original', () => {
    const r = migrateJourney(
      v1([
        { id: 'a', kind: 'emotion', laneId: 'emo', columnId: 'c', value: 1, scale: '1-10' },
        { id: 'b', kind: 'emotion', laneId: 'emo', columnId: 'c', value: 2, scale: 'minus2-2' },
        { id: 'd', kind: 'emotion', laneId: 'emo', columnId: 'c', value: -35 },
        { id: 't', kind: 'text', laneId: 'emo', columnId: 'c', text: 'untouched' },
      ]),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.schemaVersion).toBe(2);
    expect(r.value.cards).toEqual([
      {
        id: 'a',
        kind: 'emotion',
        laneId: 'emo',
        columnId: 'c',
        score: -100,
        original: { scale: '1-10', value: 1 },
      },
      {
        id: 'b',
        kind: 'emotion',
        laneId: 'emo',
        columnId: 'c',
        score: 100,
        original: { scale: 'minus2-2', value: 2 },
      },
      { id: 'd', kind: 'emotion', laneId: 'emo', columnId: 'c', score: -35 },
      { id: 't', kind: 'text', laneId: 'emo', columnId: 'c', text: 'untouched' },
    ]);
  });

  it('given a version-1 value off its scale or an unknown scale, then the problem names the card', () => {
    const r = migrateJourney(
      v1([
        { id: 'a', kind: 'emotion', laneId: 'emo', columnId: 'c', value: 7, scale: '1-5' },
        { id: 'b', kind: 'emotion', laneId: 'emo', columnId: 'c', value: 3, scale: 'stars' },
      ]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => `${formatPath(p.path)}: ${p.message}`)).toEqual([
      'cards[0].value: a value on the 1 … 5 scale must be between 1 and 5; got 7',
      expect.stringMatching(/^cards\[1\]\.value: expected a number value on one of the scales/),
    ]);
  });

  it('leaves a current-version document as it is, and does not mutate its input', () => {
    const doc = { ...v1([]), schemaVersion: 2 };
    const frozen = JSON.stringify(doc);
    const r = migrateJourney(doc);
    expect(r.ok && r.value).toBe(doc);
    const old = v1([{ id: 'a', kind: 'emotion', laneId: 'emo', columnId: 'c', value: 3, scale: '1-5' }]);
    const before = JSON.stringify(old);
    migrateJourney(old);
    expect(JSON.stringify(old)).toBe(before);
    expect(JSON.stringify(doc)).toBe(frozen);
  });

  it('refuses versions it cannot read', () => {
    for (const schemaVersion of [0, 1.5, '2', undefined]) {
      const r = migrateJourney({ ...v1([]), schemaVersion });
      expect(r.ok || r.error[0]!.code).toBe('invalid_schema_version');
    }
  });
});
