import { useCallback, useEffect, useState } from 'react';
import { costBasisLabel, tableBasis } from '@waymark/measure';
import { Link, useRouter } from '../app/router';
import { useRole } from '../app/session';
import { useTitle } from '../app/use-title';
import { formatDateIn, formatDateTimeIn, formatList, formatMoney, getTranslator, t } from '../i18n';
import { useOneAtATime } from '../state/one-at-a-time';
import { ErrorSummary, errorText } from '../ui/field';
import { AttachPanel } from './attach-panel';
import { formatCount, formatDuration, formatPercent } from './dataset-format';
import { datasetsApi, type Analysis, type Dataset, type Filter } from './datasets-api';
import { FiltersForm } from './filters-form';
import { activitiesOf, filterOfRule, OutcomeFigures } from './outcome-figures';
import { improveApi } from '../improve/improve-api';
import type { Meta, OutcomeRuleDefinition, ValueClassesDefinition } from '@waymark/core';
import { ValueClassesPanel } from './value-classes-panel';
import { rejectionWords, warningWords } from './import-words';
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
  const { busy, run } = useOneAtATime();
  const [error, setError] = useState<string | null>(null);
  const [storedRule, setStoredRule] = useState<OutcomeRuleDefinition | undefined>(undefined);
  /** The attached journey's details (its SCO rule and activity classes), once loaded; null when none. */
  const [journeyMeta, setJourneyMeta] = useState<Meta | null>(null);
  const [saved, setSaved] = useState(false);
  useTitle(whole ? t('datasets.page.title', { name: whole.name }) : t('datasets.page.titleLoading'));

  const load = useCallback(async () => {
    try {
      const d = await datasetsApi.get(ws, id);
      setWhole(d);
      setView(d.result);
      setFilter({});
      const meta = d.journeyId ? (await improveApi.journey(ws, d.journeyId)).journey.meta : null;
      setJourneyMeta(meta);
      setStoredRule(meta?.outcomeRule);
    } catch (e) {
      setError(errorText(e));
    }
  }, [ws, id]);
  useEffect(() => void load(), [load]);

  /** Shows the figures for `f`; asked again while figures are on their way, does nothing. */
  function apply(f: Filter) {
    return run(async () => {
      setError(null);
      try {
        setView((await datasetsApi.get(ws, id, f)).result);
        setFilter(f);
      } catch (e) {
        setError(errorText(e));
      }
    });
  }
  async function act(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorText(e));
    }
  }

  if (!whole || !view)
    return error ? <ErrorSummary message={error} /> : <p role="status">{t('common.loading')}</p>;
  const filtered = Object.keys(filter).length > 0;
  const warnings = warningWords(whole.result.log);
  return (
    <div className="datasets">
      <nav aria-label={t('datasets.breadcrumb')} className="datasets-crumbs">
        <Link to={{ page: 'home', ws }}>{t('datasets.journeys')}</Link> ›{' '}
        <Link to={{ page: 'datasets', ws }}>{t('datasets.heading')}</Link>
      </nav>
      <h1>{whole.name}</h1>
      <p className="hint">
        {whole.createdBy
          ? t('datasets.page.importedBy', {
              file: whole.fileName,
              format: whole.format.toUpperCase(),
              when: formatDateTimeIn(whole.createdAt),
              who: whole.createdBy.name,
            })
          : t('datasets.page.imported', {
              file: whole.fileName,
              format: whole.format.toUpperCase(),
              when: formatDateTimeIn(whole.createdAt),
            })}
      </p>
      <ErrorSummary message={error} />
      {warnings.length > 0 ? (
        <div className="notice">
          <h2>{t('datasets.page.warnings')}</h2>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <FiltersForm whole={whole.result} value={filter} onApply={(f) => void apply(f)} busy={busy} />
      <p role="status" aria-live="polite" className="datasets-status">
        {busy
          ? t('datasets.page.recomputing')
          : filtered
            ? t('datasets.page.showingFiltered', { shown: view.log.cases, total: whole.cases })
            : t('datasets.page.showingAll', { total: whole.cases })}
      </p>
      <KeyFigures a={view} />
      <OutcomeFigures
        view={view}
        whole={whole.result}
        sco={filter.sco}
        busy={busy}
        onMeasure={(rule) => {
          const { sco: _sco, scoWhen: _when, ...rest } = filter;
          void apply({ ...rest, ...filterOfRule(rule) });
        }}
        stored={storedRule}
        valueSource={journeyMeta?.valueClasses ? { journey: journeyMeta.title } : undefined}
        onSave={
          canEdit && whole.journeyId
            ? (rule) =>
                void act(async () => {
                  const j = await improveApi.journey(ws, whole.journeyId!);
                  await improveApi.sendCommands(ws, whole.journeyId!, j.version, [
                    { type: 'meta.update', patch: { outcomeRule: rule } },
                  ]);
                  setStoredRule(rule);
                  setSaved(true);
                  const { sco: _sco, scoWhen: _when, ...rest } = filter;
                  await apply({ ...rest, ...filterOfRule(rule) });
                })
            : undefined
        }
      />
      {saved ? (
        <p role="status" className="datasets-status" data-testid="sco-saved">
          {t('evidence.dataset.scoSaved')}
        </p>
      ) : null}
      {whole.journeyId && journeyMeta ? (
        <ValueClassesPanel
          key={whole.journeyId}
          activities={activitiesOf(whole.result)}
          stored={journeyMeta.valueClasses}
          canEdit={canEdit}
          onSave={async (classes: ValueClassesDefinition | undefined) => {
            const j = await improveApi.journey(ws, whole.journeyId!);
            const saved = await improveApi.sendCommands(ws, whole.journeyId!, j.version, [
              classes
                ? { type: 'meta.update', patch: { valueClasses: classes } }
                : { type: 'meta.update', patch: {}, unset: ['valueClasses'] },
            ]);
            setJourneyMeta(saved.journey.meta);
            await apply(filter);
          }}
        />
      ) : (
        <p className="hint">{t('valueAdded.classes.notAttached')}</p>
      )}
      {view.log.cases === 0 ? (
        <p>{t('datasets.page.noMatch')}</p>
      ) : (
        <>
          <ProcessMap analysis={view} />
          <Variants a={view} />
          <SegmentsTable a={view} />
          <section aria-labelledby="dist-heading">
            <h2 id="dist-heading">{t('datasets.page.distributions')}</h2>
            <div className="datasets-columns">
              <Histogram
                title={t('datasets.histogram.contacts')}
                unit="contacts"
                bins={view.histograms.contactsPerCase}
              />
              <Histogram
                title={t('datasets.histogram.duration')}
                unit="days"
                bins={view.histograms.durationDays}
              />
            </div>
          </section>
        </>
      )}
      <Rejections d={whole} />
      <AttachPanel ws={ws} dataset={whole} canEdit={canEdit} onChanged={() => void load()} />
      {canEdit ? (
        <section aria-labelledby="manage-heading">
          <h2 id="manage-heading">{t('datasets.manage.heading')}</h2>
          <div className="datasets-actions">
            <button
              className="button button--secondary"
              type="button"
              onClick={() =>
                void act(async () => {
                  const j = await datasetsApi.derive(
                    ws,
                    id,
                    t('datasets.manage.derivedTitle', { name: whole.name }),
                  );
                  navigate({ page: 'editor', ws, id: j.id });
                })
              }
            >
              {t('datasets.manage.derive')}
            </button>
            {whole.hasRaw ? (
              <>
                <a className="button button--secondary" href={datasetsApi.rawUrl(ws, id)} download>
                  {t('datasets.manage.download')}
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
                  {t('datasets.manage.deleteRaw')}
                </button>
              </>
            ) : (
              <p>{t('datasets.manage.notKept')}</p>
            )}
            <button
              className="button button--warning"
              type="button"
              onClick={() => {
                if (window.confirm(t('datasets.manage.confirmDelete', { name: whole.name })))
                  void act(async () => {
                    await datasetsApi.remove(ws, id);
                    navigate({ page: 'datasets', ws });
                  });
              }}
            >
              {t('datasets.manage.delete')}
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
    [t('datasets.figures.cases'), formatCount(a.log.cases)],
    [t('datasets.figures.events'), formatCount(a.log.events)],
    [t('datasets.figures.activities'), formatCount(a.log.activities)],
    [
      t('datasets.figures.period'),
      a.log.start && a.log.end
        ? t('datasets.figures.periodValue', { from: formatDateIn(a.log.start), to: formatDateIn(a.log.end) })
        : '—',
    ],
    [
      t('datasets.figures.contactsPerCase'),
      t('datasets.figures.contactsPerCaseValue', {
        mean: c.contactsPerCase.mean ?? 0,
        median: c.contactsPerCase.median ?? 0,
        p90: c.contactsPerCase.p90 ?? 0,
      }),
    ],
    [
      t('datasets.figures.duration'),
      t('datasets.figures.durationValue', {
        median: formatDuration(c.durationSeconds.median),
        mean: formatDuration(c.durationSeconds.mean),
      }),
    ],
    [
      t('datasets.figures.avoidable'),
      a.avoidable.ni14Percent === null
        ? '—'
        : a.avoidable.interval
          ? t('datasets.figures.avoidableWithInterval', {
              share: formatPercent(a.avoidable.ni14Percent / 100),
              low: formatPercent(a.avoidable.interval.low / 100),
              high: formatPercent(a.avoidable.interval.high / 100),
            })
          : formatPercent(a.avoidable.ni14Percent / 100),
    ],
    [t('datasets.figures.handoffs'), a.handoffs ? formatCount(a.handoffs.casesWithHandoff) : '—'],
    [
      t('datasets.figures.rework'),
      t('datasets.figures.reworkValue', {
        count: a.rework.casesWithRework,
        share: formatPercent(a.rework.shareOfCases),
      }),
    ],
    [
      t('datasets.figures.silences', { threshold: formatDuration(a.silences.thresholdSeconds) }),
      formatCount(a.silences.casesOverThreshold),
    ],
    [
      t('datasets.figures.cost'),
      a.channels?.costPerJourney.mean != null
        ? `${formatMoney(a.channels.costPerJourney.mean)} (${
            a.channels.costSource === 'log'
              ? t('costs.basis.fromLog')
              : a.channels.table
                ? costBasisLabel(tableBasis({ ...a.channels.table, perContact: {} }), getTranslator())
                : '—'
          })`
        : '—',
    ],
  ];
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('datasets.figures.heading')}</h2>
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
          {t('datasets.figures.channelMix', {
            mix: formatList(
              a.channels.channels.map((ch) =>
                t('datasets.figures.channelShare', { channel: ch.channel, share: formatPercent(ch.share) }),
              ),
            ),
          })}
        </p>
      ) : null}
    </section>
  );
}

function Variants({ a }: { a: Analysis }) {
  return (
    <section aria-labelledby="variants-heading">
      <h2 id="variants-heading">{t('datasets.variants.heading')}</h2>
      <p className="hint">{t('datasets.variants.intro', { count: a.variants.count })}</p>
      <table className="datasets-table">
        <thead>
          <tr>
            <th scope="col">{t('datasets.variants.rank')}</th>
            <th scope="col">{t('datasets.variants.activities')}</th>
            <th scope="col" className="num">
              {t('datasets.variants.cases')}
            </th>
            <th scope="col" className="num">
              {t('datasets.variants.coverage')}
            </th>
          </tr>
        </thead>
        <tbody>
          {a.variants.top.slice(0, 10).map((v, i) => (
            <tr key={i}>
              <td>{formatCount(i + 1)}</td>
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
      <h2 id="rejected-heading">{t('datasets.rejected.heading')}</h2>
      {d.rejectedRows === 0 ? (
        <p>{t('datasets.rejected.none')}</p>
      ) : (
        <>
          <p>
            {d.rejections.length < d.rejectedRows
              ? t('datasets.rejected.someListed', { count: d.rejectedRows, listed: d.rejections.length })
              : t('datasets.rejected.allListed', { count: d.rejectedRows })}
          </p>
          <table className="datasets-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('datasets.rejected.line')}
                </th>
                <th scope="col">{t('datasets.rejected.column')}</th>
                <th scope="col">{t('datasets.rejected.why')}</th>
              </tr>
            </thead>
            <tbody>
              {d.rejections.map((r, i) => (
                <tr key={i}>
                  <td className="num">{formatCount(r.line)}</td>
                  <td>{r.field ?? '—'}</td>
                  <td>{rejectionWords(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
