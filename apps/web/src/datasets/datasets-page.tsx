import { useCallback, useEffect, useState } from 'react';
import { formatDateTime } from '../app/format';
import { Link, useRouter } from '../app/router';
import { useRole } from '../app/session';
import { useTitle } from '../app/use-title';
import { ErrorSummary, errorText } from '../ui/field';
import { datasetsApi, type DatasetSummary, type Upload } from './datasets-api';
import { MappingStep } from './mapping-step';
import { UploadStep } from './upload-step';
import './datasets.css';

const number = (n: number) => n.toLocaleString('en-GB');

/** The event logs of a workspace, and the upload → mapping steps that add one. */
export function DatasetsPage({ ws }: { ws: string }) {
  const role = useRole(ws);
  const canEdit = role === 'owner' || role === 'editor';
  const { navigate } = useRouter();
  useTitle('Event logs');
  const [items, setItems] = useState<readonly DatasetSummary[] | null>(null);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await datasetsApi.list(ws)).items);
    } catch (e) {
      setError(errorText(e));
    }
  }, [ws]);
  useEffect(() => void load(), [load]);

  return (
    <div className="datasets">
      <nav aria-label="Breadcrumb" className="datasets-crumbs">
        <Link to={{ page: 'home', ws }}>Journeys</Link>
      </nav>
      <h1>Event logs</h1>
      <p className="hint">
        Contact and case logs measured: contacts per journey, time taken, hand-offs, silences and avoidable
        contact, shown on a journey’s steps when you attach a log to it.
      </p>
      <ErrorSummary message={error} />
      {canEdit && !upload ? <UploadStep ws={ws} onUploaded={setUpload} /> : null}
      {canEdit && upload ? (
        <MappingStep
          ws={ws}
          upload={upload}
          onDone={(d) => navigate({ page: 'dataset', ws, id: d.id })}
          onCancel={() => {
            void datasetsApi.discardUpload(ws, upload.uploadId).catch(() => undefined);
            setUpload(null);
          }}
        />
      ) : null}
      <section aria-labelledby="datasets-heading">
        <h2 id="datasets-heading">Datasets</h2>
        {items === null ? (
          <p role="status">Loading…</p>
        ) : items.length === 0 ? (
          <p>No event logs yet.</p>
        ) : (
          <table className="datasets-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">File</th>
                <th scope="col" className="num">
                  Cases
                </th>
                <th scope="col" className="num">
                  Events
                </th>
                <th scope="col" className="num">
                  Rejected rows
                </th>
                <th scope="col">Attached to</th>
                <th scope="col">Imported</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={{ page: 'dataset', ws, id: d.id }}>{d.name}</Link>
                  </td>
                  <td>
                    {d.fileName} ({d.format.toUpperCase()})
                  </td>
                  <td className="num">{number(d.cases)}</td>
                  <td className="num">{number(d.events)}</td>
                  <td className="num">{number(d.rejectedRows)}</td>
                  <td>
                    {d.journeyId ? (
                      <Link to={{ page: 'editor', ws, id: d.journeyId }}>{d.journeyId}</Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {formatDateTime(d.createdAt)}
                    {d.createdBy ? ` by ${d.createdBy.name}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
