import { useMemo } from 'react';
import type { Journey } from '@waymark/core';
import { renderSvg, type SurveyBand } from '@waymark/render';
import { formatNumber, getLocale, t } from '../i18n';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { presentationSlides } from './presentation-model';
import { StepDetails } from './step-details';
import { useLoaded } from './use-view-journey';
import './views.css';

/**
 * The read-only view of a share link (/share/:token): no sign-in, no edit controls, nothing of the workspace
 * but the journey — its poster and every step as readable HTML.
 */
export function SharePage({ token }: { token: string }) {
  const { api } = useSession();
  const loaded = useLoaded(() => api.shared(token), token);
  useTitle(
    loaded.status === 'ready'
      ? t('views.shared.pageTitle', { title: loaded.value.title })
      : t('views.shared.title'),
  );
  if (loaded.status === 'loading') return <p role="status">{t('views.shared.loading')}</p>;
  if (loaded.status === 'failed') {
    const gone = loaded.code === 'share_not_found' || loaded.code === 'http_404';
    return (
      <div className="narrow">
        <h1>{gone ? t('views.shared.gone') : t('views.shared.cannot')}</h1>
        {gone ? (
          <>
            <p>{t('views.shared.goneWhy')}</p>
            <p>{t('views.shared.goneNext')}</p>
          </>
        ) : (
          <p>{loaded.message}</p>
        )}
      </div>
    );
  }
  return <SharedJourney journey={loaded.value.journey} surveyBands={loaded.value.surveyBands ?? []} />;
}

function SharedJourney({ journey, surveyBands }: { journey: Journey; surveyBands: readonly SurveyBand[] }) {
  // the survey's band on each surveyed step, as the editor shows it (issue 13 item 3)
  const svg = useMemo(
    () => renderSvg(journey, { idPrefix: 'shared', locale: getLocale(), surveyBands }),
    [journey, surveyBands],
  );
  const slides = useMemo(() => presentationSlides(journey), [journey]);
  const meta = journey.meta;
  const all: [string, string | undefined][] = [
    [t('views.shared.fact.question'), meta.businessQuestion],
    [t('views.shared.fact.customers'), meta.segment],
    [t('views.shared.fact.owner'), meta.owner],
    [t('views.shared.fact.steps'), formatNumber(journey.columns.length)],
  ];
  const facts = all.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '');
  return (
    <div className="share-view">
      <p className="share-view__badge">{t('views.shared.badge')}</p>
      <h1>{meta.title}</h1>
      <dl className="share-view__meta">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>
        <a href="#steps">{t('views.shared.skip')}</a>
      </p>
      <section aria-labelledby="share-poster" className="share-view__poster-section">
        <h2 id="share-poster">{t('views.shared.poster')}</h2>
        <div
          className="share-view__poster"
          tabIndex={0}
          role="region"
          aria-label={t('views.shared.posterRegion')}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      </section>
      <section aria-labelledby="steps" className="share-view__steps">
        <h2 id="steps" tabIndex={-1}>
          {t('views.shared.steps')}
        </h2>
        <ol className="share-view__list">
          {slides.map((slide) => (
            <li key={slide.columnId} className="share-view__step">
              <h3>
                {slide.title}
                {slide.stage ? <span className="share-view__stage"> · {slide.stage}</span> : null}
                {slide.tag ? <span className="share-view__stage"> · {slide.tag}</span> : null}
              </h3>
              <StepDetails slide={slide} level={4} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
