import type { LiveFocus } from '@waymark/api';
import type { Journey } from '@waymark/core';
import { useEffect, useRef, useState } from 'react';

/** Typing stops counting this long after the last keystroke. */
export const TYPING_IDLE_MS = 2500;

/** The step of a grid cell or step header (`data-cell="row:col"`, col ≥ 1), if the element is in one. */
export function columnOfElement(journey: Journey, element: Element | null): string | null {
  const at = element?.closest<HTMLElement>('[data-cell]')?.dataset['cell']?.split(':');
  const col = at && at.length === 2 ? Number(at[1]) : 0;
  return col >= 1 ? (journey.columns[col - 1]?.id ?? null) : null;
}

/**
 * The lane × step cell of an element (`data-cell="row:col"`, row ≥ 1 is the lane `row - 1`), the step of a step
 * header (no lane), or null.
 */
export function cellOfElement(
  journey: Journey,
  element: Element | null,
): { columnId: string; laneId: string | null } | null {
  const columnId = columnOfElement(journey, element);
  if (!columnId) return null;
  const row = Number(element?.closest<HTMLElement>('[data-cell]')?.dataset['cell']?.split(':')[0]);
  return { columnId, laneId: row >= 1 ? (journey.lanes[row - 1]?.id ?? null) : null };
}

/** Marks in the side panels: the step (`data-focus-step`) or card (`data-focus-card`) a part of a panel is about. */
const PANEL_MARK = '[data-focus-step], [data-focus-card]';

/** The step or card (with its step) a side panel's part is about, if the element is in such a part. */
export function panelPlaceOfElement(element: Element | null): { columnId?: string; cardId?: string } | null {
  const mark = element?.closest<HTMLElement>(PANEL_MARK);
  if (!mark) return null;
  const cardId = mark.dataset['focusCard'];
  const columnId = mark.dataset['focusStep'];
  if (!cardId && !columnId) return null;
  return { ...(columnId ? { columnId } : {}), ...(cardId ? { cardId } : {}) };
}

/**
 * Where this person is on the map: the card they have selected (with its step), else the cell they are in
 * (its step and lane), else the step. Nothing that is no longer on the map.
 */
export function focusOf(
  journey: Journey,
  selectedCardId: string | null,
  columnId: string | null,
  laneId: string | null = null,
): LiveFocus {
  const card = selectedCardId ? journey.cards.find((c) => c.id === selectedCardId) : undefined;
  if (card) return { cardId: card.id, columnId: card.columnId };
  if (!columnId || !journey.columns.some((c) => c.id === columnId)) return null;
  if (laneId && journey.lanes.some((l) => l.id === laneId)) return { columnId, laneId };
  return { columnId };
}

/** What the tracker knows of this person: where the keyboard is, what is selected, what they type into. */
export interface PresencePlace {
  readonly selectedCardId: string | null;
  /** The step and lane of the cell (or the step of the header) last focused on the map. */
  readonly columnId: string | null;
  readonly laneId: string | null;
  /**
   * The step or card of the side panel's part with the keyboard focus (structure, arrows), if any: the card
   * when it is still on the map, else the step.
   */
  readonly panel: { readonly columnId?: string; readonly cardId?: string } | null;
  /** Typing into the selected card's fields, a cell's "Add…" box, or a side panel's part. */
  readonly typing: 'card' | 'cell' | 'panel' | null;
}

/**
 * The focus and typing sent for a place: a side panel's part wins (its step, or its card with the step), then
 * a cell being typed into, then the selected card, then the cell or step.
 */
export function presenceOf(journey: Journey, at: PresencePlace): { focus: LiveFocus; typing: boolean } {
  if (at.panel) {
    const focus = focusOf(journey, at.panel.cardId ?? null, at.panel.columnId ?? null);
    return { focus, typing: at.typing === 'panel' && focus !== null };
  }
  if (at.typing === 'cell') {
    const focus = focusOf(journey, null, at.columnId, at.laneId);
    return { focus, typing: focus !== null };
  }
  const focus = focusOf(journey, at.selectedCardId, at.columnId, at.laneId);
  return { focus, typing: at.typing === 'card' && focus?.cardId !== undefined };
}

/**
 * Tells the others where this person is as they move (a side panel's step or card, else the selected card,
 * else the cell or step header they are in) and whether they are typing there (into the selected card's
 * fields, a cell's "Add…" box, or a side panel's part about a step). Sends through `send`, which throttles;
 * nothing here is announced to screen readers.
 */
export function PresenceTracker(props: {
  journey: Journey;
  selectedCardId: string | null;
  send: (focus: LiveFocus, typing: boolean) => void;
}) {
  const { journey, selectedCardId, send } = props;
  const [cell, setCell] = useState<{ columnId: string; laneId: string | null } | null>(null);
  const [panel, setPanel] = useState<PresencePlace['panel']>(null);
  const [typing, setTyping] = useState<PresencePlace['typing']>(null);
  const latest = useRef(journey);
  latest.current = journey;

  useEffect(() => {
    let idle: ReturnType<typeof setTimeout> | undefined;
    const inEditor = (t: EventTarget | null): t is HTMLElement =>
      t instanceof HTMLElement && t.closest('.editor') !== null;
    const panelAt = (element: Element) => {
      const place = panelPlaceOfElement(element);
      setPanel((had) => (JSON.stringify(had) === JSON.stringify(place) ? had : place));
    };
    const onFocus = (e: FocusEvent) => {
      if (!inEditor(e.target)) return;
      panelAt(e.target);
      const at = cellOfElement(latest.current, e.target);
      if (at) setCell(at);
    };
    const onInput = (e: Event) => {
      if (!inEditor(e.target)) return;
      const target = e.target;
      if (target.closest(PANEL_MARK)) {
        // A choice can change what the part is about (an arrow's "From step"): read it again once drawn.
        setTimeout(() => panelAt(target), 0);
        // Choosing from a list is not typing.
        if (!target.matches('input, textarea')) return;
      }
      const where = e.target.closest(PANEL_MARK)
        ? 'panel'
        : e.target.closest('.card-panel')
          ? 'card'
          : e.target.closest('.quick')
            ? 'cell'
            : null;
      if (!where) return;
      if (where === 'cell') setCell(cellOfElement(latest.current, e.target));
      setTyping(where);
      clearTimeout(idle);
      idle = setTimeout(() => setTyping(null), TYPING_IDLE_MS);
    };
    const onBlur = (e: FocusEvent) => {
      if (!inEditor(e.target)) return;
      // Leaving a panel's part (to anywhere, even out of the page): no longer there.
      if (e.target.closest(PANEL_MARK)) setPanel(null);
      if (!e.target.matches('input, textarea, select')) return;
      clearTimeout(idle);
      setTyping(null);
    };
    document.addEventListener('focusin', onFocus);
    document.addEventListener('input', onInput);
    document.addEventListener('focusout', onBlur);
    return () => {
      clearTimeout(idle);
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('input', onInput);
      document.removeEventListener('focusout', onBlur);
    };
  }, []);

  const now = presenceOf(journey, {
    selectedCardId,
    columnId: cell?.columnId ?? null,
    laneId: cell?.laneId ?? null,
    panel,
    typing,
  });
  const key = JSON.stringify(now.focus);
  useEffect(() => {
    send(JSON.parse(key) as LiveFocus, now.typing);
  }, [key, now.typing, send]);
  return null;
}
