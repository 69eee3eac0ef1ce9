import {
  builtInIndicators,
  indicatorDirections,
  type Indicator,
  type IndicatorValue,
} from '@waymark/measure';
import { useState } from 'react';
import { errorText } from '../ui/field';

/** The forms of the Indicators page: record a value, compute values from a log, define an indicator. */
export function RecordValue({
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

export function DefineIndicator({ taken, onAdd }: { taken: string[]; onAdd: (i: Indicator) => void }) {
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

export function FromLog({ onSend }: { onSend: (period: string, csv: string) => Promise<string> }) {
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
