import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { t } from '../i18n';
import { useOneAtATime } from '../state/one-at-a-time';
import { ErrorSummary } from '../ui/field';
import { importErrorText } from './import-words';
import { uploadLog, type Upload } from './datasets-api';
import { mb } from './import-progress';

/** What a keyboard or screen-reader user can reach by Tab in the step that follows this one. */
const TABBABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Step 1: choose a log file and send it, with a progress bar (the server streams it to disk).
 *
 * The focus never falls to the page body: Upload gives way to Cancel while the file is sent, so the focus moves
 * to Cancel (Enter again cancels, and a screen reader hears where it is); a cancel brings it back to Upload, a
 * failure to the error summary (which takes the focus itself), and a finished upload to the first control of
 * the mapping step shown in this one's place. The focus is only moved when it was in this form (or lost).
 */
export function UploadStep({ ws, onUploaded }: { ws: string; onUploaded: (upload: Upload) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const uploadButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  /** Where the focus goes once the screen shows the change: Cancel when sending starts, Upload after a cancel. */
  const focusNext = useRef<'cancel' | 'upload' | null>(null);
  const { run } = useOneAtATime();
  const sending = progress !== null;

  useEffect(() => {
    const target =
      focusNext.current === 'cancel' ? cancelButton : focusNext.current === 'upload' ? uploadButton : null;
    focusNext.current = null;
    target?.current?.focus();
  }, [sending]);

  /** The focus is ours to move: in this form, or lost to the page body when a focused button went away. */
  const focusIsHere = () =>
    !document.activeElement ||
    document.activeElement === document.body ||
    (form.current?.contains(document.activeElement) ?? false);

  async function send() {
    if (!file) {
      setError(t('datasets.upload.chooseFile'));
      return;
    }
    setError(null);
    setNotice(null);
    abort.current = new AbortController();
    if (focusIsHere()) focusNext.current = 'cancel';
    setProgress({ sent: 0, total: file.size });
    let upload: Upload;
    try {
      upload = await uploadLog(ws, file, (sent, total) => setProgress({ sent, total }), abort.current.signal);
    } catch (e) {
      const cancelled = e instanceof DOMException && e.name === 'AbortError';
      // after a failure the error summary takes the focus as it appears
      if (cancelled && focusIsHere()) focusNext.current = 'upload';
      if (cancelled) setNotice(t('datasets.upload.cancelled'));
      else setError(importErrorText(e));
      setProgress(null);
      return;
    } finally {
      abort.current = null;
    }
    const moveFocus = focusIsHere();
    // the page shows the mapping step in this one's place: render it now, then focus its first control
    flushSync(() => {
      setProgress(null);
      onUploaded(upload);
    });
    if (moveFocus) {
      document
        .getElementById('mapping-heading')
        ?.closest('section')
        ?.querySelector<HTMLElement>(TABBABLE)
        ?.focus();
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <section aria-labelledby="upload-heading" className="panel">
      <h2 id="upload-heading">{t('datasets.upload.heading')}</h2>
      <p className="hint">{t('datasets.upload.intro')}</p>
      <ErrorSummary message={error} />
      {notice ? (
        <p className="datasets-notice" role="status">
          {notice}
        </p>
      ) : null}
      <form
        ref={form}
        className="datasets-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(send);
        }}
      >
        <div className="field">
          <label htmlFor="log-file">{t('datasets.upload.file')}</label>
          {/* disabled while sending: the flow never has the focus here then (Upload, then Cancel, has it) */}
          <input
            id="log-file"
            type="file"
            accept=".csv,.tsv,.txt,.xes,.gz,.parquet,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            disabled={sending}
          />
        </div>
        {progress ? (
          <div className="datasets-progress">
            <label htmlFor="upload-progress">
              {t('datasets.upload.uploading', { name: file?.name ?? '' })}
            </label>
            <progress id="upload-progress" max={100} value={percent}>
              {t('datasets.upload.percent', { percent })}
            </progress>
            <p role="status" aria-live="polite">
              {percent < 100
                ? t('datasets.upload.sent', { percent, sent: mb(progress.sent), total: mb(progress.total) })
                : t('datasets.upload.reading')}
            </p>
            <button
              ref={cancelButton}
              className="button button--secondary"
              type="button"
              onClick={() => abort.current?.abort()}
            >
              {t('datasets.upload.cancel')}
            </button>
          </div>
        ) : (
          <button ref={uploadButton} className="button" type="submit">
            {t('datasets.upload.submit')}
          </button>
        )}
      </form>
    </section>
  );
}
