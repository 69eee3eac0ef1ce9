import {
  buildUp,
  costActivities,
  costBasisLabel,
  resolveCostModel,
  wasteSaving,
  type ActivityProfile,
  type CostModel,
} from '@waymark/measure';
import { useEffect, useMemo, useState } from 'react';
import { formatMoney, formatNumber, getTranslator, t, type MessageId } from '../i18n';
import { emptyBusinessCase, type BusinessCaseData } from '../improve/business-case-data';
import { classLabel } from '../improve/sampling-labels';
import { useArtifact } from '../improve/use-artifact';
import { costsApi } from './costs-api';
import { readNumber } from './costs-form';

/** A channel's name in the chosen language; an unknown id as it is. */
const channelName = (channel: string): string => {
  const id = `model.channel.${channel}` as MessageId;
  const words = t(id);
  return words === id ? channel : words;
};

interface RateOption {
  readonly value: string;
  readonly model: CostModel;
  readonly rate: number;
  readonly label: string;
}

/** Built-up lines of the workspace's models: each has a loaded hourly rate to price sampled time with. */
function rateOptions(models: readonly CostModel[]): RateOption[] {
  return models.flatMap((model) =>
    model.lines.flatMap((line, i) =>
      line.method === 'built-up'
        ? [
            {
              value: `${model.id}#${i}`,
              model,
              rate: buildUp(line).loadedHourlyRate,
              label: t('costs.activity.rateOption', {
                model: model.name,
                line: line.scope === 'channel' ? channelName(line.key) : line.key,
                rate: formatMoney(Math.round(buildUp(line).loadedHourlyRate * 100) / 100),
              }),
            },
          ]
        : [],
    ),
  );
}

/**
 * Activity costing (issue 13 item 6): the sampled shares × the staff hours a year the sample stands for × a
 * loaded hourly rate from the workspace's cost model; the waste goes into the business case as a saving.
 */
export function ActivityCosts({
  ws,
  id,
  profile,
  canEdit,
}: {
  ws: string;
  id: string;
  profile: ActivityProfile;
  canEdit: boolean;
}) {
  const [options, setOptions] = useState<RateOption[]>([]);
  const [choice, setChoice] = useState('');
  const [hours, setHours] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const businessCase = useArtifact<BusinessCaseData>(ws, id, 'business-case', () => emptyBusinessCase(''));
  useEffect(() => {
    costsApi
      .overview(ws)
      .then((o) => {
        const found = rateOptions(o.models);
        setOptions(found);
        setChoice((c) => c || (found[0]?.value ?? ''));
      })
      .catch(() => setOptions([]));
  }, [ws]);
  const option = options.find((o) => o.value === choice);
  const costing = useMemo(() => {
    if (!option) return null;
    const resolved = resolveCostModel(option.model);
    if (!resolved.ok) return null;
    const r = costActivities(profile, readNumber(hours), option.rate, resolved.value.basis);
    return r.ok ? r.value : null;
  }, [option, profile, hours]);
  const pounds = (pence: number) => formatMoney(pence / 100);

  async function addToBusinessCase() {
    if (!costing || !businessCase.data) return;
    const label = t('costs.activity.wasteSaving', { basis: costBasisLabel(costing.basis, getTranslator()) });
    const saving = wasteSaving(costing, label);
    const data = businessCase.data;
    const saved = await businessCase.save({
      ...data,
      input: {
        ...data.input,
        savings: [...(data.input.savings ?? []).filter((s) => s.id !== saving.id), saving],
      },
    });
    setStatus(saved ? t('costs.activity.added', { amount: pounds(costing.wasteCost) }) : null);
  }

  return (
    <section aria-labelledby="activity-costs-heading">
      <h3 id="activity-costs-heading">{t('costs.activity.heading')}</h3>
      {options.length === 0 ? (
        <p>{t('costs.activity.noLines')}</p>
      ) : (
        <form className="improve-form improve-form--inline" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="activity-rate">{t('costs.activity.rateLine')}</label>
            <select id="activity-rate" value={choice} onChange={(e) => setChoice(e.target.value)}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="activity-hours">{t('costs.activity.hours')}</label>
            <p className="hint" id="activity-hours-hint">
              {t('costs.activity.hoursHint')}
            </p>
            <input
              id="activity-hours"
              className="input--short"
              inputMode="decimal"
              aria-describedby="activity-hours-hint"
              value={hours}
              onChange={(e) => setHours(e.target.value)}
            />
          </div>
        </form>
      )}
      {costing ? (
        <>
          <table className="improve-table" data-testid="activity-costs">
            <caption>
              {t('costs.activity.caption', { basis: costBasisLabel(costing.basis, getTranslator()) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('costs.activity.activity')}</th>
                <th scope="col">{t('costs.activity.classification')}</th>
                <th scope="col">{t('costs.activity.hoursCol')}</th>
                <th scope="col">{t('costs.activity.cost')}</th>
                <th scope="col">{t('costs.activity.interval')}</th>
              </tr>
            </thead>
            <tbody>
              {costing.activities.map((a) => (
                <tr key={a.categoryId}>
                  <th scope="row">{a.label}</th>
                  <td>{classLabel(a.classification)}</td>
                  <td className="num">{formatNumber(a.hoursPerYear, { maximumFractionDigits: 1 })}</td>
                  <td className="num" data-value={a.costPerYear}>
                    {pounds(a.costPerYear)}
                  </td>
                  <td className="num">
                    {t('costs.activity.range', { low: pounds(a.costLow), high: pounds(a.costHigh) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="activity-nva">
            {t('costs.activity.nonValueAdded', {
              nva: pounds(costing.nonValueAddedCost),
              waste: pounds(costing.wasteCost),
            })}
          </p>
          {canEdit ? (
            <button type="button" className="button" onClick={() => void addToBusinessCase()}>
              {t('costs.activity.add')}
            </button>
          ) : null}
          {status ? <p role="status">{status}</p> : null}
        </>
      ) : options.length > 0 ? (
        <p>{t('costs.activity.enterHours')}</p>
      ) : null}
    </section>
  );
}
