import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Journey } from '@waymark/core';
import { decodeText } from '@waymark/core/text';
import { createPseudonymiser, readProblem } from '@waymark/analytics/log';
import type { CaseIndex } from '@waymark/analytics';
import type { CliMessageId, MessageValues } from '@waymark/i18n/cli';
import type { Words } from '../emit-sql/words';
import { jsonPlaceValues } from '../files/json-place';
import { envPseudonymKey } from '../pseudonym-key';
import type { Said } from '../usage-error';
import {
  avoidableBySteps,
  guessSurveyMapping,
  importSurvey,
  readSurveyTable,
  SurveyFileError,
  type ImportedSurvey,
  type SurveyFileProblemCode,
  type SurveyMapping,
  type SurveyProblemCode,
  type SurveyQuestionMapping,
} from '@waymark/analytics/survey';
import {
  compareEvidence,
  questionKinds,
  scoreQuestion,
  surveyScaleIds,
  type EvidenceAgreement,
  type Proportion,
} from '@waymark/measure/figures';

/**
 * `--survey <export> [--survey-map <mapping.json>]` for `waymark analyse` and `waymark compare` (issue 13 item 3):
 * per question (and its step) n, mean with its t interval, median, CSAT, CES and NPS with their intervals
 * (docs/worked-checks/survey-scores.md), and, beside an event log, whether the survey and the log disagree on a
 * step (compareEvidence). Numbers in JSON are rounded to 4 decimals (shares) so none carries a float artefact.
 */

/**
 * A survey that cannot be read or whose answers are refused: the message names the file, row and column, in
 * English for tests and logs; `said` is the catalogue's id and values for it (a file's problems: one for the file,
 * then one for each problem), for the command to say in the user's language, a line each (`saidLines`).
 */
export class SurveyInputError extends Error {
  readonly said: readonly [Said, ...Said[]];
  constructor(
    message: string,
    readonly io: boolean,
    said: Said | readonly [Said, ...Said[]],
  ) {
    super(message);
    this.said = 'id' in said ? [said] : said;
  }
}

/** The catalogue's words for each problem in a survey file or its mapping, as the command line says them. */
const problemIds: Record<SurveyProblemCode, Said['id']> = {
  wrong_field_count: 'cli.survey.problem.wrongFieldCount',
  not_a_number: 'cli.survey.problem.notANumber',
  out_of_range: 'cli.survey.problem.outOfRange',
  not_a_date: 'cli.survey.problem.notADate',
  unknown_column: 'cli.survey.problem.unknownColumn',
  duplicate_column: 'cli.survey.problem.duplicateColumn',
  no_questions: 'cli.survey.problem.noQuestions',
  no_scale: 'cli.survey.problem.noScale',
};

/** The same for a survey file that cannot be read at all. */
const fileProblemIds: Record<SurveyFileProblemCode, Said['id']> = {
  empty_file: 'cli.survey.file.emptyFile',
  not_utf8: 'cli.survey.file.notUtf8',
  invalid_utf16: 'cli.survey.file.invalidUtf16',
  unclosed_quote: 'cli.survey.file.unclosedQuote',
  record_too_long: 'cli.survey.file.recordTooLong',
  not_a_workbook: 'cli.survey.file.notAWorkbook',
};

/** A survey file that cannot be read at all, by its code, row and values; its English only for tests and logs. */
function unreadable(file: string, e: SurveyFileError): SurveyInputError {
  return new SurveyInputError(
    `--survey ${file}: ${e.row !== undefined && !/^row \d/.test(e.message) ? `row ${e.row}: ` : ''}${e.message}`,
    false,
    { id: fileProblemIds[e.code], values: { file, row: e.row ?? 0, ...e.values } },
  );
}

/** Answers refused: how many problems, then each of the first by its code and values, and how many more. */
function refused(file: string, imported: ImportedSurvey): SurveyInputError {
  const count = imported.problemCount;
  const more = count - imported.problems.length;
  return new SurveyInputError(
    `--survey ${file}: ${count === 1 ? 'a problem' : `${count} problems`}; nothing was counted:\n${imported.problems
      .map((p) => `  ${p.message}`)
      .join('\n')}${more > 0 ? `\n  … and ${more} more` : ''}`,
    false,
    [
      { id: 'cli.survey.problems', values: { file, count } },
      ...imported.problems.map((p): Said => ({
        id: problemIds[p.code],
        values: {
          ...(p.row === undefined ? {} : { row: p.row }),
          ...(p.column === undefined ? {} : { column: p.column }),
          ...(p.columnName === undefined ? {} : { columnName: p.columnName }),
          ...(p.found === undefined ? {} : { found: p.found }),
          ...p.values,
        },
      })),
      ...(more > 0 ? [{ id: 'cli.survey.problemsMore', values: { more } } as const] : []),
    ],
  );
}

/** A survey or mapping file that cannot be read, in the catalogue's words (the English for tests and logs). */
function cannotRead(option: 'survey' | 'survey-map', file: string, e: unknown): SurveyInputError {
  const reason = e instanceof Error ? e.message : String(e);
  const values = { file, problem: readProblem(e), reason };
  return new SurveyInputError(
    `--${option} ${file}: cannot read the file (${reason})`,
    true,
    option === 'survey'
      ? { id: 'cli.survey.cannotRead', values }
      : { id: 'eventlog.analyse.optionFile.cannotRead', values: { option, ...values } },
  );
}

const round = (x: number, d = 4): number | null => {
  if (!Number.isFinite(x)) return null;
  const f = 10 ** d;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

export interface SurveyShare {
  readonly count: number;
  readonly n: number;
  readonly share: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

export interface SurveyQuestionFigures {
  readonly question: string;
  readonly stepId: string | null;
  readonly kind: string;
  readonly scale: string;
  readonly n: number;
  readonly counts: readonly number[];
  readonly mean: number | null;
  readonly median: number | null;
  readonly sd: number | null;
  readonly interval: { readonly low: number; readonly high: number; readonly confidence: number } | null;
  readonly emotion: { readonly mean: number; readonly low: number; readonly high: number } | null;
  /** In compare: the current journey's step the question is about, and the emotion scores its map gives there. */
  readonly mapStep?: {
    readonly id: string;
    readonly label: string;
    readonly emotion: readonly { readonly score: number; readonly estimate: boolean }[];
  };
  readonly csat?: SurveyShare;
  readonly ces?: { readonly mean: number | null; readonly easy: SurveyShare };
  readonly nps?: {
    readonly score: number | null;
    readonly low: number;
    readonly high: number;
    readonly promoters: number;
    readonly passives: number;
    readonly detractors: number;
    readonly method: 'adjusted-wald';
  };
}

export interface SurveyStepEvidence {
  readonly stepId: string;
  readonly question: string;
  readonly avoidable: SurveyShare;
  readonly verdict: EvidenceAgreement;
}

export interface SurveyFigures {
  readonly file: string;
  readonly source: string;
  readonly responses: number;
  readonly confidence: number;
  readonly questions: readonly SurveyQuestionFigures[];
  readonly quotes: number;
  /** With an event log: each step whose survey emotion can be set beside its avoidable contact. */
  readonly disagreement?: readonly SurveyStepEvidence[];
}

const share = (p: Proportion): SurveyShare => ({
  count: p.successes,
  n: p.trials,
  share: round(p.estimate),
  low: round(p.low),
  high: round(p.high),
});

function resolve(cwd: string, p: string): string {
  return isAbsolute(p) ? p : join(cwd, p);
}

async function openTable(path: string, file: string) {
  try {
    await stat(path);
  } catch (e) {
    throw cannotRead('survey', file, e);
  }
  try {
    return await readSurveyTable(createReadStream(path, { highWaterMark: 1 << 20 }));
  } catch (e) {
    if (e instanceof SurveyFileError) throw unreadable(file, e);
    throw cannotRead('survey', file, e);
  }
}

const mapKeys = new Set(['respondent', 'date', 'consent', 'questions', 'activities']);

/** Examples the catalogue's surveyMap.problem gives of a mapping file's parts. */
const mapExamples = {
  example: '{"questions": [{"column": "How satisfied were you?", "kind": "rating", "scale": "1-5"}]}',
  question: '{"column": "How satisfied were you?", "kind": "rating", "scale": "1-5", "stepId": "report"}',
  activities: '{"Report received": "report"}',
  kinds: questionKinds.join(', '),
  scales: surveyScaleIds.join(', '),
};

/** The mapping file: {"respondent", "date", "consent", "questions": [{"column", "kind", "scale", "stepId"}], "activities": {"log activity": "stepId"}}. */
async function readMapping(
  cwd: string,
  file: string,
): Promise<{ mapping: SurveyMapping; activities: Record<string, string> }> {
  let bytes;
  try {
    bytes = await readFile(resolve(cwd, file));
  } catch (e) {
    throw cannotRead('survey-map', file, e);
  }
  // the one decoding rule (decision 0011): bytes that are not UTF-8 are refused, not read as U+FFFD
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const { code, line, column, message } = decoded.error;
    const at = code === 'not_utf8' || code === 'invalid_utf16' ? `line ${line}, column ${column}: ` : '';
    throw new SurveyInputError(`--survey-map ${file}: ${at}${message}`, false, {
      id: 'eventlog.analyse.optionFile.notText',
      values: { option: 'survey-map', file, problem: code, line, column },
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(decoded.value);
  } catch (e) {
    throw new SurveyInputError(
      `--survey-map ${file}: is not JSON (${e instanceof Error ? e.message : String(e)})`,
      false,
      {
        id: 'eventlog.analyse.optionFile.notJson',
        values: {
          option: 'survey-map',
          file,
          ...jsonPlaceValues(decoded.value, e),
        },
      },
    );
  }
  const bad = (what: string, problem: string, values: MessageValues = {}): never => {
    throw new SurveyInputError(`--survey-map ${file}: ${what}`, false, {
      id: 'cli.surveyMap.problem',
      values: { file, problem, reason: what, ...mapExamples, at: '', key: '', got: '', ...values },
    });
  };
  const got = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value).slice(0, 80));
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return bad(
      'expected a JSON object {"questions": [{"column", "kind", "scale", "stepId"}], "respondent", "date", "consent"}',
      'notObject',
    );
  const o = data as Record<string, unknown>;
  for (const k of Object.keys(o))
    if (!mapKeys.has(k))
      bad(`unknown key "${k}"; expected respondent, date, consent, questions or activities`, 'unknownKey', {
        key: k,
      });
  for (const k of ['respondent', 'date', 'consent'])
    if (o[k] !== undefined && typeof o[k] !== 'string')
      bad(`"${k}" must be a column name (text)`, 'column', { at: k, got: got(o[k]) });
  if (!Array.isArray(o.questions))
    return bad('"questions" must be a list of {"column", "kind", "scale", "stepId"}', 'questions', {
      got: got(o.questions),
    });
  const questions: SurveyQuestionMapping[] = o.questions.map((q: unknown, i: number) => {
    const at = `questions[${i}]`;
    if (typeof q !== 'object' || q === null || Array.isArray(q))
      return bad(`${at} must be an object {"column", "kind", "scale", "stepId"}`, 'question', {
        at,
        got: got(q),
      });
    const r = q as Record<string, unknown>;
    if (typeof r.column !== 'string' || r.column === '')
      bad(`${at}.column must name a column of the export`, 'column', {
        at: `${at}.column`,
        got: got(r.column),
      });
    if (!questionKinds.includes(r.kind as never))
      bad(`${at}.kind must be one of ${questionKinds.join(', ')}; got ${JSON.stringify(r.kind)}`, 'kind', {
        at: `${at}.kind`,
        got: got(r.kind),
      });
    if (r.scale !== undefined && !surveyScaleIds.includes(r.scale as never))
      bad(
        `${at}.scale must be one of ${surveyScaleIds.join(', ')}; got ${JSON.stringify(r.scale)}`,
        'scale',
        {
          at: `${at}.scale`,
          got: got(r.scale),
        },
      );
    if (r.stepId !== undefined && typeof r.stepId !== 'string')
      bad(`${at}.stepId must be text`, 'stepId', { at: `${at}.stepId`, got: got(r.stepId) });
    return {
      column: r.column as string,
      kind: r.kind as SurveyQuestionMapping['kind'],
      ...(r.scale !== undefined ? { scale: r.scale as SurveyQuestionMapping['scale'] & string } : {}),
      ...(r.stepId !== undefined ? { stepId: r.stepId as string } : {}),
    };
  });
  const activities: Record<string, string> = {};
  if (o.activities !== undefined) {
    if (typeof o.activities !== 'object' || o.activities === null || Array.isArray(o.activities))
      bad('"activities" must be an object {"log activity": "step id"}', 'activities', {
        got: got(o.activities),
      });
    for (const [k, v] of Object.entries(o.activities as object)) {
      if (typeof v !== 'string')
        bad(`activities "${k}" must name a step id (text)`, 'activity', { key: k, got: got(v) });
      activities[k] = v as string;
    }
  }
  return {
    mapping: {
      ...(typeof o.respondent === 'string' ? { respondent: o.respondent } : {}),
      ...(typeof o.date === 'string' ? { date: o.date } : {}),
      ...(typeof o.consent === 'string' ? { consent: o.consent } : {}),
      questions,
    },
    activities,
  };
}

/** Reads, maps (the file given, or guessed from the header and the first rows) and scores a survey export. */
export async function readSurveyEvidence(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  file: string,
  mapFile: string | undefined,
  log?: { readonly index: CaseIndex; readonly activities: readonly string[] },
): Promise<SurveyFigures> {
  const path = resolve(cwd, file);
  let mapping: SurveyMapping;
  let activities: Record<string, string> = {};
  let source = 'mapping file';
  if (mapFile !== undefined) ({ mapping, activities } = await readMapping(cwd, mapFile));
  else {
    const table = await openTable(path, file);
    const sample: string[][] = [];
    try {
      for await (const r of table.rows) {
        sample.push([...r.cells]);
        if (sample.length >= 200) break;
      }
    } catch (e) {
      // a row the file cannot give (a quotation mark never closed) is the file's problem, not Waymark's
      if (e instanceof SurveyFileError) throw unreadable(file, e);
      throw e;
    }
    const guessed = guessSurveyMapping(table.header, sample);
    mapping = guessed.mapping;
    source = guessed.source;
  }
  const table = await openTable(path, file);
  // unset or empty: a one-off key; a key too short was refused by the command before anything was read
  const key = envPseudonymKey(env) ?? randomBytes(32).toString('hex');
  let imported;
  try {
    imported = await importSurvey(table, mapping, { pseudonymise: createPseudonymiser(key), maxProblems: 5 });
  } catch (e) {
    if (e instanceof SurveyFileError) throw unreadable(file, e);
    throw e;
  }
  if (imported.problemCount > 0) throw refused(file, imported);
  const questions: SurveyQuestionFigures[] = [];
  for (const q of imported.questions) {
    if (q.kind === 'text' || q.scale === undefined) continue;
    const s = scoreQuestion({ kind: q.kind, scale: q.scale, counts: q.counts });
    const sum = s.summary;
    questions.push({
      question: q.column,
      stepId: q.stepId ?? null,
      kind: q.kind,
      scale: q.scale,
      n: sum.n,
      counts: sum.counts,
      mean: round(sum.mean),
      median: round(sum.median),
      sd: round(sum.sd),
      interval: sum.interval
        ? {
            low: round(sum.interval.low)!,
            high: round(sum.interval.high)!,
            confidence: sum.interval.confidence,
          }
        : null,
      emotion: s.emotion
        ? { mean: round(s.emotion.mean, 1)!, low: round(s.emotion.low, 1)!, high: round(s.emotion.high, 1)! }
        : null,
      ...(s.csat ? { csat: share(s.csat) } : {}),
      ...(s.ces ? { ces: { mean: round(s.ces.summary.mean), easy: share(s.ces.easy) } } : {}),
      ...(s.nps
        ? {
            nps: {
              score: round(s.nps.score, 1),
              low: round(s.nps.low, 1)!,
              high: round(s.nps.high, 1)!,
              promoters: s.nps.promoters,
              passives: s.nps.passives,
              detractors: s.nps.detractors,
              method: s.nps.method,
            },
          }
        : {}),
    });
  }
  const figures: SurveyFigures = {
    file,
    source,
    responses: imported.responses,
    confidence: 0.95,
    questions,
    quotes: imported.quotes.length + imported.quotesLeftOut,
  };
  if (log === undefined) return figures;
  // steps matched to log activities: the mapping file's "activities", else an activity named as the step
  const byStep = { ...activities };
  const steps = new Set(questions.map((q) => q.stepId).filter((s): s is string => s !== null));
  const norm = (s: string) => s.trim().toLowerCase();
  for (const a of log.activities)
    if (byStep[a] === undefined) for (const s of steps) if (norm(s) === norm(a)) byStep[a] = s;
  const avoidable = Object.keys(byStep).length > 0 ? avoidableBySteps(log.index, byStep) : {};
  const disagreement: SurveyStepEvidence[] = [];
  for (const q of imported.questions) {
    if (q.kind === 'text' || q.scale === undefined || q.stepId === undefined) continue;
    const contact = avoidable[q.stepId];
    const emotion = scoreQuestion({ kind: q.kind, scale: q.scale, counts: q.counts }).emotion;
    if (contact === undefined || emotion === undefined) continue;
    disagreement.push({
      stepId: q.stepId,
      question: q.column,
      avoidable: share(contact),
      verdict: compareEvidence(emotion, contact),
    });
  }
  return { ...figures, disagreement };
}

/** Names each question's step from the journey (by step id, else by label) with the map's emotion scores there. */
export function withJourneySteps(s: SurveyFigures, journey: Journey): SurveyFigures {
  const norm = (x: string) => x.trim().toLowerCase();
  return {
    ...s,
    questions: s.questions.map((q) => {
      if (q.stepId === null) return q;
      const id = q.stepId;
      const column =
        journey.columns.find((c) => c.id === id) ?? journey.columns.find((c) => norm(c.label) === norm(id));
      if (column === undefined) return q;
      const emotion = journey.cards.flatMap((c) =>
        c.kind === 'emotion' && c.columnId === column.id ? [{ score: c.score, estimate: c.estimate }] : [],
      );
      return { ...q, mapStep: { id: column.id, label: column.label, emotion } };
    }),
  };
}

// ---- printing ----

const fixed = (x: number | null | undefined, d: number) =>
  x === null || x === undefined ? '—' : x.toFixed(d);
const pct = (x: number | null) => (x === null ? '—' : `${String(Math.round(x * 1000) / 10)} %`);
const signed = (x: number | null) =>
  x === null ? '—' : x > 0 ? `+${x.toFixed(1)}` : x < 0 ? `−${(-x).toFixed(1)}` : '0.0';

/** The catalogue's words for each verdict of compareEvidence. */
const verdictIds: Record<EvidenceAgreement, CliMessageId> = {
  'too-few': 'commands.surveyReport.verdict.tooFew',
  agree: 'commands.surveyReport.verdict.agree',
  'survey-good-contact-poor': 'commands.surveyReport.verdict.surveyGoodContactPoor',
  'survey-poor-contact-good': 'commands.surveyReport.verdict.surveyPoorContactGood',
};

/** A count of a share, its percentage and its interval, in the catalogue's words. */
const shareWords = (w: Words, s: SurveyShare) =>
  w('commands.surveyReport.share', {
    count: s.count,
    n: s.n,
    share: pct(s.share),
    low: pct(s.low),
    high: pct(s.high),
  });

/** Label and value rows for one question, as printed in md and html. */
function questionRows(w: Words, q: SurveyQuestionFigures): [string, string][] {
  const rows: [string, string][] = [
    [w('commands.surveyReport.answers'), String(q.n)],
    [
      w('commands.surveyReport.distribution'),
      q.counts.map((c, i) => `${i + (q.scale === '0-10' ? 0 : 1)}: ${c}`).join(', '),
    ],
    [
      w('commands.surveyReport.mean'),
      q.interval
        ? w('commands.surveyReport.meanValue', {
            mean: fixed(q.mean, 2),
            low: q.interval.low.toFixed(4),
            high: q.interval.high.toFixed(4),
          })
        : w('commands.surveyReport.meanNoInterval', { mean: fixed(q.mean, 2) }),
    ],
    [w('commands.surveyReport.median'), q.median === null ? '—' : String(q.median)],
  ];
  if (q.emotion)
    rows.push([
      w('commands.surveyReport.emotion'),
      w('commands.surveyReport.emotionValue', {
        mean: signed(q.emotion.mean),
        low: signed(q.emotion.low),
        high: signed(q.emotion.high),
      }),
    ]);
  if (q.mapStep)
    rows.push([
      w('commands.surveyReport.mapEmotion'),
      q.mapStep.emotion.length === 0
        ? w('commands.surveyReport.mapEmotionNone')
        : q.mapStep.emotion
            .map((e) =>
              w('commands.surveyReport.mapEmotionScore', {
                score: signed(e.score),
                estimate: e.estimate ? 'yes' : 'no',
              }),
            )
            .join(', '),
    ]);
  if (q.csat) rows.push([w('commands.surveyReport.csat'), shareWords(w, q.csat)]);
  if (q.ces)
    rows.push([
      w('commands.surveyReport.cesEasy', { range: q.scale === '1-7' ? '5–7' : '4–5' }),
      shareWords(w, q.ces.easy),
    ]);
  if (q.nps)
    rows.push([
      w('commands.surveyReport.nps'),
      w('commands.surveyReport.npsValue', {
        score: signed(q.nps.score),
        low: signed(q.nps.low),
        high: signed(q.nps.high),
        promoters: q.nps.promoters,
        passives: q.nps.passives,
        detractors: q.nps.detractors,
      }),
    ]);
  return rows;
}

const mdEsc = (s: string) => s.replace(/([\\`*_[\]|<>])/g, '\\$1');
const htmlEsc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const heading = (w: Words, q: SurveyQuestionFigures) =>
  w('commands.surveyReport.heading', {
    question: q.question,
    where: q.mapStep ? 'map' : q.stepId ? 'id' : 'none',
    step: q.mapStep ? q.mapStep.label : (q.stepId ?? ''),
    kind: q.kind,
    scale: q.scale,
  });

const summaryLine = (w: Words, s: SurveyFigures) =>
  w('commands.surveyReport.summary', {
    responses: s.responses,
    file: s.file,
    mapped: s.source === 'mapping file' ? 'yes' : 'no',
    source: s.source,
    quotes: s.quotes,
  });

const evidenceRow = (w: Words, d: SurveyStepEvidence): [string, string, string] => [
  d.stepId,
  w('commands.surveyReport.avoidableValue', {
    count: d.avoidable.count,
    n: d.avoidable.n,
    share: pct(d.avoidable.share),
    low: pct(d.avoidable.low),
    high: pct(d.avoidable.high),
  }),
  w(verdictIds[d.verdict]),
];

/** The survey's section of a Markdown report, in the catalogue's words of `w`. */
export function surveyMarkdown(s: SurveyFigures, w: Words): string {
  const out = [
    `## ${mdEsc(w('commands.surveyReport.title', { file: s.file }))}`,
    '',
    mdEsc(summaryLine(w, s)),
    '',
  ];
  if (s.questions.length === 0) out.push(mdEsc(w('commands.surveyReport.noQuestion')), '');
  const figureHead = `| ${mdEsc(w('commands.surveyReport.figure'))} | ${mdEsc(w('commands.surveyReport.value'))} |`;
  for (const q of s.questions) {
    out.push(`### ${mdEsc(heading(w, q))}`, '', figureHead, '|---|---|');
    for (const [k, v] of questionRows(w, q)) out.push(`| ${mdEsc(k)} | ${v} |`);
    out.push('');
  }
  if (s.disagreement) {
    out.push(`### ${mdEsc(w('commands.surveyReport.beside'))}`, '');
    if (s.disagreement.length === 0) out.push(mdEsc(w('commands.surveyReport.noMatch')), '');
    else {
      const head = [
        w('commands.surveyReport.step'),
        w('commands.surveyReport.avoidable'),
        w('commands.surveyReport.verdict'),
      ];
      out.push(`| ${head.map(mdEsc).join(' | ')} |`, '|---|---|---|');
      for (const d of s.disagreement) out.push(`| ${evidenceRow(w, d).map(mdEsc).join(' | ')} |`);
      out.push('');
    }
  }
  return `${out.join('\n')}`;
}

/** The survey's section of an HTML report, in the catalogue's words of `w`. */
export function surveyHtml(s: SurveyFigures, w: Words): string {
  const out = [
    `<h2>${htmlEsc(w('commands.surveyReport.title', { file: s.file }))}</h2>`,
    `<p>${htmlEsc(summaryLine(w, s))}</p>`,
  ];
  for (const q of s.questions) {
    out.push(`<h3>${htmlEsc(heading(w, q))}</h3>`, '<table><tbody>');
    for (const [k, v] of questionRows(w, q))
      out.push(`<tr><th scope="row">${htmlEsc(k)}</th><td>${htmlEsc(v)}</td></tr>`);
    out.push('</tbody></table>');
  }
  if (s.disagreement && s.disagreement.length > 0) {
    const head = [
      w('commands.surveyReport.step'),
      w('commands.surveyReport.avoidable'),
      w('commands.surveyReport.verdict'),
    ];
    out.push(
      `<h3>${htmlEsc(w('commands.surveyReport.beside'))}</h3>`,
      `<table><thead><tr>${head.map((h) => `<th scope="col">${htmlEsc(h)}</th>`).join('')}</tr></thead><tbody>`,
    );
    for (const d of s.disagreement)
      out.push(
        `<tr>${evidenceRow(w, d)
          .map((c) => `<td>${htmlEsc(c)}</td>`)
          .join('')}</tr>`,
      );
    out.push('</tbody></table>');
  }
  return out.join('\n');
}

/**
 * Adds the survey's figures to a rendered report in its own format: JSON as data (without the language), Markdown
 * and HTML in the catalogue's words of the language the figures were read for (WAYMARK_LANG, LC_ALL or LANG).
 * The catalogue is loaded only for those two: JSON has no words (decision 0042).
 */
export async function withSurveyEvidence(
  format: 'md' | 'json' | 'html',
  text: string,
  s: SurveyFigures,
  /** Whose WAYMARK_LANG, LC_ALL or LANG the Markdown and HTML say the figures in; the JSON is data. */
  env: Readonly<Record<string, string | undefined>>,
): Promise<string> {
  if (format === 'json') {
    const data = JSON.parse(text) as Record<string, unknown>;
    return `${JSON.stringify({ ...data, survey: s }, null, 2)}\n`;
  }
  const w = (await import('../emit-sql/words')).cliWords(env);
  if (format === 'md')
    return text.trim() === ''
      ? surveyMarkdown(s, w)
      : `${text.replace(/\n*$/, '\n')}\n${surveyMarkdown(s, w)}`;
  const html = surveyHtml(s, w);
  if (text.includes('</main>')) return text.replace('</main>', `${html}\n</main>`);
  return text.replace('</body>', `${html}\n</body>`);
}
