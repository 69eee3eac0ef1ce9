import { minPseudonymKeyBytes, pseudonymKeyBytes } from '@waymark/analytics/log';
import type { CliContext } from './command';
import type { Said } from './usage-error';

/**
 * The workspace key that case ids and survey respondents are pseudonymised with, from WAYMARK_PSEUDONYM_KEY,
 * checked before anything is read. Unset or empty: no key (the caller uses a one-off key for the run, as
 * `waymark analyse --help` says, and `oneOffKeyNote` says so). Shorter than 16 bytes: the catalogue's id and values
 * saying so (never the key itself), for the command to say in the language of WAYMARK_LANG or LANG; the catalogue
 * is loaded only when it is said, so a run with a good key starts without it (decision 0042).
 */
export function pseudonymKeyFromEnv(
  env: CliContext['env'],
): { readonly key: string | undefined } | { readonly error: Said } {
  const key = envPseudonymKey(env);
  if (key === undefined) return { key: undefined };
  if (pseudonymKeyBytes(key) >= minPseudonymKeyBytes) return { key };
  return {
    error: {
      id: 'eventlog.pseudonymKey.tooShort',
      values: { variable: 'WAYMARK_PSEUDONYM_KEY', min: minPseudonymKeyBytes },
    },
  };
}

/** The note that pseudonyms are one-off because WAYMARK_PSEUDONYM_KEY is not set, by its id and values. */
export const oneOffKeyNote: Said = {
  id: 'eventlog.analyse.oneOffKey',
  values: { variable: 'WAYMARK_PSEUDONYM_KEY' },
};

/** WAYMARK_PSEUDONYM_KEY as set, or undefined when unset or empty (as for the other WAYMARK_ variables). */
export function envPseudonymKey(env: CliContext['env']): string | undefined {
  const key = env.WAYMARK_PSEUDONYM_KEY;
  return key === undefined || key === '' ? undefined : key;
}
