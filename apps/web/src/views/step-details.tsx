import { t } from '../i18n';
import type { ReactNode } from 'react';
import { ChannelIcon } from '../ui/channel-icon';
import { formatScore, scoreMood, type Slide } from './presentation-model';

function Section({ title, level, children }: { title: string; level: 2 | 3 | 4; children: ReactNode }) {
  const Heading = `h${level}` as const;
  return (
    <section className="step-details__section">
      <Heading className="step-details__heading">{title}</Heading>
      {children}
    </section>
  );
}

const list = (items: readonly string[]) => (
  <ul>
    {items.map((text, i) => (
      <li key={i}>{text}</li>
    ))}
  </ul>
);

/**
 * Everything a step holds as plain, readable HTML: what the customer does, thinks, feels and says, quotes
 * with their source, touchpoints with channel, baton changes, pain points, figures, levers, moments of truth and
 * scores (as number and word). Used by presentation mode and the share view; empty sections are left out.
 */
export function StepDetails({ slide, level }: { slide: Slide; level: 2 | 3 | 4 }) {
  const { does, thinks, feels, says } = slide;
  // A step card that only repeats the step's name adds nothing under its heading.
  const steps = slide.steps.filter((text) => text !== slide.title);
  const customer: [string, readonly string[]][] = [
    [t('views.step.does'), does],
    [t('views.step.thinks'), thinks],
    [t('views.step.feels'), feels],
    [t('views.step.says'), says],
  ];
  return (
    <div className="step-details">
      {steps.length > 0 ? list(steps) : null}
      {slide.description ? <p className="step-details__description">{slide.description}</p> : null}
      {slide.scores.length > 0 ? (
        <Section title={t('views.step.emotion')} level={level}>
          <ul className="step-details__scores">
            {slide.scores.map((s) => {
              const mood = scoreMood(s.score);
              return (
                <li key={s.seriesKey}>
                  {slide.scores.length > 1 ? `${s.label}: ` : ''}
                  <strong>{formatScore(s.score)}</strong>{' '}
                  <span aria-hidden="true" className={`mood mood--${mood.word}`}>
                    {mood.symbol}
                  </span>{' '}
                  {t('views.step.mood', { mood: mood.word, estimate: s.estimate ? 'yes' : 'no' })}
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}
      {customer.some(([, items]) => items.length > 0) ? (
        <Section title={t('views.step.customer')} level={level}>
          <dl className="step-details__customer">
            {customer
              .filter(([, items]) => items.length > 0)
              .map(([label, items]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  {items.map((text, i) => (
                    <dd key={i}>{text}</dd>
                  ))}
                </div>
              ))}
          </dl>
        </Section>
      ) : null}
      {slide.quotes.length > 0 ? (
        <Section title={t('views.step.inTheirWords')} level={level}>
          {slide.quotes.map((q, i) => (
            <figure key={i} className="step-details__quote">
              <blockquote>
                <p>“{q.text}”</p>
              </blockquote>
              <figcaption>
                {t('views.step.quoteFrom', {
                  mode: q.mode,
                  source: q.source ?? '',
                  hasSource: q.source ? 'yes' : 'no',
                })}
              </figcaption>
            </figure>
          ))}
        </Section>
      ) : null}
      {slide.touchpoints.length > 0 ? (
        <Section title={t('views.step.touchpoints')} level={level}>
          <ul>
            {slide.touchpoints.map((tp, i) => (
              <li key={i}>
                <ChannelIcon channel={tp.channelId} /> <strong>{tp.channel}</strong>{' '}
                {t('views.step.touchpoint', { direction: tp.direction, text: tp.text })}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {slide.batonChanges.length > 0 ? (
        <Section title={t('views.step.batonChanges')} level={level}>
          {list(slide.batonChanges.map((b) => `${b.from} → ${b.to}${b.text ? `: ${b.text}` : ''}`))}
        </Section>
      ) : null}
      {slide.painPoints.length > 0 ? (
        <Section title={t('views.step.painPoints')} level={level}>
          {list(
            slide.painPoints.map((p) =>
              p.severity ? t('views.step.painSeverity', { text: p.text, severity: p.severity }) : p.text,
            ),
          )}
        </Section>
      ) : null}
      {slide.metrics.length > 0 ? (
        <Section title={t('views.step.figures')} level={level}>
          {list(slide.metrics)}
        </Section>
      ) : null}
      {slide.levers.length > 0 ? (
        <Section title={t('views.step.levers')} level={level}>
          {list(slide.levers.map((l) => `${l.category}: ${l.text}`))}
        </Section>
      ) : null}
      {slide.momentsOfTruth.length > 0 ? (
        <Section title={t('views.step.momentsOfTruth')} level={level}>
          <ul>
            {slide.momentsOfTruth.map((m, i) => (
              <li key={i}>
                <span aria-hidden="true">★ </span>
                <strong>{m.text}</strong>
                {m.why ? `: ${m.why}` : ''}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}
