import { useMemo } from 'react';
import type { Journey } from '@waymark/core';
import { renderSvg } from '@waymark/render';
import { getLocale } from '../i18n';
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
  useTitle(loaded.status === 'ready' ? `${loaded.value.title} (shared)` : 'Shared journey');
  if (loaded.status === 'loading') return <p role="status">Loading the shared journey…</p>;
  if (loaded.status === 'failed') {
    const gone = loaded.code === 'share_not_found' || loaded.code === 'http_404';
    return (
      <div className="narrow">
        <h1>{gone ? 'This link does not work' : 'The shared journey cannot be shown'}</h1>
        {gone ? (
          <>
            <p>The share link has expired, was withdrawn by the journey’s owners, or was copied wrongly.</p>
            <p>
              Ask the person who sent it for a new link. If you work on this journey, sign in to Waymark to
              see it.
            </p>
          </>
        ) : (
          <p>{loaded.message}</p>
        )}
      </div>
    );
  }
  return <SharedJourney journey={loaded.value.journey} />;
}

function SharedJourney({ journey }: { journey: Journey }) {
  const svg = useMemo(() => renderSvg(journey, { idPrefix: 'shared', locale: getLocale() }), [journey]);
  const slides = useMemo(() => presentationSlides(journey), [journey]);
  const meta = journey.meta;
  const all: [string, string | undefined][] = [
    ['Question', meta.businessQuestion],
    ['Customers', meta.segment],
    ['Owner', meta.owner],
    ['Steps', String(journey.columns.length)],
  ];
  const facts = all.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '');
  return (
    <div className="share-view">
      <p className="share-view__badge">Shared with you, read only</p>
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
        <a href="#steps">Skip the poster to the steps</a>
      </p>
      <section aria-labelledby="share-poster" className="share-view__poster-section">
        <h2 id="share-poster">The poster</h2>
        <div
          className="share-view__poster"
          tabIndex={0}
          role="region"
          aria-label="Poster (scrolls sideways)"
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      </section>
      <section aria-labelledby="steps" className="share-view__steps">
        <h2 id="steps" tabIndex={-1}>
          The journey step by step
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
