import { applyCommand, type Journey, type JourneyCommand } from '@waymark/core';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { ApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import { saveDueIn } from '../state/autosave';
import { createEditorState, editorReducer, type EditorAction, type EditorState } from '../state/editor-state';
import { watchForChanges } from '../state/refresh-watch';
import { unknownErrorWords } from '../api/error-words';
import { t } from '../i18n';
import { commandRefusalWords, explainRefusal, noteRefusal } from '../state/refusal';
import { unsavedFields } from '../state/unsaved-fields';

const reducer = (state: EditorState, action: EditorAction) => editorReducer(applyCommand, state, action);

export interface EditorApi {
  readonly state: EditorState;
  readonly execute: (command: JourneyCommand) => boolean;
  readonly undo: () => void;
  readonly redo: () => void;
  /** After a conflict: take their version, and re-apply our unsaved edits where they still fit (or drop them). */
  readonly resolveConflict: (reapply: boolean) => void;
  /** After a restore from the history panel: the server's new version, nothing of ours pending. */
  readonly replace: (version: number, journey: Journey) => void;
  readonly saveNow: () => void;
  readonly dismiss: () => void;
}

/**
 * The editor's state machine wired to the API: edits apply at once; SAVE_DELAY_MS after the last edit the
 * pending commands go to the server as one batch with the version they were made on. The answer is folded
 * back in (saved, refused, conflict, failed); a failed save is retried on the next edit or on "Try again".
 * `enabled` false (the live editor is in use, decision 0013): it asks the server for nothing — no look for
 * others' changes, no warning on leaving — and starts doing so, with a look at once, when enabled.
 */
export function useEditor(
  api: ApiClient,
  ws: string,
  id: string,
  initial: { version: number; journey: Journey },
  enabled = true,
): EditorApi {
  const [state, dispatch] = useReducer(reducer, initial, (i) => createEditorState(i.journey, i.version));
  const stateRef = useRef(state);
  stateRef.current = state;
  const edits = useRef<{ first: number | null; last: number | null }>({ first: null, last: null });
  // Enabled after the page loaded (taking over from live): the map may have changed meanwhile.
  const wasDisabled = useRef(!enabled);

  const send = useCallback(() => {
    const current = stateRef.current;
    if (current.conflict || current.inFlight.length > 0 || current.pending.length === 0) return;
    dispatch({ type: 'send' });
    edits.current = { first: null, last: null };
    // The batch is what 'send' moves to inFlight: the same coalescing, computed from the same state.
    const sent = reducer(current, { type: 'send' });
    api
      .sendCommands(ws, id, current.version, sent.inFlight)
      .then((r) => dispatch({ type: 'saved', version: r.version, journey: r.journey }))
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'version_conflict') {
          const theirs = (e.body as { current?: { version: number; journey: Journey } } | null)?.current;
          if (theirs) {
            dispatch({ type: 'conflict', version: theirs.version, journey: theirs.journey });
            return;
          }
        }
        if (e instanceof ApiError && e.status === 422) {
          // Said from the commands sent (which field, which limit), falling back to the code's words.
          const batch: JourneyCommand = { type: 'batch', commands: [...sent.inFlight] };
          const message = e.path
            ? commandRefusalWords(current.base, batch, { code: e.code, path: e.path })
            : e.message;
          dispatch({ type: 'refused', message });
        } else dispatch({ type: 'save-failed', message: unknownErrorWords(e) });
      });
  }, [api, ws, id]);

  // Autosave: schedule the next send whenever something is pending and nothing is in flight.
  useEffect(() => {
    if (state.pending.length === 0 || state.inFlight.length > 0 || state.conflict || state.status === 'error')
      return;
    const due = saveDueIn(Date.now(), edits.current.first, edits.current.last) ?? 0;
    const timer = setTimeout(send, due);
    return () => clearTimeout(timer);
  }, [state.pending, state.inFlight, state.conflict, state.status, send]);

  // Someone else's saved changes come in while this editor has nothing unsaved: on returning to the window
  // and every REFRESH_MS. With unsaved edits, the next save's 409 handles it (the user chooses).
  useEffect(() => {
    let busy = false;
    const refresh = () => {
      const s = stateRef.current;
      if (busy || s.pending.length > 0 || s.inFlight.length > 0 || s.conflict) return;
      busy = true;
      api
        .journey(ws, id)
        .then((fresh) => {
          const now = stateRef.current;
          if (
            fresh.version > now.version &&
            now.pending.length === 0 &&
            now.inFlight.length === 0 &&
            !now.conflict
          ) {
            dispatch({ type: 'reload', version: fresh.version, journey: fresh.journey, reapply: false });
            dispatch({ type: 'notice', message: t('errors.save.theirVersion', { version: fresh.version }) });
          }
        })
        .catch(() => undefined) // a failed refresh is retried at the next one; saving reports its own errors
        .finally(() => (busy = false));
    };
    return watchForChanges(enabled, refresh, { atOnce: wasDisabled.current });
  }, [api, ws, id, enabled]);

  // Leaving with unsaved edits: the browser asks first.
  useEffect(() => {
    if (!enabled) return;
    const warn = (e: BeforeUnloadEvent) => {
      const s = stateRef.current;
      if (s.pending.length > 0 || s.inFlight.length > 0 || s.conflict || unsavedFields().length > 0)
        e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [enabled]);

  const touched = () => {
    const now = Date.now();
    edits.current = { first: edits.current.first ?? now, last: now };
  };
  const execute = useCallback((command: JourneyCommand) => {
    const before = stateRef.current;
    const next = reducer(before, { type: 'execute', command });
    if (next.journey === before.journey) {
      const refused = applyCommand(before.journey, command);
      noteRefusal(refused.ok ? null : explainRefusal(before.journey, command, refused.error));
      dispatch({ type: 'execute', command });
      return false;
    }
    touched();
    stateRef.current = next;
    dispatch({ type: 'execute', command });
    return true;
  }, []);
  const undo = useCallback(() => {
    touched();
    dispatch({ type: 'undo' });
  }, []);
  const redo = useCallback(() => {
    touched();
    dispatch({ type: 'redo' });
  }, []);

  const resolveConflict = useCallback((reapply: boolean) => {
    const conflict = stateRef.current.conflict;
    if (!conflict) return;
    touched();
    dispatch({ type: 'reload', version: conflict.version, journey: conflict.journey, reapply });
  }, []);
  const replace = useCallback((version: number, journey: Journey) => {
    dispatch({ type: 'reload', version, journey, reapply: false });
  }, []);
  const saveNow = useCallback(() => {
    if (stateRef.current.status === 'error') dispatch({ type: 'dismiss-message' });
    send();
  }, [send]);
  const dismiss = useCallback(() => dispatch({ type: 'dismiss-message' }), []);

  return { state, execute, undo, redo, resolveConflict, replace, saveNow, dismiss };
}
