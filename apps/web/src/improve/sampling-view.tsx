import { profileActivity } from '@waymark/measure';
import { useEffect, useRef, useState } from 'react';
import { ErrorSummary } from '../ui/field';
import type { ImproveViewProps } from './improve-page';
import { classLabel } from './sampling-labels';
import { PlanStudy } from './sampling-plan';
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
                    'The value-added share was added to the journey as the step’s “Value-added time”, and the profile in the lane “Activity sample”.',
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
