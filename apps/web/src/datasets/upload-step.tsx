import { useRef, useState } from 'react';
import { t } from '../i18n';
import { ErrorSummary } from '../ui/field';
import { importErrorText } from './import-words';
import { uploadLog, type Upload } from './datasets-api';
import { mb } from './import-progress';

/** Step 1: choose a log file and send it, with a progress bar (the server streams it to disk). */
export function UploadStep({ ws, onUploaded }: { ws: string; onUploaded: (upload: Upload) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function send() {
    if (!file) {
      setError(t('datasets.upload.chooseFile'));
      return;
    }
    setError(null);
    abort.current = new AbortController();
    setProgress({ sent: 0, total: file.size });
    try {
      const upload = await uploadLog(
        ws,
        file,
        (sent, total) => setProgress({ sent, total }),
        abort.current.signal,
      );
      onUploaded(upload);
    } catch (e) {
      setError(
        e instanceof DOMException && e.name === 'AbortError'
          ? t('datasets.upload.cancelled')
          : importErrorText(e),
      );
    } finally {
      setProgress(null);
      abort.current = null;
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <section aria-labelledby="upload-heading" className="panel">
      <h2 id="upload-heading">{t('datasets.upload.heading')}</h2>
      <p className="hint">{t('datasets.upload.intro')}</p>
      <ErrorSummary message={error} />
      <form
        className="datasets-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <div className="field">
          <label htmlFor="log-file">{t('datasets.upload.file')}</label>
          <input
            id="log-file"
            type="file"
            accept=".csv,.tsv,.txt,.xes,.gz,.parquet,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            disabled={progress !== null}
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
            <button className="button button--secondary" type="button" onClick={() => abort.current?.abort()}>
              {t('datasets.upload.cancel')}
            </button>
          </div>
        ) : (
          <button className="button" type="submit">
            {t('datasets.upload.submit')}
          </button>
        )}
      </form>
    </section>
  );
}
