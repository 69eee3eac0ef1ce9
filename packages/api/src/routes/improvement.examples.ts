import type { JourneyId } from '@waymark/core';
import type { WorkspaceId } from '@waymark/store';
import type { TestApi } from '../testing/test-api';

/** Domain.md §7's worked check as a stored business case: £50k in year 0, £20 × 1,000 journeys in years 1–5. */
export const workedCheckCase = {
  input: {
    title: 'Online reporting',
    appraisalYears: 5,
    annualVolumes: 1000,
    savings: [{ id: 'calls', label: 'Fewer progress-chasing calls', kind: 'cash-releasing', perJourney: 20 }],
    costs: [{ id: 'system', label: 'Case system', kind: 'one-off', amount: 50000, fromYear: 0 }],
  },
};

/** A business case on journey j1 of w1, written straight to the store (version 1). */
export async function seedBusinessCase(t: TestApi, id: string, journeyId = 'j1'): Promise<void> {
  const made = await t.stores.improvements.putArtifact({
    workspaceId: 'w1' as WorkspaceId,
    journeyId: journeyId as JourneyId,
    kind: 'business-case',
    id,
    data: workedCheckCase,
    baseVersion: 0,
    by: null,
    at: t.caps.clock().toISOString(),
  });
  if (!made.ok) throw new Error(made.error.message);
}

/** A small contact log: case A chases twice by phone; B is resolved on the web at once. */
export const smallLog = `case,activity,timestamp,channel,team,outcome
A,Report noise,2026-01-05T09:00:00Z,Phone,Contact centre,logged
A,Chase progress,2026-01-12T09:00:00Z,Phone,Contact centre,logged
A,Visit,2026-01-19T09:00:00Z,,ASB team,resolved
B,Report noise,2026-02-02T10:00:00Z,Web,Contact centre,resolved
`;

/** NI14 tracked on journey j1 of w1, as indicators "id" (version 1). */
export async function seedIndicators(t: TestApi, id: string): Promise<void> {
  const made = await t.stores.improvements.putArtifact({
    workspaceId: 'w1' as WorkspaceId,
    journeyId: 'j1' as JourneyId,
    kind: 'indicators',
    id,
    data: {
      indicators: [
        {
          key: 'avoidable-percent',
          label: 'NI14',
          unit: '%',
          direction: 'lower-is-better',
          baseline: 40,
          target: 20,
          values: [],
        },
      ],
    },
    baseVersion: 0,
    by: null,
    at: t.caps.clock().toISOString(),
  });
  if (!made.ok) throw new Error(made.error.message);
}

type Example = { path: string; body?: unknown; headers?: Record<string, string> };
const j1 = '/api/workspaces/w1/journeys/j1';

/** Example requests for the authorisation matrix (authorisation.test.ts), one per improvement route. */
export const improvementExamples: Record<string, (t: TestApi, n: number) => Promise<Example> | Example> = {
  'GET /api/workspaces/{ws}/journeys/{id}/artifacts/{kind}': () => ({
    path: `${j1}/artifacts/business-case`,
  }),
  'GET /api/workspaces/{ws}/journeys/{id}/artifacts/{kind}/{artifactId}': async (t, n) => {
    await seedBusinessCase(t, `get-${n}`);
    return { path: `${j1}/artifacts/business-case/get-${n}` };
  },
  'PUT /api/workspaces/{ws}/journeys/{id}/artifacts/{kind}/{artifactId}': async (t, n) => {
    await seedBusinessCase(t, `put-${n}`);
    return {
      path: `${j1}/artifacts/business-case/put-${n}`,
      body: { baseVersion: 1, data: workedCheckCase },
    };
  },
  'DELETE /api/workspaces/{ws}/journeys/{id}/artifacts/{kind}/{artifactId}': async (t, n) => {
    await seedBusinessCase(t, `del-${n}`);
    return { path: `${j1}/artifacts/business-case/del-${n}?baseVersion=1` };
  },
  'POST /api/workspaces/{ws}/journeys/{id}/artifacts/indicators/{artifactId}/from-log': async (t, n) => {
    await seedIndicators(t, `log-${n}`);
    return {
      path: `${j1}/artifacts/indicators/log-${n}/from-log?period=2026-Q1&baseVersion=1`,
      body: smallLog,
      headers: { 'content-type': 'text/csv' },
    };
  },
  'GET /api/workspaces/{ws}/compare': () => ({ path: '/api/workspaces/w1/compare?current=j1&desired=j1' }),
  'POST /api/workspaces/{ws}/compare': () => ({
    path: '/api/workspaces/w1/compare',
    body: { current: 'j1', desired: 'j1', confirm: 'all' },
  }),
  'GET /api/workspaces/{ws}/journeys/{id}/business-case/{artifactId}/export': async (t, n) => {
    await seedBusinessCase(t, `exp-${n}`);
    return { path: `${j1}/business-case/exp-${n}/export?format=csv` };
  },
};
