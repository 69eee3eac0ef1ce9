import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Journey } from '@waymark/core';
import { Link, useRouter } from '../app/router';
import { useTitle } from '../app/use-title';
import { EmotionCurve } from './emotion-curve';
import { curveSeries, navigationFor, presentationSlides, slideAnnouncement } from './presentation-model';
import { StepDetails } from './step-details';
import { useFullscreen } from './use-fullscreen';
import { useViewJourney } from './use-view-journey';
import { ViewProblem } from './view-problem';
import { usePresentationFollow } from '../editor/workshop/presentation-follow';
import { t, tRich } from '../i18n';
import './views.css';

/** Presentation mode (/w/:ws/j/:id/present): the journey one step at a time for a workshop room. */
export function PresentationPage({ ws, id }: { ws: string; id: string }) {
  const loaded = useViewJourney(ws, id);
  useTitle(
    loaded.status === 'ready'
      ? t('views.present.pageTitle', { title: loaded.value.meta.title })
      : t('views.present.title'),
  );
  if (loaded.status === 'loading') return <p role="status">{t('views.loadingJourney')}</p>;
  if (loaded.status === 'failed')
    return <ViewProblem title={t('views.present.cannot')} message={loaded.message} ws={ws} />;
  return <Presentation ws={ws} id={id} journey={loaded.value} />;
}

/** The words a sighted person does not need ("step" after "Next"), read out by a screen reader. */
const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

const isControl = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  target.closest('button, a, input, select, textarea, [contenteditable]') !== null;

function Presentation({ ws, id, journey }: { ws: string; id: string; journey: Journey }) {
  const { navigate, search } = useRouter();
  const slides = useMemo(() => presentationSlides(journey), [journey]);
  const series = useMemo(() => curveSeries(journey), [journey]);
  const count = slides.length;
  const initial = Math.min(Math.max(0, Number(search.get('step') ?? '1') - 1 || 0), Math.max(0, count - 1));
  const [index, setIndex] = useState(initial);
  const stage = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(stage);
  const leave = useCallback(() => navigate({ page: 'editor', ws, id }), [navigate, ws, id]);
  const go = useCallback(
    (to: number) => {
      const next = Math.min(Math.max(0, to), count - 1);
      setIndex(next);
      window.history.replaceState(null, '', `${window.location.pathname}?step=${next + 1}`);
    },
    [count],
  );

  // A workshop's follow-me (decision 0014): the facilitator's slide drives the followers'.
  const followStrip = usePresentationFollow({ ws, id, index, go, leave });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      // A list or a text field uses the arrow keys itself.
      if (event.target instanceof HTMLElement && event.target.closest('select, input, textarea')) return;
      // Space and Enter on a focused button press that button; arrows and the rest always move.
      if ((event.key === ' ' || event.key === 'Enter') && isControl(event.target)) return;
      const nav = navigationFor(event.key, event.shiftKey, index, count);
      if (event.key === 'Escape' && document.fullscreenElement) return;
      if (!nav) {
        if (['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp', 'Home', 'End', ' '].includes(event.key))
          event.preventDefault();
        return;
      }
      event.preventDefault();
      if (nav.kind === 'leave') leave();
      else go(nav.index);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [index, count, go, leave]);

  if (count === 0)
    return (
      <ViewProblem
        title={t('views.present.emptyTitle')}
        message={t('views.present.emptyMessage')}
        ws={ws}
        id={id}
      />
    );
  const slide = slides[index]!;
  return (
    <div className="present" ref={stage}>
      <header className="present__bar">
        <p className="present__journey">{journey.meta.title}</p>
        <nav aria-label={t('views.present.title')} className="present__controls">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => go(0)}
            aria-disabled={index === 0}
          >
            {tRich('views.present.first', { hidden })}
          </button>
          <button type="button" className="button" onClick={() => go(index - 1)} aria-disabled={index === 0}>
            <span aria-hidden="true">← </span>
            {tRich('views.present.previous', { hidden })}
          </button>
          <label className="visually-hidden" htmlFor="present-go">
            {t('views.present.goTo')}
          </label>
          <select
            id="present-go"
            className="present__go"
            value={index}
            onChange={(event) => go(Number(event.target.value))}
          >
            {slides.map((s) => (
              <option key={s.columnId} value={s.index}>
                {`${s.index + 1} / ${count}: ${s.title}`}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            onClick={() => go(index + 1)}
            aria-disabled={index === count - 1}
          >
            {tRich('views.present.next', { hidden })}
            <span aria-hidden="true"> →</span>
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => go(count - 1)}
            aria-disabled={index === count - 1}
          >
            {tRich('views.present.last', { hidden })}
          </button>
          {fullscreen.supported ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void fullscreen.toggle()}
            >
              {fullscreen.active ? t('views.present.exitFullScreen') : t('views.present.fullScreen')}
            </button>
          ) : null}
          <Link to={{ page: 'editor', ws, id }} className="present__leave">
            {t('views.present.leave')}
          </Link>
        </nav>
        {followStrip}
      </header>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {slideAnnouncement(slide, count)}
      </p>
      <p className="present__help">
        {t('views.present.keys', { fullScreen: fullscreen.active ? 'yes' : 'no' })}
      </p>
      <article className="present__slide" aria-labelledby="present-step-title">
        <p className="present__meta">
          {t('views.present.stepOf', { step: index + 1, count })}
          {slide.stage ? ` · ${slide.stage}` : ''}
          {slide.tag ? ` · ${slide.tag}` : ''}
          {slide.owner ? ` · ${slide.owner}` : ''}
        </p>
        <h1 id="present-step-title" className="present__title">
          {slide.title}
        </h1>
        {series.length > 0 ? (
          <EmotionCurve
            series={series}
            count={count}
            current={index}
            stepTitle={(i) => slides[i]?.title ?? ''}
          />
        ) : null}
        <div className="present__body">
          <StepDetails slide={slide} level={2} />
        </div>
      </article>
    </div>
  );
}
