import { hasRole, roles, type Role, type UserId, type WorkspaceId } from './records';
import { iso, isoOrNull } from './rows';
import type {
  ScimEquals,
  ScimGroup,
  ScimGroupField,
  ScimStore,
  ScimStoreError,
  ScimTokenInfo,
  ScimUser,
  ScimUserField,
  ScimUserFields,
} from './scim-store';
import type { Sql, SqlQueryable } from './sql';

interface UserRow {
  user_id: string;
  user_name: string;
  external_id: string | null;
  given_name: string | null;
  family_name: string | null;
  display_name: string | null;
  email: string;
  active: boolean;
  created_at: unknown;
  updated_at: unknown;
  version: number;
}
const toUser = (r: UserRow): ScimUser => ({
  id: r.user_id as UserId,
  userName: r.user_name,
  externalId: r.external_id,
  givenName: r.given_name,
  familyName: r.family_name,
  displayName: r.display_name,
  email: r.email,
  active: r.active,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: Number(r.version),
});
const selectUsers = `SELECT s.*, u.email FROM scim_users s JOIN users u ON u.id = s.user_id`;

/** SQL for each filterable attribute; userName, displayName and email compare without case (RFC 7643 caseExact). */
const userConditions: Record<ScimUserField, (p: string) => string> = {
  id: (p) => `s.user_id = ${p}`,
  userName: (p) => `lower(s.user_name) = lower(${p})`,
  externalId: (p) => `s.external_id = ${p}`,
  displayName: (p) => `lower(s.display_name) = lower(${p})`,
  email: (p) => `lower(u.email) = lower(${p})`,
};
const groupConditions: Record<ScimGroupField, (p: string) => string> = {
  id: (p) => `g.id = ${p}`,
  displayName: (p) => `lower(g.display_name) = lower(${p})`,
  externalId: (p) => `g.external_id = ${p}`,
  members: (p) => `EXISTS (SELECT 1 FROM scim_group_members m WHERE m.group_id = g.id AND m.user_id = ${p})`,
};
function whereOf<F extends string>(
  where: readonly ScimEquals<F>[],
  conditions: Record<F, (p: string) => string>,
): { clause: string; params: string[] } {
  if (where.length === 0) return { clause: 'true', params: [] };
  return {
    clause: where.map((w, i) => conditions[w.field](`$${i + 1}`)).join(' AND '),
    params: where.map((w) => w.value),
  };
}

interface GroupRow {
  id: string;
  display_name: string;
  external_id: string | null;
  created_at: unknown;
  updated_at: unknown;
  version: number;
}

const fail = (error: ScimStoreError) => ({ ok: false as const, error });

async function groupsWithMembers(db: SqlQueryable, rows: GroupRow[]): Promise<ScimGroup[]> {
  if (rows.length === 0) return [];
  const members = await db.query<{ group_id: string; user_id: string; name: string }>(
    `SELECT m.group_id, m.user_id, u.name FROM scim_group_members m JOIN users u ON u.id = m.user_id
     WHERE m.group_id = ANY($1) ORDER BY u.name, m.user_id`,
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    externalId: r.external_id,
    members: members
      .filter((m) => m.group_id === r.id)
      .map((m) => ({ id: m.user_id as UserId, display: m.name })),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: Number(r.version),
  }));
}

/** The name a provisioned person is shown by: their display name, else given and family names, else userName. */
const nameOf = (f: ScimUserFields) =>
  f.displayName?.trim() || [f.givenName, f.familyName].filter(Boolean).join(' ').trim() || f.userName;

export function createSqlScimStore(sql: Sql): ScimStore {
  const tokenInfo = async (db: SqlQueryable): Promise<ScimTokenInfo | null> => {
    const [row] = await db.query<{
      id: string;
      created_at: unknown;
      created_by: string | null;
      name: string | null;
      last_used_at: unknown;
    }>(
      `SELECT t.id, t.created_at, t.created_by, u.name, t.last_used_at FROM scim_tokens t
       LEFT JOIN users u ON u.id = t.created_by WHERE t.revoked_at IS NULL`,
    );
    if (!row) return null;
    return {
      id: row.id,
      createdAt: iso(row.created_at),
      createdBy: row.created_by ? { id: row.created_by as UserId, name: row.name ?? '' } : null,
      lastUsedAt: isoOrNull(row.last_used_at),
    };
  };
  const clash = async (
    db: SqlQueryable,
    f: ScimUserFields,
    self: string | null,
  ): Promise<ScimStoreError | null> => {
    const [byName] = await db.query(
      'SELECT 1 FROM scim_users WHERE lower(user_name) = lower($1) AND user_id IS DISTINCT FROM $2',
      [f.userName, self],
    );
    if (byName) return { code: 'uniqueness', field: 'userName' };
    if (f.externalId !== null) {
      const [byExternal] = await db.query(
        'SELECT 1 FROM scim_users WHERE external_id = $1 AND user_id IS DISTINCT FROM $2',
        [f.externalId, self],
      );
      if (byExternal) return { code: 'uniqueness', field: 'externalId' };
    }
    return null;
  };
  const getUser = async (db: SqlQueryable, id: string) => {
    const [row] = await db.query<UserRow>(`${selectUsers} WHERE s.user_id = $1`, [id]);
    return row ? toUser(row) : null;
  };
  const getGroup = async (db: SqlQueryable, id: string) => {
    const rows = await db.query<GroupRow>('SELECT * FROM scim_groups WHERE id = $1', [id]);
    return (await groupsWithMembers(db, rows))[0] ?? null;
  };
  const provisioned = async (db: SqlQueryable, ids: readonly UserId[]) => {
    if (ids.length === 0) return true;
    const [row] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM scim_users WHERE user_id = ANY($1)',
      [[...new Set(ids)]],
    );
    return Number(row?.n) === new Set(ids).size;
  };

  return {
    async findToken(tokenHash) {
      const [row] = await sql.query<{ id: string }>(
        'SELECT id FROM scim_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
        [tokenHash],
      );
      return row ?? null;
    },
    currentToken: () => tokenInfo(sql),
    replaceToken: ({ id, tokenHash, createdBy, at }) =>
      sql.transaction(async (tx) => {
        await tx.query('UPDATE scim_tokens SET revoked_at = $1 WHERE revoked_at IS NULL', [at]);
        await tx.query(
          'INSERT INTO scim_tokens (id, token_hash, created_by, created_at) VALUES ($1, $2, $3, $4)',
          [id, tokenHash, createdBy, at],
        );
        return (await tokenInfo(tx))!;
      }),
    async revokeToken(at) {
      const rows = await sql.query(
        'UPDATE scim_tokens SET revoked_at = $1 WHERE revoked_at IS NULL RETURNING id',
        [at],
      );
      return rows.length > 0;
    },
    async touchToken(id, at) {
      await sql.query(
        `UPDATE scim_tokens SET last_used_at = $2
         WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
        [id, at],
      );
    },

    async listUsers(where, page) {
      const { clause, params } = whereOf(where, userConditions);
      const [count] = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM scim_users s JOIN users u ON u.id = s.user_id WHERE ${clause}`,
        params,
      );
      const rows = await sql.query<UserRow>(
        `${selectUsers} WHERE ${clause} ORDER BY s.created_at, s.user_id
         LIMIT ${Math.max(0, Math.floor(page.limit))} OFFSET ${Math.max(0, Math.floor(page.offset))}`,
        params,
      );
      return { total: Number(count?.n ?? 0), users: rows.map(toUser) };
    },
    getUser: (id) => getUser(sql, id),
    createUser: (input) =>
      sql.transaction(async (tx) => {
        const problem = await clash(tx, input, null);
        if (problem) return fail(problem);
        const [existing] = await tx.query<{ id: string; provisioned: boolean }>(
          `SELECT u.id, EXISTS (SELECT 1 FROM scim_users s WHERE s.user_id = u.id) AS provisioned
           FROM users u WHERE lower(u.email) = lower($1)`,
          [input.email],
        );
        if (existing?.provisioned) return fail({ code: 'uniqueness', field: 'email' });
        const id = existing?.id ?? input.newId;
        if (existing) {
          await tx.query('UPDATE users SET name = $2 WHERE id = $1', [id, nameOf(input)]);
        } else {
          await tx.query('INSERT INTO users (id, email, name, created_at) VALUES ($1, $2, $3, $4)', [
            id,
            input.email,
            nameOf(input),
            input.at,
          ]);
        }
        await tx.query(
          `INSERT INTO scim_users (user_id, user_name, external_id, given_name, family_name, display_name, active,
             created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
          [
            id,
            input.userName,
            input.externalId,
            input.givenName,
            input.familyName,
            input.displayName,
            input.active,
            input.at,
          ],
        );
        return { ok: true as const, value: (await getUser(tx, id))! };
      }),
    updateUser: (id, fields, at) =>
      sql.transaction(async (tx) => {
        if (!(await getUser(tx, id))) return fail({ code: 'not_found' });
        const problem = await clash(tx, fields, id);
        if (problem) return fail(problem);
        const [otherEmail] = await tx.query(
          'SELECT 1 FROM users WHERE lower(email) = lower($1) AND id <> $2',
          [fields.email, id],
        );
        if (otherEmail) return fail({ code: 'uniqueness', field: 'email' });
        await tx.query('UPDATE users SET email = $2, name = $3 WHERE id = $1', [
          id,
          fields.email,
          nameOf(fields),
        ]);
        await tx.query(
          `UPDATE scim_users SET user_name = $2, external_id = $3, given_name = $4, family_name = $5,
             display_name = $6, active = $7, updated_at = $8, version = version + 1
           WHERE user_id = $1`,
          [
            id,
            fields.userName,
            fields.externalId,
            fields.givenName,
            fields.familyName,
            fields.displayName,
            fields.active,
            at,
          ],
        );
        return { ok: true as const, value: (await getUser(tx, id))! };
      }),
    deleteUser: (id) =>
      sql.transaction(async (tx) => {
        await tx.query('DELETE FROM scim_group_members WHERE user_id = $1', [id]);
        const rows = await tx.query('DELETE FROM scim_users WHERE user_id = $1 RETURNING user_id', [id]);
        return rows.length > 0;
      }),

    async listGroups(where, page) {
      const { clause, params } = whereOf(where, groupConditions);
      const [count] = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM scim_groups g WHERE ${clause}`,
        params,
      );
      const rows = await sql.query<GroupRow>(
        `SELECT g.* FROM scim_groups g WHERE ${clause} ORDER BY g.created_at, g.id
         LIMIT ${Math.max(0, Math.floor(page.limit))} OFFSET ${Math.max(0, Math.floor(page.offset))}`,
        params,
      );
      return { total: Number(count?.n ?? 0), groups: await groupsWithMembers(sql, rows) };
    },
    getGroup: (id) => getGroup(sql, id),
    createGroup: (input) =>
      sql.transaction(async (tx) => {
        if (input.externalId !== null) {
          const [taken] = await tx.query('SELECT 1 FROM scim_groups WHERE external_id = $1', [
            input.externalId,
          ]);
          if (taken) return fail({ code: 'uniqueness', field: 'externalId' });
        }
        if (!(await provisioned(tx, input.members))) return fail({ code: 'not_found' });
        await tx.query(
          `INSERT INTO scim_groups (id, display_name, external_id, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $4)`,
          [input.id, input.displayName, input.externalId, input.at],
        );
        for (const member of new Set(input.members))
          await tx.query('INSERT INTO scim_group_members (group_id, user_id) VALUES ($1, $2)', [
            input.id,
            member,
          ]);
        return { ok: true as const, value: (await getGroup(tx, input.id))! };
      }),
    updateGroup: (id, change, at) =>
      sql.transaction(async (tx) => {
        const before = await getGroup(tx, id);
        if (!before) return fail({ code: 'not_found' });
        if (change.fields?.externalId) {
          const [taken] = await tx.query('SELECT 1 FROM scim_groups WHERE external_id = $1 AND id <> $2', [
            change.fields.externalId,
            id,
          ]);
          if (taken) return fail({ code: 'uniqueness', field: 'externalId' });
        }
        const adding = [...(change.members ?? []), ...(change.add ?? [])];
        if (!(await provisioned(tx, adding))) return fail({ code: 'not_found' });
        if (change.fields)
          await tx.query('UPDATE scim_groups SET display_name = $2, external_id = $3 WHERE id = $1', [
            id,
            change.fields.displayName,
            change.fields.externalId,
          ]);
        if (change.members) await tx.query('DELETE FROM scim_group_members WHERE group_id = $1', [id]);
        for (const member of new Set(adding))
          await tx.query(
            'INSERT INTO scim_group_members (group_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
            [id, member],
          );
        if (change.remove?.length)
          await tx.query('DELETE FROM scim_group_members WHERE group_id = $1 AND user_id = ANY($2)', [
            id,
            [...change.remove],
          ]);
        await tx.query('UPDATE scim_groups SET updated_at = $2, version = version + 1 WHERE id = $1', [
          id,
          at,
        ]);
        const after = (await getGroup(tx, id))!;
        const was = new Set(before.members.map((m) => m.id));
        const now = new Set(after.members.map((m) => m.id));
        const changed = [...[...was].filter((m) => !now.has(m)), ...[...now].filter((m) => !was.has(m))];
        return { ok: true as const, value: after, changed };
      }),
    deleteGroup: (id) =>
      sql.transaction(async (tx) => {
        const members = await tx.query<{ user_id: string }>(
          'SELECT user_id FROM scim_group_members WHERE group_id = $1',
          [id],
        );
        const rows = await tx.query('DELETE FROM scim_groups WHERE id = $1 RETURNING id', [id]);
        return rows.length > 0 ? members.map((m) => m.user_id as UserId) : null;
      }),

    async listGroupRoles() {
      const rows = await sql.query<{ group_id: string; workspace_id: string; role: string }>(
        'SELECT group_id, workspace_id, role FROM scim_group_roles ORDER BY group_id, workspace_id',
      );
      return rows.map((r) => ({
        groupId: r.group_id,
        workspaceId: r.workspace_id as WorkspaceId,
        role: r.role as Role,
      }));
    },
    setGroupRoles: (groupId, grants) =>
      sql.transaction(async (tx) => {
        const [group] = await tx.query('SELECT 1 FROM scim_groups WHERE id = $1', [groupId]);
        if (!group) return null;
        await tx.query('DELETE FROM scim_group_roles WHERE group_id = $1', [groupId]);
        for (const g of grants)
          await tx.query('INSERT INTO scim_group_roles (group_id, workspace_id, role) VALUES ($1, $2, $3)', [
            groupId,
            g.workspaceId,
            g.role,
          ]);
        const members = await tx.query<{ user_id: string }>(
          'SELECT user_id FROM scim_group_members WHERE group_id = $1',
          [groupId],
        );
        return members.map((m) => m.user_id as UserId);
      }),
    async rolesFromGroups(userId) {
      const rows = await sql.query<{ workspace_id: string; role: string }>(
        `SELECT r.workspace_id, r.role FROM scim_group_roles r
         JOIN scim_group_members m ON m.group_id = r.group_id WHERE m.user_id = $1`,
        [userId],
      );
      const best = new Map<WorkspaceId, Role>();
      for (const r of rows) {
        const ws = r.workspace_id as WorkspaceId;
        const held = best.get(ws);
        if (!held || !hasRole(held, r.role as Role)) best.set(ws, r.role as Role);
      }
      return best;
    },
    async grantsOf(userId) {
      const rows = await sql.query<{ workspace_id: string; role: string }>(
        'SELECT workspace_id, role FROM scim_role_grants WHERE user_id = $1',
        [userId],
      );
      return new Map(rows.map((r) => [r.workspace_id as WorkspaceId, r.role as Role]));
    },
    async setGrant(workspaceId, userId, role) {
      if (role === null) {
        await sql.query('DELETE FROM scim_role_grants WHERE workspace_id = $1 AND user_id = $2', [
          workspaceId,
          userId,
        ]);
        return;
      }
      if (!roles.includes(role)) throw new Error(`not a role: ${String(role)}`);
      await sql.query(
        `INSERT INTO scim_role_grants (workspace_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
        [workspaceId, userId, role],
      );
    },
  };
}
