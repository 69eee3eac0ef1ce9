import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import { unknownErrorWords } from '../api/error-words';
import { improveApi, type Artifact, type ArtifactKind } from './improve-api';
import { t } from '../i18n';

export interface ArtifactState<T> {
  /** null while loading; the saved data or `initial` when there is none yet. */
  readonly data: T | null;
  readonly version: number;
  readonly status: string | null;
  readonly error: { readonly message: string; readonly path: string | null } | null;
  save(data: T): Promise<Artifact<T> | null>;
  /** Takes a version the server produced by other means (e.g. values computed from a log). */
  adopt(artifact: Artifact<T>): void;
}

/**
 * One artefact of a journey ('main' unless named), loaded once and saved with the version it was loaded at.
 * When someone else saved meanwhile, the person's own edits stay in the form and the next save replaces the
 * other version knowingly (the message says so).
 */
export function useArtifact<T>(
  ws: string,
  journeyId: string,
  kind: ArtifactKind,
  initial: () => T,
  id = 'main',
): ArtifactState<T> {
  const [data, setData] = useState<T | null>(null);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ArtifactState<T>['error']>(null);
  useEffect(() => {
    let live = true;
    improveApi
      .artifacts<T>(ws, journeyId, kind)
      .then(({ items }) => {
        if (!live) return;
        const found = items.find((a) => a.id === id);
        setData(found ? found.data : initial());
        setVersion(found?.version ?? 0);
      })
      .catch((e: unknown) => live && setError({ message: unknownErrorWords(e), path: null }));
    return () => {
      live = false;
    };
    // `initial` is a factory for the first load only, so it is not a dependency.
  }, [ws, journeyId, kind, id]);
  const save = useCallback(
    async (next: T) => {
      setStatus(t('improve.saving'));
      try {
        const saved = await improveApi.saveArtifact(ws, journeyId, kind, id, version, next);
        setData(saved.data);
        setVersion(saved.version);
        setError(null);
        setStatus(t('improve.savedVersion', { version: saved.version }));
        return saved;
      } catch (e) {
        setStatus(null);
        if (e instanceof ApiError && e.code === 'version_conflict') {
          const current = (e.body as { current?: Artifact<T> } | null)?.current;
          if (current) setVersion(current.version);
          setError({
            message: t('improve.artifactConflict', {
              name: current?.updatedBy?.name ?? t('improve.someone'),
            }),
            path: null,
          });
        } else if (e instanceof ApiError) setError({ message: e.message, path: e.path });
        else setError({ message: String(e), path: null });
        return null;
      }
    },
    [ws, journeyId, kind, id, version],
  );
  const adopt = useCallback((artifact: Artifact<T>) => {
    setData(artifact.data);
    setVersion(artifact.version);
    setError(null);
  }, []);
  return { data, version, status, error, save, adopt };
}
