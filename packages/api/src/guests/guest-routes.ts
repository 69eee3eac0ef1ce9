import type { JourneyId } from '@waymark/core';
import { guestRoles, type Guest, type GuestLink, type GuestState, type UserId } from '@waymark/store';
import { z } from 'zod';
import { ApiFailure, fail } from '../api-error';
import { hashToken, randomText } from '../auth/secrets';
import type { ApiDeps } from '../deps';
import { route, type RouteInput } from '../route-spec';
import { audit, journeyOr404, nowIso, userOf, workspaceOf } from '../routes/route-helpers';
import { endOfTomorrow, expiryProblem } from './guest-expiry';
import {
  GUEST_COOKIE,
  GUEST_EMAIL_DOMAIN,
  findGuestSession,
  guestActor,
  guestDisplayName,
  setGuestCookie,
} from './guest-session';
import { auditGuest } from './guest-audit';
import { deleteCookie, getCookie } from 'hono/cookie';

/** A guest seen within this long (a request, or their live connection) is counted as still here. */
const HERE_MS = 3 * 60_000;

const stateOf = (link: GuestLink, now: number): GuestState =>
  link.revokedAt !== null ? 'revoked' : Date.parse(link.expiresAt) <= now ? 'expired' : 'active';

const guestBody = (g: Guest, link: GuestLink, now: number) => ({
  id: g.id,
  name: g.name,
  organisation: g.organisation,
  joinedAt: g.joinedAt,
  lastSeenAt: g.lastSeenAt,
  removedAt: g.removedAt,
  left: g.left,
  here: g.removedAt === null && stateOf(link, now) === 'active' && now - Date.parse(g.lastSeenAt) < HERE_MS,
});
const linkBody = (link: GuestLink, now: number) => ({
  id: link.id,
  role: link.role,
  createdBy: link.createdBy,
  createdAt: link.createdAt,
  expiresAt: link.expiresAt,
  revokedAt: link.revokedAt,
  state: stateOf(link, now),
});

function guestsOf(deps: ApiDeps) {
  if (!deps.guests)
    throw new ApiFailure('not_configured', 'this server has no storage for workshop guests', null, {}, 503);
  return deps.guests;
}

/** What the join page and the ended page say about whom to ask. */
const askText = (link: GuestLink) => `Ask ${link.createdBy.name}, who invited you, for a new link.`;
function endedMessage(state: GuestState, link: GuestLink): string {
  if (state === 'removed')
    return `The people running this workshop removed you from the map, so you can no longer see or change it. ${askText(link)}`;
  if (state === 'revoked')
    return `This workshop link was withdrawn, so it no longer opens the map. ${askText(link)}`;
  return `This workshop link has expired, so it no longer opens the map. ${askText(link)}`;
}

const createBody = z.strictObject({
  role: z.enum(guestRoles, { message: 'expected "editor" or "commenter"' }).default('editor'),
  expiresAt: z.iso
    .datetime({ offset: true, message: 'expected a date and time like 2026-12-31T17:00:00Z' })
    .optional(),
});
const joinBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { message: 'Enter your name' })
    .max(80, { message: 'Enter at most 80 characters' }),
  organisation: z
    .string()
    .trim()
    .max(120, { message: 'Enter at most 120 characters' })
    .optional()
    .transform((o) => (o ? o : null)),
});

const linkId = (input: RouteInput<unknown>) => input.params['lid'] ?? '';

export const guestRoutes = () => [
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/journeys/{id}/guest-links',
    tag: 'Guests',
    summary:
      'Make a workshop link that lets named guests without an account join this map (editor or commenter) until it expires: at least an hour, at most 7 days, by default the end of tomorrow (UK time)',
    access: 'editor',
    scope: 'session',
    body: createBody,
    success: { status: 201, description: '{link, token, url}: the token is shown only now' },
    errors: ['journey_not_found'],
    async handle(input) {
      const j = await journeyOr404(input);
      const now = input.deps.clock();
      const expires = input.body.expiresAt ? new Date(input.body.expiresAt) : endOfTomorrow(now);
      const problem = expiryProblem(now, expires);
      if (problem) throw fail('invalid_request', problem, 'expiresAt');
      const token = randomText(input.deps.randomBytes);
      const link = await guestsOf(input.deps).createLink({
        id: input.deps.newId(),
        workspaceId: workspaceOf(input),
        journeyId: j.id,
        role: input.body.role,
        tokenHash: hashToken(token),
        createdBy: userOf(input).id,
        at: now.toISOString(),
        expiresAt: expires.toISOString(),
      });
      await audit(input, 'guest_link.create', j.id, {
        guestLinkId: link.id,
        role: link.role,
        expiresAt: link.expiresAt,
      });
      const url = `${new URL(input.c.req.url).origin}/join/${token}`;
      return input.c.json({ link: linkBody(link, now.getTime()), token, url }, 201);
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/journeys/{id}/guest-links',
    tag: 'Guests',
    summary: 'The workshop links of this map and who joined by each (name, when, last seen, still here)',
    access: 'editor',
    scope: 'session',
    success: {
      description: '{items:[{id, role, createdBy, createdAt, expiresAt, revokedAt, state, guests:[…]}]}',
    },
    errors: ['journey_not_found'],
    async handle(input) {
      const j = await journeyOr404(input);
      const now = input.deps.clock().getTime();
      const links = await guestsOf(input.deps).listLinks(workspaceOf(input), j.id);
      return input.c.json({
        items: links.map(({ link, guests }) => ({
          ...linkBody(link, now),
          guests: guests.map((g) => guestBody(g, link, now)),
        })),
      });
    },
  }),
  route({
    method: 'delete',
    path: '/api/workspaces/{ws}/journeys/{id}/guest-links/{lid}',
    tag: 'Guests',
    summary: 'Withdraw a workshop link: nobody can join by it any more, and everyone who did is out at once',
    access: 'editor',
    scope: 'session',
    success: { description: 'the link, withdrawn, and the ids of the guests it ended' },
    errors: ['guest_link_not_found'],
    async handle(input) {
      const journeyId = input.params['id'] as JourneyId;
      const revoked = await guestsOf(input.deps).revokeLink({
        workspaceId: workspaceOf(input),
        journeyId,
        linkId: linkId(input),
        by: userOf(input).id,
        at: nowIso(input),
      });
      if (!revoked.ok) throw fail('guest_link_not_found', revoked.error.message);
      await audit(input, 'guest_link.revoke', journeyId, {
        guestLinkId: revoked.value.link.id,
        guests: revoked.value.guests,
      });
      const now = input.deps.clock().getTime();
      return input.c.json({ ...linkBody(revoked.value.link, now), ended: revoked.value.guests });
    },
  }),
  route({
    method: 'delete',
    path: '/api/workspaces/{ws}/journeys/{id}/guests/{gid}',
    tag: 'Guests',
    summary: 'Remove a guest from this map at once: their session ends and their live connection closes',
    access: 'editor',
    scope: 'session',
    success: { description: 'the guest, removed' },
    errors: ['guest_not_found'],
    async handle(input) {
      const journeyId = input.params['id'] as JourneyId;
      const removed = await guestsOf(input.deps).removeGuest({
        workspaceId: workspaceOf(input),
        journeyId,
        guestId: (input.params['gid'] ?? '') as UserId,
        by: userOf(input).id,
        at: nowIso(input),
      });
      if (!removed.ok) throw fail('guest_not_found', removed.error.message);
      const g = removed.value;
      await audit(input, 'guest.remove', journeyId, {
        guestLinkId: g.linkId,
        guestId: g.id,
        guest: guestDisplayName(g.name, g.organisation),
      });
      return input.c.json({ id: g.id, name: g.name, organisation: g.organisation, removedAt: g.removedAt });
    },
  }),
  route({
    method: 'get',
    path: '/api/guest-links/{token}',
    tag: 'Guests',
    summary:
      'What a workshop link opens (the map’s title, the role, until when, who invited) and whether it still works (the token is the credential)',
    access: 'public',
    success: { description: '{state, title, role, expiresAt, invitedBy}' },
    errors: ['guest_link_not_found'],
    async handle({ c, deps, params }) {
      const link = await guestsOf(deps).findLink(hashToken(params['token'] ?? ''));
      if (!link)
        throw fail(
          'guest_link_not_found',
          'There is no workshop at this address. Check the link you were sent, or ask the person who invited you for a new one.',
        );
      const state = stateOf(link, deps.clock().getTime());
      const journey =
        state === 'active' ? await deps.journeys.getJourney(link.workspaceId, link.journeyId) : null;
      return c.json({
        state,
        title: journey?.journey.meta.title ?? null,
        role: link.role,
        expiresAt: link.expiresAt,
        invitedBy: link.createdBy.name,
        message: state === 'active' ? null : endedMessage(state, link),
      });
    },
  }),
  route({
    method: 'post',
    path: '/api/guest-links/{token}/join',
    tag: 'Guests',
    summary:
      'Join the map of a workshop link as a named guest (name, and organisation if you like): starts a guest session that ends when the link does',
    access: 'public',
    body: joinBody,
    success: { status: 201, description: '{guest, workspaceId, journeyId, role, expiresAt, csrfToken}' },
    errors: ['guest_link_not_found', 'guest_link_ended', 'already_signed_in'],
    async handle(input) {
      const { c, deps, params, body, actor } = input;
      if (actor?.via === 'session')
        throw fail(
          'already_signed_in',
          `You are signed in to Waymark as ${actor.user.name}. Open the map from your journeys instead, or sign out first to join as a guest.`,
        );
      const token = randomText(deps.randomBytes);
      const csrfToken = randomText(deps.randomBytes, 24);
      const guestId = `guest-${deps.newId()}` as UserId;
      const joined = await guestsOf(deps).join({
        tokenHash: hashToken(params['token'] ?? ''),
        guestId,
        name: body.name,
        organisation: body.organisation,
        userName: guestDisplayName(body.name, body.organisation),
        email: `${guestId}@${GUEST_EMAIL_DOMAIN}`,
        sessionHash: hashToken(token),
        csrfToken,
        at: nowIso(input),
      });
      if (!joined.ok) {
        const e = joined.error;
        if (e.code === 'link_ended')
          throw fail('guest_link_ended', endedMessage(stateOf(e.link, deps.clock().getTime()), e.link));
        throw fail(
          'guest_link_not_found',
          'There is no workshop at this address. Check the link you were sent, or ask the person who invited you for a new one.',
        );
      }
      const { guest, link } = joined.value;
      setGuestCookie(c, token, link.expiresAt);
      const me = await guestActor(deps, token);
      if (me)
        await auditGuest(
          deps,
          me,
          'guest.join',
          { organisation: guest.organisation },
          deps.clientIp?.(c) ?? null,
        );
      return c.json(
        {
          guest: { id: guest.id, name: guest.name, organisation: guest.organisation },
          workspaceId: link.workspaceId,
          journeyId: link.journeyId,
          role: link.role,
          expiresAt: link.expiresAt,
          csrfToken,
        },
        201,
      );
    },
  }),
  route({
    method: 'post',
    path: '/api/guest/leave',
    tag: 'Guests',
    summary:
      'Leave the map as a guest (on a shared computer, so the next person is not you): the guest session ends at once; the link still lets you join again',
    access: 'public',
    success: {
      description: '{left: true} when a guest left, {left: false} when this browser was not a guest',
    },
    async handle({ c, deps, actor }) {
      deleteCookie(c, GUEST_COOKIE, { path: '/' });
      if (actor?.via !== 'guest') return c.json({ left: false });
      if (c.req.header('x-csrf-token') !== actor.csrfToken)
        throw fail('csrf_failed', 'send the header x-csrf-token with the csrfToken from /api/guest/me');
      await guestsOf(deps).removeGuest({
        workspaceId: actor.link.workspaceId,
        journeyId: actor.link.journeyId,
        guestId: actor.user.id,
        by: actor.user.id,
        at: deps.clock().toISOString(),
      });
      await auditGuest(deps, actor, 'guest.leave', {}, deps.clientIp?.(c) ?? null);
      return c.json({ left: true });
    },
  }),
  route({
    method: 'get',
    path: '/api/guest/me',
    tag: 'Guests',
    summary:
      'Whether this browser is a guest on a map: {state: none | active | removed | expired | revoked}, and for an active guest the map, role, until when and the CSRF token',
    access: 'public',
    success: {
      description:
        '{state, guest?, workspaceId?, journeyId?, role?, expiresAt?, invitedBy?, message?, csrfToken?}',
    },
    async handle({ c, deps }) {
      const session = await findGuestSession(deps, getCookie(c, GUEST_COOKIE) ?? '');
      if (!session) return c.json({ state: 'none' });
      const { guest, link, state } = session;
      const common = { state, invitedBy: link.createdBy.name, expiresAt: link.expiresAt };
      if (state !== 'active') return c.json({ ...common, message: endedMessage(state, link) });
      await guestActor(deps, getCookie(c, GUEST_COOKIE) ?? '');
      return c.json({
        ...common,
        guest: { id: guest.id, name: guest.name, organisation: guest.organisation },
        workspaceId: link.workspaceId,
        journeyId: link.journeyId,
        role: link.role,
        csrfToken: session.csrfToken,
      });
    },
  }),
];
