import {
  builtInIndicators,
  indicatorDirections,
  type Indicator,
  type IndicatorValue,
} from '@waymark/measure';
import { useState } from 'react';
import { formatNumber, t, type MessageId } from '../i18n';
import { errorText } from '../ui/field';

/** A built-in indicator's name in the chosen language (the measure package names them in English). */
const builtInLabel = (key: string): string => t(`measure.indicator.${key}` as MessageId);
const unitIds: Readonly<Record<string, MessageId>> = {
  contacts: 'business.ind.unit.contacts',
  days: 'business.ind.unit.days',
  score: 'business.ind.unit.score',
};
/** A built-in indicator's unit in the chosen language; symbols (%, £) stay as they are. */
const unitIn = (unit: string): string => (unitIds[unit] ? t(unitIds[unit]) : unit);
const builtIns = () =>
  builtInIndicators.map((b) => ({ ...b, label: builtInLabel(b.key), unit: unitIn(b.unit) }));
// i18n-exempt: the period's fixed syntax, the same in every language
const periodExample = '2026-Q2';

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
      aria-label={t('business.ind.recordLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(period))
          return setProblem(t('business.ind.periodProblem'));
        if (value.trim() === '' || !Number.isFinite(Number(value)))
          return setProblem(t('business.ind.valueProblem'));
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
        <label htmlFor={`${prefix}-period`}>{t('business.ind.period')}</label>
        <input
          id={`${prefix}-period`}
          value={period}
          placeholder={periodExample}
          onChange={(e) => setPeriod(e.target.value.trim())}
        />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-value`}>{t('business.ind.value')}</label>
        <input
          id={`${prefix}-value`}
          type="number"
          step="any"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <button type="submit" className="button">
        {t('business.ind.record')}
      </button>
      {computed !== undefined ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            if (!/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(period))
              return setProblem(t('business.ind.periodProblem'));
            setProblem(null);
            onRecord({ period, value: computed, source: 'computed', note: t('business.ind.computedNote') });
          }}
        >
          {t('business.ind.recordComputed', { value: formatNumber(computed) })}
        </button>
      ) : null}
    </form>
  );
}

export function DefineIndicator({ taken, onAdd }: { taken: string[]; onAdd: (i: Indicator) => void }) {
  const presets = builtIns();
  const first = presets.find((b) => !taken.includes(b.key));
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
      aria-label={t('business.ind.add')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(draft.key)) return setProblem(t('business.ind.keyProblem'));
        if (taken.includes(draft.key)) return setProblem(t('business.ind.keyTaken', { key: draft.key }));
        if (draft.label.trim() === '') return setProblem(t('business.ind.nameProblem'));
        if (draft.baseline === '' || draft.target === '') return setProblem(t('business.ind.numbersProblem'));
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
      <h2>{t('business.ind.add')}</h2>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="ind-preset">{t('business.ind.startFrom')}</label>
        <select
          id="ind-preset"
          value={presets.some((b) => b.key === draft.key) ? draft.key : ''}
          onChange={(e) => {
            const b = presets.find((x) => x.key === e.target.value);
            set(
              b
                ? { key: b.key, label: b.label, unit: b.unit, direction: b.direction }
                : { key: '', label: '', unit: '' },
            );
          }}
        >
          {presets.map((b) => (
            <option key={b.key} value={b.key}>
              {b.label}
            </option>
          ))}
          <option value="">{t('business.ind.ownIndicator')}</option>
        </select>
      </div>
      <div className="improve-row">
        <div className="field">
          <label htmlFor="ind-key">{t('business.ind.key')}</label>
          <input id="ind-key" value={draft.key} onChange={(e) => set({ key: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="ind-label">{t('business.ind.name')}</label>
          <input id="ind-label" value={draft.label} onChange={(e) => set({ label: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="ind-unit">{t('business.ind.unit')}</label>
          <input id="ind-unit" value={draft.unit} onChange={(e) => set({ unit: e.target.value })} />
        </div>
      </div>
      <div className="improve-row">
        <div className="field">
          <label htmlFor="ind-direction">{t('business.ind.direction')}</label>
          <select
            id="ind-direction"
            value={draft.direction}
            onChange={(e) => set({ direction: e.target.value as Indicator['direction'] })}
          >
            {indicatorDirections.map((d) => (
              <option key={d} value={d}>
                {t(d === 'lower-is-better' ? 'business.ind.lowerIsBetter' : 'business.ind.higherIsBetter')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ind-baseline">{t('business.ind.baseline')}</label>
          <input
            id="ind-baseline"
            type="number"
            step="any"
            value={draft.baseline}
            onChange={(e) => set({ baseline: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="ind-target">{t('business.ind.target')}</label>
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
        {t('business.ind.addButton')}
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
      aria-label={t('business.log.heading')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(period))
          return setMessage({ text: t('business.ind.periodProblem'), error: true });
        if (!file) return setMessage({ text: t('business.log.fileMissing'), error: true });
        void file
          .text()
          .then((csv) => onSend(period, csv))
          .then((text) => setMessage({ text, error: false }))
          .catch((err: unknown) => setMessage({ text: errorText(err), error: true }));
      }}
    >
      <h2>{t('business.log.heading')}</h2>
      <p className="hint">{t('business.log.hint')}</p>
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
          <label htmlFor="log-period">{t('business.log.period')}</label>
          <input
            id="log-period"
            value={period}
            placeholder={periodExample}
            onChange={(e) => setPeriod(e.target.value.trim())}
          />
        </div>
        <div className="field">
          <label htmlFor="log-file">{t('business.log.file')}</label>
          <input
            id="log-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
      </div>
      <button type="submit" className="button">
        {t('business.log.submit')}
      </button>
    </form>
  );
}
