import { useEffect, useRef, useState } from 'react';
import { formatList, formatNumber, t, type MessageId } from '../i18n';
import { useOneAtATime } from '../state/one-at-a-time';
import { ErrorSummary, TextField } from '../ui/field';
import { importErrorText, importFailureWords } from './import-words';
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

const fieldLabels: Record<MappedField, { label: MessageId; hint: MessageId }> = {
  case: { label: 'datasets.field.case', hint: 'datasets.field.caseHint' },
  activity: { label: 'datasets.field.activity', hint: 'datasets.field.activityHint' },
  timestamp: { label: 'datasets.field.timestamp', hint: 'datasets.field.timestampHint' },
  start: { label: 'datasets.field.start', hint: 'datasets.field.startHint' },
  channel: { label: 'datasets.field.channel', hint: 'datasets.field.channelHint' },
  org: { label: 'datasets.field.org', hint: 'datasets.field.orgHint' },
  resource: { label: 'datasets.field.resource', hint: 'datasets.field.resourceHint' },
  outcome: { label: 'datasets.field.outcome', hint: 'datasets.field.outcomeHint' },
  cost: { label: 'datasets.field.cost', hint: 'datasets.field.costHint' },
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
  // i18n-exempt: an IANA time zone name, not words
  const [zone, setZone] = useState('Europe/London');
  const [dateOrder, setDateOrder] = useState('');
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy: cancelling, run } = useOneAtATime();
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
          if (now.state === 'failed') setError(importFailureWords(now.error));
          else setNotice(now.error ? importFailureWords(now.error) : t('datasets.mapping.cancelled'));
          return;
        }
        setJob(now);
        timer = setTimeout(() => void poll(), POLL_MS);
      } catch (e) {
        if (stopped) return;
        setJob(null);
        setError(importErrorText(e));
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
      setError(
        t('datasets.mapping.missing', {
          fields: formatList(missing.map((f) => t(fieldLabels[f].label))),
        }),
      );
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
      setError(importErrorText(e));
    }
  }

  /** Cancels the import; does nothing while a cancel is on its way or once the rows are being stored. */
  function cancel() {
    if (!job || job.phase === 'storing') return;
    const id = job.id;
    void run(async () => {
      try {
        const now = await datasetsApi.cancelImport(ws, id);
        setJob(null);
        setNotice(now.error ? importFailureWords(now.error) : t('datasets.mapping.cancelled'));
      } catch (e) {
        setError(importErrorText(e));
      }
    });
  }

  const shown = job ? importProgress(job) : null;
  return (
    <section aria-labelledby="mapping-heading" className="panel">
      <h2 id="mapping-heading">{t('datasets.mapping.heading', { file: upload.fileName })}</h2>
      <p className="hint">
        {t('datasets.mapping.about', {
          format: preview.format.toUpperCase(),
          // 'none' picks the message's branch without an encoding or a separator
          encoding: preview.encoding ?? 'none',
          separator: preview.delimiter
            ? preview.delimiter === '\t'
              ? t('datasets.mapping.tabs')
              : t('datasets.mapping.separator', { character: preview.delimiter })
            : 'none',
          size: formatNumber(Math.round(upload.size / 1024)),
          rows: preview.rows.length,
        })}
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('datasets.mapping.firstRows')}>
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
          label={t('datasets.mapping.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <fieldset className="datasets-mapping">
          <legend>{t('datasets.mapping.legend')}</legend>
          {mappedFields.map((f) => (
            <div className="field" key={f}>
              <label htmlFor={`map-${f}`}>
                {required.includes(f)
                  ? t(fieldLabels[f].label)
                  : t('datasets.field.optional', { label: t(fieldLabels[f].label) })}
              </label>
              <p className="hint" id={`map-${f}-hint`}>
                {t(fieldLabels[f].hint)}
              </p>
              <select
                id={`map-${f}`}
                aria-describedby={`map-${f}-hint`}
                value={mapping[f] ?? ''}
                onChange={(e) => setMapping((m) => ({ ...m, [f]: e.target.value || undefined }))}
              >
                <option value="">
                  {required.includes(f)
                    ? t('datasets.mapping.chooseColumn')
                    : t('datasets.mapping.notImported')}
                </option>
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
            ? t('datasets.mapping.allMapped')
            : t('datasets.mapping.unused', { columns: formatList(unused) })}
        </p>
        <TextField
          label={t('datasets.mapping.zone')}
          hint={t('datasets.mapping.zoneHint')}
          value={zone}
          onChange={(e) => setZone(e.target.value)}
        />
        <div className="field">
          <label htmlFor="date-order">{t('datasets.mapping.dateOrder')}</label>
          <select id="date-order" value={dateOrder} onChange={(e) => setDateOrder(e.target.value)}>
            <option value="">{t('datasets.mapping.dateAuto')}</option>
            <option value="dmy">{t('datasets.mapping.dateDmy')}</option>
            <option value="mdy">{t('datasets.mapping.dateMdy')}</option>
            <option value="iso">{t('datasets.mapping.dateIso')}</option>
          </select>
        </div>
        <div className="checkbox">
          <input
            id="keep-raw"
            type="checkbox"
            checked={keepRaw}
            onChange={(e) => setKeepRaw(e.target.checked)}
          />
          <label htmlFor="keep-raw">{t('datasets.mapping.keepRaw')}</label>
        </div>
        {job && shown ? (
          <div className="datasets-progress">
            <label htmlFor="import-progress">
              {t('datasets.mapping.importing', { file: upload.fileName })}
            </label>
            {shown.percent === null ? (
              <progress id="import-progress" max={100} aria-describedby="import-progress-text" />
            ) : (
              <progress
                id="import-progress"
                max={100}
                value={shown.percent}
                aria-describedby="import-progress-text"
              >
                {t('datasets.upload.percent', { percent: shown.percent })}
              </progress>
            )}
            <p id="import-progress-text">{shown.text}</p>
            <p className="visually-hidden" role="status" aria-live="polite">
              {shown.announce}
            </p>
            <p className="hint">{t('datasets.mapping.keepOpen')}</p>
            <button
              className="button button--secondary"
              type="button"
              onClick={cancel}
              aria-disabled={cancelling || job.phase === 'storing' || undefined}
            >
              {cancelling ? t('datasets.mapping.cancelling') : t('datasets.mapping.cancelImport')}
            </button>
          </div>
        ) : (
          <div className="datasets-actions">
            <button className="button" type="submit">
              {t('datasets.mapping.submit')}
            </button>
            <button className="button button--secondary" type="button" onClick={onCancel}>
              {t('datasets.mapping.discard')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
