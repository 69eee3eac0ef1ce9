import { contentDescription, guidanceOf, type Column, type JourneyCommand } from '@waymark/core';
import { t } from '../i18n';
import { primaryLang, TranslationFields } from './bilingual-content';
import { ChoiceField, CommitField } from './commit-field';
import { useEditorContext } from './editor-context';

/**
 * One step's settings in the structure panel: name, stage, its period or ages (by the axis), and under "More"
 * the owner (who holds the case), the wait before it, its duration and a description. A bilingual map gets a
 * field for the name and the description in its other language (decision 0023).
 */
export function StepFields({ column: c, index: i }: { column: Column; index: number }) {
  const { journey, execute } = useEditorContext();
  const set = (field: string, value: unknown): boolean =>
    execute(
      (value === undefined
        ? { type: 'column.update', id: c.id, patch: {}, unset: [field] }
        : { type: 'column.update', id: c.id, patch: { [field]: value } }) as JourneyCommand,
    );
  const refused = (what: string) => t('cards.step.refused', { field: what });
  const text = (field: string, what: string) => (v: string) => {
    if (field === 'label' && v.trim() === '') return t('cards.panel.expectedText', { field: what });
    return set(field, v.trim() === '' ? undefined : v.trim()) ? null : refused(what);
  };
  const days = (field: 'waitDays' | 'durationDays', what: string) => (v: string) => {
    if (v.trim() === '') return set(field, undefined) ? null : refused(what);
    const n = Number(v.replace(',', '.'));
    return Number.isFinite(n) && n >= 0 && set(field, n)
      ? null
      : t('cards.step.expectedDays', { field: what });
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
  const name = t('cards.step.name', { n: i + 1 });
  const lang = primaryLang(journey);
  const period = t('cards.step.period', { step: c.label });
  const ages = t('cards.step.ages', { step: c.label });
  const wait = t('cards.step.wait', { step: c.label });
  const duration = t('cards.step.duration', { step: c.label });
  const description = t('cards.step.description', { step: c.label });
  return (
    <>
      <CommitField label={name} lang={lang} value={c.label} onCommit={text('label', name)} />
      <TranslationFields item={c} target={{ kind: 'column', id: c.id }} field="label" label={name} />
      {journey.stages.length > 0
        ? select('stageId', t('cards.step.stage', { step: c.label }), journey.stages, t('cards.step.noStage'))
        : null}
      {journey.axis.kind === 'dates' ? (
        <CommitField
          label={period}
          hint={t('cards.step.periodHint')}
          value={c.period ?? ''}
          onCommit={(v) =>
            set('period', v.trim() === '' ? undefined : v.trim())
              ? null
              : t('cards.step.periodExpected', { field: period })
          }
        />
      ) : null}
      {journey.axis.kind === 'ages' ? (
        <CommitField
          label={ages}
          hint={t('cards.step.agesHint')}
          value={c.age ? `${c.age.from}${c.age.to !== undefined ? `-${c.age.to}` : ''}` : ''}
          onCommit={(v) => {
            if (v.trim() === '') return set('age', undefined) ? null : refused(ages);
            const m = /^\s*(\d{1,3})\s*(?:[-–]\s*(\d{1,3}))?\s*$/.exec(v);
            if (!m) return t('cards.step.agesExpected', { field: ages });
            return set('age', { from: Number(m[1]), ...(m[2] ? { to: Number(m[2]) } : {}) })
              ? null
              : t('cards.step.agesRange', { field: ages });
          }}
        />
      ) : null}
      <details className="step-more">
        <summary>{t('cards.step.more', { step: c.label })}</summary>
        {journey.organisations.length > 0
          ? select(
              'ownerId',
              t('cards.step.owner', { step: c.label }),
              journey.organisations,
              t('cards.step.noOwner'),
            )
          : null}
        <CommitField
          label={wait}
          value={c.waitDays === undefined ? '' : String(c.waitDays)}
          inputMode="decimal"
          onCommit={days('waitDays', wait)}
        />
        <CommitField
          label={duration}
          value={c.durationDays === undefined ? '' : String(c.durationDays)}
          inputMode="decimal"
          onCommit={days('durationDays', duration)}
        />
        <CommitField
          label={description}
          multiline
          lang={lang}
          value={contentDescription(c) ?? ''}
          hint={guidanceOf(c) ? t('cards.step.tip', { tip: guidanceOf(c) ?? '' }) : undefined}
          onCommit={text('description', description)}
        />
        <TranslationFields
          item={c}
          target={{ kind: 'column', id: c.id }}
          field="description"
          label={description}
          multiline
        />
      </details>
    </>
  );
}
