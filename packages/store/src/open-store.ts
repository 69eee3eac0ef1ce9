import type { AccountStore } from './account-store';
import type { JourneyStore } from './journey-store';
import type { ImprovementStore } from './improvement-store';
import type { DatasetStore } from './dataset-store';
import type { GuestStore } from './guest-store';
import type { ScimStore } from './scim-store';
import { createSqlScimStore } from './sql-scim-store';
import { createSqlDatasetStore } from './sql-dataset-store';
import { createSqlGuestStore } from './sql-guest-store';
import { runMigrations } from './migrate';
import { createPgSql } from './pg-sql';
import { createPgliteSql } from './pglite-sql';
import type { Sql } from './sql';
import { createSqlAccountStore } from './sql-account-store';
import { createSqlJourneyStore } from './sql-journey-store';
import { createSqlImprovementStore } from './sql-improvement-store';
import { createSqlWorkshopStore, type WorkshopStore } from './workshop-store';
import type { RetentionStore } from './retention-store';
import type { CostModelStore } from './cost-model-store';
import { createSqlCostModelStore } from './sql-cost-model-store';
import { createSqlRetentionStore } from './sql-retention-store';
import type { TemplateStore } from './template-store';
import { createSqlTemplateStore } from './sql-template-store';
import { createSqlHierarchyStore, type HierarchyStore } from './hierarchy-store';
import { createSqlOpportunityStore, type OpportunityStore } from './opportunity-store';
import { createSqlLibraryStore, type LibraryStore } from './library-store';

export interface Stores {
  readonly sql: Sql;
  readonly accounts: AccountStore;
  readonly journeys: JourneyStore;
  readonly improvements: ImprovementStore;
  readonly datasets: DatasetStore;
  /** Workshop links and their guests (decision 0015). */
  readonly guests: GuestStore;
  /** Workshop facilitation state per journey (decision 0014). */
  readonly workshops: WorkshopStore;
  /** Provisioning by SCIM (issue 12, item 2, decision 0026). */
  readonly scim: ScimStore;
  /** Retention periods, the purge and workspace deletion (issue 12 item 4). */
  readonly retention: RetentionStore;
  /** Workspace cost models and the loaded GDP deflator (issue 13 item 2, decision 0032). */
  readonly costs: CostModelStore;
  /** Workspace templates and copied maps' provenance (issue 14 item 5, decision 0036). */
  readonly templates: TemplateStore;
  /** Journeys within journeys and step links across journeys (issue 14, decision 0034). */
  readonly hierarchy: HierarchyStore;
  /** Opportunities across journeys (issue 14, decision 0034). */
  readonly opportunities: OpportunityStore;
  /** Journey summaries, search and reviews (issue 14, items 3, 4 and 6; decision 0035). */
  readonly library: LibraryStore;
  readonly database: Sql['dialect'];
  close(): Promise<void>;
}

/** Both stores over one `Sql`. */
export function createStores(sql: Sql): Stores {
  return {
    sql,
    accounts: createSqlAccountStore(sql),
    journeys: createSqlJourneyStore(sql),
    improvements: createSqlImprovementStore(sql),
    datasets: createSqlDatasetStore(sql),
    guests: createSqlGuestStore(sql),
    workshops: createSqlWorkshopStore(sql),
    scim: createSqlScimStore(sql),
    retention: createSqlRetentionStore(sql),
    costs: createSqlCostModelStore(sql),
    templates: createSqlTemplateStore(sql),
    hierarchy: createSqlHierarchyStore(sql),
    opportunities: createSqlOpportunityStore(sql),
    library: createSqlLibraryStore(sql),
    database: sql.dialect,
    close: () => sql.close(),
  };
}

export type StoreLocation =
  | { readonly databaseUrl: string }
  | { readonly dataDir: string }
  | { readonly memory: true; readonly loadDataDir?: Blob };

/** Opens PostgreSQL (by URL) or PGlite (a directory, or memory), migrated to the newest schema. */
export async function openStores(location: StoreLocation): Promise<Stores & { readonly migrated: string[] }> {
  const sql =
    'databaseUrl' in location
      ? await createPgSql({ connectionString: location.databaseUrl })
      : 'dataDir' in location
        ? await createPgliteSql({ dataDir: location.dataDir })
        : await createPgliteSql(location.loadDataDir ? { loadDataDir: location.loadDataDir } : {});
  try {
    const migrated = await runMigrations(sql);
    return { ...createStores(sql), migrated };
  } catch (error) {
    await sql.close();
    throw error;
  }
}
