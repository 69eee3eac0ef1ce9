import {
  avoidableBySteps,
  buildCaseIndex,
  createPseudonymiser,
  decodeEvents,
  guessSurveyMapping,
  importSurvey,
  readSurveyBytes,
  SurveyFileError,
  detectSource,
  type SurveyMapping,
} from '@waymark/analytics';
import type { JourneyId } from '@waymark/core';
import {
  compareEvidence,
  questionKinds,
  scoreQuestion,
  surveyScaleIds,
  type Proportion,
  type QuestionScores,
} from '@waymark/measure';
import type { StoredSurvey, SurveyStore } from '@waymark/store';
import { z } from 'zod';
import { ApiFailure, fail } from '../api-error';
import type { ApiDeps } from '../deps';
import { route, type RouteInput } from '../route-spec';
import { audit, journeyOr404, nowIso, userOf, workspaceOf } from '../routes/route-helpers';

const base = '/api/workspaces/{ws}/journeys/{id}/surveys';

export function surveyStoreOf(deps: ApiDeps): SurveyStore {
  const store = deps.surveys;
  if (!store) throw new ApiFailure('not_configured', 'this server has no storage for surveys', null, {}, 503);
  return store;
}

const fileSchema = z
  .string({ error: 'expected the file as base64' })
  .min(1, { error: 'expected the file as base64' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'expected the file as base64' });

const mappingSchema = z.strictObject({
  respondent: z.string().max(500).optional(),
  date: z.string().max(500).optional(),
  consent: z.string().max(500).optional(),
  questions: z
    .array(
      z.strictObject({
        column: z.string().min(1).max(500),
        kind: z.enum(questionKinds),
        scale: z.enum(surveyScaleIds).optional(),
        stepId: z.string().min(1).max(80).optional(),
      }),
    )
    .max(200),
});

const previewBody = z.strictObject({ fileName: z.string().max(300).optional(), file: fileSchema });
const importBody = z.strictObject({
  name: z.string().trim().min(1, { error: 'expected a name for the survey' }).max(200),
  fileName: z.string().max(300).optional(),
  file: fileSchema,
  mapping: mappingSchema,
});
const stepsBody = z.strictObject({ steps: z.array(z.string().min(1).max(80).nullable()).max(200) });

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

/**
 * A file that cannot be read at all: 422 survey_unreadable with its one problem by code, row, column and values
 * for the catalogue's words (`survey.problem.<code>`), and its English `message` for logs.
 */
function unreadable(e: SurveyFileError): ApiFailure {
  const column = e.values['column'];
  return new ApiFailure('survey_unreadable', e.message, 'file', {
    problems: [
      {
        code: e.code,
        ...(e.row === undefined ? {} : { row: e.row }),
        ...(typeof column === 'number' ? { column } : {}),
        values: e.values,
        message: e.message,
      },
    ],
  });
}

async function table(bytes: Uint8Array) {
  try {
    return await readSurveyBytes(bytes);
  } catch (e) {
    if (e instanceof SurveyFileError) throw unreadable(e);
    throw e;
  }
}

async function pseudonymiserFor(input: RouteInput<unknown>) {
  const keyring = input.deps.datasets?.keyring;
  if (!keyring)
    throw new ApiFailure(
      'not_configured',
      'this server has no pseudonymisation keys for surveys',
      null,
      {},
      503,
    );
  return createPseudonymiser(await keyring.keyFor(workspaceOf(input)));
}

const journeyIdOf = (input: RouteInput<unknown>) => input.params['id'] as JourneyId;

/** A survey with the figures of each scored question (CSAT, CES, NPS, mean with its interval). */
function withScores(s: StoredSurvey) {
  return {
    ...s,
    questions: s.questions.map((q) => ({
      ...q,
      ...(q.kind === 'text' || q.scale === undefined
        ? {}
        : { scores: scoreQuestion({ kind: q.kind, scale: q.scale, counts: q.counts }) }),
    })),
  };
}

interface StepEvidence {
  stepId: string;
  questions: { surveyId: string; surveyName: string; column: string; scores: QuestionScores }[];
  /** The band on the curve: the rating (or NPS) question with the most answers. */
  emotion: { surveyId: string; column: string; n: number; mean: number; low: number; high: number } | null;
  avoidable: Proportion | null;
  agreement: ReturnType<typeof compareEvidence> | null;
  /** Only answers whose respondent agreed to be quoted; `consent` says so to whoever makes a card of one. */
  quotes: { surveyName: string; respondent: string; date: string | null; text: string; consent: boolean }[];
}

/** Per step: every scored question, the emotion band, consented quotes, and avoidable contact beside them. */
async function evidence(input: RouteInput<unknown>) {
  const ws = workspaceOf(input);
  const journeyId = journeyIdOf(input);
  await journeyOr404(input);
  const store = surveyStoreOf(input.deps);
  const surveys = await store.listSurveys(ws, journeyId);
  const steps = new Map<string, StepEvidence>();
  const stepOf = (stepId: string) => {
    let s = steps.get(stepId);
    if (!s) {
      s = { stepId, questions: [], emotion: null, avoidable: null, agreement: null, quotes: [] };
      steps.set(stepId, s);
    }
    return s;
  };
  for (const survey of surveys)
    for (const q of survey.questions) {
      if (q.stepId === undefined || q.kind === 'text' || q.scale === undefined) continue;
      const scores = scoreQuestion({ kind: q.kind, scale: q.scale, counts: q.counts });
      const step = stepOf(q.stepId);
      step.questions.push({ surveyId: survey.id, surveyName: survey.name, column: q.column, scores });
      if (scores.emotion && (step.emotion === null || scores.emotion.n > step.emotion.n))
        step.emotion = { surveyId: survey.id, column: q.column, ...scores.emotion };
    }
  for (const quote of await store.listQuotes(ws, journeyId, { consentedOnly: true }))
    if (quote.stepId !== null)
      stepOf(quote.stepId).quotes.push({
        surveyName: quote.surveyName,
        respondent: quote.respondent,
        date: quote.date,
        text: quote.text,
        consent: quote.consent,
      });
  // the contact log attached to the journey, if any: avoidable contact per step by its activity mapping
  const datasets = input.deps.datasets;
  let log: { datasetId: string; name: string } | null = null;
  if (datasets && steps.size > 0) {
    const attached = (await datasets.store.listAttachedTo(ws, journeyId))[0];
    const full = attached ? await datasets.store.getDataset(ws, attached.id) : null;
    const mapping = (full?.attachment as { steps?: Record<string, string> } | null)?.steps;
    const blob = full && mapping ? await datasets.store.getEvents(ws, full.id) : null;
    if (full && mapping && blob) {
      log = { datasetId: full.id, name: full.name };
      const bySteps = avoidableBySteps(buildCaseIndex(decodeEvents(blob)), mapping);
      for (const s of steps.values()) {
        s.avoidable = bySteps[s.stepId] ?? null;
        if (s.emotion && s.avoidable) s.agreement = compareEvidence(s.emotion, s.avoidable);
      }
    }
  }
  return {
    surveys: surveys.map((s) => ({ id: s.id, name: s.name, source: s.source, responses: s.responses })),
    log,
    steps: [...steps.values()],
  };
}

async function surveyOr404(input: RouteInput<unknown>): Promise<StoredSurvey> {
  const id = input.params['surveyId'] ?? '';
  const found = await surveyStoreOf(input.deps).getSurvey(workspaceOf(input), journeyIdOf(input), id);
  if (!found) throw fail('survey_not_found', `no survey "${id}" on this journey`);
  return found;
}

/** Survey evidence on a journey's steps (issue 13 item 3, decision 0033). */
export const surveyRoutes = () => [
  route({
    method: 'get',
    path: base,
    tag: 'Surveys',
    summary:
      "The journey's imported surveys, each question with its step and figures (n, mean, median, t interval, CSAT, CES, NPS)",
    access: 'viewer',
    success: { description: '{surveys:[…]}' },
    async handle(input) {
      await journeyOr404(input);
      const list = await surveyStoreOf(input.deps).listSurveys(workspaceOf(input), journeyIdOf(input));
      return input.c.json({ surveys: list.map(withScores) });
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/journeys/{id}/survey-evidence',
    tag: 'Surveys',
    summary:
      "Per step: the survey figures, the emotion band for the curve, consented quotes, and where survey and the attached log's avoidable contact disagree",
    access: 'viewer',
    success: {
      description: '{surveys, log, steps:[{stepId, questions, emotion, avoidable, agreement, quotes}]}',
    },
    handle: async (input) => input.c.json(await evidence(input)),
  }),
  route({
    method: 'post',
    path: `${base}/preview`,
    tag: 'Import',
    summary:
      'Read an export (CSV or XLSX, base64) without storing it: its header, first rows and a guessed mapping of columns to questions',
    access: 'editor',
    body: previewBody,
    errors: ['survey_unreadable'],
    success: { description: '{format, source, header, rows (first 5), mapping, ignored}' },
    async handle(input) {
      await journeyOr404(input);
      const t = await table(bytesOf(input.body.file));
      const rows: string[][] = [];
      try {
        for await (const r of t.rows) {
          rows.push([...r.cells]);
          if (rows.length >= 20) break;
        }
      } catch (e) {
        if (e instanceof SurveyFileError) throw unreadable(e);
        throw e;
      }
      const guess = guessSurveyMapping(t.header, rows);
      return input.c.json({ format: t.format, header: t.header, rows: rows.slice(0, 5), ...guess });
    },
  }),
  route({
    method: 'post',
    path: base,
    tag: 'Import',
    summary:
      'Import an export with a mapping of columns to questions and steps: every answer checked (a 422 lists the problems by row and column, and nothing is stored), respondents pseudonymised, free text redacted',
    access: 'editor',
    body: importBody,
    errors: ['survey_unreadable', 'survey_invalid'],
    success: { status: 201, description: 'the survey as stored, with its figures' },
    async handle(input) {
      const ws = workspaceOf(input);
      const journeyId = journeyIdOf(input);
      const journey = await journeyOr404(input);
      const columns = new Set<string>(journey.journey.columns.map((c) => c.id));
      const mapping = input.body.mapping as SurveyMapping;
      const badStep = mapping.questions.findIndex((q) => q.stepId !== undefined && !columns.has(q.stepId));
      if (badStep >= 0)
        throw fail(
          'invalid_request',
          `mapping.questions[${badStep}].stepId: no step "${mapping.questions[badStep]!.stepId}" on this journey`,
          `mapping.questions[${badStep}].stepId`,
        );
      const bytes = bytesOf(input.body.file);
      const t = await table(bytes);
      let result;
      try {
        result = await importSurvey(t, mapping, { pseudonymise: await pseudonymiserFor(input) });
      } catch (e) {
        if (e instanceof SurveyFileError) throw unreadable(e);
        throw e;
      }
      if (result.problemCount > 0)
        throw new ApiFailure(
          'survey_invalid',
          `${result.problemCount} problem${result.problemCount === 1 ? '' : 's'} in the file; the first: ${result.problems[0]!.message}`,
          'file',
          { problems: result.problems, problemCount: result.problemCount },
        );
      const id = input.deps.newId();
      const saved = await surveyStoreOf(input.deps).addSurvey({
        workspaceId: ws,
        journeyId,
        id,
        name: input.body.name,
        source: detectSource(t.header),
        ...(input.body.fileName === undefined ? {} : { fileName: input.body.fileName }),
        responses: result.responses,
        questions: result.questions.map((q) => ({
          column: q.column,
          kind: q.kind,
          ...(q.scale === undefined ? {} : { scale: q.scale }),
          ...(q.stepId === undefined ? {} : { stepId: q.stepId }),
          counts: q.counts,
          answered: q.answered,
        })),
        redactions: result.redactions as Record<string, number>,
        quotesLeftOut: result.quotesLeftOut,
        quotes: result.quotes.map((q) => ({
          question: q.questionColumn,
          ...(q.stepId === undefined ? {} : { stepId: q.stepId }),
          respondent: q.respondent,
          ...(q.date === undefined ? {} : { date: q.date }),
          text: q.text,
          consent: q.consent,
          redacted: q.redacted,
        })),
        by: userOf(input).id,
        at: nowIso(input),
      });
      if (!saved.ok) throw fail('journey_not_found', saved.error.message);
      await audit(input, 'survey.import', id, { journeyId, responses: result.responses });
      return input.c.json(withScores(saved.value), 201);
    },
  }),
  route({
    method: 'get',
    path: `${base}/{surveyId}/quotes`,
    tag: 'Surveys',
    summary:
      "A survey's free-text answers, redacted, with the respondent's pseudonym and date; viewers and commenters see only those the respondent agreed to have quoted",
    access: 'viewer',
    errors: ['survey_not_found'],
    success: { description: '{quotes:[…]}' },
    async handle(input) {
      const survey = await surveyOr404(input);
      const role = input.workspace?.role;
      const quotes = await surveyStoreOf(input.deps).listQuotes(workspaceOf(input), journeyIdOf(input), {
        surveyId: survey.id,
        consentedOnly: role !== 'editor' && role !== 'owner',
      });
      return input.c.json({ quotes });
    },
  }),
  route({
    method: 'put',
    path: `${base}/{surveyId}/steps`,
    tag: 'Surveys',
    summary: "Move a survey's questions to other steps (one entry per question, in order; null for none)",
    access: 'editor',
    body: stepsBody,
    errors: ['survey_not_found'],
    success: { description: 'the survey as stored, with its figures' },
    async handle(input) {
      await surveyOr404(input);
      const moved = await surveyStoreOf(input.deps).setQuestionSteps(
        workspaceOf(input),
        journeyIdOf(input),
        input.params['surveyId'] as string,
        input.body.steps,
      );
      if (!moved.ok) throw fail('survey_not_found', moved.error.message);
      return input.c.json(withScores(moved.value));
    },
  }),
  route({
    method: 'delete',
    path: `${base}/{surveyId}`,
    tag: 'Surveys',
    summary: 'Remove a survey and its quotes',
    access: 'editor',
    errors: ['survey_not_found'],
    success: { status: 204, description: 'nothing' },
    async handle(input) {
      await surveyOr404(input);
      const gone = await surveyStoreOf(input.deps).deleteSurvey(
        workspaceOf(input),
        journeyIdOf(input),
        input.params['surveyId'] as string,
      );
      if (!gone.ok) throw fail('survey_not_found', gone.error.message);
      await audit(input, 'survey.delete', input.params['surveyId'] as string, {
        journeyId: journeyIdOf(input),
      });
      return input.c.body(null, 204);
    },
  }),
];
