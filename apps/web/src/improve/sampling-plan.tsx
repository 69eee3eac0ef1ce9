import {
  createSeededRng,
  planObservationSchedule,
  valueClassifications,
  type ActivityCategory,
} from '@waymark/measure';
import { useState } from 'react';
import { formatPercent, t, tRich } from '../i18n';
import { classLabel } from './sampling-labels';
import type { SamplingStudy } from './sampling-model';
import { AddButton } from './list-buttons';

/** Plan an activity-sampling study: activities and their value, the margin and confidence, random times. */
export function PlanStudy({
  study,
  canEdit,
  onChange,
  sampleSize,
}: {
  study: SamplingStudy;
  canEdit: boolean;
  onChange: (s: SamplingStudy) => void;
  sampleSize: number | null;
}) {
  const [days, setDays] = useState(study.plan?.days.join(', ') ?? '');
  const [start, setStart] = useState(study.plan?.workingHours.start ?? '09:00');
  const [end, setEnd] = useState(study.plan?.workingHours.end ?? '17:00');
  const [problem, setProblem] = useState<string | null>(null);
  const setCategory = (i: number, patch: Partial<ActivityCategory>) =>
    onChange({ ...study, categories: study.categories.map((c, k) => (k === i ? { ...c, ...patch } : c)) });
  const generate = () => {
    const plan = {
      days: days.split(/[,\s]+/).filter(Boolean),
      workingHours: { start, end },
      observations: sampleSize ?? 1,
    };
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
    const schedule = planObservationSchedule(plan, createSeededRng(seed));
    if (!schedule.ok) return setProblem(t('improve.sampling.scheduleProblem'));
    setProblem(null);
    onChange({ ...study, plan, schedule: schedule.value });
  };
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('improve.sampling.planHeading')}</h2>
      <fieldset disabled={!canEdit}>
        <legend>{t('improve.sampling.activitiesLegend')}</legend>
        {study.categories.map((c, i) => (
          <div
            className="improve-line"
            role="group"
            aria-label={t('improve.sampling.activityNumber', { n: i + 1 })}
            key={i}
          >
            <div className="field">
              <label htmlFor={`cat-label-${i}`}>{t('improve.sampling.activity')}</label>
              <input
                id={`cat-label-${i}`}
                value={c.label}
                onChange={(e) => setCategory(i, { label: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`cat-class-${i}`}>{t('improve.sampling.classification')}</label>
              <select
                id={`cat-class-${i}`}
                value={c.classification}
                onChange={(e) =>
                  setCategory(i, { classification: e.target.value as ActivityCategory['classification'] })
                }
              >
                {valueClassifications.map((v) => (
                  <option key={v} value={v}>
                    {classLabel(v)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        ))}
        <AddButton
          onClick={() =>
            onChange({
              ...study,
              categories: [
                ...study.categories,
                {
                  id: `activity-${study.categories.length + 1}`,
                  label: t('improve.sampling.activityNumber', { n: study.categories.length + 1 }),
                  classification: 'waste',
                },
              ],
            })
          }
        >
          {t('improve.sampling.addActivity')}
        </AddButton>
      </fieldset>
      <fieldset disabled={!canEdit}>
        <legend>{t('improve.sampling.howSure')}</legend>
        <div className="improve-row">
          <div className="field">
            <label htmlFor="plan-margin">{t('improve.sampling.margin')}</label>
            <input
              id="plan-margin"
              type="number"
              min={0.5}
              max={50}
              step={0.5}
              value={study.margin * 100}
              onChange={(e) => onChange({ ...study, margin: Number(e.target.value) / 100 })}
            />
          </div>
          <div className="field">
            <label htmlFor="plan-confidence">{t('improve.sampling.confidence')}</label>
            <select
              id="plan-confidence"
              value={study.confidence}
              onChange={(e) => onChange({ ...study, confidence: Number(e.target.value) })}
            >
              {[0.9, 0.95, 0.99].map((c) => (
                <option key={c} value={c}>
                  {formatPercent(c)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="plan-population">{t('improve.sampling.population')}</label>
          <p className="hint" id="plan-population-hint">
            {t('improve.sampling.populationHint')}
          </p>
          <input
            id="plan-population"
            type="number"
            min={1}
            step={1}
            aria-describedby="plan-population-hint"
            value={study.population ?? ''}
            onChange={(e) => {
              const n = Number(e.target.value);
              const { population: _dropped, ...rest } = study;
              onChange(
                e.target.value === '' || !Number.isInteger(n) || n < 1 ? rest : { ...rest, population: n },
              );
            }}
          />
        </div>
        <p>
          {tRich('improve.sampling.needed', {
            size: sampleSize ?? '—',
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
      </fieldset>
      <fieldset disabled={!canEdit}>
        <legend>{t('improve.sampling.timesLegend')}</legend>
        {problem ? (
          <p className="error-message" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="improve-row">
          <div className="field">
            <label htmlFor="plan-days">{t('improve.sampling.days')}</label>
            <input id="plan-days" value={days} onChange={(e) => setDays(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="plan-start">{t('improve.sampling.from')}</label>
            <input id="plan-start" type="time" value={start} onChange={(e) => setStart(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="plan-end">{t('improve.sampling.to')}</label>
            <input id="plan-end" type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
          </div>
        </div>
        <button type="button" className="button" onClick={generate}>
          {t('improve.sampling.generate')}
        </button>
      </fieldset>
      {study.schedule.length > 0 ? (
        <details>
          <summary>{t('improve.sampling.schedule', { count: study.schedule.length })}</summary>
          <ol className="improve-schedule">
            {study.schedule.map((at, i) => (
              <li key={i}>
                {at.date} {at.time}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
