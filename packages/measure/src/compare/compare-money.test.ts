import { parseJourney, type Journey } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { costTables } from '../channel-costs';
import { compareJourneys } from './compare';

/** A journey whose steps cost 2.83 + 2.98 by telephone (PwC-ish sums that are not exact in binary). */
function journey(id: string, channels: readonly string[]): Journey {
  const r = parseJourney({
    schemaVersion: 2,
    id,
    meta: { title: id, journeyType: id === 'now' ? 'current' : 'desired' },
    lanes: [{ id: 'tp', kind: 'touchpoint', label: 'Touchpoints' }],
    columns: [{ id: 's1', label: 'Step one' }],
    cards: channels.map((channel, i) => ({
      id: `c${i}`,
      kind: 'touchpoint',
      laneId: 'tp',
      columnId: 's1',
      text: channel,
      channel,
    })),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** Every "cost" number in the JSON, as written. */
const costsInJson = (json: string) => [...json.matchAll(/"cost": (-?[0-9.e-]+)/g)].map((m) => m[1]!);

describe('Compare money is exact (issue 13 item 2)', () => {
  it('given costs that sum to a binary fraction, when the comparison is written as JSON, then every cost has at most two decimal places', () => {
    // 8.62 + 8.62 + 0.02 style sums: 2.83 + 2.98 is 5.8100000000000005 in floating point.
    const table = {
      id: 't',
      source: 'test',
      year: 2011,
      perContact: { telephone: 2.83, web: 2.98, 'face-to-face': 8.62 },
    };
    const now = journey('now', ['telephone', 'web', 'face-to-face', 'face-to-face']);
    const then = journey('then', ['web']);
    const json = JSON.stringify(compareJourneys(now, then, { costTable: table }), null, 2);
    const costs = costsInJson(json);
    expect(costs.length).toBeGreaterThan(0);
    for (const c of costs) expect(c).toMatch(/^-?\d+(\.\d{1,2})?$/);
    const c = JSON.parse(json);
    expect(c.current.totals.cost).toBe(23.05);
    expect(c.delta.cost).toBe(-20.07);
  });

  it('says which model and price base the costs used', () => {
    const socitm = costTables.find((t) => t.id === 'socitm-2011')!;
    const c = compareJourneys(journey('now', ['telephone']), journey('then', ['web']), { costTable: socitm });
    expect(c.costBasis).toMatchObject({
      modelId: 'socitm-2011',
      priceYear: '2011',
      shownIn: '2011',
      uprated: false,
    });
  });
});
