import type { Participant } from '@waymark/api';
import type { Journey } from '@waymark/core';
import { peopleAt, useLive } from './live-context';

/**
 * Where the others are, drawn on the map: an outline in each person's colour with a small name tag ("Ann",
 * "Ann is typing…") on the card or step they have selected or are editing. Hidden from screen readers: the
 * presence list says who is where without announcing every move or keystroke.
 */
export function PresenceTags({ people }: { people: readonly Participant[] }) {
  if (people.length === 0) return null;
  return (
    <span className="presence-tags" aria-hidden="true">
      {people.map((p) => (
        <span
          key={p.user.id}
          className={`presence-tag${p.typing ? ' presence-tag--typing' : ''}`}
          style={{ background: p.colour }}
          data-presence={p.user.name}
        >
          {p.typing ? `${p.user.name} is typing…` : p.user.name}
        </span>
      ))}
    </span>
  );
}

/** The others whose focus is this card (an empty list when not live). */
export function useCardPresence(cardId: string): readonly Participant[] {
  const live = useLive();
  return live ? peopleAt(live.others, { cardId }) : [];
}

/**
 * Outlines over the step columns others have focused (not a card in them): laid over the grid, in the
 * map's own coordinates, so they move and zoom with it.
 */
export function ColumnPresence(props: { journey: Journey; columnWidth: number; offset: number }) {
  const live = useLive();
  if (!live) return null;
  return (
    <>
      {props.journey.columns.map((column, index) => {
        const people = peopleAt(live.others, { columnId: column.id });
        if (people.length === 0) return null;
        return (
          <div
            key={column.id}
            className="presence-column"
            data-presence-column={column.id}
            style={{
              left: props.offset + index * props.columnWidth,
              width: props.columnWidth,
              outlineColor: people[0]!.colour,
            }}
          >
            <PresenceTags people={people} />
          </div>
        );
      })}
    </>
  );
}
