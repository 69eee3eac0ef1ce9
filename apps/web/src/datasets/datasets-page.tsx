import { useCallback, useEffect, useState } from 'react';
import { Link, useRouter } from '../app/router';
import { useRole } from '../app/session';
import { useTitle } from '../app/use-title';
import { formatDateTimeIn, formatNumber, t } from '../i18n';
import { ErrorSummary, errorText } from '../ui/field';
import { datasetsApi, type DatasetSummary, type Upload } from './datasets-api';
import { MappingStep } from './mapping-step';
import { UploadStep } from './upload-step';
import './datasets.css';

/** The event logs of a workspace, and the upload → mapping steps that add one. */
export function DatasetsPage({ ws }: { ws: string }) {
  const role = useRole(ws);
  const canEdit = role === 'owner' || role === 'editor';
  const { navigate } = useRouter();
  useTitle(t('datasets.heading'));
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
      <nav aria-label={t('datasets.breadcrumb')} className="datasets-crumbs">
        <Link to={{ page: 'home', ws }}>{t('datasets.journeys')}</Link>
      </nav>
      <h1>{t('datasets.heading')}</h1>
      <p className="hint">{t('datasets.list.intro')}</p>
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
        <h2 id="datasets-heading">{t('datasets.list.heading')}</h2>
        {items === null ? (
          <p role="status">{t('common.loading')}</p>
        ) : items.length === 0 ? (
          <p>{t('datasets.list.empty')}</p>
        ) : (
          <table className="datasets-table">
            <thead>
              <tr>
                <th scope="col">{t('datasets.list.name')}</th>
                <th scope="col">{t('datasets.list.file')}</th>
                <th scope="col" className="num">
                  {t('datasets.list.cases')}
                </th>
                <th scope="col" className="num">
                  {t('datasets.list.events')}
                </th>
                <th scope="col" className="num">
                  {t('datasets.list.rejected')}
                </th>
                <th scope="col">{t('datasets.list.attachedTo')}</th>
                <th scope="col">{t('datasets.list.imported')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={{ page: 'dataset', ws, id: d.id }}>{d.name}</Link>
                  </td>
                  <td>
                    {t('datasets.list.fileValue', { file: d.fileName, format: d.format.toUpperCase() })}
                  </td>
                  <td className="num">{formatNumber(d.cases)}</td>
                  <td className="num">{formatNumber(d.events)}</td>
                  <td className="num">{formatNumber(d.rejectedRows)}</td>
                  <td>
                    {d.journeyId ? (
                      <Link to={{ page: 'editor', ws, id: d.journeyId }}>{d.journeyId}</Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {d.createdBy
                      ? t('datasets.list.importedBy', {
                          when: formatDateTimeIn(d.createdAt),
                          who: d.createdBy.name,
                        })
                      : formatDateTimeIn(d.createdAt)}
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
