import type { Journey } from '@waymark/core';
import { useEffect, useState } from 'react';
import { useSession, useRole } from '../app/session';
import { useTitle } from '../app/use-title';
import { errorText } from '../ui/field';
import type { StoredJourney } from '../api/types';
import { t } from '../i18n';
import { Editor } from './editor';
import { takePrefetched } from './preload';
import './editor.css';

/** /w/:ws/j/:id — loads the journey and the user's role, then the editor (read-only for viewers and commenters). */
export function EditorPage({ ws, id }: { ws: string; id: string }) {
  const { api } = useSession();
  const role = useRole(ws);
  const [loaded, setLoaded] = useState<{ version: number; journey: Journey } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle(loaded ? loaded.journey.meta.title : t('editor.page.title'));
  useEffect(() => {
    setLoaded(null);
    const prefetched = takePrefetched<StoredJourney>(ws, id);
    (prefetched ? prefetched.catch(() => api.journey(ws, id)) : api.journey(ws, id))
      .then((j) => setLoaded({ version: j.version, journey: j.journey }))
      .catch((e: unknown) => setError(errorText(e)));
  }, [api, ws, id]);
  if (error) {
    return (
      <div className="narrow editor-message">
        <h1>{t('editor.page.notOpened')}</h1>
        <p>{error}</p>
      </div>
    );
  }
  if (!loaded)
    return (
      <p role="status" className="editor-message">
        {t('editor.page.loading')}
      </p>
    );
  return (
    <Editor
      key={`${ws}/${id}`}
      ws={ws}
      id={id}
      initial={loaded}
      canEdit={role === 'owner' || role === 'editor'}
      canComment={role !== null && role !== 'viewer'}
    />
  );
}
