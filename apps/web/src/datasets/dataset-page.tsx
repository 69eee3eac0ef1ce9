import { useCallback, useEffect, useState } from 'react';
import { formatDateTime } from '../app/format';
import { Link, useRouter } from '../app/router';
import { useRole } from '../app/session';
import { useTitle } from '../app/use-title';
import { ErrorSummary, errorText } from '../ui/field';
import { AttachPanel } from './attach-panel';
import { formatCount, formatDuration, formatNumber, formatPercent } from './dataset-format';
import { datasetsApi, type Analysis, type Dataset, type Filter } from './datasets-api';
import { FiltersForm } from './filters-form';
import { Histogram } from './histogram';
import { ProcessMap } from './process-map';
import { SegmentsTable } from './segments-table';
import './datasets.css';

/** One dataset: its key figures, filters, process map, variants, distributions, rejected rows and journey. */
export function DatasetPage({ ws, id }: { ws: string; id: string }) {
  const role = useRole(ws);
  const canEdit = role === 'owner' || role === 'editor';
  const { navigate } = useRouter();
  const [whole, setWhole] = useState<Dataset | null>(null);
  const [filter, setFilter] = useState<Filter>({});
  const [view, setView] = useState<Analysis | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useTitle(whole ? `${whole.name} – Event logs` : 'Event log');

  const load = useCallback(async () => {
    try {
      const d = await datasetsApi.get(ws, id);
      setWhole(d);
      setView(d.result);
      setFilter({});
    } catch (e) {
      setError(errorText(e));
    }
  }, [ws, id]);
  useEffect(() => void load(), [load]);

  async function apply(f: Filter) {
    setBusy(true);
    setError(null);
    try {
      setView((await datasetsApi.get(ws, id, f)).result);
      setFilter(f);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  async function act(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorText(e));
    }
  }

  if (!whole || !view) return error ? <ErrorSummary message={error} /> : <p role="status">Loading…</p>;
  const filtered = Object.keys(filter).length > 0;
  return (
    <div className="datasets">
      <nav aria-label="Breadcrumb" className="datasets-crumbs">
        <Link to={{ page: 'home', ws }}>Journeys</Link> ›{' '}
        <Link to={{ page: 'datasets', ws }}>Event logs</Link>
      </nav>
      <h1>{whole.name}</h1>
      <p className="hint">
        {whole.fileName} ({whole.format.toUpperCase()}), imported {formatDateTime(whole.createdAt)}
        {whole.createdBy ? ` by ${whole.createdBy.name}` : ''}. Case references and staff names are
        pseudonymised.
      </p>
      <ErrorSummary message={error} />
      {(whole.result.log.warnings ?? []).length > 0 ? (
        <div className="notice">
          <h2>Read with care</h2>
          <ul>
            {(whole.result.log.warnings ?? []).map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <FiltersForm whole={whole.result} value={filter} onApply={(f) => void apply(f)} busy={busy} />
      <p role="status" aria-live="polite" className="datasets-status">
        {busy
          ? 'Recomputing for the filtered cases…'
          : filtered
            ? `Showing ${formatCount(view.log.cases)} of ${formatCount(whole.cases)} cases (filtered).`
            : `Showing all ${formatCount(whole.cases)} cases.`}
      </p>
      <KeyFigures a={view} />
      {view.log.cases === 0 ? (
        <p>No case matches these filters.</p>
      ) : (
        <>
          <ProcessMap analysis={view} />
          <Variants a={view} />
          <SegmentsTable a={view} />
          <section aria-labelledby="dist-heading">
            <h2 id="dist-heading">Distributions</h2>
            <div className="datasets-columns">
              <Histogram title="Contacts per case" unit="contacts" bins={view.histograms.contactsPerCase} />
              <Histogram title="End-to-end time per case" unit="days" bins={view.histograms.durationDays} />
            </div>
          </section>
        </>
      )}
      <Rejections d={whole} />
      <AttachPanel ws={ws} dataset={whole} canEdit={canEdit} onChanged={() => void load()} />
      {canEdit ? (
        <section aria-labelledby="manage-heading">
          <h2 id="manage-heading">Manage</h2>
          <div className="datasets-actions">
            <button
              className="button button--secondary"
              type="button"
              onClick={() =>
                void act(async () => {
                  const j = await datasetsApi.derive(ws, id, `${whole.name} (as measured)`);
                  navigate({ page: 'editor', ws, id: j.id });
                })
              }
            >
              Draft a new journey from this log
            </button>
            {whole.hasRaw ? (
              <>
                <a className="button button--secondary" href={datasetsApi.rawUrl(ws, id)} download>
                  Download the uploaded file
                </a>
                <button
                  className="button button--secondary"
                  type="button"
                  onClick={() =>
                    void act(async () => {
                      await datasetsApi.removeRaw(ws, id);
                      await load();
                    })
                  }
                >
                  Delete the uploaded file
                </button>
              </>
            ) : (
              <p>The uploaded file was not kept.</p>
            )}
            <button
              className="button button--warning"
              type="button"
              onClick={() => {
                if (
                  window.confirm(
                    `Delete “${whole.name}”? Its figures are taken off any journey it is attached to.`,
                  )
                )
                  void act(async () => {
                    await datasetsApi.remove(ws, id);
                    navigate({ page: 'datasets', ws });
                  });
              }}
            >
              Delete this dataset
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function KeyFigures({ a }: { a: Analysis }) {
  const c = a.cases;
  const rows: [string, string][] = [
    ['Cases', formatCount(a.log.cases)],
    ['Events', formatCount(a.log.events)],
    ['Activities', formatCount(a.log.activities)],
    ['Period', a.log.start && a.log.end ? `${a.log.start.slice(0, 10)} to ${a.log.end.slice(0, 10)}` : '—'],
    [
      'Contacts per case (mean / median / 90th percentile)',
      `${formatNumber(c.contactsPerCase.mean)} / ${formatNumber(c.contactsPerCase.median)} / ${formatNumber(c.contactsPerCase.p90)}`,
    ],
    [
      'End-to-end time (median / mean)',
      `${formatDuration(c.durationSeconds.median)} / ${formatDuration(c.durationSeconds.mean)}`,
    ],
    [
      'Avoidable contact (NI14)',
      a.avoidable.ni14Percent === null
        ? '—'
        : `${formatNumber(a.avoidable.ni14Percent, 1)}%${a.avoidable.interval ? ` (95% interval ${formatNumber(a.avoidable.interval.low, 1)}–${formatNumber(a.avoidable.interval.high, 1)}%)` : ''}`,
    ],
    ['Cases with a hand-off', a.handoffs ? formatCount(a.handoffs.casesWithHandoff) : '—'],
    [
      'Cases with rework',
      `${formatCount(a.rework.casesWithRework)} (${formatPercent(a.rework.shareOfCases)})`,
    ],
    [
      `Cases with a silence over ${formatDuration(a.silences.thresholdSeconds)}`,
      formatCount(a.silences.casesOverThreshold),
    ],
    [
      'Cost per journey (mean)',
      a.channels?.costPerJourney.mean != null ? `£${formatNumber(a.channels.costPerJourney.mean)}` : '—',
    ],
  ];
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">Key figures</h2>
      <dl className="datasets-figures">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {a.channels ? (
        <p>
          Channel mix:{' '}
          {a.channels.channels.map((ch) => `${ch.channel} ${formatPercent(ch.share)}`).join(', ')}.
        </p>
      ) : null}
    </section>
  );
}

function Variants({ a }: { a: Analysis }) {
  return (
    <section aria-labelledby="variants-heading">
      <h2 id="variants-heading">Variants</h2>
      <p className="hint">
        {formatCount(a.variants.count)} different sequences of activities; the most common:
      </p>
      <table className="datasets-table">
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Activities in order</th>
            <th scope="col" className="num">
              Cases
            </th>
            <th scope="col" className="num">
              Coverage
            </th>
          </tr>
        </thead>
        <tbody>
          {a.variants.top.slice(0, 10).map((v, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{v.activities.join(' → ')}</td>
              <td className="num">{formatCount(v.cases)}</td>
              <td className="num">
                <span
                  className="datasets-bar"
                  style={{ width: `${Math.max(2, v.coverage * 100)}px` }}
                  aria-hidden="true"
                />{' '}
                {formatPercent(v.coverage)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Rejections({ d }: { d: Dataset }) {
  return (
    <section aria-labelledby="rejected-heading">
      <h2 id="rejected-heading">Rejected rows</h2>
      {d.rejectedRows === 0 ? (
        <p>No row was rejected.</p>
      ) : (
        <>
          <p>
            {formatCount(d.rejectedRows)} rows could not be read and are not in the figures
            {d.rejections.length < d.rejectedRows ? `; the first ${d.rejections.length} are listed` : ''}.
          </p>
          <table className="datasets-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Line
                </th>
                <th scope="col">Column</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {d.rejections.map((r, i) => (
                <tr key={i}>
                  <td className="num">{r.line}</td>
                  <td>{r.field ?? '—'}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
