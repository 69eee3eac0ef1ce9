import type { BusinessCaseInputDraft, Cost, Saving } from '@waymark/measure';
import { defaultDiscountScheduleId, discountSchedules, fiveCaseKeys } from '@waymark/measure';
import type { ReactNode } from 'react';
import { BenefitsFieldset } from './benefits-fieldset';
import { fieldId, type BusinessCaseData } from './business-case-data';
import { AddButton, RemoveButton } from './list-buttons';

type SavingDraft = NonNullable<BusinessCaseInputDraft['savings']>[number];
type CostDraft = NonNullable<BusinessCaseInputDraft['costs']>[number];

interface Props {
  readonly data: BusinessCaseData;
  readonly onChange: (data: BusinessCaseData) => void;
  readonly canEdit: boolean;
  readonly errorPath: string | null;
  readonly onPrefill: () => void;
  readonly onSave: () => void;
}

const num = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));
const caseLabels: Record<(typeof fiveCaseKeys)[number], string> = {
  strategic: 'Strategic case: is there a compelling case for change?',
  economic: 'Economic case: does it offer the best public value?',
  commercial: 'Commercial case: is it commercially viable?',
  financial: 'Financial case: is it affordable?',
  management: 'Management case: can it be delivered?',
};

/** The inputs of a business case; every field labelled, errors from the server shown at the field. */
export function BusinessCaseForm({ data, onChange, canEdit, errorPath, onPrefill, onSave }: Props) {
  const input = data.input;
  const setInput = (patch: Partial<BusinessCaseInputDraft>) =>
    onChange({ ...data, input: { ...input, ...patch } });
  const savings = input.savings ?? [];
  const costs = input.costs ?? [];
  const setSaving = (i: number, patch: Partial<SavingDraft>) =>
    setInput({ savings: savings.map((s, k) => (k === i ? ({ ...s, ...patch } as SavingDraft) : s)) });
  const setCost = (i: number, patch: Partial<CostDraft>) =>
    setInput({ costs: costs.map((c, k) => (k === i ? ({ ...c, ...patch } as CostDraft) : c)) });
  const invalid = (path: string) => errorPath === `data.${path}`;
  const field = (
    path: string,
    label: string,
    control: (id: string, bad: boolean) => ReactNode,
    hint?: string,
  ) => {
    const id = fieldId(path);
    const bad = invalid(path);
    return (
      <div className={`field${bad ? ' field--error' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {hint ? <p className="hint">{hint}</p> : null}
        {control(id, bad)}
      </div>
    );
  };
  const numberInput =
    (path: string, value: number | undefined, set: (n: number | undefined) => void, step = 'any') =>
    (id: string, bad: boolean) => (
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step={step}
        min={0}
        value={value ?? ''}
        aria-invalid={bad || undefined}
        disabled={!canEdit}
        onChange={(e) => set(num(e.target.value))}
        data-path={path}
      />
    );
  const textInput = (value: string | undefined, set: (s: string) => void) => (id: string, bad: boolean) => (
    <input
      id={id}
      type="text"
      value={value ?? ''}
      aria-invalid={bad || undefined}
      disabled={!canEdit}
      onChange={(e) => set(e.target.value)}
    />
  );
  const volume = Array.isArray(input.annualVolumes) ? input.annualVolumes[0] : input.annualVolumes;

  return (
    <form
      className="improve-form"
      aria-label="Business case inputs"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <fieldset>
        <legend>The case</legend>
        {field(
          'input.title',
          'Title',
          textInput(input.title, (title) => setInput({ title })),
        )}
        {field(
          'organisation',
          'Organisation',
          textInput(data.organisation, (organisation) => onChange({ ...data, organisation })),
        )}
        <div className="improve-row">
          {field(
            'input.annualVolumes',
            'Journeys a year',
            numberInput('input.annualVolumes', volume, (n) => setInput({ annualVolumes: n ?? 0 }), '1'),
            'How many people make this journey each year',
          )}
          {field(
            'input.appraisalYears',
            'Appraisal period (years)',
            numberInput(
              'input.appraisalYears',
              input.appraisalYears,
              (n) => setInput({ appraisalYears: n ?? 1 }),
              '1',
            ),
          )}
          {field(
            'input.firstCalendarYear',
            'Calendar year of year 0',
            numberInput(
              'input.firstCalendarYear',
              input.firstCalendarYear,
              (n) => setInput(n === undefined ? { firstCalendarYear: undefined } : { firstCalendarYear: n }),
              '1',
            ),
            'Optional, for labels',
          )}
        </div>
        <div className="improve-row">
          {field(
            'input.optimismBiasPercent',
            'Optimism bias on costs (%)',
            numberInput('input.optimismBiasPercent', input.optimismBiasPercent, (n) =>
              setInput({ optimismBiasPercent: n ?? 0 }),
            ),
            'Green Book: up to 200 % for bespoke IT capital',
          )}
          {field('input.scheduleId', 'Discount rates', (id) => (
            <select
              id={id}
              value={input.scheduleId ?? defaultDiscountScheduleId}
              disabled={!canEdit}
              onChange={(e) => setInput({ scheduleId: e.target.value })}
            >
              {discountSchedules.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          ))}
          {field(
            'sensitivityPercent',
            'Sensitivity range (± %)',
            numberInput('sensitivityPercent', data.sensitivityPercent, (n) =>
              onChange({ ...data, sensitivityPercent: n ?? 10 }),
            ),
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend>Savings per journey</legend>
        <p className="hint">
          Keep cash-releasing savings (a budget can fall) apart from staff time released (capacity, not cash).
        </p>
        {canEdit ? (
          <button type="button" className="button button--secondary" onClick={onPrefill}>
            Prefill from the comparison
          </button>
        ) : null}
        {savings.map((s, i) => (
          <div className="improve-line" key={i} role="group" aria-label={`Saving ${i + 1}`}>
            {field(
              `input.savings[${i}].label`,
              'What is saved',
              textInput(s.label, (label) => setSaving(i, { label })),
            )}
            {field(`input.savings[${i}].kind`, 'Kind', (id) => (
              <select
                id={id}
                value={s.kind}
                disabled={!canEdit}
                onChange={(e) => setSaving(i, { kind: e.target.value as Saving['kind'] })}
              >
                <option value="cash-releasing">Cash-releasing</option>
                <option value="time-released">Time released</option>
              </select>
            ))}
            {field(
              `input.savings[${i}].perJourney`,
              '£ per journey',
              numberInput(`input.savings[${i}].perJourney`, s.perJourney, (n) =>
                setSaving(i, { perJourney: n }),
              ),
            )}
            {field(
              `input.savings[${i}].minutesPerJourney`,
              'Staff minutes per journey',
              numberInput(`input.savings[${i}].minutesPerJourney`, s.minutesPerJourney, (n) =>
                setSaving(i, { minutesPerJourney: n }),
              ),
            )}
            {canEdit ? (
              <RemoveButton
                what={`saving ${i + 1}`}
                onClick={() => setInput({ savings: savings.filter((_, k) => k !== i) })}
              />
            ) : null}
          </div>
        ))}
        {canEdit ? (
          <AddButton
            onClick={() =>
              setInput({
                savings: [
                  ...savings,
                  {
                    id: `saving-${Date.now().toString(36)}`,
                    label: '',
                    kind: 'cash-releasing',
                    perJourney: 0,
                  },
                ],
              })
            }
          >
            Add a saving
          </AddButton>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>Costs</legend>
        {costs.map((c, i) => (
          <div className="improve-line" key={i} role="group" aria-label={`Cost ${i + 1}`}>
            {field(
              `input.costs[${i}].label`,
              'What it pays for',
              textInput(c.label, (label) => setCost(i, { label })),
            )}
            {field(`input.costs[${i}].kind`, 'Kind', (id) => (
              <select
                id={id}
                value={c.kind}
                disabled={!canEdit}
                onChange={(e) => setCost(i, { kind: e.target.value as Cost['kind'] })}
              >
                <option value="one-off">One-off</option>
                <option value="recurring">Recurring (each year)</option>
              </select>
            ))}
            {field(
              `input.costs[${i}].amount`,
              '£',
              numberInput(`input.costs[${i}].amount`, c.amount, (n) => setCost(i, { amount: n ?? 0 })),
            )}
            {field(
              `input.costs[${i}].fromYear`,
              c.kind === 'one-off' ? 'In year' : 'From year',
              numberInput(
                `input.costs[${i}].fromYear`,
                c.fromYear,
                (n) => setCost(i, { fromYear: n ?? 0 }),
                '1',
              ),
            )}
            {canEdit ? (
              <RemoveButton
                what={`cost ${i + 1}`}
                onClick={() => setInput({ costs: costs.filter((_, k) => k !== i) })}
              />
            ) : null}
          </div>
        ))}
        {canEdit ? (
          <AddButton
            onClick={() =>
              setInput({
                costs: [
                  ...costs,
                  {
                    id: `cost-${Date.now().toString(36)}`,
                    label: '',
                    kind: 'one-off',
                    amount: 0,
                    fromYear: 0,
                  },
                ],
              })
            }
          >
            Add a cost
          </AddButton>
        ) : null}
      </fieldset>

      <BenefitsFieldset
        benefits={data.benefits ?? []}
        canEdit={canEdit}
        onChange={(benefits) => onChange({ ...data, benefits })}
      />
      <fieldset>
        <legend>Five Case outline</legend>
        {fiveCaseKeys.map((k) => (
          <div className="field" key={k}>
            <label htmlFor={`bc-five-${k}`}>{caseLabels[k]}</label>
            <textarea
              id={`bc-five-${k}`}
              rows={3}
              value={data.fiveCase?.[k] ?? ''}
              disabled={!canEdit}
              onChange={(e) => onChange({ ...data, fiveCase: { ...data.fiveCase, [k]: e.target.value } })}
            />
          </div>
        ))}
      </fieldset>
      {canEdit ? (
        <button type="submit" className="button">
          Save and calculate
        </button>
      ) : null}
    </form>
  );
}
