import { useState } from 'react';
import { t } from '../i18n';
import type { Analysis, Filter, Segment } from './datasets-api';

/**
 * Filters by period (the day a case started), channel and team (of a case's first contact that has one) and
 * variant. Whole cases are kept or dropped, so every figure still describes complete journeys.
 */
export function FiltersForm({
  whole,
  value,
  onApply,
  busy,
}: {
  whole: Analysis;
  value: Filter;
  onApply: (filter: Filter) => void;
  busy: boolean;
}) {
  const [draft, setDraft] = useState<Filter>(value);
  const set = (key: keyof Filter, v: string) =>
    setDraft((d) => ({ ...d, [key]: v === '' ? undefined : key === 'variant' ? Number(v) : v }));
  const channels = whole.segments.channel ?? [];
  const orgs = whole.segments.org ?? [];
  const day = (iso: string | null) => (iso ? iso.slice(0, 10) : undefined);
  return (
    <form
      className="datasets-filters"
      role="search"
      aria-label={t('datasets.filters.label')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) onApply(draft);
      }}
    >
      {(['from', 'to'] as const).map((k) => (
        <div className="field" key={k}>
          <label htmlFor={`f-${k}`}>
            {k === 'from' ? t('datasets.filters.from') : t('datasets.filters.to')}
          </label>
          <input
            id={`f-${k}`}
            type="date"
            min={day(whole.log.start)}
            max={day(whole.log.end)}
            value={draft[k] ?? ''}
            onChange={(e) => set(k, e.target.value)}
          />
        </div>
      ))}
      <SegmentSelect
        id="f-channel"
        label={t('datasets.filters.channel')}
        all={t('datasets.filters.allChannels')}
        segments={channels}
        value={draft.channel}
        onChange={(v) => set('channel', v)}
      />
      <SegmentSelect
        id="f-org"
        label={t('datasets.filters.org')}
        all={t('datasets.filters.allTeams')}
        segments={orgs}
        value={draft.org}
        onChange={(v) => set('org', v)}
      />
      <div className="field">
        <label htmlFor="f-variant">{t('datasets.filters.variant')}</label>
        <select id="f-variant" value={draft.variant ?? ''} onChange={(e) => set('variant', e.target.value)}>
          <option value="">{t('datasets.filters.allVariants')}</option>
          {whole.variants.top.slice(0, 10).map((v, i) => (
            <option key={i} value={i + 1}>
              {t('datasets.filters.variantOption', { rank: i + 1, count: v.cases })}
            </option>
          ))}
        </select>
      </div>
      <div className="datasets-actions">
        <button className="button" type="submit" aria-disabled={busy || undefined}>
          {t('datasets.filters.apply')}
        </button>
        <button
          className="button button--secondary"
          type="button"
          aria-disabled={busy || undefined}
          onClick={() => {
            if (busy) return;
            setDraft({});
            onApply({});
          }}
        >
          {t('datasets.filters.clear')}
        </button>
      </div>
    </form>
  );
}

/** A select of a segment's values (a channel, a team) with how many cases each has. */
function SegmentSelect(props: {
  id: string;
  label: string;
  all: string;
  segments: readonly Segment[];
  value: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.all}</option>
        {props.segments.map((s) => (
          <option key={s.key} value={s.key}>
            {t('datasets.filters.segmentOption', { name: s.key, count: s.cases })}
          </option>
        ))}
      </select>
    </div>
  );
}
