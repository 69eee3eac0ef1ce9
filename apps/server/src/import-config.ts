import { importLimitsFromEnv, type ImportLimits } from '@waymark/analytics';
import type { ConfigProblem } from './config';

/** How dataset imports are bounded (decision 0010). */
export interface ImportConfig {
  /** WAYMARK_EXPANDED_LIMIT_MB, WAYMARK_EXPANSION_RATIO, WAYMARK_MAX_EVENTS. */
  readonly importLimits: ImportLimits;
  readonly importJobs: {
    /** WAYMARK_IMPORT_JOBS: imports at once (default 1; the rest queue). */
    readonly concurrency: number;
    /** WAYMARK_IMPORT_MEMORY_MB: the heap of an import's worker thread (default 2048). */
    readonly memoryMb: number;
    /** WAYMARK_IMPORT_ABANDON_SECONDS: an import nobody follows for this long is cancelled (default 60). */
    readonly abandonSeconds: number;
    /** WAYMARK_IMPORT_NICE: how much lower an import's CPU priority is than requests' (0–19, default 10). */
    readonly nice: number;
  };
}

const whole = (
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
  min: number,
  unit: 'imports' | 'megabytes' | 'seconds',
): number | { error: ConfigProblem } => {
  const text = env[name] || String(fallback);
  return /^\d+$/.test(text) && Number(text) >= min
    ? Number(text)
    : {
        error: {
          id: 'server.config.importWhole',
          values: { variable: name, unit, min: String(min), value: text },
        },
      };
};

/** The import settings from the environment, or the problem (catalogue id and values) naming the variable. */
export function readImportConfig(
  env: Readonly<Record<string, string | undefined>>,
): ImportConfig | { error: ConfigProblem } {
  const importLimits = importLimitsFromEnv(env);
  if ('error' in importLimits) {
    const { variable, value, unit } = importLimits.values;
    return {
      error: {
        id: 'server.config.importLimit',
        values: { variable: String(variable), value: String(value), unit: String(unit) },
      },
    };
  }
  const concurrency = whole(env, 'WAYMARK_IMPORT_JOBS', 1, 1, 'imports');
  const memoryMb = whole(env, 'WAYMARK_IMPORT_MEMORY_MB', 2048, 64, 'megabytes');
  const abandonSeconds = whole(env, 'WAYMARK_IMPORT_ABANDON_SECONDS', 60, 5, 'seconds');
  const niceText = env['WAYMARK_IMPORT_NICE'] || '10';
  const nice =
    /^\d+$/.test(niceText) && Number(niceText) <= 19
      ? Number(niceText)
      : { error: { id: 'server.config.importNice' as const, values: { value: niceText } } };
  for (const v of [concurrency, memoryMb, abandonSeconds, nice]) if (typeof v !== 'number') return v;
  return {
    importLimits,
    importJobs: {
      concurrency: concurrency as number,
      memoryMb: memoryMb as number,
      abandonSeconds: abandonSeconds as number,
      nice: nice as number,
    },
  };
}
