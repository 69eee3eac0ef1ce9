import type { WorkshopAction, WorkshopGroups } from '@waymark/api';
import type { Journey } from '@waymark/core';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { columnOfElement } from '../live/presence-tracker';
import { COLUMN_WIDTH } from '../map-grid';
import { bannerWords, groupOf, outsideWarning, placeWords, stretchOf, stretchStyle } from './group-model';
import './groups.css';
import { t, tRich } from '../../i18n';

/**
 * What a participant sees of the group work on the main map (decision 0014, "Groups"): which group they are
 * in and what it works on; a stretch of steps is marked on the map and scrolled to, and moving to a step
 * outside it says whose step it is (editing there is still allowed); a copy group gets the way to its copy.
 * When the facilitator lets people choose, everyone can pick (or leave) a group here.
 */
export function GroupBanner(props: {
  journey: Journey;
  work: WorkshopGroups | null;
  meId: string;
  facilitating: boolean;
  send: (action: WorkshopAction) => void;
  scrollerRef: RefObject<HTMLDivElement | null>;
  zoom: number;
  openCopy: (copyId: string) => void;
}) {
  const { journey, work, meId, facilitating, send, scrollerRef, zoom, openCopy } = props;
  const mine = groupOf(work, meId);
  const stretch = mine ? stretchOf(journey, mine.place) : null;
  const stretchKey = stretch ? `${mine!.id}:${stretch.from}-${stretch.to}` : null;

  // Scroll to the group's steps when a person is put in a group (or its steps move), not on every edit.
  const latest = useRef({ zoom, from: stretch?.from ?? 0 });
  latest.current = { zoom, from: stretch?.from ?? 0 };
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!stretchKey || !scroller) return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    scroller.scrollTo({
      left: Math.max(0, latest.current.from * COLUMN_WIDTH * latest.current.zoom),
      behavior: reduced ? 'auto' : 'smooth',
    });
  }, [stretchKey, scrollerRef]);

  const warning = useOutsideWarning(journey, work, mine);
  if (!work || work.groups.length === 0 || facilitating) return null;

  return (
    <section className="group-banner" aria-label={t('groups.yourGroup')}>
      {stretch ? <style>{stretchStyle(stretch)}</style> : null}
      <p className="group-banner__words" data-testid="group-banner">
        {mine
          ? bannerWords(journey, mine)
          : work.choosing
            ? t('groups.banner.choose')
            : t('groups.banner.wait')}
      </p>
      {mine?.place.kind === 'copy' ? (
        <button type="button" className="button button--small" onClick={() => openCopy(copyOf(mine.place))}>
          {t('groups.goToCopy', { name: mine.name })}
        </button>
      ) : null}
      {work.choosing ? (
        <ChooseGroup work={work} mineId={mine?.id ?? null} send={send} journey={journey} />
      ) : null}
      <p className="group-banner__warning" aria-live="polite">
        {warning}
      </p>
    </section>
  );
}

const copyOf = (place: { kind: 'copy'; journeyId: string } | { kind: 'steps' }): string =>
  place.kind === 'copy' ? place.journeyId : '';

/** The warning for the step the person last moved into (by keyboard or pointer), or null. */
function useOutsideWarning(
  journey: Journey,
  work: WorkshopGroups | null,
  mine: ReturnType<typeof groupOf>,
): string | null {
  const [column, setColumn] = useState<string | null>(null);
  const latest = useRef(journey);
  latest.current = journey;
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      if (!(e.target instanceof HTMLElement) || !e.target.closest('.map-scroller')) return;
      const col = columnOfElement(latest.current, e.target);
      if (col) setColumn(col);
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);
  return column ? outsideWarning(work, journey, mine, column) : null;
}

function ChooseGroup(props: {
  work: WorkshopGroups;
  mineId: string | null;
  send: (action: WorkshopAction) => void;
  journey: Journey;
}) {
  const { work, mineId, send, journey } = props;
  const ids = useId();
  const choices = work.groups.filter((g) => g.id !== mineId);
  const [chosen, setChosen] = useState('');
  const pick = choices.find((g) => g.id === chosen) ?? choices[0];
  return (
    <span className="group-banner__choose">
      {pick ? (
        <>
          <label htmlFor={`${ids}-group`}>{mineId ? t('groups.moveTo') : t('groups.choose')}</label>
          <select id={`${ids}-group`} value={pick.id} onChange={(e) => setChosen(e.target.value)}>
            {choices.map((g) => (
              <option key={g.id} value={g.id}>
                {t('groups.option', { name: g.name, place: placeWords(journey, g.place) })}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => send({ type: 'groups.join', groupId: pick.id })}
          >
            {tRich('groups.join', {
              name: pick.name,
              hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
            })}
          </button>
        </>
      ) : null}
      {mineId ? (
        <button type="button" className="link-button" onClick={() => send({ type: 'groups.leave' })}>
          {t('groups.leave')}
        </button>
      ) : null}
    </span>
  );
}
