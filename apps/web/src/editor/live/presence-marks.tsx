import type { Participant } from '@waymark/api';
import type { Journey } from '@waymark/core';
import { useMemo, useSyncExternalStore } from 'react';
import { peopleAt, useLive, type PresenceStore } from './live-context';
import './presence.css';
import { t } from '../../i18n';

/** What a tag shows of a person. */
type Tagged = Pick<Participant, 'colour' | 'typing'> & {
  readonly user: Pick<Participant['user'], 'id' | 'name'>;
};

const nobody = () => () => undefined;
const none: readonly Participant[] = [];
const emptyStore = { subscribe: nobody, get: () => none } as unknown as PresenceStore;

/**
 * Where the others are, drawn on the map: an outline in each person's colour with a small name tag ("Ann",
 * "Ann is typing…") on the card or step they have selected or are editing. Hidden from screen readers: the
 * presence list says who is where without announcing every move or keystroke.
 */
/** A tag's words: "Ann", or "Ann is typing…". */
export const presenceTagText = (p: Tagged): string =>
  p.typing ? t('live.typing', { name: p.user.name }) : p.user.name;

export function PresenceTags({ people }: { people: readonly Tagged[] }) {
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
          {presenceTagText(p)}
        </span>
      ))}
    </span>
  );
}

/** A store's people at one place, as a string that changes only when they do (for useSyncExternalStore). */
function tagsAt(store: PresenceStore, where: Parameters<typeof peopleAt>[1]): string {
  return JSON.stringify(
    peopleAt(store.get(), where).map((p) => ({
      user: { id: p.user.id, name: p.user.name },
      colour: p.colour,
      typing: p.typing,
    })),
  );
}

/**
 * The others whose focus is this card (an empty list when not live). The card re-renders only when its own
 * people change, not on every move of everyone else.
 */
export function useCardPresence(cardId: string): readonly Tagged[] {
  const store = useLive()?.others ?? emptyStore;
  const key = useSyncExternalStore(store.subscribe, () => tagsAt(store, { cardId }));
  return useMemo(() => JSON.parse(key) as Tagged[], [key]);
}

/**
 * The others in this lane × step cell (focused in it, or typing into its "Add…" box), for the cell's outline
 * and tags; re-renders only when they change.
 */
export function useCellPresence(laneId: string, columnId: string): readonly Tagged[] {
  const store = useLive()?.others ?? emptyStore;
  const key = useSyncExternalStore(store.subscribe, () => tagsAt(store, { columnId, laneId }));
  return useMemo(() => JSON.parse(key) as Tagged[], [key]);
}

/**
 * Outlines over the step columns others have focused (not a card in them): laid over the grid, in the
 * map's own coordinates, so they move and zoom with it.
 */
export function ColumnPresence(props: { journey: Journey; columnWidth: number; offset: number }) {
  const store = useLive()?.others ?? emptyStore;
  const others = useSyncExternalStore(store.subscribe, store.get);
  if (others.length === 0) return null;
  return (
    <>
      {props.journey.columns.map((column, index) => {
        const people = peopleAt(others, { columnId: column.id });
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
