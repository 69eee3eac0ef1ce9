import type { JourneyId } from '@waymark/core';
import type { ShareId, ShareLink } from '@waymark/store';
import { z } from 'zod';
import { fail } from '../api-error';
import { hashToken, randomText } from '../auth/secrets';
import { route } from '../route-spec';
import { surveyBandsOf } from '../surveys/survey-bands';
import { audit, journeyOr404, nowIso, userOf, workspaceOf } from './route-helpers';

const shareBody = (s: ShareLink) => ({
  id: s.id,
  createdAt: s.createdAt,
  expiresAt: s.expiresAt,
  revokedAt: s.revokedAt,
});
const MAX_SHARE_DAYS = 366;

export const shareRoutes = () => [
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/journeys/{id}/shares',
    tag: 'Sharing',
    summary:
      'Create a read-only link to the journey that works until expiresAt (at most a year) or until revoked',
    access: 'editor',
    scope: 'session',
    body: z.strictObject({
      expiresAt: z.iso.datetime({
        offset: true,
        message: 'expected a date and time like 2026-12-31T17:00:00Z',
      }),
    }),
    success: { status: 201, description: '{id, token, url, expiresAt}: the token is shown only now' },
    errors: ['journey_not_found'],
    async handle(input) {
      const j = await journeyOr404(input);
      const now = input.deps.clock().getTime();
      const expires = Date.parse(input.body.expiresAt);
      if (expires <= now)
        throw fail('invalid_request', 'expiresAt: expected a time in the future', 'expiresAt');
      if (expires > now + MAX_SHARE_DAYS * 86_400_000)
        throw fail('invalid_request', 'expiresAt: expected at most a year from now', 'expiresAt');
      const token = randomText(input.deps.randomBytes);
      const share = await input.deps.journeys.createShare({
        id: input.deps.newId() as ShareId,
        workspaceId: workspaceOf(input),
        journeyId: j.id,
        tokenHash: hashToken(token),
        createdBy: userOf(input).id,
        createdAt: nowIso(input),
        expiresAt: new Date(expires).toISOString(),
      });
      await audit(input, 'share.create', j.id, { shareId: share.id, expiresAt: share.expiresAt });
      const url = `${new URL(input.c.req.url).origin}/share/${token}`;
      return input.c.json({ ...shareBody(share), token, url }, 201);
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/journeys/{id}/shares',
    tag: 'Sharing',
    summary: 'The share links of a journey (without their tokens)',
    access: 'editor',
    success: { description: '{items:[{id, createdAt, expiresAt, revokedAt}]}' },
    errors: ['journey_not_found'],
    async handle(input) {
      const j = await journeyOr404(input);
      return input.c.json({
        items: (await input.deps.journeys.listShares(workspaceOf(input), j.id)).map(shareBody),
      });
    },
  }),
  route({
    method: 'delete',
    path: '/api/workspaces/{ws}/journeys/{id}/shares/{sid}',
    tag: 'Sharing',
    summary: 'Revoke a share link: it stops working at once',
    access: 'editor',
    scope: 'session',
    success: { description: 'the share link, revoked' },
    errors: ['share_not_found'],
    async handle(input) {
      const journeyId = input.params['id'] as JourneyId;
      const revoked = await input.deps.journeys.revokeShare(
        workspaceOf(input),
        journeyId,
        input.params['sid'] as ShareId,
        nowIso(input),
      );
      if (!revoked.ok) throw fail('share_not_found', revoked.error.message);
      await audit(input, 'share.revoke', journeyId, { shareId: revoked.value.id });
      return input.c.json(shareBody(revoked.value));
    },
  }),
  route({
    method: 'get',
    path: '/api/share/{token}',
    tag: 'Sharing',
    summary: 'Read a shared journey (the token is the credential; expired or revoked links are 404)',
    access: 'public',
    success: { description: '{journey, title, surveyBands:[{stepId, low, high, n}]}' },
    errors: ['share_not_found'],
    async handle({ c, deps, params }) {
      const shared = await deps.journeys.findSharedJourney(
        hashToken(params['token'] ?? ''),
        deps.clock().toISOString(),
      );
      if (!shared)
        throw fail('share_not_found', 'this share link does not exist, has expired or was revoked');
      // the survey's band on each surveyed step, so the shared poster shows it as the editor does (issue 13)
      const surveyBands = await surveyBandsOf(deps, shared.workspaceId, shared.journey.id);
      return c.json({ journey: shared.journey, title: shared.journey.meta.title, surveyBands });
    },
  }),
];
