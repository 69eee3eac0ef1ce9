import {
  contentDescription,
  guidanceOf,
  type Card,
  type CardOf,
  type Column,
  type Lane,
} from '@waymark/core';
import { useId, useState, type DragEvent, type KeyboardEvent } from 'react';
import { t, type MessageId } from '../i18n';
import { ContentText } from './bilingual-content';
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
import { repeatsStepName } from './grid-model';
import { PersonaAvatar } from './persona-avatar';

const CARD_DRAG = 'application/x-waymark-card';
/** A word of the model in the chosen language, lower case where it runs on inside a sentence. */
const modelWord = (id: string) => t(id as MessageId).toLocaleLowerCase();

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

/**
 * One lane × step cell: its cards and, for editors, a box to type the next one. The box stays out of sight
 * until the cell is hovered, focused or tapped (decision 0022), and stays in the tab order and the accessibility
 * tree all the while, so keyboard and screen-reader users reach it as before.
 */
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
      className={`map-cell map-cell--${lane.kind}${cards.length === 0 ? ' map-cell--empty' : ''}${over ? ' map-cell--drop' : ''}${here.length ? ' map-cell--presence' : ''}`}
      style={here.length ? { ['--presence-colour' as string]: here[0]!.colour } : undefined}
      data-cell={`${row}:${col}`}
      tabIndex={active ? 0 : -1}
      {...drop}
    >
      {cards.length === 0 && !asking ? (
        // An empty cell is named by its place, as text rather than aria-label: the name tags of people here
        // are drawn in it (hidden from screen readers), and a label would not hold the words shown.
        <span className="visually-hidden">
          {t('editor.cell.empty', { lane: lane.label, step: column.label })}
        </span>
      ) : null}
      <PresenceTags people={here} />
      {lane.kind === 'emotion' ? (
        <EmotionCell {...props} />
      ) : (
        <ul
          className="card-list"
          aria-label={t('editor.cell.cards', { lane: lane.label, step: column.label })}
        >
          {cards.map((card) => (
            <li key={card.id}>
              <CardChip
                card={card}
                tabbable={active}
                repeatsStep={card.kind === 'step' && repeatsStepName(card.text, column.label)}
                lanePersonaId={lane.personaId}
              />
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

/**
 * A card on the map: a button that opens its details; quotes, channels, severities and flags in words too. Its
 * edge and glyph follow the lane kind's colour and shape; a card of another persona than its lane's wears that
 * persona's initials (named in words for screen readers). A "Key journey steps" card that only repeats its
 * step's name says so in a quiet line instead of printing the name a second time.
 */
export function CardChip({
  card,
  tabbable,
  repeatsStep = false,
  lanePersonaId,
}: {
  card: Card;
  tabbable: boolean;
  repeatsStep?: boolean;
  lanePersonaId?: string | undefined;
}) {
  const { journey, selectCard, selectedCardId, comments, canEdit } = useEditorContext();
  const open = comments.filter((c) => c.target.cardId === card.id && !c.resolved).length;
  const label = cardLabel(journey, card);
  // Others who have this card selected or are typing in it: an outline in their colour and a name tag.
  const here = useCardPresence(card.id);
  const personaId = 'personaId' in card ? card.personaId : undefined;
  const persona =
    personaId && personaId !== lanePersonaId ? journey.personas.find((p) => p.id === personaId) : undefined;
  return (
    <button
      type="button"
      className={`card card--${card.kind}${repeatsStep ? ' card--repeat' : ''}${selectedCardId === card.id ? ' card--selected' : ''}${here.length ? ' card--presence' : ''}`}
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
      {persona ? (
        <span className="card__persona">
          <PersonaAvatar name={persona.name} size="small" />
          <span className="visually-hidden">{t('editor.card.persona', { name: persona.name })} </span>
        </span>
      ) : null}
      {repeatsStep && card.kind === 'step' ? (
        <RepeatedStep card={card} />
      ) : (
        <CardBody card={card} label={label} />
      )}
      {card.flags && card.flags.length > 0 ? (
        <span className="card__meta">
          {' '}
          {t('editor.card.flags', {
            flags: card.flags.map((f) => t(`model.flag.${f}` as MessageId)).join(', '),
          })}
        </span>
      ) : null}
      <span className="visually-hidden">
        {open > 0 ? ` ${t('editor.card.openComments', { count: open })}` : ''}
        {t('editor.card.openDetails')}
      </span>
      {open > 0 ? (
        <span className="card__badge" aria-hidden="true">
          <CommentIcon /> {open}
        </span>
      ) : null}
    </button>
  );
}

/** A step card that only repeats its header: the step's words kept for screen readers, a quiet line shown. */
function RepeatedStep({ card }: { card: CardOf<'step'> }) {
  return (
    <>
      <span className="visually-hidden">{card.text} </span>
      <span className="card__meta" aria-hidden="true">
        {t('editor.card.sameAsStep')}
      </span>
      {card.description ? <span className="card__description">{card.description}</span> : null}
    </>
  );
}

function CardBody({ card, label }: { card: Card; label: string }) {
  const { journey } = useEditorContext();
  const text = <ContentText journey={journey} item={card} field="text" />;
  switch (card.kind) {
    case 'step':
      return (
        <>
          {text}
          {card.description ? (
            <span className="card__description">
              <ContentText journey={journey} item={card} field="description" />
            </span>
          ) : null}
        </>
      );
    case 'touchpoint':
      return (
        <>
          <ChannelIcon channel={card.channel} />{' '}
          <span className="card__meta">
            {t('editor.card.channel', { channel: t(`model.channel.${card.channel}` as MessageId) })}{' '}
          </span>
          {text}
          <span className="card__meta"> {modelWord(`model.direction.${card.direction}`)}</span>
        </>
      );
    case 'feeling':
      return card.quote ? (
        <>
          <q>{text}</q>
          {card.source ? (
            <span className="card__meta"> {t('editor.card.source', { source: card.source })}</span>
          ) : null}
        </>
      ) : (
        <>
          <span className="card__meta">
            {t('editor.card.mode', { mode: modelWord(`model.feelingMode.${card.mode}`) })}{' '}
          </span>
          {text}
        </>
      );
    case 'moment-of-truth':
      return (
        <>
          <span className="card__tag">{t('editor.card.momentOfTruth')}</span> {text}
          {card.why ? <span className="card__meta"> {t('editor.card.why', { why: card.why })}</span> : null}
        </>
      );
    case 'pain-point':
      return (
        <>
          {card.severity ? (
            <span className="card__tag">
              {'●'.repeat(card.severity)}
              {'○'.repeat(3 - card.severity)} {t('editor.card.severity', { severity: card.severity })}
            </span>
          ) : null}{' '}
          {text}
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
          <span className="card__tag">{t('editor.card.batonChange')}</span> {label}
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
  // Shown while it holds words, asks a question or says what went wrong, even when the pointer leaves the cell.
  const [typed, setTyped] = useState(false);
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
      else setError(t('editor.quick.error', { lane: lane.label, message: made.message }));
      return;
    }
    if (execute({ type: 'card.add', item: made.card as never })) {
      input.value = '';
      setTyped(false);
      setError(null);
      if (e.ctrlKey || e.metaKey) next();
    }
  };
  return (
    <div className={`quick${choice || error || typed ? ' quick--open' : ''}`}>
      <input
        id={`${id}-box`}
        className="quick-entry"
        type="text"
        tabIndex={active ? 0 : -1}
        aria-label={t('editor.quick.label', { lane: lane.label, step: column.label })}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        placeholder={
          lane.kind === 'emotion' ? t('editor.quick.placeholderScore') : t('editor.quick.placeholder')
        }
        onKeyDown={onKeyDown}
        onInput={(e) => setTyped(e.currentTarget.value !== '')}
        onBlur={(e) => setTyped(e.currentTarget.value !== '')}
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
              setTyped(false);
            }
            box()?.focus();
          }}
        />
      ) : null}
      <span id={`${id}-hint`} className="visually-hidden">
        {contentDescription(lane) ? `${contentDescription(lane)} ` : ''}
        {guidanceOf(lane) ? `${guidanceOf(lane)} ` : ''}
        {quickEntryHint(lane, journey)} {t('editor.quick.controlEnter')}
      </span>
      {error ? (
        <p id={`${id}-error`} className="error-message quick__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
