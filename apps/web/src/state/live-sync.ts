import type { Journey, JourneyCommand } from '@waymark/core';
import type { AppliedMessage, Participant, ServerMessage } from '@waymark/api';
import { codeWords } from '../api/error-words';
import { t } from '../i18n';
import { coalesce } from './autosave';
import { commandRefusalWords } from './refusal';
import type { ApplyCommand } from './editor-state';
import { droppedInWords, replacedInWords } from './live-words';

/**
 * The live co-editing engine of one browser tab (decision 0013), a pure state machine like editor-state.ts:
 * the server orders every change; the tab applies its own edits at once (optimistically) on top of the last
 * version the server confirmed, and when someone else's change arrives it puts it under its own unconfirmed
 * edits (rebase: the server's document, then the tab's edits again, dropping with the reason any that no
 * longer apply). Nothing here does I/O: the caller sends `takeOutgoing`'s submits and feeds back messages.
 */

/** Edits sent (or to send) as one submit; the server applies them all or none, under `seq`. */
export interface PendingBatch {
  readonly seq: number;
  readonly commands: readonly JourneyCommand[];
  /** Out on the current connection. */
  readonly sent: boolean;
  /** Sent at least once: never added to again, since the server may have stored it as it was. */
  readonly sealed: boolean;
}

interface UndoEntry {
  /** The batch the edit went out in, so a refused one takes its undo entry with it. */
  readonly seq: number;
  readonly inverse: JourneyCommand;
}

export type LiveNotice = { readonly id: number } & (
  | {
      readonly kind: 'replaced';
      /** `card s2-call`, `column s1`, `meta` */
      readonly target: { readonly type: string; readonly id: string | null };
      readonly field: string;
      readonly by: string;
      /** What the tab had written there. */
      readonly yours: unknown;
      /** Puts the tab's words back (as a new edit of its own). */
      readonly restore: JourneyCommand;
      readonly message: string;
    }
  | { readonly kind: 'dropped'; readonly commands: readonly JourneyCommand[]; readonly message: string }
  | { readonly kind: 'error'; readonly message: string }
);
/** A notice before it is numbered. */
type NewNotice = LiveNotice extends infer N ? (N extends LiveNotice ? Omit<N, 'id'> : never) : never;

/** Who this tab is on the server (from the welcome). */
export interface LiveSelf {
  readonly connection: string;
  readonly user: Participant['user'];
  readonly role: string;
}

export interface LiveState {
  readonly clientId: string;
  /** The last version the server confirmed, and its document. */
  readonly version: number;
  readonly confirmed: Journey;
  /** What the participant sees: `confirmed` with the pending edits on top. */
  readonly journey: Journey;
  readonly pending: readonly PendingBatch[];
  readonly nextSeq: number;
  /** Welcomed on the current connection: submits may go out. */
  readonly connected: boolean;
  /** A gap in the versions: the caller should reconnect (from `version`). */
  readonly needsResync: boolean;
  readonly undo: readonly UndoEntry[];
  readonly redo: readonly UndoEntry[];
  /** Fields whose confirmed value this tab wrote last (key → value), to tell it when someone replaces them. */
  readonly mine: Readonly<Record<string, unknown>>;
  readonly notices: readonly LiveNotice[];
  readonly nextNoticeId: number;
  readonly participants: readonly Participant[];
  /** Set by the first welcome: who this tab is; null until then (still connecting for the first time). */
  readonly you: LiveSelf | null;
}

export type LiveAction =
  | { readonly type: 'local'; readonly command: JourneyCommand }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'message'; readonly message: ServerMessage }
  | { readonly type: 'disconnected' }
  /** A notice read and put away (by its id). */
  | { readonly type: 'dismiss'; readonly id: number };

export interface SubmitMessage {
  readonly type: 'submit';
  readonly clientSeq: number;
  readonly baseVersion: number;
  readonly commands: readonly JourneyCommand[];
}

const UNDO_LIMIT = 200;

export function createLiveState(clientId: string, journey: Journey, version: number): LiveState {
  return {
    clientId,
    version,
    confirmed: journey,
    journey,
    pending: [],
    nextSeq: 1,
    connected: false,
    needsResync: false,
    undo: [],
    redo: [],
    mine: {},
    notices: [],
    nextNoticeId: 1,
    participants: [],
    you: null,
  };
}

/** The state with these notices added, numbered. */
function notify(state: LiveState, added: readonly NewNotice[]): LiveState {
  if (added.length === 0) return state;
  const numbered = added.map((n, i) => ({ ...n, id: state.nextNoticeId + i }) as LiveNotice);
  return {
    ...state,
    notices: [...state.notices, ...numbered],
    nextNoticeId: state.nextNoticeId + added.length,
  };
}

/** All or none, like the server: the journey after every command, or the first refusal. */
function applyAll(apply: ApplyCommand, journey: Journey, commands: readonly JourneyCommand[]) {
  let current = journey;
  for (const command of commands) {
    const r = apply(current, command);
    if (!r.ok) return { ok: false as const, message: commandRefusalWords(current, command, r.error) };
    current = r.value.journey;
  }
  return { ok: true as const, journey: current };
}

/**
 * The pending batches again on a new base; those that no longer apply are dropped, with the reason in words
 * (`by`: whose change made them no longer apply, when known).
 */
function rebase(
  apply: ApplyCommand,
  state: LiveState,
  confirmed: Journey,
  notices: NewNotice[],
  by: string | null = null,
): LiveState {
  let journey = confirmed;
  const kept: PendingBatch[] = [];
  const dropped = new Set<number>();
  for (const batch of state.pending) {
    const r = applyAll(apply, journey, batch.commands);
    if (r.ok) {
      journey = r.journey;
      kept.push(batch);
    } else {
      dropped.add(batch.seq);
      notices.push({
        kind: 'dropped',
        commands: batch.commands,
        message: droppedInWords(state.journey, confirmed, batch.commands, by, r.message),
      });
    }
  }
  // Replaced words that are back (by anyone's edit or undo), or whose card is gone, need no answer any more.
  const stale = state.notices.filter((n) => n.kind === 'replaced' && !stillReplaced(journey, n));
  return notify(
    {
      ...state,
      ...(stale.length ? { notices: state.notices.filter((n) => !stale.includes(n)) } : {}),
      confirmed,
      journey,
      pending: kept,
      undo: dropped.size ? state.undo.filter((u) => !dropped.has(u.seq)) : state.undo,
      redo: dropped.size ? state.redo.filter((u) => !dropped.has(u.seq)) : state.redo,
    },
    notices,
  );
}

/** The fields an update command writes, as keys `card\u0000id\u0000field` with the values written. */
function writes(command: JourneyCommand): { key: string; field: string; value: unknown }[] {
  if (command.type === 'batch') return command.commands.flatMap(writes);
  if (command.type.endsWith('.add') && 'item' in command) {
    // The words of something one added are one's own too.
    const { id, ...fields } = command.item as { id: string } & Record<string, unknown>;
    const prefix = `${command.type.slice(0, -'.add'.length)}\u0000${id}\u0000`;
    return Object.entries(fields).map(([field, value]) => ({ key: prefix + field, field, value }));
  }
  if (!command.type.endsWith('.update')) return [];
  const c = command as { type: string; id?: string; patch: Record<string, unknown>; unset?: string[] };
  const prefix = `${c.type.slice(0, -'.update'.length)}\u0000${c.id ?? ''}\u0000`;
  return [
    ...Object.entries(c.patch).map(([field, value]) => ({ key: prefix + field, field, value })),
    ...(c.unset ?? []).map((field) => ({ key: prefix + field, field, value: undefined })),
  ];
}

function rememberMine(mine: Readonly<Record<string, unknown>>, commands: readonly JourneyCommand[]) {
  const next = { ...mine };
  for (const command of commands) for (const w of writes(command)) next[w.key] = w.value;
  return next;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The field a replaced notice is about still holds someone else's words (and its item is still there). */
function stillReplaced(journey: Journey, n: Extract<LiveNotice, { kind: 'replaced' }>): boolean {
  const lists: Record<string, readonly { id: string }[]> = {
    card: journey.cards,
    column: journey.columns,
    lane: journey.lanes,
    stage: journey.stages,
  };
  const item =
    n.target.type === 'meta' ? journey.meta : lists[n.target.type]?.find((x) => x.id === n.target.id);
  if (!item) return !(n.target.type in lists);
  return !same((item as Record<string, unknown>)[n.field], n.yours);
}

/** Someone else's update of a field this tab wrote last: the tab is told, and can put its words back. */
function replacedNotices(mine: Record<string, unknown>, message: AppliedMessage, notices: NewNotice[]) {
  // '' when the server did not say who: the words then say "Someone" in the person's language.
  const by = message.by?.name || '';
  for (const command of message.commands) {
    for (const w of writes(command)) {
      if (!(w.key in mine)) continue;
      const yours = mine[w.key];
      delete mine[w.key];
      if (same(yours, w.value)) continue;
      const [type, id] = w.key.split('\u0000') as [string, string];
      const restore = {
        type: `${type}.update`,
        ...(type === 'meta' ? {} : { id }),
        ...(yours === undefined ? { patch: {}, unset: [w.field] } : { patch: { [w.field]: yours } }),
      } as unknown as JourneyCommand;
      notices.push({
        kind: 'replaced',
        target: { type, id: type === 'meta' ? null : id },
        field: w.field,
        by,
        yours,
        restore,
        message: replacedInWords(type, w.field, by || t('live.someone'), yours),
      });
    }
  }
}

function onApplied(apply: ApplyCommand, state: LiveState, message: AppliedMessage): LiveState {
  if (message.version <= state.version) return state;
  if (message.version !== state.version + 1) return { ...state, needsResync: true };
  const notices: NewNotice[] = [];
  const ownIndex =
    message.clientSeq === undefined ? -1 : state.pending.findIndex((b) => b.seq === message.clientSeq);
  const confirmed = applyAll(apply, state.confirmed, message.commands);
  if (!confirmed.ok) return { ...state, needsResync: true };
  if (ownIndex >= 0) {
    const pending = state.pending.filter((_, i) => i !== ownIndex);
    const acked = {
      ...state,
      version: message.version,
      pending,
      mine: rememberMine(state.mine, message.commands),
    };
    // Our own edits, confirmed in the order we made them: what we see does not change.
    return ownIndex === 0
      ? { ...acked, confirmed: confirmed.journey }
      : rebase(apply, acked, confirmed.journey, notices);
  }
  const mine = { ...state.mine };
  replacedNotices(mine, message, notices);
  return rebase(
    apply,
    { ...state, version: message.version, mine },
    confirmed.journey,
    notices,
    message.by?.name || null,
  );
}

function onMessage(apply: ApplyCommand, state: LiveState, message: ServerMessage): LiveState {
  switch (message.type) {
    case 'welcome': {
      let next: LiveState = { ...state, needsResync: false, you: message.you };
      if (message.journey) {
        const acked = new Set(message.acked ?? []);
        const pending = next.pending.filter((b) => !acked.has(b.seq));
        next = rebase(apply, { ...next, version: message.version, mine: {}, pending }, message.journey, []);
      } else {
        for (const m of message.missed ?? []) next = onApplied(apply, next, m);
        if (next.version !== message.version) next = { ...next, needsResync: true };
      }
      return { ...next, connected: true, pending: next.pending.map((b) => ({ ...b, sent: false })) };
    }
    case 'applied':
      return onApplied(apply, state, message);
    case 'replaced':
      if (message.version <= state.version) return state;
      return rebase(
        apply,
        { ...state, version: message.version, mine: {} },
        message.journey,
        [],
        message.by?.name || null,
      );
    case 'rejected': {
      const batch = state.pending.find((b) => b.seq === message.clientSeq);
      if (!batch) return state;
      const without = {
        ...state,
        pending: state.pending.filter((b) => b !== batch),
        undo: state.undo.filter((u) => u.seq !== batch.seq),
        redo: state.redo.filter((u) => u.seq !== batch.seq),
      };
      return rebase(apply, without, state.confirmed, [
        {
          kind: 'dropped',
          commands: batch.commands,
          message: droppedInWords(
            state.journey,
            state.confirmed,
            batch.commands,
            null,
            commandRefusalWords(state.confirmed, { type: 'batch', commands: [...batch.commands] }, message),
          ),
        },
      ]);
    }
    case 'duplicate': {
      // Stored before this connection's welcome, so already in `confirmed`.
      const pending = state.pending.filter((b) => b.seq !== message.clientSeq);
      if (pending.length === state.pending.length) return state;
      return rebase(apply, { ...state, pending }, state.confirmed, []);
    }
    case 'presence':
      return { ...state, participants: message.participants };
    case 'error':
      return notify(state, [{ kind: 'error', message: codeWords(message.code) ?? t('errors.unknown') }]);
  }
}

/** A local edit: applied at once on top of everything, queued to go out (with the unsent ones, if any). */
function local(
  apply: ApplyCommand,
  state: LiveState,
  command: JourneyCommand,
  from: 'edit' | 'undo' | 'redo',
) {
  const r = apply(state.journey, command);
  if (!r.ok)
    return notify(state, [{ kind: 'error', message: commandRefusalWords(state.journey, command, r.error) }]);
  // Each edit goes as a submit of its own (made offline too), so one that no longer applies when it reaches
  // the server (its step deleted meanwhile) is dropped alone and the others are kept.
  const seq = state.nextSeq;
  const pending = [...state.pending, { seq, commands: [command], sent: false, sealed: false }];
  const entry: UndoEntry = { seq, inverse: r.value.inverse };
  return {
    ...state,
    journey: r.value.journey,
    pending,
    nextSeq: state.nextSeq + 1,
    undo: from === 'undo' ? state.undo.slice(0, -1) : [...state.undo, entry].slice(-UNDO_LIMIT),
    redo: from === 'edit' ? [] : from === 'undo' ? [...state.redo, entry] : state.redo.slice(0, -1),
  };
}

export function liveReducer(apply: ApplyCommand, state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case 'local':
      return local(apply, state, action.command, 'edit');
    case 'undo':
    case 'redo': {
      // Undo submits the inverse of one's own edit, on the map as it is now, others' edits included.
      const stack = action.type === 'undo' ? state.undo : state.redo;
      const entry = stack[stack.length - 1];
      if (!entry) return state;
      const r = apply(state.journey, entry.inverse);
      if (r.ok) return local(apply, state, entry.inverse, action.type);
      return notify(
        {
          ...state,
          ...(action.type === 'undo' ? { undo: stack.slice(0, -1) } : { redo: stack.slice(0, -1) }),
        },
        [
          {
            kind: 'error',
            message: t(action.type === 'undo' ? 'errors.live.cannotUndo' : 'errors.live.cannotRedo'),
          },
        ],
      );
    }
    case 'message':
      return onMessage(apply, state, action.message);
    case 'disconnected':
      return { ...state, connected: false, pending: state.pending.map((b) => ({ ...b, sent: false })) };
    case 'dismiss':
      return { ...state, notices: state.notices.filter((n) => n.id !== action.id) };
  }
}

/** The submits to send now (all unsent batches, in order), and the state with them marked sent. */
export function takeOutgoing(state: LiveState): { state: LiveState; submits: SubmitMessage[] } {
  if (!state.connected || state.pending.every((b) => b.sent)) return { state, submits: [] };
  const submits = state.pending
    .filter((b) => !b.sent)
    .map((b) => ({
      type: 'submit' as const,
      clientSeq: b.seq,
      baseVersion: state.version,
      commands: coalesce(b.commands),
    }));
  return {
    state: { ...state, pending: state.pending.map((b) => ({ ...b, sent: true, sealed: true })) },
    submits,
  };
}
