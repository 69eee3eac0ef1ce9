import { defaultAvoidableRules, ni14Categories } from '@waymark/analytics';
import type { SqlRules } from './sql';

/** The SQL's rules from `waymark analyse`'s options, with Waymark's own defaults for the rest. */
export function sqlRules(options: {
  readonly silenceDays?: number;
  readonly repeatDays?: number;
  readonly categories?: Readonly<Record<string, string>>;
}): SqlRules {
  return {
    silenceDays: options.silenceDays ?? 14,
    repeatDays: options.repeatDays ?? defaultAvoidableRules.repeatWithinDays,
    categories: options.categories ?? {},
    chasing: defaultAvoidableRules.chasing.source,
    transfers: defaultAvoidableRules.transfers.source,
    avoidableCodes: Object.keys(ni14Categories),
  };
}
