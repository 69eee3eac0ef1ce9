import { t, type MessageId } from '../i18n';
import type { Journey } from '@waymark/core';
import { quoteCardOnMap, type SurveyQuote } from './quote-card';
import type { StepEvidence } from './surveys-api';

const r1 = (x: number) => Math.round(x * 10) / 10;
const pct = (x: number) => Math.round(x * 1000) / 10;

const agreementWords: Record<NonNullable<StepEvidence['agreement']>, MessageId> = {
  'too-few': 'survey.agreement.tooFew',
  agree: 'survey.agreement.agree',
  'survey-good-contact-poor': 'survey.agreement.goodButContactPoor',
  'survey-poor-contact-good': 'survey.agreement.poorButContactGood',
};

/** A step's survey figures with their intervals, where the survey and the log disagree, and consented quotes. */
export function StepSurveyFigures({
  step,
  journey,
  onAddQuote,
}: {
  step: StepEvidence;
  /** The journey, to say which quotes are on its map already. */
  journey?: Journey | null;
  /** For an editor: puts a consented quote on the map as a quote card (issue 13 item 3). */
  onAddQuote?: ((quote: SurveyQuote) => void) | undefined;
}) {
  return (
    <div className="survey-figures">
      <ul>
        {step.questions.map((q, i) => {
          const s = q.scores.summary;
          return (
            <li key={i}>
              <span className="survey-question">{q.column}</span>{' '}
              <span className="hint">({t('survey.figures.source', { survey: q.surveyName })})</span>
              <br />
              {t('survey.figures.summary', {
                n: s.n,
                mean: r1(s.mean),
                median: r1(s.median),
                scale: s.scale,
              })}
              {s.interval
                ? ` ${t('survey.figures.interval', { low: r1(s.interval.low), high: r1(s.interval.high) })}`
                : ''}
              {q.scores.csat ? (
                <>
                  <br />
                  <strong className="survey-csat">
                    {t('survey.figures.csat', {
                      value: pct(q.scores.csat.estimate),
                      low: pct(q.scores.csat.low),
                      high: pct(q.scores.csat.high),
                    })}
                  </strong>
                </>
              ) : null}
              {q.scores.nps ? (
                <>
                  <br />
                  <strong className="survey-nps">
                    {t('survey.figures.nps', {
                      value: r1(q.scores.nps.score),
                      low: r1(q.scores.nps.low),
                      high: r1(q.scores.nps.high),
                    })}
                  </strong>
                </>
              ) : null}
              {q.scores.ces ? (
                <>
                  <br />
                  <strong className="survey-ces">
                    {t('survey.figures.ces', {
                      mean: r1(q.scores.ces.summary.mean),
                      easy: pct(q.scores.ces.easy.estimate),
                      low: pct(q.scores.ces.easy.low),
                      high: pct(q.scores.ces.easy.high),
                    })}
                  </strong>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      {step.agreement ? (
        <p className={step.agreement.startsWith('survey-') ? 'survey-disagree' : undefined}>
          {t(agreementWords[step.agreement], {
            avoidable: step.avoidable
              ? pct(step.avoidable.successes / Math.max(1, step.avoidable.trials))
              : 0,
          })}
        </p>
      ) : null}
      {step.quotes.length > 0 ? (
        <ul className="survey-quotes" aria-label={t('survey.quotes.label')}>
          {step.quotes.map((q, i) => (
            <li key={i}>
              <q>{q.text}</q>{' '}
              <span className="hint">
                {t('survey.quotes.source', {
                  survey: q.surveyName,
                  respondent: q.respondent,
                  date: q.date ?? '',
                })}
              </span>
              {journey && quoteCardOnMap(journey, step.stepId, q) ? (
                <span className="hint" data-quote-on-map="">
                  {' '}
                  {t('valueAdded.quoteCard.onMap')}
                </span>
              ) : onAddQuote && q.consent === true ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('valueAdded.quoteCard.addNamed', {
                      quote: q.text.length > 60 ? `${q.text.slice(0, 60)}…` : q.text,
                    })}
                    onClick={() => onAddQuote(q)}
                  >
                    {t('valueAdded.quoteCard.add')}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
