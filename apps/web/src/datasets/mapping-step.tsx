import { useEffect, useRef, useState } from 'react';
import { ErrorSummary, errorText, TextField } from '../ui/field';
import {
  datasetsApi,
  mappedFields,
  type Dataset,
  type ImportJob,
  type MappedField,
  type Mapping,
  type Upload,
} from './datasets-api';
import { importProgress } from './import-progress';

/** How often the page asks after an import (the server cancels one nobody asks after for a minute). */
const POLL_MS = 1000;

const fieldLabels: Record<MappedField, { label: string; hint: string }> = {
  case: { label: 'Case reference', hint: 'required; pseudonymised on import' },
  activity: { label: 'Activity', hint: 'required: what happened' },
  timestamp: { label: 'Time (or end time)', hint: 'required' },
  start: { label: 'Start time', hint: 'when activities have a start and an end' },
  channel: { label: 'Channel', hint: 'phone, web, face to face…' },
  org: { label: 'Organisation or team', hint: 'for hand-offs and baton changes' },
  resource: { label: 'Member of staff', hint: 'pseudonymised on import' },
  outcome: { label: 'Outcome', hint: 'for first-contact resolution' },
  cost: { label: 'Cost (£)', hint: 'the log’s own cost per event' },
};
const required: readonly MappedField[] = ['case', 'activity', 'timestamp'];

/**
 * Step 2: the first rows of the file and a column for each field, suggested from the header. Only the columns
 * chosen here are imported; the rest of the file is not read.
 */
export function MappingStep({
  ws,
  upload,
  onDone,
  onCancel,
}: {
  ws: string;
  upload: Upload;
  onDone: (dataset: Dataset) => void;
  onCancel: () => void;
}) {
  const { preview } = upload;
  const [mapping, setMapping] = useState<Mapping>(preview.suggested);
  const [name, setName] = useState(upload.fileName.replace(/\.(csv|tsv|txt|xes|gz|parquet)+$/gi, ''));
  const [keepRaw, setKeepRaw] = useState(false);
  const [zone, setZone] = useState('Europe/London');
  const [dateOrder, setDateOrder] = useState('');
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const unused = preview.columns.filter((c) => !Object.values(mapping).includes(c));
  const jobId = job?.id;
  const finish = useRef(onDone);
  finish.current = onDone;

  // While an import runs, ask after it every second; leaving the page stops asking, and the server then
  // cancels it after a minute.
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const now = await datasetsApi.job(ws, jobId);
        if (stopped) return;
        if (now.state === 'succeeded' && now.datasetId) {
          const dataset = await datasetsApi.get(ws, now.datasetId);
          if (!stopped) finish.current(dataset);
          return;
        }
        if (now.state === 'failed' || now.state === 'cancelled') {
          setJob(null);
          if (now.state === 'failed')
            setError(now.error?.message ?? 'The import failed; nothing was stored.');
          else setNotice(now.error?.message ?? 'The import was cancelled; nothing was stored.');
          return;
        }
        setJob(now);
        timer = setTimeout(() => void poll(), POLL_MS);
      } catch (e) {
        if (stopped) return;
        setJob(null);
        setError(errorText(e));
      }
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [ws, jobId]);

  async function analyse() {
    const missing = required.filter((f) => !mapping[f]);
    if (missing.length > 0) {
      setError(`Choose a column for ${missing.map((f) => fieldLabels[f].label.toLowerCase()).join(', ')}.`);
      return;
    }
    setError(null);
    setNotice(null);
    try {
      setJob(
        await datasetsApi.startImport(ws, {
          uploadId: upload.uploadId,
          name,
          mapping,
          keepRaw,
          zone,
          ...(dateOrder ? { dateOrder } : {}),
        }),
      );
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function cancel() {
    if (!job) return;
    setCancelling(true);
    try {
      const now = await datasetsApi.cancelImport(ws, job.id);
      setJob(null);
      setNotice(now.error?.message ?? 'The import was cancelled; nothing was stored.');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setCancelling(false);
    }
  }

  const shown = job ? importProgress(job) : null;
  return (
    <section aria-labelledby="mapping-heading" className="panel">
      <h2 id="mapping-heading">Map the columns of {upload.fileName}</h2>
      <p className="hint">
        {preview.format.toUpperCase()}
        {preview.encoding ? `, ${preview.encoding}` : ''}
        {preview.delimiter
          ? `, separated by ${preview.delimiter === '\t' ? 'tabs' : `"${preview.delimiter}"`}`
          : ''}
        , {(upload.size / 1024).toFixed(0)} KB. The first {preview.rows.length} rows:
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="First rows of the file">
        <table className="datasets-table">
          <thead>
            <tr>
              {preview.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, i) => (
              <tr key={i}>
                {preview.columns.map((c, j) => (
                  <td key={c}>{row[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorSummary message={error} />
      {notice ? (
        <p className="datasets-notice" role="status">
          {notice}
        </p>
      ) : null}
      <form
        className="datasets-form"
        onSubmit={(e) => {
          e.preventDefault();
          void analyse();
        }}
      >
        <TextField
          label="Name of the dataset"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <fieldset className="datasets-mapping">
          <legend>Which column holds each field</legend>
          {mappedFields.map((f) => (
            <div className="field" key={f}>
              <label htmlFor={`map-${f}`}>
                {fieldLabels[f].label}
                {required.includes(f) ? '' : ' (optional)'}
              </label>
              <p className="hint" id={`map-${f}-hint`}>
                {fieldLabels[f].hint}
              </p>
              <select
                id={`map-${f}`}
                aria-describedby={`map-${f}-hint`}
                value={mapping[f] ?? ''}
                onChange={(e) => setMapping((m) => ({ ...m, [f]: e.target.value || undefined }))}
              >
                <option value="">{required.includes(f) ? 'Choose a column' : 'Not imported'}</option>
                {preview.columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        <p>
          {unused.length === 0
            ? 'Every column of the file is mapped.'
            : `Not imported: ${unused.join(', ')}. Choose a field above to keep one of them.`}
        </p>
        <TextField
          label="Time zone of times without an offset"
          hint="An IANA name such as Europe/London or UTC"
          value={zone}
          onChange={(e) => setZone(e.target.value)}
        />
        <div className="field">
          <label htmlFor="date-order">Dates such as 03/04/2025</label>
          <select id="date-order" value={dateOrder} onChange={(e) => setDateOrder(e.target.value)}>
            <option value="">Work it out from the file (day first when unclear)</option>
            <option value="dmy">Day first (3 April)</option>
            <option value="mdy">Month first (March 4)</option>
            <option value="iso">Year first (ISO 8601)</option>
          </select>
        </div>
        <div className="checkbox">
          <input
            id="keep-raw"
            type="checkbox"
            checked={keepRaw}
            onChange={(e) => setKeepRaw(e.target.checked)}
          />
          <label htmlFor="keep-raw">
            Keep the uploaded file (it is not pseudonymised; you can delete it later). By default it is
            deleted once imported.
          </label>
        </div>
        {job && shown ? (
          <div className="datasets-progress">
            <label htmlFor="import-progress">Importing {upload.fileName}</label>
            {shown.percent === null ? (
              <progress id="import-progress" max={100} aria-describedby="import-progress-text" />
            ) : (
              <progress
                id="import-progress"
                max={100}
                value={shown.percent}
                aria-describedby="import-progress-text"
              >
                {shown.percent}%
              </progress>
            )}
            <p id="import-progress-text">{shown.text}</p>
            <p className="visually-hidden" role="status" aria-live="polite">
              {shown.announce}
            </p>
            <p className="hint">
              Keep this page open until the import ends: if nobody follows it for a minute, the server stops
              it.
            </p>
            <button
              className="button button--secondary"
              type="button"
              onClick={() => void cancel()}
              disabled={cancelling || job.phase === 'storing'}
            >
              {cancelling ? 'Cancelling…' : 'Cancel import'}
            </button>
          </div>
        ) : (
          <div className="datasets-actions">
            <button className="button" type="submit">
              Import and analyse
            </button>
            <button className="button button--secondary" type="button" onClick={onCancel}>
              Discard this upload
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
