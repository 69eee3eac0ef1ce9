import type { JourneyId, TemplateBody, TemplateKind } from '@waymark/core';
import type { Instant, UserId, WorkspaceId } from './records';

/** A template a workspace keeps (migration 024): its details, and its body unless only listed. */
export interface StoredTemplate {
  readonly workspaceId: WorkspaceId;
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly source: string | null;
  readonly kind: TemplateKind;
  readonly createdAt: Instant;
  readonly createdBy: UserId | null;
  /** Who saved or imported it, as they are named now (null once their account is gone). */
  readonly createdByName: string | null;
}

export interface NewTemplate {
  readonly workspaceId: WorkspaceId;
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly source?: string;
  readonly body: TemplateBody;
  readonly by: UserId;
  readonly at: Instant;
}

/** Where a copied map came from (migration 024). */
export interface Provenance {
  readonly fromWorkspaceId: string;
  readonly fromWorkspaceName: string;
  readonly fromJourneyId: string;
  readonly fromJourneyTitle: string;
  readonly fromVersion: number;
  readonly copiedAt: Instant;
  readonly copiedBy: UserId | null;
  readonly copiedByName: string;
}

/** A workspace's templates, and where copied maps came from. */
export interface TemplateStore {
  /** Newest first, without bodies. */
  listTemplates(workspaceId: WorkspaceId): Promise<StoredTemplate[]>;
  getTemplate(workspaceId: WorkspaceId, id: string): Promise<(StoredTemplate & { body: unknown }) | null>;
  /** Several at once, in the order asked; ids not in the workspace are left out. */
  getTemplates(
    workspaceId: WorkspaceId,
    ids: readonly string[],
  ): Promise<Array<StoredTemplate & { body: unknown }>>;
  /** Saves templates in one transaction (an imported pack is all or nothing); false if an id is taken. */
  addTemplates(templates: readonly NewTemplate[]): Promise<boolean>;
  deleteTemplate(workspaceId: WorkspaceId, id: string): Promise<boolean>;
  recordProvenance(workspaceId: WorkspaceId, journeyId: JourneyId, provenance: Provenance): Promise<void>;
  getProvenance(workspaceId: WorkspaceId, journeyId: JourneyId): Promise<Provenance | null>;
}
