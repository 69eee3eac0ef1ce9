import {
  createSeededRng,
  planObservationSchedule,
  valueClassifications,
  type ActivityCategory,
} from '@waymark/measure';
import { useState } from 'react';
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
    if (!schedule.ok) return setProblem(`${schedule.error[0]!.path}: ${schedule.error[0]!.message}`);
    setProblem(null);
    onChange({ ...study, plan, schedule: schedule.value });
  };
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading">Plan the study</h2>
      <fieldset disabled={!canEdit}>
        <legend>Activities and their value to the citizen</legend>
        {study.categories.map((c, i) => (
          <div className="improve-line" role="group" aria-label={`Activity ${i + 1}`} key={i}>
            <div className="field">
              <label htmlFor={`cat-label-${i}`}>Activity</label>
              <input
                id={`cat-label-${i}`}
                value={c.label}
                onChange={(e) => setCategory(i, { label: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`cat-class-${i}`}>Classification</label>
              <select
                id={`cat-class-${i}`}
                value={c.classification}
                onChange={(e) =>
                  setCategory(i, { classification: e.target.value as ActivityCategory['classification'] })
                }
              >
                {valueClassifications.map((v) => (
                  <option key={v} value={v}>
                    {classLabel[v]}
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
                  label: `Activity ${study.categories.length + 1}`,
                  classification: 'waste',
                },
              ],
            })
          }
        >
          Add an activity
        </AddButton>
      </fieldset>
      <fieldset disabled={!canEdit}>
        <legend>How sure you need to be</legend>
        <div className="improve-row">
          <div className="field">
            <label htmlFor="plan-margin">Margin of error (± percentage points)</label>
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
            <label htmlFor="plan-confidence">Confidence</label>
            <select
              id="plan-confidence"
              value={study.confidence}
              onChange={(e) => onChange({ ...study, confidence: Number(e.target.value) })}
            >
              {[0.9, 0.95, 0.99].map((c) => (
                <option key={c} value={c}>
                  {c * 100} %
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="plan-population">Possible observations (optional)</label>
          <p className="hint" id="plan-population-hint">
            Staff observed × working minutes in the study; when small, fewer observations are needed.
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
          Observations needed: <strong>{sampleSize ?? '—'}</strong> (for any share, at worst 50 %).
        </p>
      </fieldset>
      <fieldset disabled={!canEdit}>
        <legend>Random observation times</legend>
        {problem ? (
          <p className="error-message" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="improve-row">
          <div className="field">
            <label htmlFor="plan-days">Days (dates such as 2026-11-24, separated by commas)</label>
            <input id="plan-days" value={days} onChange={(e) => setDays(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="plan-start">From</label>
            <input id="plan-start" type="time" value={start} onChange={(e) => setStart(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="plan-end">To</label>
            <input id="plan-end" type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
          </div>
        </div>
        <button type="button" className="button" onClick={generate}>
          Generate the schedule
        </button>
      </fieldset>
      {study.schedule.length > 0 ? (
        <details>
          <summary>Schedule: {study.schedule.length} observation times</summary>
          <ol className="improve-schedule">
            {study.schedule.map((t, i) => (
              <li key={i}>
                {t.date} {t.time}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
