import { route, type RouteInput } from '../route-spec';
import { audit, nowIso, userOf } from '../routes/route-helpers';
import type { z } from 'zod';
import { isInstanceAdmin, requireInstanceAdmin } from '../auth/instance-admin';
import { legalPages, type LegalPage, type StoredLegalSettings } from './legal-settings';

/**
 * The organisation's parts of the accessibility statement and the privacy notice (issue 12, item 5). Anyone may
 * read them, signed in or not, like the sign-in page: a public body publishes both. Only an instance
 * administrator may change them; each change is audited.
 */
async function read(input: RouteInput<unknown>, page: LegalPage): Promise<StoredLegalSettings<unknown>> {
  const { key, schema, defaults } = legalPages[page];
  const stored = await input.deps.accounts.getSetting<StoredLegalSettings<unknown>>(key);
  // A value kept by an older version may lack a field added since: the defaults fill it in.
  const merged = schema.safeParse({ ...defaults, ...(stored?.settings as object | undefined) });
  return {
    settings: merged.success ? merged.data : defaults,
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
  };
}

const pagesOf = (page: LegalPage) => {
  const what = page === 'accessibility' ? 'the accessibility statement' : 'the privacy notice';
  const path = `/api/legal/${page}`;
  return [
    route({
      method: 'get',
      path,
      tag: 'Legal pages',
      summary: `The organisation's details for ${what}: anyone may read them, without signing in`,
      access: 'public',
      success: {
        description: '{settings, updatedAt, updatedBy, canEdit}: canEdit for an instance administrator',
      },
      handle: async (input) =>
        input.c.json({
          ...(await read(input, page)),
          canEdit: isInstanceAdmin(input.actor),
        }),
    }),
    route({
      method: 'put',
      path,
      tag: 'Legal pages',
      summary: `Change the organisation's details for ${what} (instance administrators only; every field, as GET answers them)`,
      access: 'user',
      scope: 'session',
      body: legalPages[page].schema as z.ZodType<unknown>,
      success: { description: '{settings, updatedAt, updatedBy}' },
      async handle(input) {
        requireInstanceAdmin(input.actor, 'change the legal pages');
        const stored: StoredLegalSettings<unknown> = {
          settings: input.body,
          updatedAt: nowIso(input),
          updatedBy: userOf(input).name,
        };
        await input.deps.accounts.putSetting(legalPages[page].key, stored);
        await audit(input, `legal.${page}.update`, page, null, null);
        return input.c.json({ ...stored, canEdit: true });
      },
    }),
  ];
};

export const legalRoutes = () => [...pagesOf('accessibility'), ...pagesOf('privacy')];
