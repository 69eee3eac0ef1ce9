import { ni14ActivityPatterns } from './ni14-patterns';
import { valueClassIds, type ValueClassId } from './schema';

export { ni14ActivityPatterns };

/** A suggested class for an activity, and the NI14 category behind it; only ever a suggestion. */
export interface ValueClassSuggestion {
  readonly valueClass: ValueClassId;
  readonly category: 'PC' | 'MD';
}

/**
 * Suggests "waste" (failure demand) for an activity NI14's rules call avoidable, by its name; nothing for the
 * others, since whether they add value is the person's judgement from the customer's side.
 */
export function suggestValueClass(activity: string): ValueClassSuggestion | undefined {
  if (ni14ActivityPatterns.chasing.test(activity)) return { valueClass: 'waste', category: 'PC' };
  if (ni14ActivityPatterns.transfers.test(activity)) return { valueClass: 'waste', category: 'MD' };
  return undefined;
}

/** Why one activity's class can't be saved. */
export type ValueClassProblem =
  | { readonly activity: string; readonly code: 'unknown-class'; readonly found: string }
  | { readonly activity: string; readonly code: 'name-too-long'; readonly max: number }
  | { readonly activity: string; readonly code: 'name-empty' };

export const VALUE_CLASS_NAME_MAX = 300;

/**
 * Checks a person's choices (activity → class, '' for not classified) before they are saved as
 * `meta.valueClasses`: one problem per activity that can't be stored, naming it. Unclassified activities are
 * left out; no class at all gives `undefined` (the stored classification is then removed).
 */
export function checkValueClasses(choices: Readonly<Record<string, string>>): {
  readonly classes: Readonly<Record<string, ValueClassId>> | undefined;
  readonly problems: readonly ValueClassProblem[];
} {
  const classes: Record<string, ValueClassId> = {};
  const problems: ValueClassProblem[] = [];
  for (const [activity, chosen] of Object.entries(choices)) {
    if (chosen === '') continue;
    if (!(valueClassIds as readonly string[]).includes(chosen))
      problems.push({ activity, code: 'unknown-class', found: chosen });
    else if (activity.trim() === '') problems.push({ activity, code: 'name-empty' });
    else if (activity.trim().length > VALUE_CLASS_NAME_MAX)
      problems.push({ activity, code: 'name-too-long', max: VALUE_CLASS_NAME_MAX });
    else classes[activity] = chosen as ValueClassId;
  }
  return { classes: Object.keys(classes).length === 0 ? undefined : classes, problems };
}
