import { fileURLToPath } from 'node:url';
import { createArgon2Hasher } from '@waymark/api';
import { createTestStores, type WorkspaceId } from '@waymark/store';
import { expect, it } from 'vitest';
import { runFirstStart } from './first-start';
import { demoOpportunityId, wholeProblemId } from './demo-hierarchy';

const examplesDir = fileURLToPath(new URL('../../../examples/', import.meta.url));

it('given the examples, when the demo workspace is made, then they sit beneath a whole-problem journey and one opportunity leads from evidence in two journeys to an idea, business case and indicator', async () => {
  const stores = await createTestStores();
  let n = 0;
  try {
    const first = await runFirstStart(
      stores,
      {
        clock: () => new Date('2026-01-01T00:00:00Z'),
        newId: () => `id${++n}`,
        randomBytes: (k: number) => new Uint8Array(k).fill(7),
        passwords: createArgon2Hasher({ memoryCost: 1024, timeCost: 1 }),
      },
      'admin@example.org',
      examplesDir,
    );
    expect(first?.skipped).toEqual([]);
    const ws = 'demo' as WorkspaceId;
    const edges = (await stores.hierarchy.listChildren(ws)).map(
      (c) => `${c.parentJourneyId}/${c.parentStepId} > ${c.childJourneyId}`,
    );
    expect(edges.sort()).toEqual([
      `${wholeProblemId}/home-needs-adapting > melton-disabled-adaptations-case`,
      `${wholeProblemId}/moves-home > multi-service-change-of-address`,
      `${wholeProblemId}/trouble-with-neighbour > melton-asb-victim-current`,
      'melton-asb-victim-current/perpetrator-carries-on > melton-asb-perpetrator-life-course',
    ]);
    const o = await stores.opportunities.getOpportunity(ws, demoOpportunityId);
    expect(new Set(o?.links.filter((l) => l.kind === 'card').map((l) => l.journeyId))).toEqual(
      new Set(['melton-asb-victim-current', 'multi-service-change-of-address']),
    );
    expect(
      o?.links
        .filter((l) => ['idea', 'business-case', 'indicator'].includes(l.kind))
        .map((l) => l.kind)
        .sort(),
    ).toEqual(['business-case', 'idea', 'indicator']);
    // Every card and idea it names is on its journey, so the demo's links are not dangling.
    for (const l of o?.links ?? []) {
      const j = (await stores.journeys.getJourney(ws, l.journeyId))!.journey;
      if (l.kind === 'card') expect(j.cards.some((c) => c.id === l.target)).toBe(true);
      if (l.kind === 'idea') expect(j.ideas.some((i) => i.id === l.target)).toBe(true);
    }
  } finally {
    await stores.close();
  }
});
