import type { WorkshopAction, WorkshopState } from '@waymark/api';
import {
  votableKinds,
  type Journey,
  type JourneyCommand,
  type RecordVotesCommand,
  type VotableKind,
} from '@waymark/core';
import { useEffect, useRef, useState } from 'react';
import { VoteSlot } from './vote-slot';
import { useVoting } from './voting-context';
import { holdsVotes, recordVotesCommand, votableKindName, votesLeft, votesLeftText } from './voting-model';
import './voting.css';
import { t } from '../../i18n';

interface Props {
  readonly workshop: WorkshopState | null;
  /** This tab: its connection and person. */
  readonly you: { readonly connection: string; readonly user: { readonly id: string } } | null;
  readonly journey: Journey;
  readonly send: (action: WorkshopAction) => void;
  /** Applies an edit to the map through the live editor (the normal commit path). */
  readonly execute: (command: JourneyCommand) => boolean;
  /** This tab's edits the server has not stored yet: the results are said written once it has them. */
  readonly unsaved?: number;
}

/**
 * Dot-voting above the map (decision 0014): for the facilitator, starting a round and closing it; for
 * everyone, the round's name and "3 of 5 votes left"; the ideas to vote on when ideas are in the round; and
 * once closed, where the results are. The facilitator's tab that closed the round writes the tallies to the
 * map as one edit.
 */
export function VotingBar({ workshop, you, journey, send, execute, unsaved = 0 }: Props) {
  const v = useVoting();
  const voting = workshop?.voting ?? null;
  const facilitating = !!you && workshop?.facilitator?.id === you.user.id;
  const [problem, setProblem] = useState<string | null>(null);
  const written = useRef<number | null>(null);
  const [awaiting, setAwaiting] = useState<RecordVotesCommand | null>(null);

  // The closing tab writes the results once; another tab of the facilitator can do it with the button.
  const mustWrite =
    facilitating && voting?.status === 'closed' && voting.recordedAt === undefined ? voting : null;
  const writeResults = () => {
    if (!mustWrite) return;
    written.current = mustWrite.closedAt ?? 0;
    const command = recordVotesCommand(mustWrite, journey);
    if (execute(command)) {
      setProblem(null);
      setAwaiting(command);
    } else setProblem(t('voting.notWritten'));
  };
  useEffect(() => {
    if (mustWrite && mustWrite.closedBy === you?.connection && written.current !== (mustWrite.closedAt ?? 0))
      writeResults();
    // Stored: nothing of this tab is waiting for the server, and the map it confirmed holds the tallies.
    if (awaiting && unsaved === 0) {
      setAwaiting(null);
      if (!mustWrite) return;
      if (holdsVotes(journey, awaiting)) send({ type: 'voting.recorded' });
      else setProblem(t('voting.notWritten'));
    }
  });

  if (!workshop?.facilitator || !you) return null;
  if (!voting) return facilitating ? <StartVoting send={send} /> : null;

  const left = votesLeft(voting, you.user.id);
  const people = Object.keys(voting.ballots).length;
  return (
    <section className="voting-bar notice" aria-labelledby="voting-title" data-voting={voting.status}>
      <h2 id="voting-title" className="voting-bar__title">
        {voting.round}
      </h2>
      {voting.status === 'open' ? (
        <>
          <p role="status" className="voting-bar__left">
            {v?.canVote
              ? left === 0
                ? t('voting.leftNone', { left: votesLeftText(left, voting.votesEach) })
                : t('voting.leftSentence', { left: votesLeftText(left, voting.votesEach) })
              : t('voting.watchOnly')}
          </p>
          <p className="hint">
            {voting.showLive ? t('voting.talliesLive') : t('voting.talliesAtEnd')}{' '}
            {t('voting.peopleVoted', { count: people })}
          </p>
          {voting.kinds.includes('idea') ? <IdeasToVoteOn journey={journey} /> : null}
          {facilitating ? (
            <button type="button" className="button" onClick={() => send({ type: 'voting.close' })}>
              {t('voting.close')}
            </button>
          ) : null}
        </>
      ) : (
        <>
          <p role="status">
            {voting.recordedAt !== undefined ? t('voting.closedWritten') : t('voting.closedWriting')}
          </p>
          {voting.kinds.includes('idea') ? <IdeasToVoteOn journey={journey} /> : null}
          {problem ? (
            <p className="error-message" role="alert">
              {problem}
            </p>
          ) : null}
          {facilitating &&
          voting.recordedAt === undefined &&
          !awaiting &&
          (voting.closedBy !== you.connection || problem) ? (
            <button type="button" className="button" onClick={writeResults}>
              {t('voting.write')}
            </button>
          ) : null}
          {facilitating ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => send({ type: 'voting.clear' })}
            >
              {t('voting.clear')}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Ideas are not on the map's grid: in a round about them, they are listed here with their vote buttons. */
function IdeasToVoteOn({ journey }: { journey: Journey }) {
  if (journey.ideas.length === 0) return <p className="hint">{t('voting.noIdeas')}</p>;
  return (
    <ul className="voting-ideas" aria-label={t('voting.ideas')}>
      {journey.ideas.map((idea) => (
        <li key={idea.id}>
          <span className="voting-ideas__title">{idea.title}</span>{' '}
          <VoteSlot kind="idea" id={idea.id} text={idea.title} kept={idea.votes} />
        </li>
      ))}
    </ul>
  );
}

/** The facilitator's form to start a round: what to vote on, how many votes each, tallies live or at the end. */
function StartVoting({ send }: { send: (action: WorkshopAction) => void }) {
  const [kinds, setKinds] = useState<readonly VotableKind[]>(['pain-point']);
  const [votesEach, setVotesEach] = useState('5');
  const [showLive, setShowLive] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const start = () => {
    const n = Number(votesEach);
    if (kinds.length === 0) return setProblem(t('voting.start.kindsMissing'));
    if (!Number.isInteger(n) || n < 1 || n > 20) return setProblem(t('voting.start.votesInvalid'));
    setProblem(null);
    send({ type: 'voting.start', kinds: [...kinds], votesEach: n, showLive });
  };
  return (
    <details className="voting-start notice">
      <summary>{t('voting.start.summary')}</summary>
      <form
        aria-label={t('voting.start.submit')}
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        {problem ? (
          <p className="error-message" role="alert">
            {problem}
          </p>
        ) : null}
        <fieldset>
          <legend>{t('voting.start.kinds')}</legend>
          {votableKinds.map((kind) => (
            <div className="checkbox" key={kind}>
              <input
                type="checkbox"
                id={`vote-on-${kind}`}
                checked={kinds.includes(kind)}
                onChange={(e) =>
                  setKinds((k) => (e.target.checked ? [...k, kind] : k.filter((x) => x !== kind)))
                }
              />
              <label htmlFor={`vote-on-${kind}`}>{capitalise(votableKindName(kind, true))}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="votes-each">{t('voting.start.votesEach')}</label>
          <input
            id="votes-each"
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            value={votesEach}
            onChange={(e) => setVotesEach(e.target.value)}
          />
        </div>
        <div className="checkbox">
          <input
            type="checkbox"
            id="votes-live"
            checked={showLive}
            onChange={(e) => setShowLive(e.target.checked)}
          />
          <label htmlFor="votes-live">{t('voting.start.showLive')}</label>
        </div>
        <button type="submit" className="button">
          {t('voting.start.submit')}
        </button>
      </form>
    </details>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
