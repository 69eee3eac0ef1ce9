import type { QuestionKind, SurveyScale } from '@waymark/measure/figures';
import type { SurveyMapping, SurveyQuestionMapping } from './survey-import';

/** Where an export came from, told by its header; the mapping page starts from its guess. */
export type SurveySource = 'microsoft-forms' | 'smartsurvey' | 'notify' | 'other';

export interface GuessedMapping {
  readonly source: SurveySource;
  readonly mapping: SurveyMapping;
  /** Columns that are neither questions nor respondent, date or consent (ids, times, IP addresses…). */
  readonly ignored: readonly string[];
}

const has = (header: readonly string[], name: string) => header.some((h) => h.toLowerCase() === name);

export function detectSource(header: readonly string[]): SurveySource {
  if (has(header, 'id') && has(header, 'start time') && has(header, 'completion time'))
    return 'microsoft-forms';
  if (has(header, 'phone number') && has(header, 'message')) return 'notify';
  if (has(header, 'started') && has(header, 'ended') && header.some((h) => /^\d+\.\s/.test(h)))
    return 'smartsurvey';
  return 'other';
}

const respondentNames = ['respondent', 'response id', 'respondent id', 'id', 'phone number', 'email'];
const dateNames = [
  'completion time',
  'ended',
  'received',
  'date submitted',
  'submitted',
  'date',
  'created at',
];
const notQuestions =
  /^(start time|started|last modified time|name|status|ip address|tracking link|user ?no|unique id|cookie|language|time taken)$/i;

/** The kind and scale a question's words and answers suggest; the officer confirms or changes it. */
export function guessQuestion(
  name: string,
  answers: readonly string[],
): { kind: QuestionKind; scale?: SurveyScale } {
  const words = name.toLowerCase();
  const numbers = answers
    .map((a) => /^(\d+)(?:$|[\s:.)–-])/.exec(a.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
  const filled = answers.filter((a) => a.trim() !== '');
  const numeric = filled.length > 0 && numbers.length >= filled.length * 0.8;
  const top = numbers.length ? Math.max(...numbers) : 0;
  const low = numbers.length ? Math.min(...numbers) : 1;
  if (/recommend/.test(words)) return { kind: 'nps', scale: '0-10' };
  if (/easy|effort|hawdd/.test(words))
    return { kind: 'ces', scale: top > 5 ? '1-7' : top > 0 ? '1-5' : '1-7' };
  if (numeric || /satisf|rate|rating|score|bodlon/.test(words)) {
    const scale: SurveyScale = low === 0 || top > 7 ? '0-10' : top > 5 ? '1-7' : '1-5';
    return { kind: 'rating', scale };
  }
  return { kind: 'text' };
}

/** A first mapping from the header and some rows: which column is the respondent, the date, consent, a question. */
export function guessSurveyMapping(
  header: readonly string[],
  sample: readonly (readonly string[])[],
): GuessedMapping {
  const source = detectSource(header);
  const lower = header.map((h) => h.toLowerCase());
  const pick = (names: string[]) => {
    for (const n of names) {
      const i = lower.indexOf(n);
      if (i >= 0) return header[i];
    }
    return undefined;
  };
  const respondent = pick(respondentNames);
  const date = pick(dateNames);
  const consentAt = lower.findIndex((h) =>
    /consent|may we (quote|use)|quote you|quoted|agree to|agree that/.test(h),
  );
  const consent = consentAt >= 0 ? header[consentAt] : undefined;
  const questions: SurveyQuestionMapping[] = [];
  const ignored: string[] = [];
  header.forEach((name, i) => {
    if (name === respondent || name === date || name === consent) return;
    if (notQuestions.test(name) || name.trim() === '') {
      ignored.push(name);
      return;
    }
    if (source === 'microsoft-forms' && lower[i] === 'email') {
      ignored.push(name);
      return;
    }
    const guess = guessQuestion(
      name,
      sample.map((r) => r[i] ?? ''),
    );
    questions.push({ column: name, ...guess });
    // a GOV.UK Notify text reply holds the score and, often, words after it: the words are a quote
    if (source === 'notify' && lower[i] === 'message' && guess.kind !== 'text')
      questions.push({ column: name, kind: 'text' });
  });
  return {
    source,
    mapping: {
      ...(respondent === undefined ? {} : { respondent }),
      ...(date === undefined ? {} : { date }),
      ...(consent === undefined ? {} : { consent }),
      questions,
    },
    ignored,
  };
}
