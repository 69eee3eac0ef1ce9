import {
  createSeededRng,
  planObservationSchedule,
  profileActivity,
  valueClassifications,
  type ActivityCategory,
} from '@waymark/measure';
import { useEffect, useRef, useState } from 'react';
import { ErrorSummary } from '../ui/field';
import type { ImproveViewProps } from './improve-page';
import {
  carryIntoJourney,
  emptyStudy,
  nextObservation,
  plannedSampleSize,
  type SamplingStudy,
} from './sampling-model';
import { useArtifact } from './use-artifact';
import { useJourney } from './use-journey';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const classLabel: Record<ActivityCategory['classification'], string> = {
  'value-added': 'Value-added',
  'necessary-non-value-added': 'Necessary, not value-added',
  waste: 'Waste',
};

/** Plan a study, record observations one tap each, and see the profile with Wilson intervals. */
export function SamplingView({ ws, id, canEdit }: ImproveViewProps) {
  const stored = useArtifact<SamplingStudy>(ws, id, 'sampling-study', emptyStudy);
  const journey = useJourney(ws, id);
  const [study, setStudy] = useState<SamplingStudy | null>(null);
  const [dirty, setDirty] = useState(false);
  const saving = useRef(false);
  useEffect(() => {
    if (stored.data && !study) setStudy(stored.data);
  }, [stored.data, study]);
  // Taps are saved together a moment after the last one, one save at a time.
  useEffect(() => {
    if (!dirty || !study || saving.current) return;
    const timer = setTimeout(() => {
      saving.current = true;
      setDirty(false);
      void stored.save(study).finally(() => {
        saving.current = false;
      });
    }, 600);
    return () => clearTimeout(timer);
  }, [dirty, study, stored]);
  if (!study)
    return (
      <>
        <ErrorSummary message={stored.error?.message ?? null} />
        <p role="status">Loading…</p>
      </>
    );
  const change = (next: SamplingStudy) => {
    setStudy(next);
    setDirty(true);
  };
  const size = plannedSampleSize(study);
  const next = nextObservation(study);
  const profile = profileActivity(study.categories, study.observations, study.confidence);

  return (
    <section aria-labelledby="sampling-heading">
      <h1 id="sampling-heading">Activity sampling</h1>
      <ErrorSummary
        message={
          stored.error
            ? `${stored.error.path ? `${stored.error.path}: ` : ''}${stored.error.message}`
            : journey.error
        }
      />
      <p role="status" className="improve-status">
        {stored.status ?? journey.status}
      </p>

      <section aria-labelledby="record-heading" className="improve-recorder">
        <h2 id="record-heading">Record what you see</h2>
        <p>
          Observation {study.observations.length + 1}
          {size !== null ? ` of ${size} planned` : ''}. Tap what the person is doing at this moment.
          {next ? ` Next scheduled: ${next.date} at ${next.time}.` : ''}
        </p>
        <div className="improve-recorder__buttons">
          {study.categories.map((c) => (
            <button
              key={c.id}
              type="button"
              className="improve-tap"
              disabled={!canEdit}
              onClick={() => change({ ...study, observations: [...study.observations, c.id] })}
            >
              {c.label}
              <span className="improve-tap__count">
                {study.observations.filter((o) => o === c.id).length} so far
              </span>
            </button>
          ))}
        </div>
        <button
          type="button"
          className="button button--secondary improve-undo"
          disabled={!canEdit || study.observations.length === 0}
          onClick={() => change({ ...study, observations: study.observations.slice(0, -1) })}
        >
          Undo the last tap
          {study.observations.length > 0
            ? ` (${study.categories.find((c) => c.id === study.observations.at(-1))?.label ?? ''})`
            : ''}
        </button>
      </section>

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        {profile.ok && profile.value.observations > 0 ? (
          <>
            <table className="improve-table">
              <caption>
                Share of observations, with {Math.round(study.confidence * 100)} % Wilson intervals
              </caption>
              <thead>
                <tr>
                  <th scope="col">Activity</th>
                  <th scope="col">Classification</th>
                  <th scope="col">Observations</th>
                  <th scope="col">Share</th>
                  <th scope="col">Interval</th>
                </tr>
              </thead>
              <tbody>
                {profile.value.categories.map((c) => (
                  <tr key={c.category.id}>
                    <th scope="row">{c.category.label}</th>
                    <td>{classLabel[c.category.classification]}</td>
                    <td className="num">{c.successes}</td>
                    <td className="num">{pct(c.estimate)}</td>
                    <td className="num">
                      {pct(c.low)}–{pct(c.high)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              Value-added ratio: <strong>{pct(profile.value.valueAddedRatio.estimate)}</strong> (
              {pct(profile.value.valueAddedRatio.low)}–{pct(profile.value.valueAddedRatio.high)}).{' '}
              {profile.value.valueAddedRatio.estimate > 0.25
                ? 'Above 25 %: lean.'
                : 'About 5 % is common; above 25 % is called lean.'}
            </p>
            {canEdit && journey.journey ? (
              <CarryIntoJourney
                steps={journey.journey.columns.map((c) => ({ id: c.id, label: c.label }))}
                onCarry={(col) =>
                  void journey.send(
                    carryIntoJourney(
                      journey.journey!,
                      profile.value,
                      study.confidence,
                      col,
                      `activity-sample-${Date.now().toString(36)}`,
                    ),
                    'The profile was added to the journey in the lane “Activity sample”.',
                  )
                }
              />
            ) : null}
          </>
        ) : (
          <p>No observations yet.</p>
        )}
      </section>

      <PlanStudy study={study} canEdit={canEdit} onChange={change} sampleSize={size} />
    </section>
  );
}

function CarryIntoJourney({
  steps,
  onCarry,
}: {
  steps: { id: string; label: string }[];
  onCarry: (columnId: string) => void;
}) {
  const [col, setCol] = useState(steps[0]?.id ?? '');
  return (
    <form
      className="improve-form improve-form--inline"
      aria-label="Carry into the journey"
      onSubmit={(e) => {
        e.preventDefault();
        if (col) onCarry(col);
      }}
    >
      <div className="field">
        <label htmlFor="carry-step">Step the sample describes</label>
        <select id="carry-step" value={col} onChange={(e) => setCol(e.target.value)}>
          {steps.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Carry into the journey
      </button>
    </form>
  );
}

function PlanStudy({
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
        <button
          type="button"
          className="button button--secondary"
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
        </button>
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
