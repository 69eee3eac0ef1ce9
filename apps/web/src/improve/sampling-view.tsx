import { profileActivity } from '@waymark/measure';
import { ActivityCosts } from '../costs/activity-costs';
import { useEffect, useRef, useState } from 'react';
import { formatNumber, formatPercent, t, tRich } from '../i18n';
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

/** A share with one decimal always shown ("100.0%", "5.0%"), so a column of shares lines up. */
const pct = (x: number) =>
  formatNumber(x, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

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
        <p role="status">{t('common.loading')}</p>
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
      <h1 id="sampling-heading">{t('improve.sampling.heading')}</h1>
      <ErrorSummary message={stored.error ? stored.error.message : journey.error} />
      <p role="status" className="improve-status">
        {stored.status ?? journey.status}
      </p>

      <section aria-labelledby="record-heading" className="improve-recorder">
        <h2 id="record-heading">{t('improve.sampling.recordHeading')}</h2>
        <p>
          {size !== null
            ? t('improve.sampling.observationOf', { n: study.observations.length + 1, size })
            : t('improve.sampling.observation', { n: study.observations.length + 1 })}{' '}
          {t('improve.sampling.tapWhat')}
          {next ? ` ${t('improve.sampling.nextScheduled', { date: next.date, time: next.time })}` : ''}
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
                {t('improve.sampling.soFar', {
                  count: study.observations.filter((o) => o === c.id).length,
                })}
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
          {study.observations.length > 0
            ? t('improve.sampling.undoTapOf', {
                label: study.categories.find((c) => c.id === study.observations.at(-1))?.label ?? '',
              })
            : t('improve.sampling.undoTap')}
        </button>
      </section>

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('improve.sampling.profileHeading')}</h2>
        {profile.ok && profile.value.observations > 0 ? (
          <>
            {/* On a phone the table scrolls inside its own box, never the page (issue 11 item 8). */}
            <div
              className="improve-table-scroll"
              role="region"
              aria-labelledby="profile-caption"
              tabIndex={0}
            >
              <table className="improve-table">
                <caption id="profile-caption">
                  {t('improve.sampling.profileCaption', { confidence: formatPercent(study.confidence) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('improve.sampling.activity')}</th>
                    <th scope="col">{t('improve.sampling.classification')}</th>
                    <th scope="col">{t('improve.sampling.observations')}</th>
                    <th scope="col">{t('improve.sampling.share')}</th>
                    <th scope="col">{t('improve.sampling.interval')}</th>
                  </tr>
                </thead>
                <tbody>
                  {profile.value.categories.map((c) => (
                    <tr key={c.category.id}>
                      <th scope="row">{c.category.label}</th>
                      <td>{classLabel(c.category.classification)}</td>
                      <td className="num">{c.successes}</td>
                      <td className="num">{pct(c.estimate)}</td>
                      <td className="num">
                        {pct(c.low)}–{pct(c.high)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>
              {tRich('improve.sampling.valueAdded', {
                ratio: pct(profile.value.valueAddedRatio.estimate),
                low: pct(profile.value.valueAddedRatio.low),
                high: pct(profile.value.valueAddedRatio.high),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}{' '}
              {profile.value.valueAddedRatio.estimate > 0.25
                ? t('improve.sampling.lean')
                : t('improve.sampling.leanAdvice')}
            </p>
            <ActivityCosts ws={ws} id={id} profile={profile.value} canEdit={canEdit} />
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
                    t('improve.sampling.carried'),
                  )
                }
              />
            ) : null}
          </>
        ) : (
          <p>{t('improve.sampling.none')}</p>
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
      aria-label={t('improve.sampling.carry')}
      onSubmit={(e) => {
        e.preventDefault();
        if (col) onCarry(col);
      }}
    >
      <div className="field">
        <label htmlFor="carry-step">{t('improve.sampling.carryStep')}</label>
        <select id="carry-step" value={col} onChange={(e) => setCol(e.target.value)}>
          {steps.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {t('improve.sampling.carry')}
      </button>
    </form>
  );
}
