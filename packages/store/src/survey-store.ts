import { err, ok, type JourneyId, type Result } from '@waymark/core';
import type { Instant, UserId, UserRef, WorkspaceId } from './records';
import { iso, json, toUserRef } from './rows';
import type { Sql } from './sql';

/**
 * Survey evidence on a journey's steps (issue 13 item 3, decision 0033, migration 020). The store keeps what
 * `@waymark/analytics`' importSurvey made: the questions with their answer counts, and the quotes already
 * redacted and pseudonymised. It does not check them: the API does, before anything is written.
 */
export const surveySources = ['microsoft-forms', 'smartsurvey', 'notify', 'other'] as const;
export type SurveySourceId = (typeof surveySources)[number];

export interface StoredSurveyQuestion {
  readonly column: string;
  readonly kind: 'rating' | 'ces' | 'nps' | 'text';
  readonly scale?: '1-5' | '1-7' | '0-10';
  readonly stepId?: string;
  readonly counts: readonly number[];
  readonly answered: number;
}

export interface StoredSurvey {
  readonly journeyId: JourneyId;
  readonly id: string;
  readonly name: string;
  readonly source: SurveySourceId;
  readonly fileName: string | null;
  readonly responses: number;
  readonly questions: readonly StoredSurveyQuestion[];
  readonly redactions: Readonly<Record<string, number>>;
  readonly quotes: number;
  readonly quotesLeftOut: number;
  readonly importedAt: Instant;
  readonly importedBy: UserRef | null;
}

export interface StoredSurveyQuote {
  readonly surveyId: string;
  readonly surveyName: string;
  readonly n: number;
  readonly question: string;
  readonly stepId: string | null;
  readonly respondent: string;
  /** YYYY-MM-DD. */
  readonly date: string | null;
  readonly text: string;
  readonly consent: boolean;
  readonly redacted: boolean;
}

export interface SurveyWrite {
  readonly workspaceId: WorkspaceId;
  readonly journeyId: JourneyId;
  readonly id: string;
  readonly name: string;
  readonly source: SurveySourceId;
  readonly fileName?: string;
  readonly responses: number;
  readonly questions: readonly StoredSurveyQuestion[];
  readonly redactions: Readonly<Record<string, number>>;
  readonly quotesLeftOut: number;
  readonly quotes: readonly {
    readonly question: string;
    readonly stepId?: string;
    readonly respondent: string;
    readonly date?: string;
    readonly text: string;
    readonly consent: boolean;
    readonly redacted: boolean;
  }[];
  readonly by: UserId | null;
  readonly at: Instant;
}

export type SurveyStoreErrorCode = 'journey_not_found' | 'survey_exists' | 'survey_not_found';
export interface SurveyStoreError {
  readonly code: SurveyStoreErrorCode;
  readonly message: string;
}

export interface SurveyStore {
  addSurvey(input: SurveyWrite): Promise<Result<StoredSurvey, SurveyStoreError>>;
  listSurveys(workspaceId: WorkspaceId, journeyId: JourneyId): Promise<StoredSurvey[]>;
  getSurvey(workspaceId: WorkspaceId, journeyId: JourneyId, id: string): Promise<StoredSurvey | null>;
  /** Quotes of the journey's surveys (or one survey's), in survey and file order; `consentedOnly` for the map. */
  listQuotes(
    workspaceId: WorkspaceId,
    journeyId: JourneyId,
    options?: { readonly surveyId?: string; readonly consentedOnly?: boolean },
  ): Promise<StoredSurveyQuote[]>;
  /** Moves questions to other steps (by the question's position); `null` takes a question off every step. */
  setQuestionSteps(
    workspaceId: WorkspaceId,
    journeyId: JourneyId,
    id: string,
    steps: readonly (string | null)[],
  ): Promise<Result<StoredSurvey, SurveyStoreError>>;
  deleteSurvey(
    workspaceId: WorkspaceId,
    journeyId: JourneyId,
    id: string,
  ): Promise<Result<void, SurveyStoreError>>;
}

interface SurveyRow {
  journey_id: string;
  id: string;
  name: string;
  source: string;
  file_name: string | null;
  responses: number;
  questions: unknown;
  redactions: unknown;
  quotes_left_out: number;
  imported_at: unknown;
  imported_by: string | null;
  by_name: string | null;
  quotes: number | string;
}

interface QuoteRow {
  survey_id: string;
  survey_name: string;
  n: number;
  question: string;
  step_id: string | null;
  respondent: string;
  answered_on: unknown;
  text: string;
  consent: boolean;
  redacted: boolean;
}

const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
const dateOf = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : String(v).slice(0, 10);

const toSurvey = (r: SurveyRow): StoredSurvey => ({
  journeyId: r.journey_id as JourneyId,
  id: r.id,
  name: r.name,
  source: r.source as SurveySourceId,
  fileName: r.file_name,
  responses: r.responses,
  questions: parsed(r.questions) as StoredSurveyQuestion[],
  redactions: parsed(r.redactions) as Record<string, number>,
  quotes: Number(r.quotes),
  quotesLeftOut: r.quotes_left_out,
  importedAt: iso(r.imported_at),
  importedBy: toUserRef(r.imported_by as UserId | null, r.by_name),
});

const selectSurveys = `SELECT s.*, u.name AS by_name,
  (SELECT count(*) FROM survey_quotes q WHERE q.workspace_id = s.workspace_id AND q.journey_id = s.journey_id AND q.survey_id = s.id) AS quotes
  FROM journey_surveys s LEFT JOIN users u ON u.id = s.imported_by`;
const liveJourney = `EXISTS (SELECT 1 FROM journeys j WHERE j.workspace_id = $1 AND j.id = $2 AND j.deleted_at IS NULL)`;

/** Surveys over any `Sql` (PGlite or PostgreSQL). */
export function createSqlSurveyStore(sql: Sql): SurveyStore {
  const get = async (workspaceId: WorkspaceId, journeyId: JourneyId, id: string) =>
    (
      await sql.query<SurveyRow>(
        `${selectSurveys} WHERE s.workspace_id = $1 AND s.journey_id = $2 AND s.id = $3 AND ${liveJourney}`,
        [workspaceId, journeyId, id],
      )
    ).map(toSurvey)[0] ?? null;
  const notFound = (id: string): SurveyStoreError => ({
    code: 'survey_not_found',
    message: `no survey "${id}" on this journey`,
  });

  return {
    async addSurvey(input) {
      const done = await sql.transaction(async (tx) => {
        const rows = await tx.query(
          `INSERT INTO journey_surveys (workspace_id, journey_id, id, name, source, file_name, responses, questions,
             redactions, quotes_left_out, imported_at, imported_by)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11, $12 WHERE ${liveJourney}
           ON CONFLICT DO NOTHING RETURNING id`,
          [
            input.workspaceId,
            input.journeyId,
            input.id,
            input.name,
            input.source,
            input.fileName ?? null,
            input.responses,
            json(input.questions),
            json(input.redactions),
            input.quotesLeftOut,
            input.at,
            input.by,
          ],
        );
        if (rows.length === 0) return false;
        if (input.quotes.length > 0)
          await tx.query(
            `INSERT INTO survey_quotes (workspace_id, journey_id, survey_id, n, question, step_id, respondent,
               answered_on, text, consent, redacted)
             SELECT $1, $2, $3, x.n, x.question, x.step_id, x.respondent, x.answered_on::date, x.text, x.consent, x.redacted
             FROM jsonb_to_recordset($4::jsonb) AS x(n integer, question text, step_id text, respondent text,
               answered_on text, text text, consent boolean, redacted boolean)`,
            [
              input.workspaceId,
              input.journeyId,
              input.id,
              json(
                input.quotes.map((q, i) => ({
                  n: i + 1,
                  question: q.question,
                  step_id: q.stepId ?? null,
                  respondent: q.respondent,
                  answered_on: q.date ?? null,
                  text: q.text,
                  consent: q.consent,
                  redacted: q.redacted,
                })),
              ),
            ],
          );
        return true;
      });
      if (done) return ok((await get(input.workspaceId, input.journeyId, input.id)) as StoredSurvey);
      const [live] = await sql.query<{ live: boolean }>(`SELECT ${liveJourney} AS live`, [
        input.workspaceId,
        input.journeyId,
      ]);
      return err(
        live?.live
          ? { code: 'survey_exists', message: `a survey "${input.id}" is already on this journey` }
          : { code: 'journey_not_found', message: `no journey "${input.journeyId}" in this workspace` },
      );
    },
    async listSurveys(workspaceId, journeyId) {
      const rows = await sql.query<SurveyRow>(
        `${selectSurveys} WHERE s.workspace_id = $1 AND s.journey_id = $2 AND ${liveJourney} ORDER BY s.imported_at, s.id`,
        [workspaceId, journeyId],
      );
      return rows.map(toSurvey);
    },
    getSurvey: get,
    async listQuotes(workspaceId, journeyId, options = {}) {
      const rows = await sql.query<QuoteRow>(
        `SELECT q.*, s.name AS survey_name FROM survey_quotes q
         JOIN journey_surveys s ON s.workspace_id = q.workspace_id AND s.journey_id = q.journey_id AND s.id = q.survey_id
         WHERE q.workspace_id = $1 AND q.journey_id = $2 AND ${liveJourney}
           AND ($3::text IS NULL OR q.survey_id = $3) AND (NOT $4::boolean OR q.consent)
         ORDER BY s.imported_at, s.id, q.n`,
        [workspaceId, journeyId, options.surveyId ?? null, options.consentedOnly ?? false],
      );
      return rows.map((r) => ({
        surveyId: r.survey_id,
        surveyName: r.survey_name,
        n: r.n,
        question: r.question,
        stepId: r.step_id,
        respondent: r.respondent,
        date: dateOf(r.answered_on),
        text: r.text,
        consent: r.consent,
        redacted: r.redacted,
      }));
    },
    async setQuestionSteps(workspaceId, journeyId, id, steps) {
      const survey = await get(workspaceId, journeyId, id);
      if (!survey) return err(notFound(id));
      const questions: StoredSurveyQuestion[] = survey.questions.map((q, i) => {
        const step = i < steps.length ? steps[i] : q.stepId;
        const { stepId: _old, ...rest } = q;
        return step === null || step === undefined ? rest : { ...rest, stepId: step };
      });
      await sql.transaction(async (tx) => {
        await tx.query(
          `UPDATE journey_surveys SET questions = $4::jsonb WHERE workspace_id = $1 AND journey_id = $2 AND id = $3`,
          [workspaceId, journeyId, id, json(questions)],
        );
        // quotes follow their question to its step
        for (const q of questions)
          if (q.kind === 'text')
            await tx.query(
              `UPDATE survey_quotes SET step_id = $5 WHERE workspace_id = $1 AND journey_id = $2 AND survey_id = $3 AND question = $4`,
              [workspaceId, journeyId, id, q.column, q.stepId ?? null],
            );
      });
      return ok((await get(workspaceId, journeyId, id)) as StoredSurvey);
    },
    async deleteSurvey(workspaceId, journeyId, id) {
      const rows = await sql.query(
        `DELETE FROM journey_surveys WHERE workspace_id = $1 AND journey_id = $2 AND id = $3 AND ${liveJourney} RETURNING id`,
        [workspaceId, journeyId, id],
      );
      return rows.length > 0 ? ok(undefined) : err(notFound(id));
    },
  };
}
