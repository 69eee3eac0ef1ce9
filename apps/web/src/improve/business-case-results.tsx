import { formatFigureValue, formatMoney, formatYears, type Pence } from '@waymark/measure';
import type { BusinessCaseJson } from './business-case-view';
import { improveApi } from './improve-api';
import { getLocale } from '../i18n';

const money = (p: number) => formatMoney(p as Pence);

/** The figures a finance officer checks, as tables with text values, and the downloads. */
export function BusinessCaseResults({
  ws,
  id,
  results,
}: {
  ws: string;
  id: string;
  results: BusinessCaseJson;
}) {
  const bc = results.businessCase;
  const { tornado = [], switching, scorecard = [], fiveCase } = results.report;
  const widest = Math.max(
    1,
    ...tornado.map(
      (b) => Math.abs(b.npsvAtLow - bc.npsv),
      ...tornado.map((b) => Math.abs(b.npsvAtHigh - bc.npsv)),
    ),
  );
  return (
    <section aria-labelledby="bc-results-heading" className="improve-results">
      <h2 id="bc-results-heading">Results</h2>
      <p className="improve-downloads">
        Download the business case:{' '}
        <a href={improveApi.businessCaseUrl(ws, id, 'main', 'html', getLocale())} download>
          HTML (pastes into a word processor)
        </a>{' '}
        ·{' '}
        <a href={improveApi.businessCaseUrl(ws, id, 'main', 'pdf', getLocale())} download>
          PDF
        </a>{' '}
        ·{' '}
        <a href={improveApi.businessCaseUrl(ws, id, 'main', 'csv', getLocale())} download>
          CSV
        </a>
      </p>
      <table className="improve-table improve-table--narrow" data-testid="bc-headline">
        <caption>Headline (present values, {bc.schedule.label})</caption>
        <tbody>
          <tr>
            <th scope="row">Present value of benefits</th>
            <td className="num">{money(bc.pv.benefits)}</td>
          </tr>
          <tr>
            <th scope="row">of which cash-releasing</th>
            <td className="num">{money(bc.pv.cashReleasing)}</td>
          </tr>
          <tr>
            <th scope="row">of which time released (non-cashable)</th>
            <td className="num">{money(bc.pv.timeReleased)}</td>
          </tr>
          <tr>
            <th scope="row">Present value of costs (with optimism bias)</th>
            <td className="num">{money(bc.pv.costs)}</td>
          </tr>
          <tr>
            <th scope="row">Net present social value</th>
            <td className="num" data-testid="npsv">
              {money(bc.npsv)}
            </td>
          </tr>
          <tr>
            <th scope="row">Benefit-cost ratio</th>
            <td className="num">{bc.bcr === null ? 'no costs' : bc.bcr.toFixed(2)}</td>
          </tr>
          <tr>
            <th scope="row">Simple payback (supplementary)</th>
            <td className="num">{formatYears(bc.simplePaybackYears)}</td>
          </tr>
          <tr>
            <th scope="row">Discounted payback (supplementary)</th>
            <td className="num">{formatYears(bc.discountedPaybackYears)}</td>
          </tr>
        </tbody>
      </table>

      <table className="improve-table">
        <caption>Year by year</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            <th scope="col">Cash-releasing</th>
            <th scope="col">Time released</th>
            <th scope="col">Costs</th>
            <th scope="col">Net</th>
            <th scope="col">Discount factor</th>
            <th scope="col">Present value</th>
          </tr>
        </thead>
        <tbody>
          {bc.years.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.calendarYear === null ? y.year : `${y.year} (${y.calendarYear})`}</th>
              <td className="num">{money(y.cashReleasing)}</td>
              <td className="num">{money(y.timeReleased)}</td>
              <td className="num">{money(y.costs)}</td>
              <td className="num">{money(y.net)}</td>
              <td className="num">{y.discountFactor.toFixed(4)}</td>
              <td className="num">{money(y.pvNet)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Sensitivity</h3>
      <table className="improve-table">
        <caption>Net present social value when each assumption moves (widest first)</caption>
        <thead>
          <tr>
            <th scope="col">Assumption</th>
            <th scope="col">NPSV at low</th>
            <th scope="col">NPSV at high</th>
            <th scope="col">Swing</th>
          </tr>
        </thead>
        <tbody>
          {tornado.map((b) => (
            <tr key={b.key}>
              <th scope="row">{b.label}</th>
              <td className="num">{money(b.npsvAtLow)}</td>
              <td className="num">{money(b.npsvAtHigh)}</td>
              <td>
                <span
                  className="improve-bar"
                  aria-hidden="true"
                  style={{ width: `${(b.swing / 2 / widest) * 8}em` }}
                />
                {money(b.swing)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {switching ? (
        <p>
          Switching value: the case breaks even (NPSV £0) when <strong>{switching.label}</strong> is{' '}
          {switching.value === null
            ? 'never (no non-negative value does it)'
            : `${switching.value.toLocaleString('en-GB', { maximumFractionDigits: 2 })} instead of ${switching.baseValue.toLocaleString('en-GB')}`}
          {switching.changePercent === null ? '' : `, a change of ${switching.changePercent.toFixed(1)} %`}.
        </p>
      ) : null}

      <h3>Balanced Scorecard</h3>
      <dl className="improve-scorecard">
        {scorecard.map((row) => (
          <div key={row.perspective}>
            <dt>{row.label}</dt>
            {row.benefits.length === 0 ? (
              <dd>No benefits listed yet.</dd>
            ) : (
              row.benefits.map((b) => (
                <dd key={b.id}>
                  {b.description}
                  {b.quantified
                    ? ` (${b.current ?? '?'} → ${b.expected}${b.unit ? ` ${b.unit}` : ''})`
                    : ' (not quantified)'}
                </dd>
              ))
            )}
          </div>
        ))}
      </dl>

      <h3>Five Case outline</h3>
      {fiveCase.map((s) => (
        <section key={s.key} aria-label={s.title}>
          <h4>{s.title}</h4>
          <p className="hint">{s.question}</p>
          {s.text ? <p>{s.text}</p> : <p>Not written yet.</p>}
          {s.figures.length > 0 ? (
            <ul>
              {s.figures.map((f) => (
                <li key={f.label}>
                  {f.label}: {formatFigureValue(f.value)}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </section>
  );
}
