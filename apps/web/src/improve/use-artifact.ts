import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { unknownErrorWords } from '../api/error-words';
import { improveApi, type Artifact, type ArtifactKind } from './improve-api';
import { t } from '../i18n';
import { useSaveQueue, type SaveTurn } from '../state/save-queue';

export interface ArtifactState<T> {
  /** null while loading; the saved data or `initial` when there is none yet. */
  readonly data: T | null;
  readonly version: number;
  readonly status: string | null;
  readonly error: { readonly message: string; readonly path: string | null } | null;
  save(data: T): Promise<Artifact<T> | null>;
  /** Takes a version the server produced by other means (e.g. values computed from a log). */
  adopt(artifact: Artifact<T>): void;
  /** The version to base a change made by other means on, once the saves already asked for are answered. */
  settled(): Promise<number>;
}

/**
 * One artefact of a journey ('main' unless named), loaded once and saved with the version it was loaded at.
 * When someone else saved meanwhile, the person's own edits stay in the form and the next save replaces the
 * other version knowingly (the message says so).
 *
 * Saves go one at a time, each with the version the one before it produced: a second edit made while the
 * first is still on its way (a value recorded just after adding its indicator, on a slow line) waits for it
 * rather than being refused as if someone else had saved. Only the last save of a run hands its data back, so
 * an earlier answer never replaces later edits on the screen. When someone else did save meanwhile, the rest of
 * the run is not sent over their version: the edits stay on the screen and the message says so, as before.
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
  // The version the next save is based on, outside React's render cycle, and the saves not yet answered.
  const base = useRef(0);
  const saves = useSaveQueue();
  const settleVersion = useCallback((v: number) => {
    base.current = v;
    setVersion(v);
  }, []);
  useEffect(() => {
    let live = true;
    improveApi
      .artifacts<T>(ws, journeyId, kind)
      .then(({ items }) => {
        if (!live) return;
        const found = items.find((a) => a.id === id);
        setData(found ? found.data : initial());
        settleVersion(found?.version ?? 0);
      })
      .catch((e: unknown) => live && setError({ message: unknownErrorWords(e), path: null }));
    return () => {
      live = false;
    };
    // `initial` is a factory for the first load only, so it is not a dependency.
  }, [ws, journeyId, kind, id, settleVersion]);
  const saveNow = useCallback(
    async (next: T, turn: SaveTurn): Promise<Artifact<T> | null> => {
      try {
        if (turn.refused) {
          setStatus(null);
          return null;
        }
        const saved = await improveApi.saveArtifact(ws, journeyId, kind, id, base.current, next);
        settleVersion(saved.version);
        setError(null);
        if (turn.last()) {
          setData(saved.data);
          setStatus(t('improve.savedVersion', { version: saved.version }));
        }
        return saved;
      } catch (e) {
        setStatus(null);
        if (e instanceof ApiError && e.code === 'version_conflict') {
          const current = (e.body as { current?: Artifact<T> } | null)?.current;
          if (current) settleVersion(current.version);
          turn.refuse();
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
    [ws, journeyId, kind, id, settleVersion],
  );
  const save = useCallback(
    (next: T) => {
      setStatus(t('improve.saving'));
      return saves.add((turn) => saveNow(next, turn));
    },
    [saves, saveNow],
  );
  const adopt = useCallback(
    (artifact: Artifact<T>) => {
      setData(artifact.data);
      settleVersion(artifact.version);
      setError(null);
    },
    [settleVersion],
  );
  const settled = useCallback(() => saves.settled().then(() => base.current), [saves]);
  return { data, version, status, error, save, adopt, settled };
}
