import type { JobView } from '@waymark/api';
import { toApiError } from '../api/api-error';
import type { ShownRejection } from './import-words';
import { call } from '../improve/improve-api';

/** The fields a log's columns can be mapped to. */
export const mappedFields = [
  'case',
  'activity',
  'timestamp',
  'start',
  'channel',
  'org',
  'resource',
  'outcome',
  'cost',
] as const;
export type MappedField = (typeof mappedFields)[number];
export type Mapping = Partial<Record<MappedField, string>>;

export interface Preview {
  readonly format: 'csv' | 'xes' | 'parquet';
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly suggested: Mapping;
}
export interface Upload {
  readonly uploadId: string;
  readonly fileName: string;
  readonly size: number;
  readonly preview: Preview;
}

/** An import running on the server (GET …/datasets/jobs/{id}), as the API answers it. */
export type ImportJob = JobView;

export interface Summary5 {
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90?: number | null;
  readonly max?: number | null;
}
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly medianSeconds: number;
  readonly meanSeconds: number;
}
export interface Bin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}
export interface Segment {
  readonly key: string;
  readonly cases: number;
  readonly contactsPerCase?: { readonly mean: number | null };
  readonly durationSeconds?: { readonly median: number | null };
  readonly avoidablePercent?: number;
  readonly costPerJourney?: number;
}
/** The parts of the analysis (the `waymark analyse` JSON contract) the pages show. */
export interface Analysis {
  readonly log: {
    cases: number;
    events: number;
    activities: number;
    start: string | null;
    end: string | null;
    warnings?: readonly string[];
    /** The same warnings by code (datasets imported before codes lack them). */
    warningCodes?: readonly { code: string; values?: Readonly<Record<string, string | number>> }[];
  };
  readonly dfg: {
    edges: readonly Edge[];
    startActivities: Record<string, number>;
    endActivities: Record<string, number>;
  };
  readonly variants: {
    count: number;
    top: readonly { activities: readonly string[]; cases: number; coverage: number }[];
  };
  readonly cases: { eventsPerCase: Summary5; durationSeconds: Summary5; contactsPerCase: Summary5 };
  readonly handoffs: { total: number; casesWithHandoff: number } | null;
  readonly rework: { casesWithRework: number; shareOfCases: number | null };
  readonly silences: { casesOverThreshold: number; thresholdSeconds: number };
  readonly channels: {
    channels: readonly { channel: string; contacts: number; share: number }[];
    costPerJourney: Summary5;
    /** Where the cost came from, and the table's name and year (issue 13 item 2: said beside the figure). */
    costSource?: 'log' | 'table';
    table?: { id: string; source: string; year: number | null };
  } | null;
  readonly avoidable: {
    ni14Percent: number | null;
    interval?: { low: number; high: number; confidence: number } | null;
    contactsPerJourney: number | null;
  };
  readonly segments: Partial<Record<'period' | 'channel' | 'org' | 'variant', readonly Segment[]>>;
  readonly histograms: { contactsPerCase: readonly Bin[]; durationDays: readonly Bin[] };
  readonly filter?: Filter;
  /** Issue 13 items 4 and 5 (null or absent in logs analysed before them). */
  readonly valueAdded?: {
    byCount: number;
    byTime?: number;
    lean: boolean;
    events?: Readonly<Record<'value-added' | 'necessary' | 'waste' | 'unclassified', number>>;
  } | null;
  readonly closedLoop?: {
    delivery: readonly string[];
    confirmation: readonly string[];
    detected: boolean;
    delivered: number;
    closed: number;
    share: number | null;
    interval: { low: number; high: number };
  } | null;
  readonly successfulOutcome?: {
    rule: { activity: string } | { dimension: string; value: string };
    cases: number;
    reached: number;
    share: number | null;
    interval: { low: number; high: number };
    timeToOutcomeSeconds: { median: number | null; p90: number | null };
    ruleMatchesLog: boolean;
  } | null;
}
export interface StepMeasure {
  readonly columnId: string;
  readonly activities: readonly string[];
  readonly cases: number;
  readonly contactsPerJourney: number;
  readonly waitDays?: number;
  readonly handOffsPerJourney?: number;
  readonly unitCost?: number;
  readonly volumePerYear?: number;
}
export interface DatasetSummary {
  readonly id: string;
  readonly name: string;
  readonly fileName: string;
  readonly format: string;
  readonly sizeBytes: number;
  readonly createdAt: string;
  readonly createdBy: { readonly name: string } | null;
  readonly cases: number;
  readonly events: number;
  readonly rejectedRows: number;
  readonly hasRaw: boolean;
  readonly journeyId: string | null;
}
export interface Dataset extends DatasetSummary {
  /** `code` and `values` are missing from datasets stored before rejections had them; `reason` is never shown. */
  readonly rejections: readonly ShownRejection[];
  readonly mapping: Mapping;
  readonly attachment: { steps: Record<string, string>; measures: readonly StepMeasure[] } | null;
  readonly result: Analysis;
}
export interface Filter {
  readonly from?: string;
  readonly to?: string;
  readonly channel?: string;
  readonly org?: string;
  readonly variant?: number;
  /** The Successful Customer Outcome's activity: the server measures the share reaching it. */
  readonly sco?: string;
  /** The Successful Customer Outcome as a condition `column=value`. */
  readonly scoWhen?: string;
}
export interface Suggestion {
  readonly journey: { id: string; version: number; title: string };
  readonly columns: readonly { id: string; label: string }[];
  readonly activities: readonly { activity: string; suggested: string | null }[];
}

const enc = encodeURIComponent;
const base = (ws: string) => `/api/workspaces/${enc(ws)}/datasets`;
const one = (ws: string, id: string) => `${base(ws)}/${enc(id)}`;

export const datasetsApi = {
  list: (ws: string) => call<{ items: DatasetSummary[] }>('GET', base(ws)),
  get: (ws: string, id: string, filter: Filter = {}) => {
    const q = new URLSearchParams(
      Object.entries(filter).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])),
    ).toString();
    return call<Dataset>('GET', `${one(ws, id)}${q ? `?${q}` : ''}`);
  },
  /** Starts the import as a job on the server (answered at once); follow it with `job`. */
  startImport: (
    ws: string,
    input: {
      uploadId: string;
      name: string;
      mapping: Mapping;
      keepRaw: boolean;
      zone?: string;
      dateOrder?: string;
    },
  ) => call<ImportJob>('POST', base(ws), input),
  /** Where an import is; asking at least once a minute keeps it going (the server cancels forgotten ones). */
  job: (ws: string, id: string) => call<ImportJob>('GET', `${base(ws)}/jobs/${enc(id)}`),
  cancelImport: (ws: string, id: string) => call<ImportJob>('DELETE', `${base(ws)}/jobs/${enc(id)}`),
  discardUpload: (ws: string, uploadId: string) =>
    call<null>('DELETE', `${base(ws)}/uploads/${enc(uploadId)}`),
  remove: (ws: string, id: string) => call<null>('DELETE', one(ws, id)),
  removeRaw: (ws: string, id: string) => call<null>('DELETE', `${one(ws, id)}/raw`),
  rawUrl: (ws: string, id: string) => `${one(ws, id)}/raw`,
  suggestion: (ws: string, id: string, journeyId: string) =>
    call<Suggestion>('GET', `${one(ws, id)}/attachment/suggestion?journeyId=${enc(journeyId)}`),
  attach: (
    ws: string,
    id: string,
    input: { journeyId: string; baseVersion: number; steps: Record<string, string> },
  ) =>
    call<{ journey: { id: string; version: number }; measures: StepMeasure[]; warnings: string[] }>(
      'PUT',
      `${one(ws, id)}/attachment`,
      input,
    ),
  refresh: (ws: string, id: string, baseVersion: number) =>
    call<{ journey: { id: string; version: number }; measures: StepMeasure[]; warnings: string[] }>(
      'POST',
      `${one(ws, id)}/attachment/refresh`,
      { baseVersion },
    ),
  detach: (ws: string, id: string, baseVersion: number) =>
    call<{ journey: { id: string; version: number } | null }>(
      'DELETE',
      `${one(ws, id)}/attachment?baseVersion=${baseVersion}`,
    ),
  derive: (ws: string, id: string, title: string) =>
    call<{ id: string }>('POST', `${one(ws, id)}/journey`, { title }),
};

/**
 * Sends the file with XMLHttpRequest so the upload's progress can be shown (fetch cannot report it); the
 * body is the file itself, streamed by the browser.
 */
export function uploadLog(
  ws: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Upload> {
  return call<{ csrfToken: string }>('GET', '/api/auth/me').then(
    ({ csrfToken }) =>
      new Promise<Upload>((resolve, reject) => {
        // i18n-exempt: the AbortError is recognised by name and shown in the catalogue's words (upload-step)
        const cancelled = () => new DOMException('The upload was cancelled', 'AbortError');
        // Cancel pressed while the session was being checked: nothing is sent (the abort event has been and gone)
        if (signal?.aborted) {
          reject(cancelled());
          return;
        }
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${base(ws)}/uploads?name=${enc(file.name)}`);
        xhr.setRequestHeader('x-csrf-token', csrfToken);
        xhr.setRequestHeader('accept', 'application/json');
        xhr.setRequestHeader('content-type', 'application/octet-stream');
        xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
        xhr.onload = () => {
          let json: unknown;
          try {
            json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
          } catch {
            json = xhr.responseText;
          }
          if (xhr.status >= 200 && xhr.status < 300) resolve(json as Upload);
          else reject(toApiError(xhr.status, json));
        };
        xhr.onerror = () => reject(toApiError(0, null));
        xhr.onabort = () => reject(cancelled());
        signal?.addEventListener('abort', () => xhr.abort(), { once: true });
        xhr.send(file);
      }),
  );
}
