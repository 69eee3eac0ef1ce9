import type { Card, VotableKind } from '@waymark/core';
import { useRef } from 'react';
import { useVoting } from './voting-context';
import {
  myDotsOn,
  retractButtonName,
  shownVotes,
  voteButtonName,
  votesLeft,
  votesText,
} from './voting-model';
import './voting.css';
import { t } from '../../i18n';

interface Props {
  readonly kind: VotableKind;
  readonly id: string;
  /** The card's or idea's words, for the buttons' names. */
  readonly text: string;
  /** The votes kept in the journey from the last round (`votes`). */
  readonly kept: number | undefined;
  /** In the map's grid only the active cell's controls are in the tab order. */
  readonly tabbable?: boolean;
}

/**
 * Beside a pain point, moment of truth or idea: its tally as a badge (kept in the journey, or the round's when
 * shown), and while a round about it is open, a button to place a dot and one to take a dot back.
 */
export function VoteSlot({ kind, id, text, kept, tabbable = true }: Props) {
  const v = useVoting();
  const voteRef = useRef<HTMLButtonElement>(null);
  const voting = v?.voting ?? null;
  const shown = shownVotes(voting, kind, id, kept);
  const open = voting?.status === 'open' && voting.kinds.includes(kind) && v?.canVote && v.userId;
  if (!open && !shown) return null;
  const mine = open ? myDotsOn(voting, v.userId!, kind, id) : 0;
  const left = open ? votesLeft(voting, v.userId!) : 0;
  const tab = tabbable ? 0 : -1;
  return (
    <span className="vote-slot" data-vote-slot={id}>
      {shown ? (
        <span className="vote-badge" data-votes={shown}>
          {votesText(shown)}
        </span>
      ) : null}
      {open ? (
        <>
          <button
            ref={voteRef}
            type="button"
            className="vote-button"
            tabIndex={tab}
            aria-label={voteButtonName(kind, text, mine)}
            aria-disabled={left === 0 ? true : undefined}
            title={left === 0 ? t('voting.allUsed') : undefined}
            onClick={() => {
              if (left > 0) v.cast(kind, id);
            }}
          >
            <span aria-hidden="true">
              {'●'.repeat(mine)}
              {mine > 0 ? ' ' : ''}
              {t('voting.plusVote')}
            </span>
          </button>
          {mine > 0 ? (
            <button
              type="button"
              className="vote-button vote-button--retract"
              tabIndex={tab}
              aria-label={retractButtonName(kind, text)}
              onClick={() => {
                // The button goes when the last dot does: keep the keyboard where it was.
                if (mine === 1) voteRef.current?.focus();
                v.retract(kind, id);
              }}
            >
              <span aria-hidden="true">{t('voting.minusTakeBack')}</span>
            </button>
          ) : null}
        </>
      ) : null}
    </span>
  );
}

/** The slot on a card of the map: only pain points and moments of truth take votes. */
export function CardVoteSlot({ card, tabbable }: { card: Card; tabbable: boolean }) {
  if (card.kind !== 'pain-point' && card.kind !== 'moment-of-truth') return null;
  return <VoteSlot kind={card.kind} id={card.id} text={card.text} kept={card.votes} tabbable={tabbable} />;
}
