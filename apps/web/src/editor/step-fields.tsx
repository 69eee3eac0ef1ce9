import { contentDescription, guidanceOf, type Column, type JourneyCommand } from '@waymark/core';
import { ChoiceField, CommitField } from './commit-field';
import { useEditorContext } from './editor-context';

/**
 * One step's settings in the structure panel: name, stage, its period or ages (by the axis), and under "More"
 * the owner (who holds the case), the wait before it, its duration and a description.
 */
export function StepFields({ column: c, index: i }: { column: Column; index: number }) {
  const { journey, execute } = useEditorContext();
  const set = (field: string, value: unknown): boolean =>
    execute(
      (value === undefined
        ? { type: 'column.update', id: c.id, patch: {}, unset: [field] }
        : { type: 'column.update', id: c.id, patch: { [field]: value } }) as JourneyCommand,
    );
  const text = (field: string, what: string) => (v: string) => {
    if (field === 'label' && v.trim() === '') return `${what}: expected some text`;
    return set(field, v.trim() === '' ? undefined : v.trim()) ? null : `${what}: refused`;
  };
  const days = (field: 'waitDays' | 'durationDays', what: string) => (v: string) => {
    if (v.trim() === '') return set(field, undefined) ? null : 'refused';
    const n = Number(v.replace(',', '.'));
    return Number.isFinite(n) && n >= 0 && set(field, n)
      ? null
      : `${what}: expected a number of days, 0 or more`;
  };
  const select = (
    field: string,
    label: string,
    options: readonly { id: string; name: string }[],
    none: string,
  ) => (
    <ChoiceField
      label={label}
      value={((c as Record<string, unknown>)[field] as string | undefined) ?? ''}
      onChange={(v) => set(field, v === '' ? undefined : v)}
    >
      <option value="">{none}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </ChoiceField>
  );
  return (
    <>
      <CommitField
        label={`Step ${i + 1} name`}
        value={c.label}
        onCommit={text('label', `Step ${i + 1} name`)}
      />
      {journey.stages.length > 0
        ? select('stageId', `Stage of ${c.label}`, journey.stages, '(no stage)')
        : null}
      {journey.axis.kind === 'dates' ? (
        <CommitField
          label={`Period of ${c.label}`}
          hint="A month as YYYY-MM or a day as YYYY-MM-DD."
          value={c.period ?? ''}
          onCommit={(v) =>
            set('period', v.trim() === '' ? undefined : v.trim())
              ? null
              : `Period of ${c.label}: expected a month as YYYY-MM or a day as YYYY-MM-DD`
          }
        />
      ) : null}
      {journey.axis.kind === 'ages' ? (
        <CommitField
          label={`Ages of ${c.label}`}
          hint="An age (e.g. 16) or a range (e.g. 16-18)."
          value={c.age ? `${c.age.from}${c.age.to !== undefined ? `-${c.age.to}` : ''}` : ''}
          onCommit={(v) => {
            if (v.trim() === '') return set('age', undefined) ? null : 'refused';
            const m = /^\s*(\d{1,3})\s*(?:[-–]\s*(\d{1,3}))?\s*$/.exec(v);
            if (!m) return `Ages of ${c.label}: expected an age such as 16 or a range such as 16-18`;
            return set('age', { from: Number(m[1]), ...(m[2] ? { to: Number(m[2]) } : {}) })
              ? null
              : `Ages of ${c.label}: expected ages from 0 to 130, the second not below the first`;
          }}
        />
      ) : null}
      <details className="step-more">
        <summary>More about {c.label}</summary>
        {journey.organisations.length > 0
          ? select('ownerId', `Who owns ${c.label}`, journey.organisations, '(no owner)')
          : null}
        <CommitField
          label={`Wait before ${c.label} (days)`}
          value={c.waitDays === undefined ? '' : String(c.waitDays)}
          inputMode="decimal"
          onCommit={days('waitDays', `Wait before ${c.label}`)}
        />
        <CommitField
          label={`Duration of ${c.label} (days)`}
          value={c.durationDays === undefined ? '' : String(c.durationDays)}
          inputMode="decimal"
          onCommit={days('durationDays', `Duration of ${c.label}`)}
        />
        <CommitField
          label={`Description of ${c.label}`}
          multiline
          value={contentDescription(c) ?? ''}
          hint={guidanceOf(c) ? `Tip: ${guidanceOf(c)}` : undefined}
          onCommit={text('description', `Description of ${c.label}`)}
        />
      </details>
    </>
  );
}
