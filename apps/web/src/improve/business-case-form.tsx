import type { BusinessCaseInputDraft, Cost, Saving } from '@waymark/measure';
import { defaultDiscountScheduleId, discountSchedules, fiveCaseKeys } from '@waymark/measure';
import type { ReactNode } from 'react';
import { t } from '../i18n';
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
const caseLabel = (key: (typeof fiveCaseKeys)[number]): string => t(`business.form.fiveCase.${key}`);
/** A built-in schedule's name in the chosen language; a custom one as written. */
const scheduleName = (s: { id: string; label: string }): string =>
  s.id === 'green-book-2022-standard' || s.id === 'green-book-2022-health'
    ? t(`measure.schedule.${s.id}`)
    : s.label;

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
      aria-label={t('business.form.label')}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <fieldset>
        <legend>{t('business.form.theCase')}</legend>
        {field(
          'input.title',
          t('business.form.title'),
          textInput(input.title, (title) => setInput({ title })),
        )}
        {field(
          'organisation',
          t('business.form.organisation'),
          textInput(data.organisation, (organisation) => onChange({ ...data, organisation })),
        )}
        <div className="improve-row">
          {field(
            'input.annualVolumes',
            t('business.form.journeysAYear'),
            numberInput('input.annualVolumes', volume, (n) => setInput({ annualVolumes: n ?? 0 }), '1'),
            t('business.form.journeysAYearHint'),
          )}
          {field(
            'input.appraisalYears',
            t('business.form.appraisalYears'),
            numberInput(
              'input.appraisalYears',
              input.appraisalYears,
              (n) => setInput({ appraisalYears: n ?? 1 }),
              '1',
            ),
          )}
          {field(
            'input.firstCalendarYear',
            t('business.form.firstCalendarYear'),
            numberInput(
              'input.firstCalendarYear',
              input.firstCalendarYear,
              (n) => setInput(n === undefined ? { firstCalendarYear: undefined } : { firstCalendarYear: n }),
              '1',
            ),
            t('business.form.firstCalendarYearHint'),
          )}
        </div>
        <div className="improve-row">
          {field(
            'input.optimismBiasPercent',
            t('business.form.optimismBias'),
            numberInput('input.optimismBiasPercent', input.optimismBiasPercent, (n) =>
              setInput({ optimismBiasPercent: n ?? 0 }),
            ),
            t('business.form.optimismBiasHint'),
          )}
          {field('input.scheduleId', t('measure.figure.discountRates'), (id) => (
            <select
              id={id}
              value={input.scheduleId ?? defaultDiscountScheduleId}
              disabled={!canEdit}
              onChange={(e) => setInput({ scheduleId: e.target.value })}
            >
              {discountSchedules.map((s) => (
                <option key={s.id} value={s.id}>
                  {scheduleName(s)}
                </option>
              ))}
            </select>
          ))}
          {field(
            'sensitivityPercent',
            t('business.form.sensitivity'),
            numberInput('sensitivityPercent', data.sensitivityPercent, (n) =>
              onChange({ ...data, sensitivityPercent: n ?? 10 }),
            ),
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('business.form.savings')}</legend>
        <p className="hint">{t('business.form.savingsHint')}</p>
        {canEdit ? (
          <button type="button" className="button button--secondary" onClick={onPrefill}>
            {t('business.form.prefill')}
          </button>
        ) : null}
        {savings.map((s, i) => (
          <div
            className="improve-line"
            key={i}
            role="group"
            aria-label={t('business.saving.group', { number: i + 1 })}
          >
            {field(
              `input.savings[${i}].label`,
              t('business.saving.label'),
              textInput(s.label, (label) => setSaving(i, { label })),
            )}
            {field(`input.savings[${i}].kind`, t('business.form.kind'), (id) => (
              <select
                id={id}
                value={s.kind}
                disabled={!canEdit}
                onChange={(e) => setSaving(i, { kind: e.target.value as Saving['kind'] })}
              >
                <option value="cash-releasing">{t('business.money.cashReleasing')}</option>
                <option value="time-released">{t('business.money.timeReleased')}</option>
              </select>
            ))}
            {field(
              `input.savings[${i}].perJourney`,
              t('business.saving.perJourney'),
              numberInput(`input.savings[${i}].perJourney`, s.perJourney, (n) =>
                setSaving(i, { perJourney: n }),
              ),
            )}
            {field(
              `input.savings[${i}].minutesPerJourney`,
              t('business.saving.minutes'),
              numberInput(`input.savings[${i}].minutesPerJourney`, s.minutesPerJourney, (n) =>
                setSaving(i, { minutesPerJourney: n }),
              ),
            )}
            {canEdit ? (
              <RemoveButton
                what={t('business.saving.removeWhat', { number: i + 1 })}
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
            {t('business.saving.add')}
          </AddButton>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>{t('business.form.costs')}</legend>
        {costs.map((c, i) => (
          <div
            className="improve-line"
            key={i}
            role="group"
            aria-label={t('business.cost.group', { number: i + 1 })}
          >
            {field(
              `input.costs[${i}].label`,
              t('business.cost.label'),
              textInput(c.label, (label) => setCost(i, { label })),
            )}
            {field(`input.costs[${i}].kind`, t('business.form.kind'), (id) => (
              <select
                id={id}
                value={c.kind}
                disabled={!canEdit}
                onChange={(e) => setCost(i, { kind: e.target.value as Cost['kind'] })}
              >
                <option value="one-off">{t('business.cost.oneOff')}</option>
                <option value="recurring">{t('business.cost.recurring')}</option>
              </select>
            ))}
            {field(
              `input.costs[${i}].amount`,
              t('business.cost.amount'),
              numberInput(`input.costs[${i}].amount`, c.amount, (n) => setCost(i, { amount: n ?? 0 })),
            )}
            {field(
              `input.costs[${i}].fromYear`,
              t(c.kind === 'one-off' ? 'business.cost.inYear' : 'business.cost.fromYear'),
              numberInput(
                `input.costs[${i}].fromYear`,
                c.fromYear,
                (n) => setCost(i, { fromYear: n ?? 0 }),
                '1',
              ),
            )}
            {canEdit ? (
              <RemoveButton
                what={t('business.cost.removeWhat', { number: i + 1 })}
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
            {t('business.cost.add')}
          </AddButton>
        ) : null}
      </fieldset>

      <BenefitsFieldset
        benefits={data.benefits ?? []}
        canEdit={canEdit}
        onChange={(benefits) => onChange({ ...data, benefits })}
      />
      <fieldset>
        <legend>{t('measure.report.fiveCase')}</legend>
        {fiveCaseKeys.map((k) => (
          <div className="field" key={k}>
            <label htmlFor={`bc-five-${k}`}>{caseLabel(k)}</label>
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
          {t('business.form.save')}
        </button>
      ) : null}
    </form>
  );
}
