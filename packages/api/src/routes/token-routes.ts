import { defaultTokenScopes, tokenScopes, type ApiToken, type TokenId } from '@waymark/store';
import { z } from 'zod';
import { fail } from '../api-error';
import { API_TOKEN_PREFIX, hashToken, randomText } from '../auth/secrets';
import { route } from '../route-spec';
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
});

export const tokenRoutes = () => [
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/tokens',
    tag: 'API tokens',
    summary: 'The API tokens of the workspace (never the secrets)',
    access: 'owner',
    success: { description: '{items:[{id,name,role,scopes,createdBy,createdAt,revokedAt}]}' },
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
    }),
    success: { status: 201, description: '{id, name, role, scopes, token}' },
    async handle(input) {
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
      });
      await audit(input, 'token.create', token.id, {
        name: token.name,
        role: token.role,
        scopes: token.scopes,
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
    summary: 'The audit log, newest first (limit, before=seq to page on)',
    access: 'owner',
    query: z.strictObject({
      limit: z.coerce.number().int().min(1).max(1000).optional(),
      before: z.coerce.number().int().min(1).optional(),
    }),
    success: { description: '{items:[{seq, action, actorId, target, detail, ip, at}]}' },
    async handle(input) {
      const q = input.query as { limit?: number; before?: number };
      const items = await input.deps.accounts.listAudit(workspaceOf(input), {
        ...(q.limit ? { limit: q.limit } : {}),
        ...(q.before ? { before: q.before } : {}),
      });
      return input.c.json({ items });
    },
  }),
];
