import { useRef, useState } from 'react';
import { ErrorSummary, errorText } from '../ui/field';
import { uploadLog, type Upload } from './datasets-api';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Step 1: choose a log file and send it, with a progress bar (the server streams it to disk). */
export function UploadStep({ ws, onUploaded }: { ws: string; onUploaded: (upload: Upload) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function send() {
    if (!file) {
      setError('Choose a file first (CSV, XES, XES.gz or Parquet).');
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
        e instanceof DOMException && e.name === 'AbortError' ? 'The upload was cancelled.' : errorText(e),
      );
    } finally {
      setProgress(null);
      abort.current = null;
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <section aria-labelledby="upload-heading" className="panel">
      <h2 id="upload-heading">Upload an event log</h2>
      <p className="hint">
        A CRM or case-management export: one row per event with a case reference, an activity and a time. CSV,
        XES, XES.gz and Parquet are read. Case references and staff names are pseudonymised when the log is
        imported; you choose which other columns are kept.
      </p>
      <ErrorSummary message={error} />
      <form
        className="datasets-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <div className="field">
          <label htmlFor="log-file">Log file</label>
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
            <label htmlFor="upload-progress">Uploading {file?.name}</label>
            <progress id="upload-progress" max={100} value={percent}>
              {percent}%
            </progress>
            <p role="status" aria-live="polite">
              {percent < 100
                ? `${percent}% sent (${mb(progress.sent)} of ${mb(progress.total)})`
                : 'Sent; reading the first rows…'}
            </p>
            <button className="button button--secondary" type="button" onClick={() => abort.current?.abort()}>
              Cancel upload
            </button>
          </div>
        ) : (
          <button className="button" type="submit">
            Upload and preview
          </button>
        )}
      </form>
    </section>
  );
}
