import { costBasisLabel, type CostBasis, type CostModel } from '@waymark/measure';
import { useEffect, useState } from 'react';
import { Link } from '../app/router';
import { getTranslator, t } from '../i18n';
import { costsApi } from './costs-api';

export interface CostChoiceValue {
  /** '' for the workspace's default. */
  readonly modelId: string;
  readonly priceYear: string;
}

/** The query a comparison takes for a choice: nothing for the workspace's default. */
export const costQuery = (v: CostChoiceValue): { costModel?: string; priceYear?: string } => ({
  ...(v.modelId === '' ? {} : { costModel: v.modelId }),
  ...(v.priceYear.trim() === '' ? {} : { priceYear: v.priceYear.trim() }),
});

/** Which cost model and price year Compare (and the business case carried from it) uses (issue 13 item 2). */
export function CostChoice({
  ws,
  value,
  onChange,
}: {
  ws: string;
  value: CostChoiceValue;
  onChange: (v: CostChoiceValue) => void;
}) {
  const [models, setModels] = useState<readonly CostModel[]>([]);
  const [year, setYear] = useState(value.priceYear);
  useEffect(() => {
    costsApi
      .overview(ws)
      .then((o) => setModels([...o.models, ...o.published]))
      .catch(() => setModels([]));
  }, [ws]);
  return (
    <>
      <div className="field">
        <label htmlFor="compare-cost-model">{t('costs.compare.model')}</label>
        <select
          id="compare-cost-model"
          value={value.modelId}
          onChange={(e) => onChange({ ...value, modelId: e.target.value })}
        >
          <option value="">{t('costs.compare.default')}</option>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.kind === 'published'
                ? t('costs.published.option', { name: m.name, year: m.priceYear || '—' })
                : m.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="compare-price-year">{t('costs.compare.priceYear')}</label>
        <input
          id="compare-price-year"
          className="input--short"
          value={year}
          onChange={(e) => setYear(e.target.value)}
          onBlur={() => onChange({ ...value, priceYear: year })}
        />
      </div>
      <p>
        <Link to={{ page: 'costs', ws }}>{t('costs.compare.manage')}</Link>
      </p>
    </>
  );
}

/** "Costs: Workspace model ‘Melton 2026’, 2024 prices." beside every cost figure. */
export function CostBasisLine({ basis }: { basis: CostBasis | undefined }) {
  if (!basis) return null;
  return (
    <p data-testid="cost-basis">
      {t('costs.basis.costsUsed', { basis: costBasisLabel(basis, getTranslator()) })}
    </p>
  );
}
