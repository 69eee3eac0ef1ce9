import type { WorkshopVoting } from '@waymark/api';
import type { VotableKind } from '@waymark/core';
import { createContext, useContext } from 'react';

/** What a vote button on a card or idea needs (decision 0014, "Dot-voting"). */
export interface VotingContextValue {
  /** The round in the workshop state, open or closed; null when none. */
  readonly voting: WorkshopVoting | null;
  /** This person's user id (their dots are counted per person, across their tabs). */
  readonly userId: string | null;
  /** Commenters, editors and owners vote; viewers watch. */
  readonly canVote: boolean;
  readonly cast: (kind: VotableKind, id: string) => void;
  readonly retract: (kind: VotableKind, id: string) => void;
}

export const VotingContext = createContext<VotingContextValue | null>(null);

/** Null outside a live map (no voting there). */
export const useVoting = (): VotingContextValue | null => useContext(VotingContext);
