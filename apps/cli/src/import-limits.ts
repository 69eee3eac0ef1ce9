import { importLimitsFromEnv } from '@waymark/analytics/log';
import type { ImportLimits } from '@waymark/analytics';
import type { CliContext } from './command';
import type { Said } from './usage-error';

/**
 * The import limits from WAYMARK_EXPANDED_LIMIT_MB, WAYMARK_EXPANSION_RATIO and WAYMARK_MAX_EVENTS (unset: the
 * defaults), or the catalogue's id and values saying which is not a whole number, for the command to say as its
 * own (a usage error, or words) in the language of WAYMARK_LANG or LANG; the catalogue is loaded only then.
 */
export function importLimitsOrSaid(env: CliContext['env']): ImportLimits | { readonly error: Said } {
  const limits = importLimitsFromEnv(env);
  if ('error' in limits) return { error: { id: 'cli.importLimit.notWholeNumber', values: limits.values } };
  return limits;
}
