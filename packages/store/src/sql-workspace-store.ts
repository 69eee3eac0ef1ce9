import { err, ok, type Result } from '@waymark/core';
import type { AccountStore } from './account-store';
import type { Member, Role, StoreError, Workspace, WorkspaceId } from './records';
import { iso, isoOrNull, toUser, userColumns, type UserRow } from './rows';
import type { Sql, SqlQueryable } from './sql';

type WorkspacePart = Pick<
  AccountStore,
  | 'createWorkspace'
  | 'getWorkspace'
  | 'listAllWorkspaces'
  | 'renameWorkspace'
  | 'setWorkspaceArchived'
  | 'listWorkspacesOf'
  | 'roleOf'
  | 'listMembers'
  | 'addMember'
  | 'setMemberRole'
  | 'removeMember'
>;

const memberQuery = `SELECT ${userColumns}, m.role, m.created_at AS since
  FROM memberships m JOIN users u ON u.id = m.user_id`;

interface WorkspaceRow {
  id: string;
  name: string;
  created_at: unknown;
  archived_at: unknown;
}
const toWorkspace = (row: WorkspaceRow): Workspace => ({
  id: row.id as WorkspaceId,
  name: row.name,
  createdAt: iso(row.created_at),
  archivedAt: isoOrNull(row.archived_at),
});
const notFound = (id: WorkspaceId) =>
  err({ code: 'workspace_not_found' as const, message: `no workspace ${id}` });

/** Workspaces and their members, over any `Sql`. */
export function createSqlWorkspaceStore(sql: Sql): WorkspacePart {
  return {
    async createWorkspace({ id, name, ownerId, at }) {
      return sql.transaction(async (tx) => {
        await tx.query('INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)', [id, name, at]);
        await tx.query(
          "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, 'owner', $3)",
          [id, ownerId, at],
        );
        return { id, name, createdAt: iso(at), archivedAt: null };
      });
    },
    async getWorkspace(id) {
      const [row] = await sql.query<WorkspaceRow>('SELECT * FROM workspaces WHERE id = $1', [id]);
      return row ? toWorkspace(row) : null;
    },
    async listAllWorkspaces() {
      const rows = await sql.query<WorkspaceRow & { member_count: number }>(
        `SELECT w.*, (SELECT count(*)::int FROM memberships m WHERE m.workspace_id = w.id) AS member_count
         FROM workspaces w ORDER BY lower(w.name), w.id`,
      );
      return rows.map((r) => ({ ...toWorkspace(r), memberCount: r.member_count }));
    },
    async renameWorkspace(id, name) {
      const [row] = await sql.query<WorkspaceRow>(
        'UPDATE workspaces SET name = $2 WHERE id = $1 RETURNING *',
        [id, name],
      );
      return row ? ok(toWorkspace(row)) : notFound(id);
    },
    async setWorkspaceArchived(id, at) {
      const [row] = await sql.query<WorkspaceRow>(
        'UPDATE workspaces SET archived_at = $2 WHERE id = $1 RETURNING *',
        [id, at],
      );
      return row ? ok(toWorkspace(row)) : notFound(id);
    },
    async listWorkspacesOf(userId) {
      const rows = await sql.query<{ id: string; name: string; role: string }>(
        `SELECT w.id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
         WHERE m.user_id = $1 AND w.archived_at IS NULL ORDER BY w.name, w.id`,
        [userId],
      );
      return rows.map((r) => ({ id: r.id as WorkspaceId, name: r.name, role: r.role as Role }));
    },
    async roleOf(workspaceId, userId) {
      const [row] = await sql.query<{ role: string }>(
        `SELECT CASE WHEN w.archived_at IS NULL THEN m.role ELSE 'viewer' END AS role
         FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
         WHERE m.workspace_id = $1 AND m.user_id = $2`,
        [workspaceId, userId],
      );
      return row ? (row.role as Role) : null;
    },
    async listMembers(workspaceId) {
      const rows = await sql.query<UserRow & { role: string; since: unknown }>(
        `${memberQuery} WHERE m.workspace_id = $1 ORDER BY lower(u.name), u.id`,
        [workspaceId],
      );
      return rows.map(toMember);
    },
    async addMember(workspaceId, userId, role, at) {
      return sql.transaction(async (tx) => {
        const inserted = await tx.query(
          `INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING RETURNING 1`,
          [workspaceId, userId, role, at],
        );
        if (inserted.length === 0)
          return err({ code: 'already_member', message: 'that user is already a member of this workspace' });
        const [row] = await tx.query<UserRow & { role: string; since: unknown }>(
          `${memberQuery} WHERE m.workspace_id = $1 AND m.user_id = $2`,
          [workspaceId, userId],
        );
        return ok(toMember(row!));
      });
    },
    async setMemberRole(workspaceId, userId, role) {
      return sql
        .transaction(async (tx): Promise<Result<Member, StoreError>> => {
          // Lock the workspace's memberships so two demotions cannot both leave it without an owner.
          await tx.query('SELECT 1 FROM workspaces WHERE id = $1 FOR UPDATE', [workspaceId]);
          const updated = await tx.query(
            'UPDATE memberships SET role = $3 WHERE workspace_id = $1 AND user_id = $2 RETURNING 1',
            [workspaceId, userId, role],
          );
          if (updated.length === 0)
            return err({ code: 'member_not_found', message: 'no such member in this workspace' });
          if ((await ownersOf(tx, workspaceId)) === 0) throw lastOwner;
          const [row] = await tx.query<UserRow & { role: string; since: unknown }>(
            `${memberQuery} WHERE m.workspace_id = $1 AND m.user_id = $2`,
            [workspaceId, userId],
          );
          return ok(toMember(row!));
        })
        .catch((error: unknown) => {
          if (error === lastOwner) return err({ code: 'last_owner' as const, message: lastOwnerMessage });
          throw error;
        });
    },
    async removeMember(workspaceId, userId) {
      return sql
        .transaction(async (tx): Promise<Result<void, StoreError>> => {
          await tx.query('SELECT 1 FROM workspaces WHERE id = $1 FOR UPDATE', [workspaceId]);
          const removed = await tx.query(
            'DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2 RETURNING 1',
            [workspaceId, userId],
          );
          if (removed.length === 0)
            return err({ code: 'member_not_found' as const, message: 'no such member in this workspace' });
          if ((await ownersOf(tx, workspaceId)) === 0) throw lastOwner;
          return ok(undefined);
        })
        .catch((error: unknown) => {
          if (error === lastOwner) return err({ code: 'last_owner' as const, message: lastOwnerMessage });
          throw error;
        });
    },
  };
}

/** Thrown inside the transaction to roll it back; turned into a `last_owner` result outside. */
const lastOwner = new Error('last_owner');
const lastOwnerMessage = 'a workspace must keep at least one owner: make someone else owner first';

/** Owners left after a change, so the last owner cannot be demoted or removed. */
async function ownersOf(tx: SqlQueryable, workspaceId: WorkspaceId): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM memberships WHERE workspace_id = $1 AND role = 'owner'",
    [workspaceId],
  );
  return row?.n ?? 0;
}

const toMember = (row: UserRow & { role: string; since: unknown }): Member => ({
  user: toUser(row),
  role: row.role as Role,
  since: iso(row.since),
});
