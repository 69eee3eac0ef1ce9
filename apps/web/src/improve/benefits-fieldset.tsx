import { figureKeys, perspectiveLabels, perspectives, type Benefit } from '@waymark/measure';
import { AddButton, RemoveButton } from './list-buttons';

type BenefitDraft = Omit<Benefit, 'money'> & { money?: Benefit['money'] };
const moneyLabels: Record<Benefit['money'], string> = {
  'cash-releasing': 'Cash-releasing',
  'time-released': 'Time released',
  'non-monetary': 'Not monetary',
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
      <legend>Benefits (Balanced Scorecard)</legend>
      <p className="hint">
        Savings already count as financial and capacity benefits. Add the others, quantified where a journey
        figure measures them.
      </p>
      {benefits.map((b, i) => (
        <div className="improve-line" role="group" aria-label={`Benefit ${i + 1}`} key={b.id}>
          <div className="field">
            <label htmlFor={`benefit-${i}-description`}>Benefit</label>
            <input
              id={`benefit-${i}-description`}
              value={b.description}
              onChange={(e) => set(i, { description: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`benefit-${i}-perspective`}>Perspective</label>
            <select
              id={`benefit-${i}-perspective`}
              value={b.perspective}
              onChange={(e) => set(i, { perspective: e.target.value as Benefit['perspective'] })}
            >
              {perspectives.map((p) => (
                <option key={p} value={p}>
                  {perspectiveLabels[p]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`benefit-${i}-money`}>Money</label>
            <select
              id={`benefit-${i}-money`}
              value={b.money ?? 'non-monetary'}
              onChange={(e) => set(i, { money: e.target.value as Benefit['money'] })}
            >
              {Object.entries(moneyLabels).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`benefit-${i}-figure`}>Measured by</label>
            <select
              id={`benefit-${i}-figure`}
              value={b.figureKey ?? ''}
              onChange={(e) => set(i, { figureKey: e.target.value || undefined })}
            >
              <option value="">Not measured</option>
              {Object.values(figureKeys).map((k) => (
                <option key={k} value={k}>
                  {k.replace(/-/g, ' ')}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`benefit-${i}-expected`}>Expected figure</label>
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
              what={`benefit ${i + 1}`}
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
          Add a benefit
        </AddButton>
      ) : null}
    </fieldset>
  );
}
