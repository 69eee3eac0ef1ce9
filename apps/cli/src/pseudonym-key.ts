import { minPseudonymKeyBytes, pseudonymKeyBytes } from '@waymark/analytics/log';
import type { CliContext } from './command';

/**
 * The workspace key that case ids and survey respondents are pseudonymised with, from WAYMARK_PSEUDONYM_KEY,
 * checked before anything is read. Unset or empty: no key (the caller uses a one-off key for the run, as
 * `waymark analyse --help` says). Shorter than 16 bytes: the words saying so, in the language of WAYMARK_LANG
 * or LANG, never the key itself. The catalogue is loaded only then, so a run with a good key starts without it
 * (decision 0042).
 */
export async function pseudonymKeyFromEnv(
  env: CliContext['env'],
): Promise<{ readonly key: string | undefined } | { readonly error: string }> {
  const key = envPseudonymKey(env);
  if (key === undefined) return { key: undefined };
  if (pseudonymKeyBytes(key) >= minPseudonymKeyBytes) return { key };
  const { cliWords } = await import('./emit-sql/words');
  return {
    error: cliWords(env)('eventlog.pseudonymKey.tooShort', {
      variable: 'WAYMARK_PSEUDONYM_KEY',
      min: minPseudonymKeyBytes,
    }),
  };
}

/** WAYMARK_PSEUDONYM_KEY as set, or undefined when unset or empty (as for the other WAYMARK_ variables). */
export function envPseudonymKey(env: CliContext['env']): string | undefined {
  const key = env.WAYMARK_PSEUDONYM_KEY;
  return key === undefined || key === '' ? undefined : key;
}
