import type {
  RetentionCutoffs,
  RetentionDays,
  RetentionPeriod,
  RetentionStore,
  WorkspaceId,
} from '@waymark/store';
import { z } from 'zod';

/**
 * Waymark's periods for a workspace whose owner has not chosen (docs/decisions, "Retention": each with its
 * reason and source). UK GDPR Article 5(1)(e): personal data kept no longer than necessary; the owner, who
 * knows the purpose, may change each within its bounds.
 */
export const defaultRetentionDays: RetentionDays = {
  deletedJourneys: 30,
  datasets: 365,
  rawUploads: 14,
  audit: 730,
  history: 730,
};

/**
 * Shortest and longest each period may be, in days. The audit trail is kept at least 6 months (NCSC: logs
 * kept long enough to investigate an incident found late); a deleted journey at least a day, so a mistake
 * can be undone; nothing longer than 10 years.
 */
export const retentionBounds: Readonly<
  Record<RetentionPeriod, { readonly min: number; readonly max: number }>
> = {
  deletedJourneys: { min: 1, max: 365 },
  datasets: { min: 7, max: 3650 },
  rawUploads: { min: 1, max: 90 },
  audit: { min: 180, max: 3650 },
  history: { min: 30, max: 3650 },
};

const period = (name: RetentionPeriod) => {
  const { min, max } = retentionBounds[name];
  return z
    .number({ message: 'expected a whole number of days' })
    .int({ message: 'expected a whole number of days' })
    .min(min, { message: `expected at least ${min} days` })
    .max(max, { message: `expected at most ${max} days` });
};

/** The body of PUT …/retention: every period, in days. */
export const retentionDaysSchema = z.strictObject({
  deletedJourneys: period('deletedJourneys'),
  datasets: period('datasets'),
  rawUploads: period('rawUploads'),
  audit: period('audit'),
  history: period('history'),
});

const DAY_MS = 86_400_000;

/** For each period, the moment before which things go: `now` less the period. */
export function retentionCutoffs(now: Date, days: RetentionDays): RetentionCutoffs {
  const before = (n: number) => new Date(now.getTime() - n * DAY_MS).toISOString();
  return {
    deletedJourneys: before(days.deletedJourneys),
    datasets: before(days.datasets),
    rawUploads: before(days.rawUploads),
    audit: before(days.audit),
    history: before(days.history),
  };
}

/**
 * How many days a deleted journey of the workspace can be brought back: its bin period (which the purge
 * applies), or `fallback` on a server without retention storage.
 */
export async function binDays(
  retention: RetentionStore | undefined,
  workspaceId: WorkspaceId,
  fallback: number,
): Promise<number> {
  if (!retention) return fallback;
  return (
    (await retention.getRetention(workspaceId))?.days.deletedJourneys ?? defaultRetentionDays.deletedJourneys
  );
}
