import type { JourneyId } from '@waymark/core';
import { createSqlSurveyStore, type WorkspaceId } from '@waymark/store';
import type { TestApi } from '../testing/test-api';

/** A three-response export and its mapping onto step c1 of the sample journey j1. */
export const exampleSurveyCsv =
  'ID,Completion time,How satisfied were you?,Tell us more,May we quote you?\r\n' +
  '1,02/03/2026 10:00,4,Quick and kind,Yes\r\n' +
  '2,03/03/2026 11:00,5,Rang me back the same day,No\r\n' +
  '3,04/03/2026 12:00,2,"Slow, ring me on 07700 900123",Yes\r\n';
export const exampleSurveyMapping = {
  respondent: 'ID',
  date: 'Completion time',
  consent: 'May we quote you?',
  questions: [
    { column: 'How satisfied were you?', kind: 'rating', scale: '1-5', stepId: 's1' },
    { column: 'Tell us more', kind: 'text', stepId: 's1' },
  ],
};
export const base64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

/** A survey on j1 of w1 written straight to the store, for the routes that change or remove one. */
async function freshSurvey(t: TestApi, n: number): Promise<string> {
  const id = `sv-${n}`;
  const store = createSqlSurveyStore(t.stores.sql);
  const made = await store.addSurvey({
    workspaceId: 'w1' as WorkspaceId,
    journeyId: 'j1' as JourneyId,
    id,
    name: 'Example',
    source: 'other',
    responses: 1,
    questions: [
      { column: 'Q', kind: 'rating', scale: '1-5', stepId: 's1', counts: [0, 0, 0, 1, 0], answered: 1 },
    ],
    redactions: {},
    quotesLeftOut: 0,
    quotes: [],
    by: null,
    at: new Date().toISOString(),
  });
  if (!made.ok) throw new Error(made.error.message);
  return id;
}

const journey = '/api/workspaces/w1/journeys/j1';

/** Example requests of the survey routes for the authorisation test (issue 13 item 3). */
export const surveyExamples = {
  'GET /api/workspaces/{ws}/journeys/{id}/surveys': () => ({ path: `${journey}/surveys` }),
  'GET /api/workspaces/{ws}/journeys/{id}/survey-evidence': () => ({ path: `${journey}/survey-evidence` }),
  'POST /api/workspaces/{ws}/journeys/{id}/surveys/preview': () => ({
    path: `${journey}/surveys/preview`,
    body: { fileName: 'responses.csv', file: base64(exampleSurveyCsv) },
  }),
  'POST /api/workspaces/{ws}/journeys/{id}/surveys': () => ({
    path: `${journey}/surveys`,
    body: { name: 'Reporting, March', file: base64(exampleSurveyCsv), mapping: exampleSurveyMapping },
  }),
  'GET /api/workspaces/{ws}/journeys/{id}/surveys/{surveyId}/quotes': async (t: TestApi, n: number) => ({
    path: `${journey}/surveys/${await freshSurvey(t, n)}/quotes`,
  }),
  'PUT /api/workspaces/{ws}/journeys/{id}/surveys/{surveyId}/steps': async (t: TestApi, n: number) => ({
    path: `${journey}/surveys/${await freshSurvey(t, n)}/steps`,
    body: { steps: ['s2'] },
  }),
  'DELETE /api/workspaces/{ws}/journeys/{id}/surveys/{surveyId}': async (t: TestApi, n: number) => ({
    path: `${journey}/surveys/${await freshSurvey(t, n)}`,
  }),
};
