import { emptyCounts, surveyScales, type QuestionKind, type SurveyScale } from '@waymark/measure/figures';
import type { Pseudonymiser } from '../pseudonymise';
import { redactPersonalDetails, type RedactionKind } from './redact';
import type { SurveyTable } from './survey-table';

/** Which column holds what: the respondent, the date, consent to quote, and each question with its step. */
export interface SurveyMapping {
  readonly respondent?: string;
  readonly date?: string;
  readonly consent?: string;
  readonly questions: readonly SurveyQuestionMapping[];
}

export interface SurveyQuestionMapping {
  /** The column's name in the header. */
  readonly column: string;
  readonly kind: QuestionKind;
  /** For every kind but text. */
  readonly scale?: SurveyScale;
  /** The journey step (column id) the question is about. */
  readonly stepId?: string;
}

export type SurveyProblemCode =
  | 'unknown_column'
  | 'duplicate_column'
  | 'no_questions'
  | 'no_scale'
  | 'wrong_field_count'
  | 'not_a_number'
  | 'out_of_range'
  | 'not_a_date';

/** What a column of the mapping is for. */
export type SurveyColumnRole = 'respondent' | 'date' | 'consent' | 'question';

/** One thing wrong with the file or the mapping: where, what was found, what was expected. */
export interface SurveyProblem {
  readonly code: SurveyProblemCode;
  /** 1-based row of the file (the header is row 1); absent for a mapping problem. */
  readonly row?: number;
  /** 1-based column and its name. */
  readonly column?: number;
  readonly columnName?: string;
  readonly found?: string;
  /** What was expected, in English (as `message` says it); the catalogue says it from the code and `values`. */
  readonly expected: string;
  /**
   * The rest of what the message catalogue's words (`survey.problem.<code>`, the CLI's `cli.survey.problem.*`)
   * need: the scale's ends (`min`, `max`), the row's and the header's widths (`count`, `width`), and for a column
   * of the mapping its `role` (respondent, date, consent, question) and the file's `columns`, quoted.
   */
  readonly values?: Readonly<Record<string, string | number>>;
  /** The same in English, for logs and the API's message. */
  readonly message: string;
}

export interface SurveyQuote {
  readonly questionColumn: string;
  readonly stepId?: string;
  readonly respondent: string;
  /** YYYY-MM-DD when the export has a date column. */
  readonly date?: string;
  /** With personal details replaced by markers. */
  readonly text: string;
  readonly consent: boolean;
  readonly redacted: boolean;
}

export interface ImportedQuestion extends SurveyQuestionMapping {
  /** Counts of each answer on the scale (empty for text questions). */
  readonly counts: readonly number[];
  /** Answers given (blank cells are not answers). */
  readonly answered: number;
}

export interface ImportedSurvey {
  readonly responses: number;
  readonly questions: readonly ImportedQuestion[];
  /** The first `maxQuotes` free-text answers; `quotesLeftOut` counts the rest. */
  readonly quotes: readonly SurveyQuote[];
  readonly quotesLeftOut: number;
  readonly redactions: Readonly<Partial<Record<RedactionKind, number>>>;
  /** The first `maxProblems` problems; `problemCount` counts them all. Nothing is stored while there are any. */
  readonly problems: readonly SurveyProblem[];
  readonly problemCount: number;
}

export interface SurveyImportOptions {
  readonly pseudonymise: Pseudonymiser;
  readonly maxQuotes?: number;
  readonly maxProblems?: number;
}

const satisfactionWords: Readonly<Record<string, number>> = {
  'very dissatisfied': 1,
  dissatisfied: 2,
  'neither satisfied nor dissatisfied': 3,
  'neither satisfied or dissatisfied': 3,
  neutral: 3,
  satisfied: 4,
  'very satisfied': 5,
};
const yes = /^(y|yes|true|1|i agree|agree|i consent|consent|yes,? .*|ie|do|cytuno)$/i;

const quoted = (s: string) => JSON.stringify(s);

/** Checks the mapping against the header; problems name the column. */
export function checkSurveyMapping(header: readonly string[], mapping: SurveyMapping): SurveyProblem[] {
  const problems: SurveyProblem[] = [];
  const find = (name: string | undefined, role: SurveyColumnRole) => {
    if (name === undefined) return;
    const at = header.indexOf(name);
    if (at < 0)
      problems.push({
        code: 'unknown_column',
        columnName: name,
        expected: `one of the file's columns`,
        values: { role, columns: header.map((h) => `“${h}”`).join(', ') },
        message: `the ${role} column ${quoted(name)} is not in the file's header; expected one of ${header.map(quoted).join(', ')}`,
      });
    else if (header.indexOf(name, at + 1) >= 0)
      problems.push({
        code: 'duplicate_column',
        column: at + 1,
        columnName: name,
        expected: 'a column name used once',
        values: { role },
        message: `two columns are named ${quoted(name)}, so which is the ${role} is unclear; rename one of them`,
      });
  };
  find(mapping.respondent, 'respondent');
  find(mapping.date, 'date');
  find(mapping.consent, 'consent');
  if (mapping.questions.length === 0)
    problems.push({
      code: 'no_questions',
      expected: 'at least one question column',
      message: 'no column is mapped to a question; choose at least one',
    });
  for (const q of mapping.questions) {
    find(q.column, 'question');
    if (q.kind !== 'text' && q.scale === undefined)
      problems.push({
        code: 'no_scale',
        columnName: q.column,
        expected: 'a scale: 1-5, 1-7 or 0-10',
        message: `the question ${quoted(q.column)} needs a scale (1-5, 1-7 or 0-10)`,
      });
  }
  return problems;
}

/**
 * Reads every row: each answer checked against its question's scale, respondents pseudonymised, free text
 * redacted. Memory is bounded: counts per answer, the first quotes and the first problems only.
 */
export async function importSurvey(
  table: SurveyTable,
  mapping: SurveyMapping,
  options: SurveyImportOptions,
): Promise<ImportedSurvey> {
  const maxQuotes = options.maxQuotes ?? 5000;
  const maxProblems = options.maxProblems ?? 100;
  const header = table.header;
  const problems: SurveyProblem[] = checkSurveyMapping(header, mapping);
  if (problems.length > 0)
    return {
      responses: 0,
      questions: [],
      quotes: [],
      quotesLeftOut: 0,
      redactions: {},
      problems,
      problemCount: problems.length,
    };
  let problemCount = 0;
  const problem = (p: SurveyProblem) => {
    problemCount++;
    if (problems.length < maxProblems) problems.push(p);
  };
  const col = (name: string | undefined) => (name === undefined ? -1 : header.indexOf(name));
  const respondentAt = col(mapping.respondent);
  const dateAt = col(mapping.date);
  const consentAt = col(mapping.consent);
  const questions = mapping.questions.map((q) => ({
    ...q,
    at: header.indexOf(q.column),
    counts: q.kind === 'text' ? [] : emptyCounts(q.scale as SurveyScale),
    answered: 0,
  }));
  const quotes: SurveyQuote[] = [];
  let quotesLeftOut = 0;
  const redactions: Partial<Record<RedactionKind, number>> = {};
  let responses = 0;
  const width = header.length;

  for await (const { row, cells } of table.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.length !== width) {
      problem({
        code: 'wrong_field_count',
        row,
        found: String(cells.length),
        expected: `${width} columns, as in the header`,
        values: { count: cells.length, width },
        message: `row ${row} has ${cells.length} columns; expected ${width}, as in the header (a missing or extra delimiter, or an unquoted comma in an answer?)`,
      });
      continue;
    }
    responses++;
    const rowErrorsBefore = problemCount;
    // pseudonymised only when a quote needs it (an HMAC per row is the slowest part of a large file)
    const respondentOf = () =>
      options.pseudonymise(
        respondentAt >= 0 && (cells[respondentAt] ?? '').trim() !== ''
          ? (cells[respondentAt] as string).trim()
          : `row ${row}`,
      );
    let date: string | undefined;
    if (dateAt >= 0 && (cells[dateAt] ?? '').trim() !== '') {
      date = parseDate((cells[dateAt] as string).trim());
      if (date === undefined)
        problem({
          code: 'not_a_date',
          row,
          column: dateAt + 1,
          columnName: header[dateAt],
          found: cells[dateAt],
          expected: 'a date such as 2026-03-12 or 12/03/2026',
          message: `row ${row}, column ${dateAt + 1} (${quoted(header[dateAt] ?? '')}): ${quoted(cells[dateAt] ?? '')} is not a date; expected a date such as 2026-03-12 or 12/03/2026`,
        });
    }
    const consent = consentAt >= 0 && yes.test((cells[consentAt] ?? '').trim());
    const pending: { q: (typeof questions)[number]; value: number }[] = [];
    const texts: { q: (typeof questions)[number]; text: string }[] = [];
    for (const q of questions) {
      const raw = (cells[q.at] ?? '').trim();
      if (raw === '') continue;
      if (q.kind === 'text') {
        // a reply that is only a score (a GOV.UK Notify text reply such as "4") is not a quote
        if (!/^\d+[.!]?$/.test(raw)) texts.push({ q, text: raw });
        continue;
      }
      const { min, max } = surveyScales[q.scale as SurveyScale];
      const value = parseScore(raw, q.scale as SurveyScale);
      const where = `row ${row}, column ${q.at + 1} (${quoted(q.column)})`;
      if (value === undefined)
        problem({
          code: 'not_a_number',
          row,
          column: q.at + 1,
          columnName: q.column,
          found: raw,
          expected: `a whole number from ${min} to ${max}`,
          values: { min, max },
          message: `${where}: ${quoted(raw)} is not a score; expected a whole number from ${min} to ${max}`,
        });
      else if (value < min || value > max || !Number.isInteger(value))
        problem({
          code: 'out_of_range',
          row,
          column: q.at + 1,
          columnName: q.column,
          found: raw,
          expected: `a whole number from ${min} to ${max}`,
          values: { min, max },
          message: `${where}: ${raw} is outside the ${q.scale} scale; expected a whole number from ${min} to ${max}`,
        });
      else pending.push({ q, value });
    }
    // a row with any problem adds nothing (the import is refused while there are problems anyway)
    if (problemCount > rowErrorsBefore) continue;
    for (const { q, value } of pending) {
      const i = value - surveyScales[q.scale as SurveyScale].min;
      q.counts[i] = (q.counts[i] as number) + 1;
      q.answered++;
    }
    let respondent: string | undefined;
    for (const { q, text } of texts) {
      q.answered++;
      if (quotes.length >= maxQuotes) {
        quotesLeftOut++;
        continue;
      }
      const r = redactPersonalDetails(text);
      for (const [k, n] of Object.entries(r.removed)) {
        const kind = k as RedactionKind;
        redactions[kind] = (redactions[kind] ?? 0) + (n as number);
      }
      quotes.push({
        questionColumn: q.column,
        ...(q.stepId === undefined ? {} : { stepId: q.stepId }),
        respondent: (respondent ??= respondentOf()),
        ...(date === undefined ? {} : { date }),
        text: r.text,
        consent,
        redacted: r.text !== text,
      });
    }
  }
  return {
    responses,
    questions: questions.map(({ at: _at, ...q }) => q),
    quotes,
    quotesLeftOut,
    redactions,
    problems,
    problemCount,
  };
}

/** A whole number, a number before a label ("5 - Very satisfied", "4 quick and easy") or a satisfaction word. */
function parseScore(raw: string, scale: SurveyScale): number | undefined {
  const m = /^(-?\d+(?:\.\d+)?)(?:$|[\s:.)–-])/.exec(raw);
  if (m) return Number(m[1]);
  if (scale === '1-5') return satisfactionWords[raw.toLowerCase()];
  return undefined;
}

/** YYYY-MM-DD from ISO, or a UK day/month/year, with or without a time after it. */
function parseDate(raw: string): string | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(raw);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:$|[ ,T])/.exec(raw);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

function valid(y: number, mo: number, d: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
