import type { JourneyId } from '@waymark/core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Stores } from './open-store';
import type { UserId, WorkspaceId } from './records';
import { sampleJourney } from './sample-journey';
import { createSqlSurveyStore, type SurveyStore, type SurveyWrite } from './survey-store';

export interface SurveyFixture {
  readonly stores: Stores;
  dispose(): Promise<void>;
}

const T0 = '2026-03-01T09:00:00.000Z';
const ws = 'w1' as WorkspaceId;
const other = 'w2' as WorkspaceId;
const ann = 'ann' as UserId;
const j1 = 'j1' as JourneyId;

const survey = (id = 's1'): SurveyWrite => ({
  workspaceId: ws,
  journeyId: j1,
  id,
  name: 'Reporting a problem, March',
  source: 'microsoft-forms',
  fileName: 'Reporting a problem(1-20).xlsx',
  responses: 20,
  questions: [
    {
      column: 'How satisfied…?',
      kind: 'rating',
      scale: '1-5',
      stepId: 'c1',
      counts: [1, 2, 3, 8, 6],
      answered: 20,
    },
    { column: 'Tell us', kind: 'text', stepId: 'c1', counts: [], answered: 2 },
  ],
  redactions: { email: 1 },
  quotesLeftOut: 0,
  quotes: [
    {
      question: 'Tell us',
      stepId: 'c1',
      respondent: 'p_0123456789abcdef',
      date: '2026-03-02',
      text: 'Slow, [email]',
      consent: false,
      redacted: true,
    },
    {
      question: 'Tell us',
      stepId: 'c1',
      respondent: 'p_fedcba9876543210',
      date: '2026-03-03',
      text: 'Café was kind — £5',
      consent: true,
      redacted: false,
    },
  ],
  by: ann,
  at: T0,
});

/** The behaviour of the survey store; registered once per database, each test on a fresh one. */
export function surveyStoreContract(open: () => Promise<SurveyFixture>): void {
  let fixture: SurveyFixture;
  let store: SurveyStore;
  beforeEach(async () => {
    // Given: ann owns w1 (holding journey j1) and w2.
    fixture = await open();
    const s = fixture.stores;
    store = createSqlSurveyStore(s.sql);
    await s.accounts.createUser({ id: ann, email: 'ann@example.org', name: 'Ann', at: T0 });
    await s.accounts.createWorkspace({ id: ws, name: 'Council', ownerId: ann, at: T0 });
    await s.accounts.createWorkspace({ id: other, name: 'Other', ownerId: ann, at: T0 });
    const made = await s.journeys.createJourney({
      workspaceId: ws,
      journey: sampleJourney('j1'),
      kind: 'create',
      commands: [],
      by: ann,
      at: T0,
    });
    if (!made.ok) throw new Error(made.error.message);
  });
  afterEach(() => fixture.dispose());

  it('keeps a survey with its counts and quotes, and reads them back whole', async () => {
    const made = await store.addSurvey(survey());
    expect(made.ok).toBe(true);
    const read = await store.getSurvey(ws, j1, 's1');
    expect(read).toMatchObject({
      id: 's1',
      name: 'Reporting a problem, March',
      source: 'microsoft-forms',
      fileName: 'Reporting a problem(1-20).xlsx',
      responses: 20,
      questions: survey().questions,
      redactions: { email: 1 },
      quotes: 2,
      importedAt: T0,
      importedBy: { id: 'ann', name: 'Ann' },
    });
    const quotes = await store.listQuotes(ws, j1);
    expect(quotes.map((q) => [q.n, q.respondent, q.date, q.text, q.consent, q.surveyName])).toEqual([
      [1, 'p_0123456789abcdef', '2026-03-02', 'Slow, [email]', false, 'Reporting a problem, March'],
      [2, 'p_fedcba9876543210', '2026-03-03', 'Café was kind — £5', true, 'Reporting a problem, March'],
    ]);
    expect((await store.listQuotes(ws, j1, { consentedOnly: true })).map((q) => q.n)).toEqual([2]);
  });

  it('refuses a second survey of the same id and one on a journey that is not there', async () => {
    await store.addSurvey(survey());
    const again = await store.addSurvey(survey());
    expect(!again.ok && again.error.code).toBe('survey_exists');
    const elsewhere = await store.addSurvey({ ...survey('s2'), workspaceId: other });
    expect(!elsewhere.ok && elsewhere.error.code).toBe('journey_not_found');
    // the failed write left nothing behind
    expect(await store.listSurveys(other, j1)).toEqual([]);
    expect((await store.listQuotes(ws, j1)).length).toBe(2);
  });

  it('the database refuses a respondent that is not a pseudonym', async () => {
    const bad = survey('s3');
    await expect(
      store.addSurvey({ ...bad, quotes: [{ ...bad.quotes[0]!, respondent: 'ann@example.org' }] }),
    ).rejects.toThrow();
    expect(await store.getSurvey(ws, j1, 's3')).toBeNull();
  });

  it('moves questions to other steps, and their quotes with them', async () => {
    await store.addSurvey(survey());
    const moved = await store.setQuestionSteps(ws, j1, 's1', ['c2', null]);
    expect(moved.ok && moved.value.questions.map((q) => q.stepId)).toEqual(['c2', undefined]);
    expect((await store.listQuotes(ws, j1)).map((q) => q.stepId)).toEqual([null, null]);
    const missing = await store.setQuestionSteps(ws, j1, 'nope', []);
    expect(!missing.ok && missing.error.code).toBe('survey_not_found');
  });

  it('lists surveys in import order; deleting one removes its quotes; another workspace sees none', async () => {
    await store.addSurvey(survey('a'));
    await store.addSurvey({ ...survey('b'), at: '2026-03-02T09:00:00.000Z', quotes: [] });
    expect((await store.listSurveys(ws, j1)).map((s) => [s.id, s.quotes])).toEqual([
      ['a', 2],
      ['b', 0],
    ]);
    expect(await store.listSurveys(other, j1)).toEqual([]);
    expect(await store.getSurvey(other, j1, 'a')).toBeNull();
    expect((await store.deleteSurvey(ws, j1, 'a')).ok).toBe(true);
    expect(await store.listQuotes(ws, j1)).toEqual([]);
    const again = await store.deleteSurvey(ws, j1, 'a');
    expect(!again.ok && again.error.code).toBe('survey_not_found');
  });
}
