import type { QuestionKind, QuestionScores, SurveyScale } from '@waymark/measure';
import { callJson } from '../api/call-json';
import type { SurveyQuote } from './quote-card';

export interface SurveyMappingDraft {
  respondent?: string;
  date?: string;
  consent?: string;
  questions: { column: string; kind: QuestionKind; scale?: SurveyScale; stepId?: string }[];
}

export interface SurveyPreview {
  readonly format: 'csv' | 'xlsx';
  readonly source: 'microsoft-forms' | 'smartsurvey' | 'notify' | 'other';
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly mapping: SurveyMappingDraft;
  readonly ignored: readonly string[];
}

export interface SurveyProblem {
  readonly code: string;
  readonly row?: number;
  readonly column?: number;
  readonly columnName?: string;
  readonly found?: string;
  /** The rest of what the words need: the scale's ends, the widths, a reason the file cannot be read, a limit. */
  readonly values?: Readonly<Record<string, string | number>>;
}

export interface StepEvidence {
  readonly stepId: string;
  readonly questions: readonly { surveyName: string; column: string; scores: QuestionScores }[];
  readonly emotion: { n: number; mean: number; low: number; high: number } | null;
  readonly avoidable: { successes: number; trials: number; low: number; high: number } | null;
  readonly agreement: 'too-few' | 'agree' | 'survey-good-contact-poor' | 'survey-poor-contact-good' | null;
  /** Only consented answers (the server leaves the others out); `consent` is checked again before a card. */
  readonly quotes: readonly SurveyQuote[];
}

export interface SurveyEvidence {
  readonly surveys: readonly { id: string; name: string; source: string; responses: number }[];
  readonly log: { datasetId: string; name: string } | null;
  readonly steps: readonly StepEvidence[];
}

const path = (ws: string, id: string) =>
  `/api/workspaces/${encodeURIComponent(ws)}/journeys/${encodeURIComponent(id)}`;

/** The bytes of a chosen file as base64, for the JSON body. */
export async function fileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export const surveysApi = {
  evidence: (ws: string, id: string) => callJson<SurveyEvidence>('GET', `${path(ws, id)}/survey-evidence`),
  preview: (ws: string, id: string, file: string, fileName: string, csrf: string) =>
    callJson<SurveyPreview>('POST', `${path(ws, id)}/surveys/preview`, csrf, { file, fileName }),
  importSurvey: (
    ws: string,
    id: string,
    body: { name: string; fileName: string; file: string; mapping: SurveyMappingDraft },
    csrf: string,
  ) => callJson<{ id: string; responses: number }>('POST', `${path(ws, id)}/surveys`, csrf, body),
};
