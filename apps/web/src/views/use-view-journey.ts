import { useEffect, useState } from 'react';
import type { Journey } from '@waymark/core';
import { useSession } from '../app/session';
import { errorText } from '../ui/field';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string; readonly code: string | null }
  | { readonly status: 'ready'; readonly value: T };

const codeOf = (error: unknown): string | null =>
  typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : null;

/** Loads a value once per key, keeping the API's error code (e.g. share_not_found) for the page to explain. */
export function useLoaded<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load()
      .then((value) => live && setState({ status: 'ready', value }))
      .catch((e: unknown) => live && setState({ status: 'failed', message: errorText(e), code: codeOf(e) }));
    return () => {
      live = false;
    };
    // `key` names what `load` loads; the function itself is new on every render.
  }, [key]);
  return state;
}

/** A journey of a workspace, read once (the views do not edit). */
export function useViewJourney(ws: string, id: string): Loaded<Journey> {
  const { api } = useSession();
  return useLoaded(() => api.journey(ws, id).then((j) => j.journey), `${ws}/${id}`);
}
