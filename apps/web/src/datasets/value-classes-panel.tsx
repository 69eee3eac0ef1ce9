import { useId, useState } from 'react';
import {
  checkValueClasses,
  suggestValueClass,
  valueClassIds,
  type ValueClassesDefinition,
  type ValueClassProblem,
} from '@waymark/core';
import { ApiError } from '../api/api-error';
import { t } from '../i18n';
import { useOneAtATime } from '../state/one-at-a-time';
import { ErrorSummary, errorText } from '../ui/field';

/** The activity a refused `meta.update` names, from its path (`…valueClasses["Chase claim"]`), if any. */
export function activityOfRefusal(path: string | null): string | undefined {
  const m = /valueClasses\[("(?:[^"\\]|\\.)*")\]/.exec(path ?? '');
  if (!m) return undefined;
  try {
    return JSON.parse(m[1] as string) as string;
  } catch {
    return undefined;
  }
}

const problemWords = (p: ValueClassProblem): string =>
  p.code === 'unknown-class'
    ? t('valueAdded.classes.unknownClass', { found: p.found })
    : p.code === 'name-too-long'
      ? t('valueAdded.classes.nameTooLong', { max: p.max })
      : t('valueAdded.classes.nameEmpty');

/** The choices a person starts from: the saved class, else a suggestion from the NI14 rules, else none. */
export function startingChoices(
  activities: readonly string[],
  stored: ValueClassesDefinition | undefined,
): Record<string, string> {
  return Object.fromEntries(
    activities.map((a) => [a, stored ? (stored[a] ?? '') : (suggestValueClass(a)?.valueClass ?? '')]),
  );
}

/**
 * Classifying each activity of the attached log as value-added, necessary or waste/failure demand (issue 13
 * item 5), saved with the journey as `meta.valueClasses`; the value-added ratio is then measured with it.
 * Until a classification is saved, activities NI14's rules call avoidable start as "waste", marked as
 * suggestions. A class that can't be saved is said beside its activity.
 */
export function ValueClassesPanel(props: {
  activities: readonly string[];
  stored: ValueClassesDefinition | undefined;
  canEdit: boolean;
  onSave: (classes: ValueClassesDefinition | undefined) => Promise<void>;
}) {
  const id = useId();
  const [choices, setChoices] = useState(() => startingChoices(props.activities, props.stored));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { busy, run } = useOneAtATime();
  const suggested = (a: string) => {
    const s = props.stored === undefined ? suggestValueClass(a) : undefined;
    return s && choices[a] === s.valueClass ? s : undefined;
  };
  const anySuggested = props.activities.some((a) => suggested(a) !== undefined);

  function save() {
    if (busy) return;
    setSaved(false);
    setError(null);
    const checked = checkValueClasses(choices);
    const found = Object.fromEntries(checked.problems.map((p) => [p.activity, problemWords(p)]));
    setProblems(found);
    if (checked.problems.length > 0)
      return setError(t('valueAdded.classes.problems', { count: checked.problems.length }));
    void run(async () => {
      try {
        await props.onSave(checked.classes);
        setSaved(true);
      } catch (e) {
        const activity = e instanceof ApiError ? activityOfRefusal(e.path) : undefined;
        if (activity !== undefined) {
          setProblems({ [activity]: t('valueAdded.classes.refused') });
          setError(t('valueAdded.classes.problems', { count: 1 }));
        } else setError(errorText(e));
      }
    });
  }

  return (
    <section aria-labelledby={`${id}-heading`} data-testid="value-classes">
      <h2 id={`${id}-heading`}>{t('valueAdded.classes.heading')}</h2>
      <p className="hint">{t('valueAdded.classes.intro')}</p>
      {anySuggested ? <p>{t('valueAdded.classes.suggestionsIntro')}</p> : null}
      <ErrorSummary message={error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <table className="datasets-table">
          <thead>
            <tr>
              <th scope="col">{t('valueAdded.classes.activity')}</th>
              <th scope="col">{t('valueAdded.classes.class')}</th>
              <th scope="col">{t('valueAdded.classes.note')}</th>
            </tr>
          </thead>
          <tbody>
            {props.activities.map((a, i) => {
              const selectId = `${id}-class-${i}`;
              const problem = problems[a];
              const s = suggested(a);
              return (
                <tr key={a}>
                  <th scope="row">{a}</th>
                  <td className={problem ? 'field--error' : undefined}>
                    {problem ? (
                      <p className="error-message" id={`${selectId}-error`}>
                        <span className="visually-hidden">{t('app.field.errorPrefix')} </span>
                        {problem}
                      </p>
                    ) : null}
                    <select
                      id={selectId}
                      aria-label={t('valueAdded.classes.selectLabel', { activity: a })}
                      aria-describedby={
                        [problem ? `${selectId}-error` : '', s ? `${selectId}-suggested` : '']
                          .filter(Boolean)
                          .join(' ') || undefined
                      }
                      aria-invalid={problem ? true : undefined}
                      disabled={!props.canEdit}
                      value={choices[a] ?? ''}
                      onChange={(e) => {
                        setSaved(false);
                        setChoices({ ...choices, [a]: e.target.value });
                      }}
                    >
                      <option value="">{t('valueAdded.classes.option', { valueClass: 'none' })}</option>
                      {valueClassIds.map((c) => (
                        <option key={c} value={c}>
                          {t('valueAdded.classes.option', { valueClass: c.replace('-', '_') })}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {s ? (
                      <span className="hint" id={`${selectId}-suggested`} data-suggested={s.category}>
                        {t('valueAdded.classes.suggested', { category: s.category })}
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {props.canEdit ? (
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {t('valueAdded.classes.save')}
          </button>
        ) : null}
      </form>
      <p role="status" className="datasets-status">
        {saved ? t('valueAdded.classes.saved') : null}
      </p>
    </section>
  );
}
