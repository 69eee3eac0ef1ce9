import { figureKeys, perspectives, type Benefit } from '@waymark/measure';
import { t, type MessageId } from '../i18n';
import { AddButton, RemoveButton } from './list-buttons';

type BenefitDraft = Omit<Benefit, 'money'> & { money?: Benefit['money'] };
const moneyIds: Record<Benefit['money'], MessageId> = {
  'cash-releasing': 'business.money.cashReleasing',
  'time-released': 'business.money.timeReleased',
  'non-monetary': 'business.money.nonMonetary',
};
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** Balanced Scorecard benefits: quantified when linked to a journey figure with an expected value, or not. */
export function BenefitsFieldset({
  benefits,
  canEdit,
  onChange,
}: {
  benefits: readonly BenefitDraft[];
  canEdit: boolean;
  onChange: (benefits: BenefitDraft[]) => void;
}) {
  const set = (i: number, patch: Partial<BenefitDraft>) =>
    onChange(benefits.map((b, k) => (k === i ? ({ ...b, ...patch } as BenefitDraft) : b)));
  return (
    <fieldset disabled={!canEdit}>
      <legend>{t('business.benefits.legend')}</legend>
      <p className="hint">{t('business.benefits.hint')}</p>
      {benefits.map((b, i) => (
        <div
          className="improve-line"
          role="group"
          aria-label={t('business.benefits.group', { number: i + 1 })}
          key={b.id}
        >
          <div className="field">
            <label htmlFor={`benefit-${i}-description`}>{t('business.benefits.benefit')}</label>
            <input
              id={`benefit-${i}-description`}
              value={b.description}
              onChange={(e) => set(i, { description: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`benefit-${i}-perspective`}>{t('business.benefits.perspective')}</label>
            <select
              id={`benefit-${i}-perspective`}
              value={b.perspective}
              onChange={(e) => set(i, { perspective: e.target.value as Benefit['perspective'] })}
            >
              {perspectives.map((p) => (
                <option key={p} value={p}>
                  {t(`measure.perspective.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`benefit-${i}-money`}>{t('business.benefits.money')}</label>
            <select
              id={`benefit-${i}-money`}
              value={b.money ?? 'non-monetary'}
              onChange={(e) => set(i, { money: e.target.value as Benefit['money'] })}
            >
              {Object.entries(moneyIds).map(([k, id]) => (
                <option key={k} value={k}>
                  {t(id)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`benefit-${i}-figure`}>{t('business.benefits.measuredBy')}</label>
            <select
              id={`benefit-${i}-figure`}
              value={b.figureKey ?? ''}
              onChange={(e) => set(i, { figureKey: e.target.value || undefined })}
            >
              <option value="">{t('business.benefits.notMeasured')}</option>
              {Object.values(figureKeys).map((k) => (
                <option key={k} value={k}>
                  {t(`business.figureKey.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`benefit-${i}-expected`}>{t('business.benefits.expected')}</label>
            <input
              id={`benefit-${i}-expected`}
              type="number"
              step="any"
              value={b.expected ?? ''}
              onChange={(e) => set(i, { expected: num(e.target.value) })}
            />
          </div>
          {canEdit ? (
            <RemoveButton
              what={t('business.benefits.removeWhat', { number: i + 1 })}
              onClick={() => onChange(benefits.filter((_, k) => k !== i))}
            />
          ) : null}
        </div>
      ))}
      {canEdit ? (
        <AddButton
          onClick={() =>
            onChange([
              ...benefits,
              {
                id: `benefit-${Date.now().toString(36)}`,
                perspective: 'citizen',
                description: '',
                money: 'non-monetary',
              },
            ])
          }
        >
          {t('business.benefits.add')}
        </AddButton>
      ) : null}
    </fieldset>
  );
}
