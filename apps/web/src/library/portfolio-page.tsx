import { useEffect, useMemo, useState } from 'react';
import { journeyTypeLabel } from '../app/format';
import { Link } from '../app/router';
import { useTitle } from '../app/use-title';
import { costBasisLabel, type CostBasis } from '@waymark/measure';
import { formatDateIn, formatMoney, getTranslator, t, useLocale, type MessageId } from '../i18n';
import { errorText } from '../ui/field';
import { portfolioPath, readPortfolio, type PortfolioItem } from './library-api';
import {
  choicesOf,
  exportQuery,
  heatColumns,
  noFilters,
  painLevel,
  visibleItems,
  type PortfolioFilters,
  type PortfolioSort,
} from './portfolio-model';
import './library.css';

const columns: readonly [PortfolioSort | null, MessageId][] = [
  ['title', 'library.column.journey'],
  ['lowest', 'library.column.lowest'],
  ['avoidable', 'library.column.avoidable'],
  ['contacts', 'library.column.contacts'],
  ['days', 'library.column.days'],
  ['cost', 'library.column.cost'],
  ['pain', 'library.column.pain'],
  [null, 'library.column.opportunities'],
  [null, 'library.column.indicators'],
  [null, 'library.column.owner'],
  ['review', 'library.column.reviewDate'],
  [null, 'library.column.flags'],
];

/**
 * The portfolio for managers (issue 14, item 3; decision 0035): every journey with its headline figures side
 * by side, sortable and filterable, a heat map of pain by stage (colour and words), and downloads of what is
 * shown as CSV and PDF. `ws` null: every workspace, for an instance administrator.
 */
export function PortfolioPage({ ws }: { ws: string | null }) {
  useTitle(t(ws === null ? 'library.portfolio.adminHeading' : 'library.portfolio.heading'));
  const locale = useLocale();
  const [items, setItems] = useState<readonly PortfolioItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [costBasis, setCostBasis] = useState<CostBasis | null>(null);
  // How many journeys' figures the server is still working out in the background (decision 0039).
  const [pending, setPending] = useState(0);
  const [filters, setFilters] = useState<PortfolioFilters>(noFilters);
  const [sort, setSort] = useState<PortfolioSort>('title');
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  useEffect(() => {
    readPortfolio(ws).then(
      (r) => {
        setItems(r.items);
        setCostBasis(r.costBasis ?? null);
        setPending(r.pending ?? 0);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [ws]);
  const shown = useMemo(() => visibleItems(items ?? [], filters, sort, dir), [items, filters, sort, dir]);
  const all = items ?? [];
  const set = (key: keyof PortfolioFilters) => (value: string | boolean) =>
    setFilters((f) => ({ ...f, [key]: value }));
  const sortBy = (key: PortfolioSort) => {
    if (key === sort) setDir(dir === 'asc' ? 'desc' : 'asc');
    else {
      setSort(key);
      setDir('asc');
    }
  };
  const choices: [keyof PortfolioFilters, MessageId, string[]][] = [
    ...(ws === null
      ? [
          ['workspace', 'library.portfolio.filter.workspace', choicesOf(all, (i) => [i.workspaceId])] as [
            keyof PortfolioFilters,
            MessageId,
            string[],
          ],
        ]
      : []),
    ['service', 'library.portfolio.filter.service', choicesOf(all, (i) => [i.service])],
    ['organisation', 'library.portfolio.filter.organisation', choicesOf(all, (i) => i.organisations)],
    ['segment', 'library.portfolio.filter.segment', choicesOf(all, (i) => [i.segment])],
    ['owner', 'library.portfolio.filter.owner', choicesOf(all, (i) => [i.owner])],
  ];
  const workspaceName = (id: string) => all.find((i) => i.workspaceId === id)?.workspaceName ?? id;
  const download = (format: 'csv' | 'pdf') =>
    `${portfolioPath(ws)}?${exportQuery(filters, sort, dir, format, locale)}`;
  // The open opportunities column is left out when the server keeps no opportunities.
  const withOpportunities = all.some((i) => i.openOpportunities !== undefined);
  const shownColumns = columns.filter(
    ([, label]) => withOpportunities || label !== 'library.column.opportunities',
  );
  const stages = heatColumns(shown);
  const maxPain = Math.max(0, ...shown.flatMap((i) => i.stages.map((s) => s.painPoints)));
  return (
    <div className="portfolio">
      <div className="page-heading">
        <h1>{t(ws === null ? 'library.portfolio.adminHeading' : 'library.portfolio.heading')}</h1>
        {ws !== null ? <Link to={{ page: 'home', ws }}>{t('pages.home.journeys')}</Link> : null}
      </div>
      <p>{t(ws === null ? 'library.portfolio.adminIntro' : 'library.portfolio.intro')}</p>
      {error ? (
        <p className="error-message" role="alert">
          {t('library.portfolio.couldNotLoad', { reason: error })}
        </p>
      ) : null}
      {items === null ? (
        error ? null : (
          <p role="status">{t('common.loading')}</p>
        )
      ) : items.length === 0 ? (
        <p>{t('library.portfolio.empty')}</p>
      ) : (
        <>
          <form className="filters portfolio__filters" onSubmit={(e) => e.preventDefault()}>
            <fieldset>
              <legend>{t('library.portfolio.filters')}</legend>
              {choices.map(([key, label, values]) => (
                <div className="field" key={key}>
                  <label htmlFor={`portfolio-${key}`}>{t(label)}</label>
                  <select
                    id={`portfolio-${key}`}
                    value={filters[key] as string}
                    onChange={(e) => set(key)(e.target.value)}
                  >
                    <option value="">{t('library.portfolio.filter.any')}</option>
                    {values.map((v) => (
                      <option key={v} value={v}>
                        {key === 'workspace' ? workspaceName(v) : v}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
              <div className="field field--checkbox">
                <input
                  id="portfolio-flagged"
                  type="checkbox"
                  checked={filters.flagged}
                  onChange={(e) => set('flagged')(e.target.checked)}
                />
                <label htmlFor="portfolio-flagged">{t('library.portfolio.filter.flagged')}</label>
              </div>
            </fieldset>
          </form>
          <p role="status" className="hint">
            {t('library.portfolio.count', { shown: shown.length, total: items.length })}
          </p>
          {pending > 0 ? (
            <p className="hint" data-testid="portfolio-pending">
              {t('library.pending.page', { count: pending })}
            </p>
          ) : null}
          <p className="portfolio__downloads">
            <span>{t('library.portfolio.export')}: </span>
            <a href={download('csv')} download>
              {t('library.portfolio.csv')}
            </a>{' '}
            <a href={download('pdf')} download>
              {t('library.portfolio.pdf')}
            </a>
          </p>
          <div className="table-scroll" role="region" aria-labelledby="portfolio-caption" tabIndex={0}>
            <table className="portfolio__table">
              <caption id="portfolio-caption">{t('library.portfolio.tableCaption')}</caption>
              <thead>
                <tr>
                  {shownColumns.map(([key, label]) => (
                    <th
                      key={label}
                      scope="col"
                      aria-sort={key === sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      {key ? (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => sortBy(key)}
                          aria-label={t('library.portfolio.sortBy', { column: t(label) })}
                        >
                          {t(label)}
                          <span aria-hidden="true">{key === sort ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                        </button>
                      ) : (
                        t(label)
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((i) => (
                  <PortfolioRow key={`${i.workspaceId}/${i.journeyId}`} item={i} across={ws === null} />
                ))}
              </tbody>
            </table>
          </div>
          {costBasis ? (
            <p className="hint" data-testid="portfolio-cost-basis">
              {t('costs.basis.costsUsed', { basis: costBasisLabel(costBasis, getTranslator()) })}
            </p>
          ) : null}
          {shown.length === 0 ? <p>{t('library.portfolio.none')}</p> : null}
          <section aria-labelledby="heat-heading" className="heat">
            <h2 id="heat-heading">{t('library.heat.heading')}</h2>
            <p>{t('library.heat.intro')}</p>
            <div className="table-scroll" role="region" aria-labelledby="heat-caption" tabIndex={0}>
              <table className="heat__table">
                <caption id="heat-caption">{t('library.heat.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('library.column.journey')}</th>
                    {stages.map((s) => (
                      <th scope="col" key={s}>
                        {s === '' ? t('library.heat.noStage') : s}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((i) => (
                    <tr key={`${i.workspaceId}/${i.journeyId}`}>
                      <th scope="row">{i.title}</th>
                      {stages.map((name) => {
                        const s = i.stages.find((x) => x.name === name);
                        if (!s) return <td key={name} />;
                        const level = painLevel(s.painPoints, maxPain);
                        return (
                          <td key={name} className={`heat__cell heat__cell--${level}`}>
                            <span className="heat__level">
                              {t('library.heat.levelLabel', { level: t(`library.heat.level.${level}`) })}
                            </span>
                            <br />
                            {t('library.heat.cell', { count: s.painPoints })}
                            {s.lowestEmotion === null ? null : (
                              <>
                                <br />
                                {t('library.heat.emotion', { score: s.lowestEmotion })}
                              </>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}

function PortfolioRow({ item: i, across }: { item: PortfolioItem; across: boolean }) {
  const h = i.headline;
  const editor = `/w/${encodeURIComponent(i.workspaceId)}/j/${encodeURIComponent(i.journeyId)}`;
  return (
    <tr>
      <th scope="row">
        <Link to={{ page: 'editor', ws: i.workspaceId, id: i.journeyId }}>{i.title}</Link>
        <br />
        <span className="hint">
          {journeyTypeLabel(i.journeyType)}
          {across ? ` · ${i.workspaceName}` : ''}
        </span>
      </th>
      <td>
        {h.lowest ? (
          <a href={`${editor}?step=${encodeURIComponent(h.lowest.columnId)}`}>
            {t('library.portfolio.atStep', { score: h.lowest.score, step: h.lowest.label })}
          </a>
        ) : (
          t('library.portfolio.notMeasured')
        )}
      </td>
      <td>
        {h.avoidablePercent === null
          ? t('library.portfolio.notMeasured')
          : t('library.portfolio.percent', { value: h.avoidablePercent })}
      </td>
      <td>{h.contacts}</td>
      <td>{h.elapsedDays}</td>
      <td>{h.cost === null ? t('library.portfolio.notMeasured') : formatMoney(Number(h.cost), 2)}</td>
      <td>{h.painPoints}</td>
      {i.openOpportunities === undefined ? null : <td>{i.openOpportunities}</td>}
      <td>
        {i.indicators.met + i.indicators.improving + i.indicators.missed === 0
          ? t('library.portfolio.noIndicators')
          : t('library.portfolio.indicators', { ...i.indicators })}
      </td>
      <td>{i.owner ?? t('library.portfolio.notSet')}</td>
      <td>{i.reviewDate ? formatDateIn(i.reviewDate) : t('library.portfolio.notSet')}</td>
      <td>
        {i.flags.length === 0 ? (
          t('library.portfolio.ok')
        ) : (
          <ul className="portfolio__flags">
            {i.flags.map((f) => (
              <li key={f}>{t(`library.flag.${f}`)}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
