import { t } from '../i18n';
import type { StepEvidence } from './surveys-api';
import './surveys.css';

const r1 = (x: number) => Math.round(x * 10) / 10;
const pct = (x: number) => Math.round(x * 1000) / 10;

/**
 * Under the emotion band of a step: the survey's interval in words (the band drawn above it), and the step's
 * CSAT and NPS, so the numbers the shading shows are read, not guessed (workshop scores keep their "estimate"),
 * and the first quotes people agreed to share, with their source.
 */
export function SurveyCellFigures({ step }: { step: StepEvidence }) {
  const csat = step.questions.find((q) => q.scores.csat)?.scores.csat;
  const nps = step.questions.find((q) => q.scores.nps)?.scores.nps;
  return (
    <div className="survey-cell" data-survey-step={step.stepId}>
      {step.emotion ? (
        <p className="survey-cell__band">
          <span className="survey-cell__swatch" aria-hidden="true" />
          {t('survey.curve.band', {
            low: r1(step.emotion.low),
            high: r1(step.emotion.high),
            n: step.emotion.n,
          })}
        </p>
      ) : null}
      {csat ? (
        <p className="survey-cell__csat">
          {t('survey.figures.csat', { value: pct(csat.estimate), low: pct(csat.low), high: pct(csat.high) })}
        </p>
      ) : null}
      {nps ? (
        <p className="survey-cell__nps">
          {t('survey.figures.nps', { value: r1(nps.score), low: r1(nps.low), high: r1(nps.high) })}
        </p>
      ) : null}
      {step.quotes.length > 0 ? (
        <ul className="survey-quotes" aria-label={t('survey.quotes.label')}>
          {step.quotes.slice(0, 2).map((q, i) => (
            <li key={i}>
              <q>{q.text}</q>{' '}
              <span className="hint">
                {t('survey.quotes.source', {
                  survey: q.surveyName,
                  respondent: q.respondent,
                  date: q.date ?? '',
                })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {step.agreement === 'survey-good-contact-poor' || step.agreement === 'survey-poor-contact-good' ? (
        <p className="survey-cell__disagree">
          {t(
            step.agreement === 'survey-good-contact-poor'
              ? 'survey.agreement.goodButContactPoor'
              : 'survey.agreement.poorButContactGood',
            {
              avoidable: step.avoidable
                ? pct(step.avoidable.successes / Math.max(1, step.avoidable.trials))
                : 0,
            },
          )}
        </p>
      ) : null}
    </div>
  );
}
