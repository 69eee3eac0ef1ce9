import type { Journey, JourneyCommand, Result } from '@waymark/core';
import { t } from '../i18n';
import { coalesce } from './autosave';
import { commandRefusalWords } from './refusal';

/** A refused command, as the reducer reports it. */
export interface CommandError {
  readonly code: string;
  readonly message: string;
  readonly path?: unknown;
}
/** The journey reducer (@waymark/core's applyCommand), passed in so this module stays a pure function. */
export type ApplyCommand = (
  journey: Journey,
  command: JourneyCommand,
) => Result<{ journey: Journey; inverse: JourneyCommand }, CommandError>;

interface UndoEntry {
  readonly command: JourneyCommand;
  readonly inverse: JourneyCommand;
}

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error' | 'conflict';

export interface EditorState {
  /** What the user sees: the server's journey with unsent edits applied on top. */
  readonly journey: Journey;
  /** The last version the server confirmed. */
  readonly version: number;
  readonly base: Journey;
  /** Applied locally, not sent yet. */
  readonly pending: readonly JourneyCommand[];
  /** Sent, waiting for the answer. */
  readonly inFlight: readonly JourneyCommand[];
  readonly undo: readonly UndoEntry[];
  readonly redo: readonly UndoEntry[];
  readonly status: SaveStatus;
  /** The last refusal or save failure, in the catalogue's words. */
  readonly message: string | null;
  /** Set when someone else saved first: their version, and our edits that were not saved. */
  readonly conflict: {
    readonly version: number;
    readonly journey: Journey;
    readonly unsent: readonly JourneyCommand[];
  } | null;
}

export type EditorAction =
  | { readonly type: 'execute'; readonly command: JourneyCommand }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'send' }
  | { readonly type: 'saved'; readonly version: number; readonly journey: Journey }
  | { readonly type: 'save-failed'; readonly message: string }
  /** The server refused the batch; `message` is already in words (see use-editor). */
  | { readonly type: 'refused'; readonly message: string }
  | { readonly type: 'conflict'; readonly version: number; readonly journey: Journey }
  | {
      readonly type: 'reload';
      readonly version: number;
      readonly journey: Journey;
      readonly reapply: boolean;
    }
  | { readonly type: 'notice'; readonly message: string }
  | { readonly type: 'dismiss-message' };

export function createEditorState(journey: Journey, version: number): EditorState {
  return {
    journey,
    version,
    base: journey,
    pending: [],
    inFlight: [],
    undo: [],
    redo: [],
    status: 'saved',
    message: null,
    conflict: null,
  };
}

const UNDO_LIMIT = 200;

/** Replays commands on a journey; stops at the first refusal and says which. */
export function replay(apply: ApplyCommand, journey: Journey, commands: readonly JourneyCommand[]) {
  let current = journey;
  const applied: JourneyCommand[] = [];
  const refused: { command: JourneyCommand; message: string }[] = [];
  for (const command of commands) {
    const result = apply(current, command);
    if (result.ok) {
      current = result.value.journey;
      applied.push(command);
    } else refused.push({ command, message: commandRefusalWords(current, command, result.error) });
  }
  return { journey: current, applied, refused };
}

/**
 * The editor as a pure state machine: edits apply at once (optimistically) with the same reducer the server
 * runs, queue for saving, and can be undone by their inverse commands. A version conflict never overwrites:
 * it stops saving and keeps the unsent edits until the user chooses.
 */
export function editorReducer(apply: ApplyCommand, state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'execute':
    case 'undo':
    case 'redo': {
      if (state.conflict) return state;
      const from = action.type === 'execute' ? null : action.type === 'undo' ? state.undo : state.redo;
      const entry = from ? from[from.length - 1] : undefined;
      if (from && !entry) return state;
      const command = action.type === 'execute' ? action.command : entry!.inverse;
      const result = apply(state.journey, command);
      if (!result.ok) return { ...state, message: commandRefusalWords(state.journey, command, result.error) };
      const done: UndoEntry = { command, inverse: result.value.inverse };
      const undo =
        action.type === 'undo' ? state.undo.slice(0, -1) : [...state.undo, done].slice(-UNDO_LIMIT);
      const redo =
        action.type === 'execute'
          ? []
          : action.type === 'undo'
            ? [...state.redo, done]
            : state.redo.slice(0, -1);
      return {
        ...state,
        journey: result.value.journey,
        pending: [...state.pending, command],
        undo,
        redo,
        status: state.status === 'saving' ? 'saving' : 'unsaved',
        message: null,
      };
    }
    case 'send':
      if (state.conflict || state.inFlight.length > 0 || state.pending.length === 0) return state;
      return { ...state, inFlight: coalesce(state.pending), pending: [], status: 'saving' };
    case 'saved': {
      const rebased = replay(apply, action.journey, state.pending);
      return {
        ...state,
        version: action.version,
        base: action.journey,
        journey: rebased.journey,
        pending: rebased.applied,
        inFlight: [],
        status: rebased.applied.length > 0 ? 'unsaved' : 'saved',
      };
    }
    case 'save-failed':
      return {
        ...state,
        pending: [...state.inFlight, ...state.pending],
        inFlight: [],
        status: 'error',
        message: action.message,
      };
    case 'refused': {
      // The server refused the batch: drop it, go back to the server's journey plus the later edits.
      const rebased = replay(apply, state.base, state.pending);
      return {
        ...state,
        journey: rebased.journey,
        pending: rebased.applied,
        inFlight: [],
        undo: [],
        redo: [],
        status: rebased.applied.length > 0 ? 'unsaved' : 'saved',
        message: t('errors.save.refused', { reason: action.message }),
      };
    }
    case 'conflict':
      return {
        ...state,
        status: 'conflict',
        conflict: {
          version: action.version,
          journey: action.journey,
          unsent: [...state.inFlight, ...state.pending],
        },
        inFlight: [],
        pending: [],
      };
    case 'reload': {
      const unsent = state.conflict?.unsent ?? [];
      const rebased = action.reapply
        ? replay(apply, action.journey, unsent)
        : { journey: action.journey, applied: [], refused: [] };
      const refusedNote =
        rebased.refused.length > 0
          ? t('errors.save.leftOut', {
              count: rebased.refused.length,
              reasons: rebased.refused.map((r) => r.message).join(' '),
            })
          : null;
      return {
        ...createEditorState(action.journey, action.version),
        journey: rebased.journey,
        pending: rebased.applied,
        status: rebased.applied.length > 0 ? 'unsaved' : 'saved',
        message: refusedNote,
      };
    }
    case 'notice':
      return { ...state, message: action.message };
    case 'dismiss-message':
      return { ...state, message: null };
  }
}
