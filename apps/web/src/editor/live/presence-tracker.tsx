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

/** Where this person is on the map: the card they have selected (with its step), else the step they are in. */
export function focusOf(journey: Journey, selectedCardId: string | null, columnId: string | null): LiveFocus {
  const card = selectedCardId ? journey.cards.find((c) => c.id === selectedCardId) : undefined;
  if (card) return { cardId: card.id, columnId: card.columnId };
  if (columnId && journey.columns.some((c) => c.id === columnId)) return { columnId };
  return null;
}

/**
 * Tells the others where this person is as they move (the selected card, else the step of the cell or header
 * they are in) and whether they are typing there (into the selected card's fields, or a cell's "Add…" box).
 * Sends through `send`, which throttles; nothing here is announced to screen readers.
 */
export function PresenceTracker(props: {
  journey: Journey;
  selectedCardId: string | null;
  send: (focus: LiveFocus, typing: boolean) => void;
}) {
  const { journey, selectedCardId, send } = props;
  const [column, setColumn] = useState<string | null>(null);
  const [typing, setTyping] = useState<'card' | 'cell' | null>(null);
  const latest = useRef(journey);
  latest.current = journey;

  useEffect(() => {
    let idle: ReturnType<typeof setTimeout> | undefined;
    const inEditor = (t: EventTarget | null): t is HTMLElement =>
      t instanceof HTMLElement && t.closest('.editor') !== null;
    const onFocus = (e: FocusEvent) => {
      if (!inEditor(e.target)) return;
      const col = columnOfElement(latest.current, e.target);
      if (col) setColumn(col);
    };
    const onInput = (e: Event) => {
      if (!inEditor(e.target)) return;
      const where = e.target.closest('.card-panel') ? 'card' : e.target.closest('.quick') ? 'cell' : null;
      if (!where) return;
      if (where === 'cell') setColumn(columnOfElement(latest.current, e.target));
      setTyping(where);
      clearTimeout(idle);
      idle = setTimeout(() => setTyping(null), TYPING_IDLE_MS);
    };
    const onBlur = (e: FocusEvent) => {
      if (!inEditor(e.target) || !e.target.matches('input, textarea')) return;
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

  const focus = typing === 'cell' ? focusOf(journey, null, column) : focusOf(journey, selectedCardId, column);
  const key = JSON.stringify(focus);
  const isTyping = typing !== null && focus !== null && (typing === 'cell' || focus.cardId !== undefined);
  useEffect(() => {
    send(JSON.parse(key) as LiveFocus, isTyping);
  }, [key, isTyping, send]);
  return null;
}
