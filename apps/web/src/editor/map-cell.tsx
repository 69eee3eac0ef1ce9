import { channels, contentDescription, guidanceOf, type Card, type Column, type Lane } from '@waymark/core';
import { useId, useState, type DragEvent, type KeyboardEvent } from 'react';

const CARD_DRAG = 'application/x-waymark-card';
import { useEditorContext } from './editor-context';
import type { EmotionCurve } from './emotion-geometry';
import { EmotionCell } from './emotion-cell';
import { CommentIcon } from './shape-glyph';
import { ChannelIcon } from '../ui/channel-icon';
import { cardLabel, quickCard, quickEntryHint, type QuickChoice } from './quick-entry';
import { QuickChoiceAsk } from './quick-choice';
import { PresenceTags, useCardPresence, useCellPresence } from './live/presence-marks';
import { ReplacedAtCard } from './live/replaced-notice';
import { CardVoteSlot } from './voting/vote-slot';

export interface MapCellProps {
  readonly lane: Lane;
  readonly column: Column;
  readonly row: number;
  readonly col: number;
  readonly cards: readonly Card[];
  readonly active: boolean;
  readonly curves: readonly EmotionCurve[] | undefined;
  readonly columnIds: readonly string[];
  readonly moveTo: (row: number, col: number, inner: boolean) => void;
  readonly lastCol: number;
}

/** One lane × step cell: its cards and, for editors, a box to type the next one. */
export function MapCell(props: MapCellProps) {
  const { lane, column, row, col, cards, active } = props;
  const { canEdit, execute } = useEditorContext();
  const [over, setOver] = useState(false);
  // While quick entry asks a question here the cell is not empty: its words are the question's.
  const [asking, setAsking] = useState(false);
  // Others in this cell (typing a card into it, say): an outline in their colour and a name tag.
  const here = useCellPresence(lane.id, column.id);
  // Cards can be dragged to another cell of a lane of their kind; "Move to previous/next step" and "Move
  // up/down in the cell" in the card's details do the same without a mouse.
  const drop = canEdit
    ? {
        onDragOver: (e: DragEvent<HTMLDivElement>) => {
          if (!e.dataTransfer.types.includes(CARD_DRAG)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          setOver(true);
        },
        onDragLeave: () => setOver(false),
        onDrop: (e: DragEvent<HTMLDivElement>) => {
          const id = e.dataTransfer.getData(CARD_DRAG);
          setOver(false);
          if (!id) return;
          e.preventDefault();
          execute({ type: 'card.move', id: id as never, laneId: lane.id, columnId: column.id });
        },
      }
    : {};
  return (
    <div
      role="gridcell"
      aria-colindex={col + 1}
      className={`map-cell map-cell--${lane.kind}${over ? ' map-cell--drop' : ''}${here.length ? ' map-cell--presence' : ''}`}
      style={here.length ? { ['--presence-colour' as string]: here[0]!.colour } : undefined}
      data-cell={`${row}:${col}`}
      tabIndex={active ? 0 : -1}
      {...drop}
    >
      {cards.length === 0 && !asking ? (
        // An empty cell is named by its place, as text rather than aria-label: the name tags of people here
        // are drawn in it (hidden from screen readers), and a label would not hold the words shown.
        <span className="visually-hidden">{`${lane.label}, ${column.label}: empty`}</span>
      ) : null}
      <PresenceTags people={here} />
      {lane.kind === 'emotion' ? (
        <EmotionCell {...props} />
      ) : (
        <ul className="card-list" aria-label={`${lane.label} at ${column.label}`}>
          {cards.map((card) => (
            <li key={card.id}>
              <CardChip card={card} tabbable={active} />
              <CardVoteSlot card={card} tabbable={active} />
              <ReplacedAtCard cardId={card.id} />
            </li>
          ))}
        </ul>
      )}
      <QuickEntry {...props} onAsking={setAsking} />
    </div>
  );
}

/** A card on the map: a button that opens its details; quotes, channels, severities and flags in words too. */
export function CardChip({ card, tabbable }: { card: Card; tabbable: boolean }) {
  const { journey, selectCard, selectedCardId, comments, canEdit } = useEditorContext();
  const open = comments.filter((c) => c.target.cardId === card.id && !c.resolved).length;
  const label = cardLabel(journey, card);
  // Others who have this card selected or are typing in it: an outline in their colour and a name tag.
  const here = useCardPresence(card.id);
  return (
    <button
      type="button"
      className={`card card--${card.kind}${selectedCardId === card.id ? ' card--selected' : ''}${here.length ? ' card--presence' : ''}`}
      style={here.length ? { ['--presence-colour' as string]: here[0]!.colour } : undefined}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => selectCard(card.id)}
      data-card={card.id}
      draggable={canEdit}
      onDragStart={(e) => {
        e.dataTransfer.setData(CARD_DRAG, card.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <PresenceTags people={here} />
      <CardBody card={card} label={label} />
      {card.flags && card.flags.length > 0 ? (
        <span className="card__meta"> ({card.flags.join(', ')})</span>
      ) : null}
      <span className="visually-hidden">
        {open > 0 ? ` (${open} open comment${open === 1 ? '' : 's'})` : ''}. Open details
      </span>
      {open > 0 ? (
        <span className="card__badge" aria-hidden="true">
          <CommentIcon /> {open}
        </span>
      ) : null}
    </button>
  );
}

function CardBody({ card, label }: { card: Card; label: string }) {
  switch (card.kind) {
    case 'touchpoint':
      return (
        <>
          <ChannelIcon channel={card.channel} />{' '}
          <span className="card__meta">{channels[card.channel].label}: </span>
          {card.text}
          <span className="card__meta"> {card.direction}</span>
        </>
      );
    case 'feeling':
      return card.quote ? (
        <>
          <q>{card.text}</q>
          {card.source ? <span className="card__meta"> — {card.source}</span> : null}
        </>
      ) : (
        <>
          <span className="card__meta">{card.mode}: </span>
          {card.text}
        </>
      );
    case 'moment-of-truth':
      return (
        <>
          <span className="card__tag">Moment of truth</span> {card.text}
          {card.why ? <span className="card__meta"> Why: {card.why}</span> : null}
        </>
      );
    case 'pain-point':
      return (
        <>
          {card.severity ? (
            <span className="card__tag">
              {'●'.repeat(card.severity)}
              {'○'.repeat(3 - card.severity)} severity {card.severity}
            </span>
          ) : null}{' '}
          {card.text}
        </>
      );
    case 'lever': {
      const [category, ...rest] = label.split(': ');
      return (
        <>
          <span className="card__tag">{category}</span> {rest.join(': ')}
        </>
      );
    }
    case 'baton-change':
      return (
        <>
          <span className="card__tag">Baton change</span> {label}
        </>
      );
    default:
      return <>{label}</>;
  }
}

function QuickEntry({
  lane,
  column,
  row,
  col,
  active,
  moveTo,
  lastCol,
  onAsking,
}: MapCellProps & { onAsking: (asking: boolean) => void }) {
  const { journey, canEdit, execute, newId, scorePersona } = useEditorContext();
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoiceState] = useState<QuickChoice | null>(null);
  const setChoice = (next: QuickChoice | null) => {
    setChoiceState(next);
    onAsking(next !== null);
  };
  const id = useId();
  if (!canEdit) return null;
  const box = () => document.getElementById(`${id}-box`) as HTMLInputElement | null;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    e.stopPropagation();
    const input = e.currentTarget;
    const next = () => moveTo(row, Math.min(col + 1, lastCol), true);
    if (input.value.trim() === '') {
      next();
      return;
    }
    const made = quickCard(journey, lane, column.id, input.value, newId('card'), scorePersona[lane.id]);
    if (!made.ok) {
      // Words that could mean more than one thing: ask in place, store nothing yet (decision 0016).
      if (made.choice) setChoice(made.choice);
      else setError(`${lane.label}: ${made.message}`);
      return;
    }
    if (execute({ type: 'card.add', item: made.card as never })) {
      input.value = '';
      setError(null);
      if (e.ctrlKey || e.metaKey) next();
    }
  };
  return (
    <div className="quick">
      <input
        id={`${id}-box`}
        className="quick-entry"
        type="text"
        tabIndex={active ? 0 : -1}
        aria-label={`Add to ${lane.label} at ${column.label}`}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        placeholder={lane.kind === 'emotion' ? 'Add score…' : 'Add…'}
        onKeyDown={onKeyDown}
        onChange={() => {
          if (error) setError(null);
          if (choice) setChoice(null);
        }}
      />
      {choice ? (
        <QuickChoiceAsk
          choice={choice}
          onCancel={() => {
            setChoice(null);
            box()?.focus();
          }}
          onChoose={(i) => {
            const option = choice.options[i];
            setChoice(null);
            if (option && execute({ type: 'card.add', item: option.card as never })) {
              const input = box();
              if (input) input.value = '';
            }
            box()?.focus();
          }}
        />
      ) : null}
      <span id={`${id}-hint`} className="visually-hidden">
        {contentDescription(lane) ? `${contentDescription(lane)} ` : ''}
        {guidanceOf(lane) ? `${guidanceOf(lane)} ` : ''}
        {quickEntryHint(lane, journey)} Control+Enter adds and moves to the next step.
      </span>
      {error ? (
        <p id={`${id}-error`} className="error-message quick__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
