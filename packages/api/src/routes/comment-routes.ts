import type { JourneyId } from '@waymark/core';
import type { CommentId, UserId } from '@waymark/store';
import { z } from 'zod';
import { fail } from '../api-error';
import { route, type RouteInput } from '../route-spec';
import { journeyOr404, nowIso, userOf, workspaceOf } from './route-helpers';

const text = z.string().trim().min(1, { message: 'expected some text' }).max(10_000);
/** Members named with "@" in the text, by user id (decision 0018). */
const mentions = z
  .array(z.string().min(1).max(80), { message: 'expected a list of member ids' })
  .max(20, { message: 'expected at most 20 people mentioned' })
  .optional();

/**
 * The mentioned ids, each a member of this workspace (every member can read its journeys); anyone else is
 * refused naming the item, e.g. `mentions[1]`.
 */
async function checkMentions(
  input: RouteInput<unknown>,
  ids: readonly string[] | undefined,
): Promise<UserId[]> {
  if (!ids || ids.length === 0) return [];
  const ws = workspaceOf(input);
  for (const [i, id] of ids.entries()) {
    const role = await input.deps.accounts.roleOf(ws, id as UserId);
    if (role === null)
      throw fail(
        'mention_not_member',
        `mentions[${i}]: "${id}" is not a member of this workspace, so cannot be mentioned here`,
        `mentions[${i}]`,
      );
  }
  return ids as UserId[];
}

const commentBody = z.strictObject({
  target: z
    .strictObject({ columnId: z.string().max(80).optional(), cardId: z.string().max(80).optional() })
    .refine((t) => t.columnId !== undefined || t.cardId !== undefined, {
      message: 'expected a columnId (a step) or a cardId',
    }),
  body: text,
  mentions,
});

export const commentRoutes = () => [
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/journeys/{id}/comments',
    tag: 'Comments',
    summary:
      "Comments on the steps and cards of a journey, oldest first: threads' first comments (parentId null) and their replies",
    access: 'viewer',
    success: {
      description:
        '{items:[{id, target, body, author, createdAt, resolvedAt, resolvedBy, parentId, mentions:[{id,name}]}]}',
    },
    errors: ['journey_not_found'],
    async handle(input) {
      const j = await journeyOr404(input);
      return input.c.json({ items: await input.deps.journeys.listComments(workspaceOf(input), j.id) });
    },
  }),
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/journeys/{id}/comments',
    tag: 'Comments',
    summary:
      'Start a comment thread on a step (columnId) or a card (cardId), optionally mentioning members by user id',
    access: 'commenter',
    body: commentBody,
    success: { status: 201, description: 'the comment' },
    errors: ['journey_not_found', 'target_not_found', 'mention_not_member'],
    async handle(input) {
      const j = await journeyOr404(input);
      const { columnId, cardId } = input.body.target;
      if (columnId !== undefined && !j.journey.columns.some((c) => c.id === columnId)) {
        throw fail(
          'target_not_found',
          `target.columnId: no step "${columnId}" in this journey`,
          'target.columnId',
        );
      }
      if (cardId !== undefined && !j.journey.cards.some((c) => c.id === cardId)) {
        throw fail('target_not_found', `target.cardId: no card "${cardId}" in this journey`, 'target.cardId');
      }
      const named = await checkMentions(input, input.body.mentions);
      const comment = await input.deps.journeys.addComment({
        id: input.deps.newId() as CommentId,
        workspaceId: workspaceOf(input),
        journeyId: j.id,
        target: { ...(columnId ? { columnId } : {}), ...(cardId ? { cardId } : {}) },
        body: input.body.body,
        authorId: userOf(input).id,
        at: nowIso(input),
        mentions: named,
      });
      return input.c.json(comment, 201);
    },
  }),
  route({
    method: 'patch',
    path: '/api/workspaces/{ws}/journeys/{id}/comments/{cid}',
    tag: 'Comments',
    summary:
      "Resolve a comment thread, or reopen it (a reply's id acts on its thread); answers the first comment",
    access: 'commenter',
    body: z.strictObject({ resolved: z.boolean() }),
    success: { description: 'the comment' },
    errors: ['comment_not_found'],
    async handle(input) {
      const changed = await input.deps.journeys.resolveComment({
        workspaceId: workspaceOf(input),
        journeyId: input.params['id'] as JourneyId,
        id: input.params['cid'] as CommentId,
        resolved: input.body.resolved,
        by: userOf(input).id,
        at: nowIso(input),
      });
      if (!changed.ok) throw fail('comment_not_found', changed.error.message);
      return input.c.json(changed.value);
    },
  }),
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/journeys/{id}/comments/{cid}/replies',
    tag: 'Comments',
    summary:
      'Reply in the thread of a comment (a reply to a reply joins the same thread), optionally mentioning members',
    access: 'commenter',
    body: z.strictObject({ body: text, mentions }),
    success: { status: 201, description: "the reply, with parentId the thread's first comment" },
    errors: ['journey_not_found', 'comment_not_found', 'mention_not_member'],
    async handle(input) {
      const j = await journeyOr404(input);
      const named = await checkMentions(input, input.body.mentions);
      const reply = await input.deps.journeys.addReply({
        id: input.deps.newId() as CommentId,
        workspaceId: workspaceOf(input),
        journeyId: j.id,
        parentId: input.params['cid'] as CommentId,
        body: input.body.body,
        authorId: userOf(input).id,
        at: nowIso(input),
        mentions: named,
      });
      if (!reply.ok) throw fail('comment_not_found', reply.error.message);
      return input.c.json(reply.value, 201);
    },
  }),
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/journeys/{id}/comments/{cid}/seen',
    tag: 'Comments',
    summary:
      'Mark a comment thread as seen by the caller (it leaves the unread part of their things to look at)',
    access: 'viewer',
    success: { status: 204, description: 'nothing' },
    errors: ['comment_not_found'],
    async handle(input) {
      const seen = await input.deps.journeys.markThreadSeen({
        workspaceId: workspaceOf(input),
        journeyId: input.params['id'] as JourneyId,
        threadId: input.params['cid'] as CommentId,
        userId: userOf(input).id,
        at: nowIso(input),
      });
      if (!seen.ok) throw fail('comment_not_found', seen.error.message);
      return input.c.body(null, 204);
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/things-to-look-at',
    tag: 'Comments',
    summary:
      "The caller's things to look at: comment threads in this workspace that mention them, or where someone replied after they wrote; unread first, at most 50",
    access: 'viewer',
    success: {
      description:
        '{items:[{journeyId, journeyTitle, threadId, target, reason: "mention"|"reply", latest:{commentId, author, body, at}, unreadCount, unread, resolved}]}',
    },
    async handle(input) {
      return input.c.json({
        items: await input.deps.journeys.thingsToLookAt(workspaceOf(input), userOf(input).id),
      });
    },
  }),
];
