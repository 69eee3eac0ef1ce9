import type { Participant } from '@waymark/api';
import { createContext, useContext } from 'react';
import type { LiveNotice } from '../../state/live-sync';

/** A replaced-words notice: someone else's edit replaced words this tab wrote. */
export type ReplacedNotice = Extract<LiveNotice, { kind: 'replaced' }>;

/**
 * What the map and the card panel need of live co-editing (decision 0013): the other people on the map with
 * their focus, and the notices that belong in place (at a card) with their two answers.
 */
export interface LiveContextValue {
  /** Everyone else's connections on this map (not this tab), as a store: a card re-renders only for its own. */
  readonly others: PresenceStore;
  readonly replaced: readonly ReplacedNotice[];
  /** Puts my words back (an edit of mine) and puts the notice away. */
  readonly restore: (noticeId: number) => void;
  /** Keeps the other person's words: puts the notice away. */
  readonly keep: (noticeId: number) => void;
}

export const LiveContext = createContext<LiveContextValue | null>(null);

/** The others on the map, kept outside React's state so each card can listen for its own part only. */
export interface PresenceStore {
  readonly subscribe: (listener: () => void) => () => void;
  readonly get: () => readonly Participant[];
  readonly set: (others: readonly Participant[]) => void;
}

export function createPresenceStore(): PresenceStore {
  let list: readonly Participant[] = [];
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => list,
    set(others) {
      if (others === list) return;
      list = others;
      for (const listener of listeners) listener();
    },
  };
}

/** Null when the editor is not live (the REST fallback). */
export const useLive = (): LiveContextValue | null => useContext(LiveContext);

/**
 * The people whose focus is this card, this cell (a step with its lane) or this step (not a cell or card in
 * it), each once (a person in two tabs counts once).
 */
export function peopleAt(
  others: readonly Participant[],
  where: { cardId?: string; columnId?: string; laneId?: string },
) {
  const seen = new Map<string, Participant>();
  for (const p of others) {
    const f = p.focus;
    if (!f) continue;
    const here =
      where.cardId !== undefined
        ? f.cardId === where.cardId
        : !f.cardId && f.columnId === where.columnId && f.laneId === where.laneId;
    if (!here) continue;
    // Typing wins over looking, when one person has two tabs here.
    const had = seen.get(p.user.id);
    if (!had || (!had.typing && p.typing)) seen.set(p.user.id, p);
  }
  return [...seen.values()];
}
