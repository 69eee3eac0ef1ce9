import { importLimitsFromEnv } from '@waymark/analytics/log';
import type { ImportLimits } from '@waymark/analytics';
import { hugePagesDefaultFrom, hugePagesFrom } from '../bin/huge-pages.js';
import type { CliContext } from './command';
import type { Said } from './usage-error';

/**
 * The import limits from WAYMARK_EXPANDED_LIMIT_MB, WAYMARK_EXPANSION_RATIO and WAYMARK_MAX_EVENTS (unset: the
 * defaults), or the catalogue's id and values saying which is not a whole number (WAYMARK_HUGE_PAGES_FROM
 * too), for the command to say as its own (a usage error, or words) in the language of WAYMARK_LANG or LANG;
 * the catalogue is loaded only then.
 */
export function importLimitsOrSaid(env: CliContext['env']): ImportLimits | { readonly error: Said } {
  const limits = importLimitsFromEnv(env);
  if ('error' in limits) return { error: { id: 'cli.importLimit.notWholeNumber', values: limits.values } };
  // read by bin/huge-pages.js before this process starts, which does nothing with a value it cannot read
  if (hugePagesFrom(env) === undefined) {
    const values = {
      variable: 'WAYMARK_HUGE_PAGES_FROM',
      value: env['WAYMARK_HUGE_PAGES_FROM'] ?? '',
      unit: 'bytes',
      default: hugePagesDefaultFrom,
    };
    return { error: { id: 'cli.importLimit.notWholeNumber', values } };
  }
  return limits;
}
