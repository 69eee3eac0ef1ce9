import type { Journey, Link } from '@waymark/core';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../i18n';
import { useEditorContext } from './editor-context';
import { linkKindName, linkText, stopName } from './links-band';
import { LINK_CHIP_WIDTH, LINK_STOP_WIDTH, layOutLinks, type ArrowLayout } from './links-overlay-geometry';
import { AddLinkForm, LinkFields } from './links-panel';
import './links-overlay.css';

/** Each kind is told apart by its dash and its start mark as well as its colour (never colour alone). */
export const linkKindStyles: Record<Link['kind'], { dash: string | undefined; colour: string }> = {
  'feedback-loop': { dash: '8 4', colour: '#a93226' },
  'outside-request': { dash: '2 4', colour: '#5b2c6f' },
  'hand-off': { dash: undefined, colour: '#1e6b45' },
};

/** The start mark of a kind, drawn at (0, 0): a ring for a loop, a square for a request, a diamond for a hand-off. */
function KindMark({ kind, x = 0, y = 0 }: { kind: Link['kind']; x?: number; y?: number }) {
  const { colour } = linkKindStyles[kind];
  if (kind === 'feedback-loop')
    return <circle cx={x} cy={y} r={4.5} fill="#fff" stroke={colour} strokeWidth={2} />;
  if (kind === 'outside-request') return <rect x={x - 4.5} y={y - 4.5} width={9} height={9} fill={colour} />;
  return <path d={`M ${x} ${y - 6} L ${x + 6} ${y} L ${x} ${y + 6} L ${x - 6} ${y} Z`} fill={colour} />;
}

/** The kind's mark and a sample of its line, for the key and the label buttons. */
function KindSample({ kind, line = true }: { kind: Link['kind']; line?: boolean }) {
  const { dash, colour } = linkKindStyles[kind];
  return (
    <svg
      className="links-overlay__sample"
      width={line ? 40 : 14}
      height={14}
      viewBox={line ? '0 0 40 14' : '0 0 14 14'}
      aria-hidden="true"
      focusable="false"
    >
      {line ? <path d="M 7 7 H 38" stroke={colour} strokeWidth={2} strokeDasharray={dash} /> : null}
      <KindMark kind={kind} x={7} y={7} />
    </svg>
  );
}

type Mode = { kind: 'edit'; id: string } | { kind: 'add' } | null;

/**
 * Feedback loops, requests to outside agencies and hand-offs drawn as arrows under the map's steps, in the
 * same zoomed, scrolled box as the grid so they stay under their columns. Each arrow's label is a button (Tab
 * reaches them left to right, arrow keys move between them); choosing one highlights it and opens its fields
 * below, where kind, ends, label and wait change through the journey's commands. "Add link" adds one from
 * the step in focus.
 */
export function LinksOverlay({
  journey,
  columnWidth,
  offset,
  activeColumnId,
}: {
  journey: Journey;
  columnWidth: number;
  offset: number;
  /** The step the grid's focus is in: a new link starts there. */
  activeColumnId?: string | undefined;
}) {
  const { canEdit } = useEditorContext();
  const layout = useMemo(() => layOutLinks(journey, columnWidth), [journey, columnWidth]);
  const [mode, setMode] = useState<Mode>(null);
  const [status, setStatus] = useState('');
  const focusNext = useRef<null | 'fields' | { chip: string } | 'add'>(null);
  const root = useRef<HTMLElement>(null);
  const raw = useId();
  const ids = raw.replace(/[^a-zA-Z0-9_-]/g, '');
  const selected = mode?.kind === 'edit' ? (journey.links.find((l) => l.id === mode.id) ?? null) : null;
  // A link deleted elsewhere (by undo, or by someone else live) closes its fields.
  useEffect(() => {
    if (mode?.kind === 'edit' && !selected) setMode(null);
  }, [mode, selected]);

  // The band is zoomed with the map so the arrows stay under their steps; the fields below it are not, so they
  // stay readable at any zoom (the grid sets the zoom on .map-zoom in the same commit as this runs).
  useLayoutEffect(() => {
    const details = root.current?.querySelector<HTMLElement>('.links-overlay__details');
    const box = root.current?.closest<HTMLElement>('.map-zoom');
    if (!details || !box) return;
    const zoom = Number.parseFloat(box.style.zoom) || 1;
    details.style.zoom = zoom === 1 ? '' : String(1 / zoom);
  });
  // Focus follows a choice at once (in the same commit), so the next key already goes to the right place.
  useLayoutEffect(() => {
    const want = focusNext.current;
    if (!want) return;
    focusNext.current = null;
    const box = root.current;
    if (!box) return;
    const el =
      want === 'fields'
        ? (box.querySelector<HTMLElement>('.links-overlay__details select') ??
          box.querySelector<HTMLElement>('.links-overlay__chosen'))
        : want === 'add'
          ? box.querySelector<HTMLElement>('.links-overlay__add')
          : box.querySelector<HTMLElement>(`[data-link-chip="${CSS.escape(want.chip)}"]`);
    el?.focus();
  });

  if (journey.links.length === 0 && !canEdit) return null;
  const width = journey.columns.length * columnWidth;
  const height = Math.max(layout.height, 56);
  const detailsId = `${ids}-details`;

  const choose = (link: Link) => {
    if (mode?.kind === 'edit' && mode.id === link.id) {
      setMode(null);
      return;
    }
    setMode({ kind: 'edit', id: link.id });
    setStatus('');
    focusNext.current = 'fields';
  };
  const close = () => {
    const id = mode?.kind === 'edit' ? mode.id : null;
    setMode(null);
    focusNext.current = id ? { chip: id } : 'add';
  };
  const onChipKey = (e: KeyboardEvent<HTMLButtonElement>, at: number) => {
    const step =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? -1
          : 0;
    if (step === 0) return;
    const next = layout.arrows[at + step];
    if (!next) return;
    e.preventDefault();
    root.current?.querySelector<HTMLElement>(`[data-link-chip="${CSS.escape(next.link.id)}"]`)?.focus();
  };
  const deleted = (arrow: ArrowLayout | undefined) => {
    setMode(null);
    setStatus(t('links.deleted'));
    const at = layout.arrows.findIndex((a) => a === arrow);
    const next = layout.arrows[at + 1] ?? layout.arrows[at - 1];
    focusNext.current = next ? { chip: next.link.id } : 'add';
  };

  return (
    <section
      ref={root}
      className="links-overlay"
      aria-labelledby={`${ids}-title`}
      style={{ width: offset + width }}
      data-testid="links-overlay"
    >
      <div className="links-overlay__row">
        <div className="links-overlay__head" style={{ width: offset }}>
          <h2 id={`${ids}-title`} className="links-overlay__title">
            {t('links.band.title')}
          </h2>
          <ul className="links-overlay__key" aria-label={t('links.band.key')}>
            {(['feedback-loop', 'outside-request', 'hand-off'] as const).map((kind) => (
              <li key={kind}>
                <KindSample kind={kind} />
                {linkKindName(kind)}
              </li>
            ))}
          </ul>
          {canEdit && journey.columns.length > 0 ? (
            <button
              type="button"
              className="button button--secondary button--small links-overlay__add"
              aria-expanded={mode?.kind === 'add'}
              aria-controls={detailsId}
              onClick={() => {
                setMode(mode?.kind === 'add' ? null : { kind: 'add' });
                setStatus('');
                focusNext.current = mode?.kind === 'add' ? null : 'fields';
              }}
            >
              {t('links.band.add')}
            </button>
          ) : null}
        </div>
        <div className="links-overlay__area" style={{ width, height }}>
          {layout.arrows.length === 0 ? <p className="links-overlay__empty">{t('links.band.none')}</p> : null}
          <svg
            className="links-overlay__lines"
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            aria-hidden="true"
            focusable="false"
          >
            <defs>
              {(['feedback-loop', 'outside-request', 'hand-off'] as const).map((kind) => (
                <marker
                  key={kind}
                  id={`${ids}-head-${kind}`}
                  viewBox="0 0 10 10"
                  refX="9"
                  refY="5"
                  markerUnits="userSpaceOnUse"
                  markerWidth="12"
                  markerHeight="12"
                  orient="auto-start-reverse"
                >
                  <path d="M 0 0 L 10 5 L 0 10 z" fill={linkKindStyles[kind].colour} />
                </marker>
              ))}
            </defs>
            {layout.arrows.map((arrow) => {
              const style = linkKindStyles[arrow.link.kind];
              const on = selected?.id === arrow.link.id;
              return (
                <g
                  key={arrow.link.id}
                  className={
                    on ? 'links-overlay__arrow links-overlay__arrow--selected' : 'links-overlay__arrow'
                  }
                  data-link={arrow.link.id}
                  data-kind={arrow.link.kind}
                >
                  <path
                    d={arrow.path}
                    fill="none"
                    stroke={style.colour}
                    strokeWidth={on ? 4 : 2}
                    strokeDasharray={style.dash}
                    markerEnd={`url(#${ids}-head-${arrow.link.kind})`}
                  />
                  <g className="links-overlay__start">
                    <KindMark kind={arrow.link.kind} x={arrow.x1} y={6} />
                  </g>
                  <path
                    d={arrow.path}
                    className="links-overlay__hit"
                    fill="none"
                    stroke="transparent"
                    strokeWidth={14}
                    onClick={() => choose(arrow.link)}
                  />
                </g>
              );
            })}
          </svg>
          {layout.arrows.map((arrow) =>
            arrow.stopX === null ? null : (
              <span
                key={arrow.link.id}
                className="links-overlay__stop"
                aria-hidden="true"
                style={{ left: arrow.stopX, top: arrow.y - 12, width: LINK_STOP_WIDTH }}
              >
                {stopName(journey, arrow.link)}
              </span>
            ),
          )}
          <ul
            className="links-overlay__chips"
            aria-label={t('links.band.list', { count: layout.arrows.length })}
          >
            {layout.arrows.map((arrow, i) => {
              const on = selected?.id === arrow.link.id;
              return (
                <li
                  key={arrow.link.id}
                  style={{ left: arrow.chipX, top: arrow.y - 14, width: LINK_CHIP_WIDTH }}
                >
                  <button
                    type="button"
                    className={
                      on ? 'links-overlay__chip links-overlay__chip--selected' : 'links-overlay__chip'
                    }
                    data-link-chip={arrow.link.id}
                    data-kind={arrow.link.kind}
                    aria-label={linkText(journey, arrow.link)}
                    aria-expanded={on}
                    aria-controls={detailsId}
                    onClick={() => choose(arrow.link)}
                    onKeyDown={(e) => onChipKey(e, i)}
                  >
                    <KindSample kind={arrow.link.kind} line={false} />
                    <span className="links-overlay__chip-text">
                      {arrow.link.label ?? linkKindName(arrow.link.kind)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      <div
        id={detailsId}
        className="links-overlay__details"
        hidden={mode === null}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !e.defaultPrevented) {
            e.preventDefault();
            close();
          }
        }}
      >
        {selected ? (
          <div role="group" aria-labelledby={`${ids}-chosen`}>
            <h3 id={`${ids}-chosen`} className="links-overlay__chosen" tabIndex={-1}>
              {linkText(journey, selected)}
            </h3>
            <LinkFields
              key={selected.id}
              link={selected}
              onDeleted={() => deleted(layout.arrows.find((a) => a.link.id === selected.id))}
            />
            <button type="button" className="button button--secondary button--small" onClick={close}>
              {t('links.done')}
            </button>
          </div>
        ) : null}
        {mode?.kind === 'add' ? (
          <div role="group" aria-labelledby={`${ids}-adding`}>
            <h3 id={`${ids}-adding`} className="links-overlay__chosen">
              {t('links.addHeading')}
            </h3>
            <AddLinkForm
              fromColumnId={activeColumnId}
              onAdded={(id) => {
                setMode({ kind: 'edit', id });
                setStatus(t('links.added'));
                focusNext.current = { chip: id };
              }}
              actions={
                <button type="button" className="button button--secondary button--small" onClick={close}>
                  {t('links.cancel')}
                </button>
              }
            />
          </div>
        ) : null}
      </div>
    </section>
  );
}
