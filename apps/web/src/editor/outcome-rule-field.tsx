import { useId, useState } from 'react';
import {
  outcomeRuleColumns,
  outcomeRuleSchema,
  type JourneyCommand,
  type OutcomeRuleDefinition,
} from '@waymark/core';
import { t } from '../i18n';
import { useEditorContext } from './editor-context';

/** What a person typed for the Successful Customer Outcome rule in the journey's details. */
export interface OutcomeRuleInput {
  readonly activity: string;
  readonly column: string;
  readonly value: string;
}

export type OutcomeRuleProblem =
  'nothing' | 'both' | 'value-missing' | 'column-missing' | 'too-long' | 'unknown-column';

/**
 * The rule typed, checked as the journey will check it (`outcomeRuleSchema`): an activity, or a column of the
 * log and the value it must have; never both. A problem says which field and why.
 */
export function outcomeRuleOfInput(
  input: OutcomeRuleInput,
):
  | { readonly rule: OutcomeRuleDefinition }
  | { readonly problem: OutcomeRuleProblem; readonly field: 'activity' | 'column' | 'value' } {
  const activity = input.activity.trim();
  const value = input.value.trim();
  const column = input.column;
  const condition = column !== '' || value !== '';
  if (activity !== '' && condition) return { problem: 'both', field: 'activity' };
  if (activity === '' && !condition) return { problem: 'nothing', field: 'activity' };
  if (condition && column === '') return { problem: 'column-missing', field: 'column' };
  if (condition && value === '') return { problem: 'value-missing', field: 'value' };
  if (condition && !(outcomeRuleColumns as readonly string[]).includes(column))
    return { problem: 'unknown-column', field: 'column' };
  const rule = activity !== '' ? { activity } : { dimension: column, value };
  const parsed = outcomeRuleSchema.safeParse(rule);
  if (!parsed.success) return { problem: 'too-long', field: activity !== '' ? 'activity' : 'value' };
  return { rule: parsed.data };
}

const problemWords = (p: OutcomeRuleProblem): string =>
  t('valueAdded.sco.problem', { problem: p.replace('-', '_') });

/** The rule in words, as the dataset page says it. */
const ruleWords = (r: OutcomeRuleDefinition): string =>
  'activity' in r ? r.activity : t('evidence.dataset.scoCondition', { column: r.dimension, value: r.value });

/**
 * The journey's Successful Customer Outcome as it shows in its log (`meta.outcomeRule`, decision 0031), set in
 * the journey's details as on an attached log's page: an activity or a column=value condition. Saving is one
 * edit (undoable, versioned); removing it leaves the journey with no rule.
 */
export function OutcomeRuleField() {
  const { journey, canEdit, execute } = useEditorContext();
  const stored = journey.meta.outcomeRule;
  const id = useId();
  const [activity, setActivity] = useState('');
  const [column, setColumn] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<{ field: string; words: string } | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const fieldError = (field: string) =>
    problem?.field === field ? (
      <p className="error-message" id={`${id}-${field}-error`}>
        <span className="visually-hidden">{t('app.field.errorPrefix')} </span>
        {problem.words}
      </p>
    ) : null;
  const described = (field: string) => (problem?.field === field ? `${id}-${field}-error` : undefined);
  const send = (command: JourneyCommand, done: string) => {
    if (!execute(command)) return setProblem({ field: 'activity', words: t('valueAdded.sco.refused') });
    setProblem(null);
    setSaid(done);
    setActivity('');
    setColumn('');
    setValue('');
  };
  const save = () => {
    setSaid(null);
    const r = outcomeRuleOfInput({ activity, column, value });
    if ('problem' in r) return setProblem({ field: r.field, words: problemWords(r.problem) });
    send(
      { type: 'meta.update', patch: { outcomeRule: r.rule } },
      t('valueAdded.sco.saved', { rule: ruleWords(r.rule) }),
    );
  };
  return (
    <section aria-labelledby={`${id}-heading`} data-testid="outcome-rule-settings">
      <h3 id={`${id}-heading`}>{t('valueAdded.sco.heading')}</h3>
      <p className="hint">
        {stored ? t('valueAdded.sco.now', { rule: ruleWords(stored) }) : t('valueAdded.sco.none')}
      </p>
      {canEdit ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <div className={`field${problem?.field === 'activity' ? ' field--error' : ''}`}>
            <label htmlFor={`${id}-activity`}>{t('evidence.dataset.scoLabel')}</label>
            {fieldError('activity')}
            <input
              id={`${id}-activity`}
              value={activity}
              maxLength={400}
              aria-invalid={problem?.field === 'activity' ? true : undefined}
              aria-describedby={described('activity')}
              onChange={(e) => setActivity(e.target.value)}
            />
          </div>
          <div className={`field${problem?.field === 'column' ? ' field--error' : ''}`}>
            <label htmlFor={`${id}-column`}>{t('evidence.dataset.scoColumnLabel')}</label>
            {fieldError('column')}
            <select
              id={`${id}-column`}
              value={column}
              aria-invalid={problem?.field === 'column' ? true : undefined}
              aria-describedby={described('column')}
              onChange={(e) => setColumn(e.target.value)}
            >
              <option value="">{t('evidence.dataset.scoColumnNone')}</option>
              {outcomeRuleColumns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${problem?.field === 'value' ? ' field--error' : ''}`}>
            <label htmlFor={`${id}-value`}>{t('evidence.dataset.scoValueLabel')}</label>
            {fieldError('value')}
            <input
              id={`${id}-value`}
              value={value}
              maxLength={400}
              aria-invalid={problem?.field === 'value' ? true : undefined}
              aria-describedby={described('value')}
              onChange={(e) => setValue(e.target.value)}
            />
          </div>
          <button type="submit" className="button button--secondary">
            {t('evidence.dataset.scoSave')}
          </button>{' '}
          {stored ? (
            <button
              type="button"
              className="button button--warning"
              onClick={() =>
                send({ type: 'meta.update', patch: {}, unset: ['outcomeRule'] }, t('valueAdded.sco.removed'))
              }
            >
              {t('valueAdded.sco.remove')}
            </button>
          ) : null}
        </form>
      ) : null}
      <p role="status" className="hint">
        {said}
      </p>
    </section>
  );
}
