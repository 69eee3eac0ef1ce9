import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../api/client';
import { useOneAtATime } from '../../state/one-at-a-time';
import { errorText } from '../../ui/field';
import type { HistoryVersion } from './group-history';

/** Versions asked for at a time: enough for a workshop's morning, never thousands. */
export const HISTORY_PAGE = 100;

export interface HistoryPages {
  /** Loaded versions, oldest first; null until the first page arrives. */
  readonly items: readonly HistoryVersion[] | null;
  readonly hasEarlier: boolean;
  readonly loading: boolean;
  readonly error: string | null;
  readonly loadEarlier: () => void;
}

const merged = (a: readonly HistoryVersion[], b: readonly HistoryVersion[]) => {
  const byVersion = new Map([...a, ...b].map((v) => [v.version, v]));
  return [...byVersion.values()].sort((x, y) => x.version - y.version);
};

/**
 * The history of a journey a page at a time, newest first: the latest page at once, newer versions as the
 * map's version moves on, earlier pages when asked.
 */
export function useHistoryPages(api: ApiClient, ws: string, id: string, version: number): HistoryPages {
  const [items, setItems] = useState<readonly HistoryVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { busy: loading, run } = useOneAtATime();
  const newest = useRef(0);
  const oldest = useRef(Number.MAX_SAFE_INTEGER);

  const take = useCallback((page: readonly HistoryVersion[]) => {
    if (page.length === 0) return;
    newest.current = Math.max(newest.current, page[page.length - 1]!.version);
    oldest.current = Math.min(oldest.current, page[0]!.version);
    setItems((had) => merged(had ?? [], page));
  }, []);

  useEffect(() => {
    let live = true;
    // The first page, then only what is newer than what we have (a page at most; else the latest page again).
    const range =
      newest.current === 0 || version - newest.current > HISTORY_PAGE
        ? { before: Number.MAX_SAFE_INTEGER, limit: HISTORY_PAGE }
        : { after: newest.current, limit: HISTORY_PAGE };
    if ('after' in range && version <= newest.current) return;
    api
      .history(ws, id, range)
      .then((r) => {
        if (!live) return;
        if ('before' in range) {
          oldest.current = Number.MAX_SAFE_INTEGER;
          setItems([]);
        }
        setItems((had) => had ?? []);
        take(r.items as unknown as HistoryVersion[]);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [api, ws, id, version, take]);

  const loadEarlier = useCallback(() => {
    if (oldest.current <= 1) return;
    void run(() =>
      api
        .history(ws, id, { before: oldest.current, limit: HISTORY_PAGE })
        .then((r) => take(r.items as unknown as HistoryVersion[]))
        .catch((e: unknown) => setError(errorText(e))),
    );
  }, [api, ws, id, take, run]);

  return {
    items,
    hasEarlier: items !== null && items.length > 0 && items[0]!.version > 1,
    loading,
    error,
    loadEarlier,
  };
}
