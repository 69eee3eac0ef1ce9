import { formatFigureValue, formatYears } from '@waymark/measure';
import type { ReactNode } from 'react';
import type { BusinessCaseJson } from './business-case-view';
import { improveApi } from './improve-api';
import { formatMoney, formatNumber, getLocale, getTranslator, t, tRich } from '../i18n';

/** Pence from the appraisal as pounds and pence in the chosen language. */
const money = (pence: number) => formatMoney(pence / 100);
const fixed = (value: number, digits: number) =>
  formatNumber(value, { minimumFractionDigits: digits, maximumFractionDigits: digits });
const upTo = (value: number, digits: number) => formatNumber(value, { maximumFractionDigits: digits });
const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

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
  const words = getTranslator();
  // The downloads are in the person's language too.
  const download = (format: 'html' | 'pdf' | 'csv') =>
    improveApi.businessCaseUrl(ws, id, 'main', format, getLocale());
  const scheduleName =
    bc.schedule.id === 'green-book-2022-standard' || bc.schedule.id === 'green-book-2022-health'
      ? t(`measure.schedule.${bc.schedule.id}`)
      : bc.schedule.label;
  const widest = Math.max(
    1,
    ...tornado.map(
      (b) => Math.abs(b.npsvAtLow - bc.npsv),
      ...tornado.map((b) => Math.abs(b.npsvAtHigh - bc.npsv)),
    ),
  );
  return (
    <section aria-labelledby="bc-results-heading" className="improve-results">
      <h2 id="bc-results-heading">{t('business.results.heading')}</h2>
      <p className="improve-downloads">
        {t('business.results.download')}{' '}
        <a href={download('html')} download>
          {t('business.results.html')}
        </a>{' '}
        ·{' '}
        <a href={download('pdf')} download>
          {t('business.results.pdf')}
        </a>{' '}
        ·{' '}
        <a href={download('csv')} download>
          {t('business.results.csv')}
        </a>
      </p>
      <table className="improve-table improve-table--narrow" data-testid="bc-headline">
        <caption>{t('business.results.headline', { schedule: scheduleName })}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('measure.figure.pvBenefits')}</th>
            <td className="num">{money(bc.pv.benefits)}</td>
          </tr>
          <tr>
            <th scope="row">{t('measure.figure.pvCashReleasing')}</th>
            <td className="num">{money(bc.pv.cashReleasing)}</td>
          </tr>
          <tr>
            <th scope="row">{t('measure.figure.pvTimeReleased')}</th>
            <td className="num">{money(bc.pv.timeReleased)}</td>
          </tr>
          <tr>
            <th scope="row">{t('measure.figure.pvCosts')}</th>
            <td className="num">{money(bc.pv.costs)}</td>
          </tr>
          <tr>
            <th scope="row">{t('measure.figure.npsv')}</th>
            <td className="num" data-testid="npsv">
              {money(bc.npsv)}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('measure.figure.bcr')}</th>
            <td className="num">{bc.bcr === null ? t('measure.value.noCosts') : fixed(bc.bcr, 2)}</td>
          </tr>
          <tr>
            <th scope="row">{t('measure.figure.simplePayback')}</th>
            <td className="num">{formatYears(bc.simplePaybackYears, words)}</td>
          </tr>
          <tr>
            <th scope="row">{t('measure.figure.discountedPayback')}</th>
            <td className="num">{formatYears(bc.discountedPaybackYears, words)}</td>
          </tr>
        </tbody>
      </table>

      <table className="improve-table">
        <caption>{t('business.results.byYear')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('measure.report.year')}</th>
            <th scope="col">{t('measure.report.cashReleasing')}</th>
            <th scope="col">{t('measure.report.timeReleased')}</th>
            <th scope="col">{t('business.results.costs')}</th>
            <th scope="col">{t('measure.report.net')}</th>
            <th scope="col">{t('measure.report.discountFactor')}</th>
            <th scope="col">{t('measure.report.presentValue')}</th>
          </tr>
        </thead>
        <tbody>
          {bc.years.map((y) => (
            <tr key={y.year}>
              <th scope="row">
                {y.calendarYear === null
                  ? y.year
                  : t('measure.report.yearWithCalendar', {
                      year: String(y.year),
                      calendarYear: String(y.calendarYear),
                    })}
              </th>
              <td className="num">{money(y.cashReleasing)}</td>
              <td className="num">{money(y.timeReleased)}</td>
              <td className="num">{money(y.costs)}</td>
              <td className="num">{money(y.net)}</td>
              <td className="num">{fixed(y.discountFactor, 4)}</td>
              <td className="num">{money(y.pvNet)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('measure.report.sensitivity')}</h3>
      <table className="improve-table">
        <caption>{t('business.results.tornadoCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('measure.report.assumption')}</th>
            <th scope="col">{t('measure.report.npsvAtLow')}</th>
            <th scope="col">{t('measure.report.npsvAtHigh')}</th>
            <th scope="col">{t('measure.report.swing')}</th>
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
          {switching.value === null
            ? tRich('business.results.switchingNever', { label: switching.label, strong })
            : tRich(
                switching.changePercent === null
                  ? 'business.results.switchingNoChange'
                  : 'business.results.switching',
                {
                  label: switching.label,
                  value: upTo(switching.value, 2),
                  base: upTo(switching.baseValue, 2),
                  percent: fixed(switching.changePercent ?? 0, 1),
                  strong,
                },
              )}
        </p>
      ) : null}

      <h3>{t('business.results.scorecard')}</h3>
      <dl className="improve-scorecard">
        {scorecard.map((row) => (
          <div key={row.perspective}>
            <dt>{t(`measure.perspective.${row.perspective}`)}</dt>
            {row.benefits.length === 0 ? (
              <dd>{t('business.results.noBenefits')}</dd>
            ) : (
              row.benefits.map((b) => (
                <dd key={b.id}>
                  {b.quantified
                    ? t('business.results.benefitQuantified', {
                        description: b.description,
                        current:
                          b.current === null ? t('business.results.notMeasuredYet') : upTo(b.current, 2),
                        expected: b.expected === undefined ? '' : upTo(b.expected, 2),
                        unit: b.unit || 'none',
                      })
                    : t('business.results.benefitNotQuantified', { description: b.description })}
                </dd>
              ))
            )}
          </div>
        ))}
      </dl>

      <h3>{t('measure.report.fiveCase')}</h3>
      {fiveCase.map((s) => (
        <section key={s.key} aria-label={t(`measure.fiveCase.${s.key}.title`)}>
          <h4>{t(`measure.fiveCase.${s.key}.title`)}</h4>
          <p className="hint">{t(`measure.fiveCase.${s.key}.question`)}</p>
          {s.text ? <p>{s.text}</p> : <p>{t('business.results.notWritten')}</p>}
          {s.figures.length > 0 ? (
            <ul>
              {s.figures.map((f) => (
                <li key={f.label}>
                  {t('business.results.figure', { label: f.label, value: formatFigureValue(f.value, words) })}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </section>
  );
}
