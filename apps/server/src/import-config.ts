import { importLimitsFromEnv, type ImportLimits } from '@waymark/analytics';

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
  unit: string,
): number | { error: string } => {
  const text = env[name] || String(fallback);
  return /^\d+$/.test(text) && Number(text) >= min
    ? Number(text)
    : { error: `${name} must be a whole number of ${unit} (at least ${min}), not "${text}"` };
};

/** The import settings from the environment, or a message naming the variable that is wrong. */
export function readImportConfig(
  env: Readonly<Record<string, string | undefined>>,
): ImportConfig | { error: string } {
  const importLimits = importLimitsFromEnv(env);
  if ('error' in importLimits) return importLimits;
  const concurrency = whole(env, 'WAYMARK_IMPORT_JOBS', 1, 1, 'imports');
  const memoryMb = whole(env, 'WAYMARK_IMPORT_MEMORY_MB', 2048, 64, 'megabytes');
  const abandonSeconds = whole(env, 'WAYMARK_IMPORT_ABANDON_SECONDS', 60, 5, 'seconds');
  const niceText = env['WAYMARK_IMPORT_NICE'] || '10';
  const nice =
    /^\d+$/.test(niceText) && Number(niceText) <= 19
      ? Number(niceText)
      : { error: `WAYMARK_IMPORT_NICE must be a whole number from 0 to 19, not "${niceText}"` };
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
