import type { FollowView, WorkshopAction, WorkshopState } from '@waymark/api';
import type { Journey } from '@waymark/core';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { COLUMN_WIDTH } from '../map-grid';
import { columnOfElement, focusOf } from '../live/presence-tracker';

/** The facilitator's moves are sent at most this often (the last one always goes). */
const VIEW_EVERY_MS = 200;

const keyOf = (view: FollowView | null | undefined) => JSON.stringify(view ?? null);

/** The facilitator's view on the map: the selected card (with its step), else the step they are in. */
export function mapView(
  journey: Journey,
  selectedCardId: string | null,
  columnId: string | null,
): FollowView {
  const focus = focusOf(journey, selectedCardId, columnId);
  return {
    mode: 'map',
    ...(focus?.columnId ? { columnId: focus.columnId } : {}),
    ...(focus?.cardId ? { cardId: focus.cardId } : {}),
  };
}

/**
 * Follow the facilitator (decision 0014). For the facilitator: what they look at goes to everyone while
 * following is on. For a participant: the facilitator's view is shown (their card selected, their step
 * scrolled into view, presentation mode opened) until they choose "Stop following"; "Follow again" jumps to
 * where the facilitator is now.
 */
export function useFollow(props: {
  workshop: WorkshopState | null;
  meId: string | null;
  journey: Journey;
  selectedCardId: string | null;
  selectCard: (cardId: string | null) => void;
  send: (action: WorkshopAction) => void;
  scrollerRef: RefObject<HTMLDivElement | null>;
  zoom: number;
  /** Opens presentation mode at a slide (0-based), following. */
  present: (slide: number) => void;
}) {
  const { workshop, meId, journey, selectedCardId, selectCard, send, scrollerRef, zoom, present } = props;
  const follow = workshop?.follow ?? null;
  const leading = !!workshop?.facilitator && workshop.facilitator.id === meId;
  const [column, setColumn] = useState<string | null>(null);
  const latest = useRef({ journey, selectedCardId, zoom });
  latest.current = { journey, selectedCardId, zoom };

  // Where I am: the step of the cell or header with focus.
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      if (!(e.target instanceof HTMLElement) || !e.target.closest('.map-scroller')) return;
      const col = columnOfElement(latest.current.journey, e.target);
      if (col) setColumn(col);
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);
  const view = mapView(journey, selectedCardId, column);
  const viewKey = keyOf(view);

  // The facilitator: send each new view while everyone follows.
  const sent = useRef<{ key: string; at: number; timer: number | null }>({ key: '', at: 0, timer: null });
  useEffect(() => {
    const s = sent.current;
    if (!leading || !follow || keyOf(follow.view) === viewKey) return;
    const go = () => {
      s.timer = null;
      s.at = Date.now();
      s.key = viewKey;
      send({ type: 'follow.view', view: JSON.parse(viewKey) as FollowView });
    };
    if (s.timer !== null) window.clearTimeout(s.timer);
    const wait = s.at + VIEW_EVERY_MS - Date.now();
    if (wait <= 0) go();
    else s.timer = window.setTimeout(go, wait);
  }, [leading, follow, viewKey, send]);
  useEffect(() => () => void (sent.current.timer !== null && window.clearTimeout(sent.current.timer)), []);

  // A participant: following by default, again whenever a new follow starts.
  const [stoppedAt, setStoppedAt] = useState<number | null>(null);
  const following = !!follow && !leading && stoppedAt !== follow.since;

  const show = useCallback(
    (target: FollowView) => {
      if (target.mode === 'present') return present(target.slide ?? 0);
      const { journey: j, selectedCardId: selected, zoom: z } = latest.current;
      const cardId = target.cardId && j.cards.some((c) => c.id === target.cardId) ? target.cardId : null;
      if (cardId !== selected && (cardId || selected)) selectCard(cardId);
      const index = target.columnId ? j.columns.findIndex((c) => c.id === target.columnId) : -1;
      const scroller = scrollerRef.current;
      if (index < 0 || !scroller) return;
      const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      scroller.scrollTo({
        left: Math.max(0, (index - 0.5) * COLUMN_WIDTH * z),
        behavior: reduced ? 'auto' : 'smooth',
      });
    },
    [present, selectCard, scrollerRef],
  );
  const followKey = following ? keyOf(follow?.view) : null;
  useEffect(() => {
    if (followKey && followKey !== 'null') show(JSON.parse(followKey) as FollowView);
  }, [followKey, show]);

  return {
    /** The facilitator runs follow-me. */
    leading,
    /** I am a participant whose screen follows the facilitator's. */
    following,
    /** Following is on in this workshop (for anyone). */
    active: !!follow,
    /** What I look at now (sent when the facilitator starts follow-me). */
    view,
    stopFollowing: useCallback(() => setStoppedAt(follow?.since ?? null), [follow?.since]),
    followAgain: useCallback(() => setStoppedAt(null), []),
  };
}
