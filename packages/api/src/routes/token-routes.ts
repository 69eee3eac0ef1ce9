import {
  defaultTokenScopes,
  tokenScopes,
  type ApiToken,
  type AuditFilter,
  type AuditRecord,
  type TokenId,
  type UserId,
} from '@waymark/store';
import { z } from 'zod';
import { fail } from '../api-error';
import { API_TOKEN_PREFIX, hashToken, randomText } from '../auth/secrets';
import { route, type RouteInput } from '../route-spec';
import { audit, nowIso, userOf, workspaceOf } from './route-helpers';
import { nameSchema, roleSchema } from './schemas';

const tokenBody = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  role: t.role,
  scopes: t.scopes,
  createdBy: t.createdBy,
  createdAt: t.createdAt,
  revokedAt: t.revokedAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
});

/** Longest life a token may be given: a year (a token that must live longer is made again). */
const MAX_TOKEN_DAYS = 366;

const dateSchema = z.iso.date({ message: 'expected a date like 2026-03-31' });
/** The audit trail's filters (issue 12, item 3): person, action (or 'prefix.'), object, dates inclusive. */
const auditQuery = z.strictObject({
  actor: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(200).optional(),
  target: z.string().min(1).max(200).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
type AuditQuery = z.infer<typeof auditQuery>;
const filterOf = (q: AuditQuery): AuditFilter => ({
  ...(q.actor ? { actorId: q.actor as UserId } : {}),
  ...(q.action ? { action: q.action } : {}),
  ...(q.target ? { target: q.target } : {}),
  ...(q.from ? { from: `${q.from}T00:00:00.000Z` } : {}),
  // Up to the end of the day named.
  ...(q.to ? { to: new Date(Date.parse(`${q.to}T00:00:00.000Z`) + 86_400_000).toISOString() } : {}),
});
const checkDates = (q: AuditQuery) => {
  if (q.from && q.to && q.from > q.to)
    throw fail('invalid_request', 'expected "from" on or before "to"', 'from');
};

/** A CSV cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is made inert. */
const csvCell = (value: unknown): string => {
  let text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
export const auditCsv = (items: readonly AuditRecord[]): string =>
  [
    ['seq', 'at', 'actor_id', 'actor_name', 'action', 'target', 'detail', 'ip'],
    ...items.map((e) => [e.seq, e.at, e.actorId, e.actorName, e.action, e.target, e.detail, e.ip]),
  ]
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n') + '\r\n';

async function listAll(input: RouteInput<unknown>, filter: AuditFilter): Promise<AuditRecord[]> {
  const all: AuditRecord[] = [];
  for (;;) {
    const page = await input.deps.accounts.listAudit(workspaceOf(input), {
      limit: 1000,
      filter,
      ...(all.length > 0 ? { before: all.at(-1)!.seq } : {}),
    });
    all.push(...page);
    if (page.length < 1000 || all.length >= 100_000) return all;
  }
}

export const tokenRoutes = () => [
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/tokens',
    tag: 'API tokens',
    summary: 'The API tokens of the workspace (never the secrets)',
    access: 'owner',
    success: {
      description: '{items:[{id,name,role,scopes,createdBy,createdAt,revokedAt,expiresAt,lastUsedAt}]}',
    },
    async handle(input) {
      return input.c.json({
        items: (await input.deps.accounts.listApiTokens(workspaceOf(input))).map(tokenBody),
      });
    },
  }),
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/tokens',
    tag: 'API tokens',
    summary:
      'Create an API token for scripts and the CLI, for this workspace (default role editor, scopes read and journeys:write); shown once. Tokens never manage members, tokens, share links or passwords',
    access: 'owner',
    scope: 'session',
    body: z.strictObject({
      name: nameSchema,
      role: roleSchema.optional(),
      scopes: z
        .array(z.enum(tokenScopes, { message: `expected scopes from ${tokenScopes.join(', ')}` }))
        .min(1, { message: 'expected at least one scope' })
        .optional(),
      expiresAt: z.iso
        .datetime({ offset: true, message: 'expected a date and time like 2026-06-30T23:59:59Z' })
        .optional(),
    }),
    success: { status: 201, description: '{id, name, role, scopes, expiresAt, lastUsedAt, token}' },
    async handle(input) {
      const expiresAt = input.body.expiresAt ? new Date(input.body.expiresAt).toISOString() : null;
      const now = input.deps.clock().getTime();
      if (expiresAt !== null && Date.parse(expiresAt) <= now)
        throw fail('invalid_request', 'expected an expiry in the future', 'expiresAt');
      if (expiresAt !== null && Date.parse(expiresAt) > now + MAX_TOKEN_DAYS * 86_400_000)
        throw fail('invalid_request', `expected an expiry within ${MAX_TOKEN_DAYS} days`, 'expiresAt');
      const secret = `${API_TOKEN_PREFIX}${randomText(input.deps.randomBytes)}`;
      const token = await input.deps.accounts.createApiToken({
        id: input.deps.newId() as TokenId,
        workspaceId: workspaceOf(input),
        name: input.body.name,
        role: input.body.role ?? 'editor',
        scopes: input.body.scopes ?? defaultTokenScopes,
        createdBy: userOf(input).id,
        createdAt: nowIso(input),
        tokenHash: hashToken(secret),
        expiresAt,
      });
      await audit(input, 'token.create', token.id, {
        name: token.name,
        role: token.role,
        scopes: token.scopes,
        expiresAt,
      });
      return input.c.json({ ...tokenBody(token), token: secret }, 201);
    },
  }),
  route({
    method: 'delete',
    path: '/api/workspaces/{ws}/tokens/{tid}',
    tag: 'API tokens',
    summary: 'Revoke an API token: it stops working at once',
    access: 'owner',
    scope: 'session',
    success: { description: 'the token, revoked' },
    errors: ['token_not_found'],
    async handle(input) {
      const revoked = await input.deps.accounts.revokeApiToken(
        workspaceOf(input),
        input.params['tid'] as TokenId,
        nowIso(input),
      );
      if (!revoked.ok) throw fail('token_not_found', revoked.error.message);
      await audit(input, 'token.revoke', revoked.value.id);
      return input.c.json(tokenBody(revoked.value));
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/audit',
    tag: 'Audit',
    summary:
      'The audit log, newest first (limit, before=seq to page on), filtered by person (actor), action (or a prefix ending in "."), object (target, any part) and dates (from, to: inclusive); with the actions recorded, for choosing',
    access: 'owner',
    query: auditQuery.extend({
      limit: z.coerce.number().int().min(1).max(1000).optional(),
      before: z.coerce.number().int().min(1).optional(),
    }),
    success: { description: '{items:[{seq, action, actorId, actorName, target, detail, ip, at}], actions}' },
    async handle(input) {
      const q = input.query as AuditQuery & { limit?: number; before?: number };
      checkDates(q);
      const items = await input.deps.accounts.listAudit(workspaceOf(input), {
        ...(q.limit ? { limit: q.limit } : {}),
        ...(q.before ? { before: q.before } : {}),
        filter: filterOf(q),
      });
      return input.c.json({ items, actions: await input.deps.accounts.listAuditActions(workspaceOf(input)) });
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/audit.csv',
    tag: 'Audit',
    summary:
      'The audit log as a CSV file, newest first, with the same filters (actor, action, target, from, to)',
    access: 'owner',
    query: auditQuery,
    success: { description: 'a CSV file', mediaType: 'text/csv' },
    async handle(input) {
      const q = input.query as AuditQuery;
      checkDates(q);
      const items = await listAll(input, filterOf(q));
      await audit(input, 'audit.export', null, { rows: items.length, filter: q });
      const day = nowIso(input).slice(0, 10);
      return input.c.body(auditCsv(items), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-${workspaceOf(input)}-${day}.csv"`,
      });
    },
  }),
];
