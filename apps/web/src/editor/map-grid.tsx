import type { Column, Journey } from '@waymark/core';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { t, type MessageId } from '../i18n';
import { emotionCurves, type EmotionCurve } from './emotion-geometry';
import {
  cardsIn,
  drawnSlots,
  indexCells,
  moveCell,
  navigationKeys,
  visibleColumns,
  type CellPosition,
  type NavigationKey,
} from './grid-model';
import { ColumnHeader, LaneHeader } from './map-headers';
import { MapCell } from './map-cell';
import { LinksOverlay } from './links-overlay';
import { ColumnPresence } from './live/presence-marks';

export const COLUMN_WIDTH = 248;
export const LANE_HEADER_WIDTH = 208;

interface MapGridProps {
  readonly journey: Journey;
  readonly zoom: number;
  /** Called once the grid has drawn its first cells (the bench's "interactive" mark). */
  readonly onReady?: () => void;
  readonly scrollerRef: React.RefObject<HTMLDivElement | null>;
}

/**
 * The map as a WAI-ARIA grid: row 0 holds the step headers, column 0 the lane headers, both sticky. One cell
 * is in the tab order (roving tabindex); arrows, Home/End (Ctrl for the corners) and PageUp/PageDown move it;
 * Enter goes into the cell, Escape comes back out. Columns outside the viewport are not drawn (virtualised),
 * but the active one always is, and aria-colcount/aria-colindex give screen readers the whole size.
 */
export function MapGrid({ journey, zoom, onReady, scrollerRef }: MapGridProps) {
  const [active, setActive] = useState<CellPosition>({ row: 1, col: 1 });
  const [view, setView] = useState({ left: 0, width: 1440 });
  const focusPending = useRef<null | 'cell' | 'input'>(null);
  const cells = useMemo(() => indexCells(journey), [journey]);
  const columnIds = useMemo(() => journey.columns.map((c) => c.id as string), [journey.columns]);
  const curves = useMemo(() => {
    const out = new Map<string, EmotionCurve[]>();
    for (const lane of journey.lanes)
      if (lane.kind === 'emotion') out.set(lane.id, emotionCurves(journey, lane, journey.cards));
    return out;
  }, [journey]);
  const size = { rows: journey.lanes.length + 1, cols: journey.columns.length + 1 };
  const row = Math.min(active.row, size.rows - 1);
  const col = Math.min(active.col, size.cols - 1);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      setView({ left: scroller.scrollLeft, width: scroller.clientWidth });
    };
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scrollerRef]);

  const around = visibleColumns(
    Math.max(0, view.left - LANE_HEADER_WIDTH * zoom),
    view.width,
    COLUMN_WIDTH * zoom,
    journey.columns.length,
  );
  const slots = drawnSlots(around, journey.columns.length, col > 0 ? col - 1 : null);
  /** Each drawn slot as a spacer or as `draw(column, index)`; a spacer keeps the skipped columns' width. */
  const each = (draw: (column: Column, index: number, previous: Column | undefined) => ReactNode) =>
    slots.map((slot, i) => {
      if ('spacer' in slot) {
        return (
          <div
            key={`gap-${i}`}
            aria-hidden="true"
            className="map-spacer"
            style={{ width: slot.spacer * COLUMN_WIDTH }}
          />
        );
      }
      const before = slots[i - 1];
      const previous = before && 'column' in before ? journey.columns[before.column] : undefined;
      return draw(journey.columns[slot.column]!, slot.column, previous);
    });

  useEffect(() => {
    onReady?.();
  }, [onReady]);

  // After a move by keyboard, focus the new active cell and bring it into view clear of the sticky headers.
  useLayoutEffect(() => {
    const pending = focusPending.current;
    if (!pending) return;
    focusPending.current = null;
    const el = scrollerRef.current?.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`);
    if (el) {
      const target = pending === 'input' ? (el.querySelector<HTMLElement>('.quick-entry') ?? el) : el;
      target.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  });
  // Keep keyboard focus clear of the sticky headers at any zoom: scroll padding = their drawn size.
  const headRow = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const head = headRow.current;
    if (!scroller || !head) return;
    scroller.style.scrollPaddingTop = `${Math.ceil(head.offsetHeight * zoom) + 8}px`;
    scroller.style.scrollPaddingLeft = `${Math.ceil(LANE_HEADER_WIDTH * zoom) + 8}px`;
  });
  const moveTo = useCallback((r: number, c: number, inner: boolean) => {
    focusPending.current = inner ? 'input' : 'cell';
    setActive({ row: r, col: c });
  }, []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const target = e.target as HTMLElement;
      const cell = target.closest<HTMLElement>('[data-cell]');
      if (!cell) return;
      if (target === cell) {
        if (navigationKeys.includes(e.key)) {
          e.preventDefault();
          const next = moveCell({ row, col }, e.key as NavigationKey, size, e.ctrlKey || e.metaKey);
          focusPending.current = 'cell';
          setActive(next);
        } else if (e.key === 'Enter' || e.key === 'F2') {
          const inner = cell.querySelector<HTMLElement>('input, textarea, select, button');
          if (inner) {
            e.preventDefault();
            inner.focus();
          }
        }
      } else if (e.key === 'Escape') {
        e.preventDefault();
        cell.focus();
      }
    },
    [row, col, size],
  );
  const onFocus = useCallback((e: React.FocusEvent<HTMLDivElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    const at = cell?.dataset['cell']?.split(':').map(Number);
    if (at && at.length === 2)
      setActive((a) => (a.row === at[0] && a.col === at[1] ? a : { row: at[0]!, col: at[1]! }));
  }, []);

  const gridWidth = LANE_HEADER_WIDTH + journey.columns.length * COLUMN_WIDTH;
  return (
    <div className="map-zoom" style={{ zoom, width: gridWidth }}>
      <div
        role="grid"
        aria-label={t('editor.grid.label', { lanes: journey.lanes.length, steps: journey.columns.length })}
        aria-rowcount={size.rows}
        aria-colcount={size.cols}
        className="map-grid"
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        data-testid="map-grid"
      >
        <div role="row" aria-rowindex={1} className="map-row map-row--head" ref={headRow}>
          <div
            role="columnheader"
            aria-colindex={1}
            className="map-corner"
            data-cell="0:0"
            tabIndex={row === 0 && col === 0 ? 0 : -1}
          >
            <span>{t('editor.grid.corner')}</span>
          </div>
          {each((column, index, previous) => (
            <ColumnHeader
              key={column.id}
              column={column}
              index={index}
              active={row === 0 && col === index + 1}
              firstOfStage={previous === undefined || previous.stageId !== column.stageId}
            />
          ))}
        </div>
        {journey.lanes.map((lane, l) => (
          <div role="row" key={lane.id} aria-rowindex={l + 2} className={`map-row map-row--${lane.kind}`}>
            <LaneHeader
              lane={lane}
              index={l}
              active={row === l + 1 && col === 0}
              curves={curves.get(lane.id)}
              hint={t(`model.laneKindHint.${lane.kind}` as MessageId)}
            />
            {each((column, index) => (
              <MemoCell
                key={column.id}
                lane={lane}
                column={column}
                row={l + 1}
                col={index + 1}
                cards={cardsIn(cells, lane.id, column.id)}
                active={row === l + 1 && col === index + 1}
                curves={curves.get(lane.id)}
                columnIds={columnIds}
                moveTo={moveTo}
                lastCol={journey.columns.length}
              />
            ))}
          </div>
        ))}
      </div>
      <LinksOverlay
        journey={journey}
        columnWidth={COLUMN_WIDTH}
        offset={LANE_HEADER_WIDTH}
        activeColumnId={col > 0 ? journey.columns[col - 1]?.id : undefined}
      />
      <ColumnPresence journey={journey} columnWidth={COLUMN_WIDTH} offset={LANE_HEADER_WIDTH} />
    </div>
  );
}

const MemoCell = memo(MapCell);
