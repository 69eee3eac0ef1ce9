import type { AccountStore, PurgeCounts, RetentionStore } from '@waymark/store';
import { defaultRetentionDays, retentionCutoffs } from './retention-policy';

export interface PurgeReport {
  /** What went from each workspace in which something went. */
  readonly workspaces: ReadonlyArray<{ readonly workspaceId: string; readonly removed: PurgeCounts }>;
  readonly totals: PurgeCounts;
}

const zero: PurgeCounts = { deletedJourneys: 0, datasets: 0, rawUploads: 0, auditEntries: 0, versions: 0 };
const add = (a: PurgeCounts, b: PurgeCounts): PurgeCounts => ({
  deletedJourneys: a.deletedJourneys + b.deletedJourneys,
  datasets: a.datasets + b.datasets,
  rawUploads: a.rawUploads + b.rawUploads,
  auditEntries: a.auditEntries + b.auditEntries,
  versions: a.versions + b.versions,
});
const anything = (c: PurgeCounts) => Object.values(c).some((n) => n > 0);

/**
 * The nightly purge: applies each workspace's periods (or the defaults) at `now`, and audits itself — in each
 * workspace where something went, `retention.purge` with the counts (after the audit purge, so it stays), and
 * always one instance-level `retention.purge` with the totals. The server runs it on a timer; tests call it.
 */
export async function runRetentionPurge(
  deps: { readonly retention: RetentionStore; readonly accounts: Pick<AccountStore, 'appendAudit'> },
  now: Date,
): Promise<PurgeReport> {
  const at = now.toISOString();
  const workspaces: Array<{ workspaceId: string; removed: PurgeCounts }> = [];
  let totals = zero;
  for (const { workspaceId, days } of await deps.retention.listRetention()) {
    const periods = days ?? defaultRetentionDays;
    const removed = await deps.retention.purgeWorkspace(workspaceId, retentionCutoffs(now, periods));
    if (!anything(removed)) continue;
    workspaces.push({ workspaceId, removed });
    totals = add(totals, removed);
    await deps.accounts.appendAudit({
      workspaceId,
      actorId: null,
      action: 'retention.purge',
      target: workspaceId,
      detail: { ...removed, days: periods },
      ip: null,
      at,
    });
  }
  await deps.accounts.appendAudit({
    workspaceId: null,
    actorId: null,
    action: 'retention.purge',
    target: null,
    detail: { ...totals, workspaces: workspaces.length },
    ip: null,
    at,
  });
  return { workspaces, totals };
}
