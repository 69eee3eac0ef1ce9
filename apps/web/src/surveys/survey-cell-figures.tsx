import { useContext, useState } from 'react';
import { EditorContext } from '../editor/editor-context';
import { t } from '../i18n';
import { quoteCardCommand, quoteCardOnMap, type SurveyQuote } from './quote-card';
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
              <QuoteCardButton stepId={step.stepId} quote={q} />
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

/**
 * For an editor: puts a consented quote on the map as a quote card in its step's feelings lane (issue 13
 * item 3), or says it is there already. Nothing is offered outside the editor or to those who can't edit, and
 * an answer without consent is refused by `quoteCardCommand` whatever the list holds.
 */
function QuoteCardButton({ stepId, quote }: { stepId: string; quote: SurveyQuote }) {
  const editor = useContext(EditorContext);
  const [said, setSaid] = useState<string | null>(null);
  if (!editor?.canEdit || quote.consent !== true) return null;
  const step = editor.journey.columns.find((c) => c.id === stepId);
  if (quoteCardOnMap(editor.journey, stepId, quote))
    return (
      <span className="hint survey-quote__on-map" data-quote-on-map="">
        {' '}
        {t('valueAdded.quoteCard.onMap')}
      </span>
    );
  const add = () => {
    const made = quoteCardCommand(editor.journey, stepId, quote, editor.newId);
    if ('refused' in made)
      return setSaid(t('valueAdded.quoteCard.refused', { why: made.refused.replace('-', '_') }));
    setSaid(
      editor.execute(made.command)
        ? t('valueAdded.quoteCard.added', { step: step?.label ?? stepId })
        : t('valueAdded.quoteCard.refused', { why: 'other' }),
    );
  };
  return (
    <>
      {' '}
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={t('valueAdded.quoteCard.addNamed', {
          quote: quote.text.length > 60 ? `${quote.text.slice(0, 60)}…` : quote.text,
        })}
        onClick={add}
      >
        {t('valueAdded.quoteCard.add')}
      </button>
      <span role="status" className="hint">
        {said}
      </span>
    </>
  );
}
