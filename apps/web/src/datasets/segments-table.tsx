import { useState } from 'react';
import { formatMoney, t, type MessageId } from '../i18n';
import type { Analysis } from './datasets-api';
import { formatCount, formatDuration, formatNumber, formatPercent } from './dataset-format';

const views = [
  ['period', 'datasets.segments.period'],
  ['channel', 'datasets.segments.channel'],
  ['org', 'datasets.segments.org'],
  ['variant', 'datasets.segments.variant'],
] as const satisfies readonly (readonly [string, MessageId])[];
type View = (typeof views)[number][0];

/** The headline figures per segment, one segmentation at a time, as a table. */
export function SegmentsTable({ a }: { a: Analysis }) {
  const available = views.filter(([k]) => (a.segments[k]?.length ?? 0) > 0);
  const [view, setView] = useState<View>(available[0]?.[0] ?? 'period');
  const rows = a.segments[view] ?? [];
  if (available.length === 0) return null;
  return (
    <section aria-labelledby="segments-heading">
      <h2 id="segments-heading">{t('datasets.segments.heading')}</h2>
      <div className="field">
        <label htmlFor="segment-view">{t('datasets.segments.show')}</label>
        <select id="segment-view" value={view} onChange={(e) => setView(e.target.value as View)}>
          {available.map(([k, label]) => (
            <option key={k} value={k}>
              {t(label)}
            </option>
          ))}
        </select>
      </div>
      <table className="datasets-table">
        <thead>
          <tr>
            <th scope="col">{t('datasets.segments.segment')}</th>
            <th scope="col" className="num">
              {t('datasets.segments.cases')}
            </th>
            <th scope="col" className="num">
              {t('datasets.segments.contacts')}
            </th>
            <th scope="col" className="num">
              {t('datasets.segments.duration')}
            </th>
            <th scope="col" className="num">
              {t('datasets.segments.avoidable')}
            </th>
            <th scope="col" className="num">
              {t('datasets.segments.cost')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.key}</th>
              <td className="num">{formatCount(s.cases)}</td>
              <td className="num">{formatNumber(s.contactsPerCase?.mean)}</td>
              <td className="num">{formatDuration(s.durationSeconds?.median)}</td>
              <td className="num">
                {s.avoidablePercent === undefined ? '—' : formatPercent(s.avoidablePercent / 100)}
              </td>
              <td className="num">{s.costPerJourney === undefined ? '—' : formatMoney(s.costPerJourney)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
