import { useEffect, useState } from 'react';
import { CostChoice, costQuery, type CostChoiceValue } from '../costs/cost-choice';
import type { BusinessCase, BusinessCaseReport } from '@waymark/measure';
import { ErrorSummary, errorText } from '../ui/field';
import { BusinessCaseForm } from './business-case-form';
import { BusinessCaseResults } from './business-case-results';
import { emptyBusinessCase, savingsFromComparison, type BusinessCaseData } from './business-case-data';
import { improveApi } from './improve-api';
import type { ImproveViewProps } from './improve-page';
import { useArtifact } from './use-artifact';
import { getLocale, t } from '../i18n';

export interface BusinessCaseJson {
  readonly report: BusinessCaseReport;
  readonly businessCase: BusinessCase;
}

/** The business case of a journey: a form, saved with its version, and the results the export will print. */
export function BusinessCaseView({ ws, id, canEdit }: ImproveViewProps) {
  const stored = useArtifact<BusinessCaseData>(ws, id, 'business-case', () => emptyBusinessCase(''));
  const [draft, setDraft] = useState<BusinessCaseData | null>(null);
  const [results, setResults] = useState<BusinessCaseJson | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [costs, setCosts] = useState<CostChoiceValue>({ modelId: '', priceYear: '' });

  useEffect(() => {
    if (stored.data && !draft) setDraft(stored.data);
  }, [stored.data, draft]);
  useEffect(() => {
    if (stored.version === 0) return;
    improveApi
      .businessCaseJson<BusinessCaseJson>(ws, id, 'main', getLocale())
      .then(setResults)
      .catch((e: unknown) => setMessage(errorText(e)));
  }, [ws, id, stored.version]);

  async function prefill() {
    if (!draft) return;
    try {
      const here = await improveApi.journey(ws, id);
      const current = here.journey.meta.basedOn ?? id;
      const { comparison } = await improveApi.compare(ws, current, id, [], 'all', costQuery(costs));
      const savings = savingsFromComparison(comparison) ?? [];
      setDraft({
        ...draft,
        input: {
          ...draft.input,
          title: draft.input.title || comparison.desired.title,
          savings: [...(draft.input.savings ?? []).filter((s) => s.id !== 'cost-per-journey'), ...savings],
        },
        comparison: { current, desired: id },
      });
      setMessage(
        savings.length > 0
          ? t('improve.bc.prefilled', {
              current: comparison.current.title,
              desired: comparison.desired.title,
            })
          : t('improve.bc.noSaving', {
              current: comparison.current.title,
              desired: comparison.desired.title,
            }),
      );
    } catch (e) {
      setMessage(errorText(e));
    }
  }

  return (
    <section aria-labelledby="bc-heading">
      <h1 id="bc-heading">{t('improve.view.businessCase')}</h1>
      <ErrorSummary message={stored.error?.message ?? null} />
      {message ? (
        <p className="improve-notice" role="status">
          {message}
        </p>
      ) : null}
      {draft && canEdit ? (
        <div className="improve-form improve-form--inline">
          <CostChoice ws={ws} value={costs} onChange={setCosts} />
        </div>
      ) : null}
      {draft ? (
        <BusinessCaseForm
          data={draft}
          onChange={setDraft}
          canEdit={canEdit}
          errorPath={stored.error?.path ?? null}
          onPrefill={() => void prefill()}
          onSave={() => void stored.save(draft)}
        />
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
      <p role="status" className="improve-status">
        {stored.status}
      </p>
      {results && stored.version > 0 ? <BusinessCaseResults ws={ws} id={id} results={results} /> : null}
    </section>
  );
}
