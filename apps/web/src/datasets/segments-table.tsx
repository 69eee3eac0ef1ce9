import { useState } from 'react';
import type { Analysis } from './datasets-api';
import { formatCount, formatDuration, formatNumber } from './dataset-format';

const views = [
  ['period', 'By month started'],
  ['channel', 'By first channel'],
  ['org', 'By first team'],
  ['variant', 'By variant'],
] as const;
type View = (typeof views)[number][0];

/** The headline figures per segment, one segmentation at a time, as a table. */
export function SegmentsTable({ a }: { a: Analysis }) {
  const available = views.filter(([k]) => (a.segments[k]?.length ?? 0) > 0);
  const [view, setView] = useState<View>(available[0]?.[0] ?? 'period');
  const rows = a.segments[view] ?? [];
  if (available.length === 0) return null;
  return (
    <section aria-labelledby="segments-heading">
      <h2 id="segments-heading">Segments</h2>
      <div className="field">
        <label htmlFor="segment-view">Show the figures</label>
        <select id="segment-view" value={view} onChange={(e) => setView(e.target.value as View)}>
          {available.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <table className="datasets-table">
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col" className="num">
              Cases
            </th>
            <th scope="col" className="num">
              Contacts per case (mean)
            </th>
            <th scope="col" className="num">
              End-to-end time (median)
            </th>
            <th scope="col" className="num">
              Avoidable contact
            </th>
            <th scope="col" className="num">
              Cost per journey
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
                {s.avoidablePercent === undefined ? '—' : `${formatNumber(s.avoidablePercent, 1)}%`}
              </td>
              <td className="num">
                {s.costPerJourney === undefined ? '—' : `£${formatNumber(s.costPerJourney)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
