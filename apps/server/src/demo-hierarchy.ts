import { parseJourney, type JourneyId } from '@waymark/core';
import type { Stores, UserId, WorkspaceId } from '@waymark/store';
import type { StartUpSaid } from './start-up-problem';

/** The demo's whole-problem journey: its steps open the seed case studies and the multi-service example. */
export const wholeProblemId = 'living-in-the-borough' as JourneyId;
export const demoOpportunityId = 'left-without-news';

const ids = {
  moving: 'multi-service-change-of-address',
  victim: 'melton-asb-victim-current',
  desired: 'melton-asb-victim-desired',
  perpetrator: 'melton-asb-perpetrator-life-course',
  adaptations: 'melton-disabled-adaptations-case',
} as const;

const wholeProblem = () =>
  parseJourney({
    schemaVersion: 2,
    id: wholeProblemId,
    meta: {
      title: 'Living in the borough: whole problems that cross our services',
      journeyType: 'current',
      businessQuestion:
        'Customers do not think in terms of the structure of the council: which of our service journeys does each whole problem pass through?',
      owner: 'Customer insight team',
      status: 'draft',
    },
    columns: [
      { id: 'moves-home', label: 'Moves home' },
      { id: 'trouble-with-neighbour', label: 'Trouble with a neighbour' },
      { id: 'home-needs-adapting', label: 'Home needs adapting' },
    ],
    lanes: [{ id: 'steps', kind: 'step', label: 'The whole problem' }],
    cards: [
      {
        id: 'wp-moves',
        kind: 'step',
        laneId: 'steps',
        columnId: 'moves-home',
        text: 'Tells housing, council tax and benefits about the move',
      },
      {
        id: 'wp-neighbour',
        kind: 'step',
        laneId: 'steps',
        columnId: 'trouble-with-neighbour',
        text: 'Reports anti-social behaviour and waits for it to stop',
      },
      {
        id: 'wp-adapting',
        kind: 'step',
        laneId: 'steps',
        columnId: 'home-needs-adapting',
        text: 'Asks for a disabled adaptation, from first need to completion',
      },
    ],
  });

/**
 * Arranges the demo workspace's journeys as a small hierarchy (issue 14): a whole-problem journey whose steps open
 * the multi-service example, the Melton victim journey (whose last step opens the perpetrator's life course) and
 * the disabled-adaptations case; and one opportunity gathering evidence from two journeys that leads to an idea,
 * its business case and an indicator. Returns why it could not (the catalogue's `server.firstStart.skip.hierarchy`
 * and the code of what failed), or null (also when the examples are not all there). What a first start that
 * failed part way made of it already is kept, not made again, so this may be run again to finish it.
 */
export async function seedDemoHierarchy(
  stores: Stores,
  ws: WorkspaceId,
  by: UserId,
  at: string,
): Promise<StartUpSaid | null> {
  // Without every example journey (a trimmed examples directory) there is no hierarchy to arrange.
  for (const id of Object.values(ids))
    if (!(await stores.journeys.getJourney(ws, id as JourneyId))) return null;
  const notMade = (code: string): StartUpSaid => ({
    id: 'server.firstStart.skip.hierarchy',
    values: { journey: wholeProblemId, code },
  });
  const parsed = wholeProblem();
  if (!parsed.ok) return notMade(parsed.error[0]?.code ?? 'none');
  // Made already by an unfinished first start when it is this journey (an example taking its id is not).
  const had = await stores.journeys.getJourney(ws, wholeProblemId);
  if (had?.journey.meta.title !== parsed.value.meta.title) {
    const made = await stores.journeys.createJourney({
      workspaceId: ws,
      journey: parsed.value,
      kind: 'create',
      commands: [],
      by,
      at,
    });
    if (!made.ok) return notMade(made.error.code);
  }
  const children: [parent: string, step: string, child: string][] = [
    [wholeProblemId, 'moves-home', ids.moving],
    [wholeProblemId, 'trouble-with-neighbour', ids.victim],
    [wholeProblemId, 'home-needs-adapting', ids.adaptations],
    [ids.victim, 'perpetrator-carries-on', ids.perpetrator],
  ];
  for (const [parent, step, child] of children) {
    const linked = await stores.hierarchy.setChild({
      workspaceId: ws,
      parentJourneyId: parent as JourneyId,
      parentStepId: step,
      childJourneyId: child as JourneyId,
      by,
      at,
    });
    if (!linked.ok) return notMade(linked.error.code);
  }
  const handedOver = (await stores.hierarchy.listStepLinks(ws, ids.victim as JourneyId)).some(
    (l) => l.id === 'victim-to-desired',
  );
  const handOver = handedOver
    ? { ok: true as const }
    : await stores.hierarchy.addStepLink({
        workspaceId: ws,
        id: 'victim-to-desired',
        fromJourneyId: ids.victim as JourneyId,
        fromStepId: 'no-information',
        toJourneyId: ids.desired as JourneyId,
        toStepId: 'no-information',
        label: 'What the desired journey does instead',
        by,
        at,
      });
  if (!handOver.ok) return notMade(handOver.error.code);

  const artifact = async (kind: 'business-case' | 'indicators', id: string, data: unknown) => {
    const key = { workspaceId: ws, journeyId: ids.desired as JourneyId, kind, id };
    if (await stores.improvements.getArtifact(key)) return null;
    const put = await stores.improvements.putArtifact({
      workspaceId: ws,
      journeyId: ids.desired as JourneyId,
      kind,
      id,
      data,
      baseVersion: 0,
      by,
      at,
    });
    return put.ok ? null : put.error.code;
  };
  // 'main': the one the Improve pages show.
  const businessCase = await artifact('business-case', 'main', {
    input: {
      title: 'Keep victims informed at every stage',
      appraisalYears: 5,
      annualVolumes: 400,
      savings: [
        {
          id: 'chasing-calls',
          label: 'Fewer calls chasing progress',
          kind: 'cash-releasing',
          perJourney: 18,
        },
      ],
      costs: [
        {
          id: 'case-updates',
          label: 'Case updates by text and email',
          kind: 'one-off',
          amount: 12000,
          fromYear: 0,
        },
      ],
    },
    benefits: [],
    sensitivityPercent: 10,
  });
  if (businessCase) return notMade(businessCase);
  const indicators = await artifact('indicators', 'main', {
    indicators: [
      {
        key: 'avoidable-percent',
        label: 'Avoidable contact (NI14)',
        unit: '%',
        direction: 'lower-is-better',
        baseline: 40,
        target: 20,
        values: [
          { period: '2026-Q1', value: 40, source: 'manual' },
          { period: '2026-Q2', value: 34, source: 'manual' },
        ],
      },
    ],
  });
  if (indicators) return notMade(indicators);

  const opportunity = await stores.opportunities.getOpportunity(ws, demoOpportunityId);
  if (!opportunity)
    await stores.opportunities.createOpportunity({
      workspaceId: ws,
      id: demoOpportunityId,
      title: 'People are left without news and have to chase us',
      description:
        'Victims of anti-social behaviour and people who move home both hear nothing while their case is worked on, so they call to chase.',
      ownerId: by,
      status: 'in-progress',
      priority: 'high',
      by,
      at,
    });
  const links: [string, 'card' | 'figure' | 'idea' | 'business-case' | 'indicator', string][] = [
    [ids.victim, 'card', 'pp-not-informed'],
    [ids.victim, 'card', 'pp-no-information'],
    [ids.moving, 'card', 'pp-silence-benefit'],
    [ids.moving, 'figure', 'avoidable-percent'],
    [ids.desired, 'idea', 'idea-informed-at-all-stages'],
    [ids.desired, 'business-case', 'main'],
    [ids.desired, 'indicator', 'main/avoidable-percent'],
  ];
  for (const [journeyId, kind, target] of links) {
    if (opportunity?.links.some((l) => l.journeyId === journeyId && l.kind === kind && l.target === target))
      continue;
    const added = await stores.opportunities.addLink({
      workspaceId: ws,
      opportunityId: demoOpportunityId,
      journeyId: journeyId as JourneyId,
      kind,
      target,
      by,
      at,
      atCreation: true,
    });
    if (!added.ok) return notMade(added.error.code);
  }
  return null;
}
