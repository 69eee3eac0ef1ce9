import {
  builtInIndicators,
  indicatorDirections,
  indicatorSeries,
  recordIndicatorValue,
  type Indicator,
  type IndicatorValue,
} from '@waymark/measure';
import { useEffect, useState } from 'react';
import { ErrorSummary, errorText } from '../ui/field';
import { IndicatorChart } from './indicator-chart';
import type { ImproveViewProps } from './improve-page';
import { figuresOfJourney } from './journey-figures';
import { improveApi } from './improve-api';
import { useArtifact } from './use-artifact';
import { useJourney } from './use-journey';

type Tracked = Indicator & { values: IndicatorValue[] };
interface IndicatorsData {
  indicators: Tracked[];
}
const statusText = {
  met: 'Met the target',
  improving: 'Improving, not yet at target',
  missed: 'Missed',
} as const;

/** Indicators of a journey: define them with baseline and target, record values by period, see the chart. */
export function IndicatorsView({ ws, id, canEdit }: ImproveViewProps) {
  const stored = useArtifact<IndicatorsData>(ws, id, 'indicators', () => ({ indicators: [] }));
  const { journey } = useJourney(ws, id);
  const figures = journey ? figuresOfJourney(journey) : {};
  const [data, setData] = useState<IndicatorsData | null>(null);
  useEffect(() => {
    if (stored.data) setData(stored.data);
  }, [stored.data]);
  if (!data)
    return (
      <>
        <ErrorSummary message={stored.error?.message ?? null} />
        <p role="status">Loading…</p>
      </>
    );
  const update = (next: IndicatorsData) => {
    setData(next);
    void stored.save(next);
  };
  return (
    <section aria-labelledby="ind-heading">
      <h1 id="ind-heading">Indicators</h1>
      <ErrorSummary
        message={
          stored.error ? `${stored.error.path ? `${stored.error.path}: ` : ''}${stored.error.message}` : null
        }
      />
      <p role="status" className="improve-status">
        {stored.status}
      </p>
      {data.indicators.length === 0 ? <p>No indicators yet.</p> : null}
      {data.indicators.map((ind, i) => {
        const series = indicatorSeries(ind, ind.values);
        return (
          <section key={ind.key} aria-labelledby={`ind-${ind.key}`} className="improve-card">
            <h2 id={`ind-${ind.key}`}>{ind.label}</h2>
            <p>
              Baseline {ind.baseline} {ind.unit}, target {ind.target} {ind.unit} (
              {ind.direction === 'lower-is-better' ? 'lower is better' : 'higher is better'}).
            </p>
            {series.ok ? (
              <>
                {series.value.points.length > 0 ? <IndicatorChart series={series.value} /> : null}
                {series.value.misses.length > 0 ? (
                  <p>
                    <strong>Missed:</strong> {series.value.misses.join(', ')}
                  </p>
                ) : null}
                <table className="improve-table improve-table--narrow">
                  <caption>Values recorded for {ind.label}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Period</th>
                      <th scope="col">Value</th>
                      <th scope="col">Source</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {series.value.points.map((p) => (
                      <tr key={p.period}>
                        <th scope="row">{p.period}</th>
                        <td className="num">{p.value}</td>
                        <td>{p.source}</td>
                        <td>{statusText[p.status]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : (
              <p className="error-message">
                {series.error[0]?.path}: {series.error[0]?.message}
              </p>
            )}
            {canEdit ? (
              <RecordValue
                prefix={`ind-${i}`}
                computed={figures[ind.key]}
                onRecord={(v) =>
                  update({
                    indicators: data.indicators.map((x, k) =>
                      k === i ? { ...x, values: recordIndicatorValue(x.values, v) } : x,
                    ),
                  })
                }
              />
            ) : null}
          </section>
        );
      })}
      {canEdit && stored.version > 0 ? (
        <FromLog
          onSend={async (period, csv) => {
            const res = await improveApi.indicatorsFromLog<IndicatorsData>(
              ws,
              id,
              'main',
              period,
              stored.version,
              csv,
            );
            stored.adopt(res.artifact);
            return `Recorded ${res.recorded.join(', ')} for ${period} from the log.`;
          }}
        />
      ) : null}
      {canEdit ? (
        <DefineIndicator
          taken={data.indicators.map((x) => x.key)}
          onAdd={(ind) => update({ indicators: [...data.indicators, { ...ind, values: [] }] })}
        />
      ) : null}
    </section>
  );
}

function RecordValue({
  prefix,
  computed,
  onRecord,
}: {
  prefix: string;
  /** The value the journey map gives now, when the indicator is one of its figures. */
  computed: number | undefined;
  onRecord: (v: IndicatorValue) => void;
}) {
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="improve-form improve-form--inline"
      aria-label="Record a value"
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(period))
          return setProblem('Period: expected a month such as 2026-04 or a quarter such as 2026-Q2.');
        if (value.trim() === '' || !Number.isFinite(Number(value)))
          return setProblem('Value: expected a number.');
        setProblem(null);
        onRecord({ period, value: Number(value), source: 'manual' });
        setValue('');
      }}
    >
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${prefix}-period`}>Period</label>
        <input
          id={`${prefix}-period`}
          value={period}
          placeholder="2026-Q2"
          onChange={(e) => setPeriod(e.target.value.trim())}
        />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-value`}>Value</label>
        <input
          id={`${prefix}-value`}
          type="number"
          step="any"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <button type="submit" className="button">
        Record value
      </button>
      {computed !== undefined ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            if (!/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(period))
              return setProblem('Period: expected a month such as 2026-04 or a quarter such as 2026-Q2.');
            setProblem(null);
            onRecord({ period, value: computed, source: 'computed', note: 'computed from the journey map' });
          }}
        >
          Record {computed} from the journey map
        </button>
      ) : null}
    </form>
  );
}

function DefineIndicator({ taken, onAdd }: { taken: string[]; onAdd: (i: Indicator) => void }) {
  const first = builtInIndicators.find((b) => !taken.includes(b.key));
  const [draft, setDraft] = useState({
    key: first?.key ?? '',
    label: first?.label ?? '',
    unit: first?.unit ?? '',
    direction: first?.direction ?? 'lower-is-better',
    baseline: '',
    target: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <form
      className="improve-form"
      aria-label="Add an indicator"
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(draft.key))
          return setProblem('Key: expected lower-case words joined by dashes, such as calls-per-case.');
        if (taken.includes(draft.key)) return setProblem(`Key: “${draft.key}” is already tracked.`);
        if (draft.label.trim() === '') return setProblem('Name: give the indicator a name.');
        if (draft.baseline === '' || draft.target === '')
          return setProblem('Baseline and target: expected numbers.');
        setProblem(null);
        onAdd({
          key: draft.key,
          label: draft.label,
          unit: draft.unit,
          direction: draft.direction,
          baseline: Number(draft.baseline),
          target: Number(draft.target),
        });
      }}
    >
      <h2>Add an indicator</h2>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="ind-preset">Start from</label>
        <select
          id="ind-preset"
          value={builtInIndicators.some((b) => b.key === draft.key) ? draft.key : ''}
          onChange={(e) => {
            const b = builtInIndicators.find((x) => x.key === e.target.value);
            set(
              b
                ? { key: b.key, label: b.label, unit: b.unit, direction: b.direction }
                : { key: '', label: '', unit: '' },
            );
          }}
        >
          {builtInIndicators.map((b) => (
            <option key={b.key} value={b.key}>
              {b.label}
            </option>
          ))}
          <option value="">Your own indicator</option>
        </select>
      </div>
      <div className="improve-row">
        <div className="field">
          <label htmlFor="ind-key">Key</label>
          <input id="ind-key" value={draft.key} onChange={(e) => set({ key: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="ind-label">Name</label>
          <input id="ind-label" value={draft.label} onChange={(e) => set({ label: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="ind-unit">Unit</label>
          <input id="ind-unit" value={draft.unit} onChange={(e) => set({ unit: e.target.value })} />
        </div>
      </div>
      <div className="improve-row">
        <div className="field">
          <label htmlFor="ind-direction">Which way is better</label>
          <select
            id="ind-direction"
            value={draft.direction}
            onChange={(e) => set({ direction: e.target.value as Indicator['direction'] })}
          >
            {indicatorDirections.map((d) => (
              <option key={d} value={d}>
                {d === 'lower-is-better' ? 'Lower is better' : 'Higher is better'}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ind-baseline">Baseline</label>
          <input
            id="ind-baseline"
            type="number"
            step="any"
            value={draft.baseline}
            onChange={(e) => set({ baseline: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="ind-target">Target</label>
          <input
            id="ind-target"
            type="number"
            step="any"
            value={draft.target}
            onChange={(e) => set({ target: e.target.value })}
          />
        </div>
      </div>
      <button type="submit" className="button">
        Add indicator
      </button>
    </form>
  );
}

function FromLog({ onSend }: { onSend: (period: string, csv: string) => Promise<string> }) {
  const [period, setPeriod] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <form
      className="improve-form"
      aria-label="Compute values from an event log"
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(period))
          return setMessage({
            text: 'Period: expected a month such as 2026-04 or a quarter such as 2026-Q2.',
            error: true,
          });
        if (!file) return setMessage({ text: 'Event log: choose a CSV file.', error: true });
        void file
          .text()
          .then((csv) => onSend(period, csv))
          .then((text) => setMessage({ text, error: false }))
          .catch((err: unknown) => setMessage({ text: errorText(err), error: true }));
      }}
    >
      <h2>Compute values from an event log</h2>
      <p className="hint">
        A CSV export with a case id, activity and time per row (and channel, team, outcome where known) gives
        the avoidable contact %, contacts per journey, end-to-end days and cost per journey for the period.
      </p>
      {message ? (
        <p
          className={message.error ? 'error-message' : 'improve-notice'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
      <div className="improve-row">
        <div className="field">
          <label htmlFor="log-period">Period the log covers</label>
          <input
            id="log-period"
            value={period}
            placeholder="2026-Q2"
            onChange={(e) => setPeriod(e.target.value.trim())}
          />
        </div>
        <div className="field">
          <label htmlFor="log-file">Event log (CSV)</label>
          <input
            id="log-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
      </div>
      <button type="submit" className="button">
        Compute and record
      </button>
    </form>
  );
}
