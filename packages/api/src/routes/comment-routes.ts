import type { JourneyId } from '@waymark/core';
import type { CommentId } from '@waymark/store';
import { z } from 'zod';
import { fail } from '../api-error';
import { route } from '../route-spec';
import { journeyOr404, nowIso, userOf, workspaceOf } from './route-helpers';

const commentBody = z.strictObject({
  target: z
    .strictObject({ columnId: z.string().max(80).optional(), cardId: z.string().max(80).optional() })
    .refine((t) => t.columnId !== undefined || t.cardId !== undefined, {
      message: 'expected a columnId (a step) or a cardId',
    }),
  body: z.string().trim().min(1, { message: 'expected some text' }).max(10_000),
});

export const commentRoutes = () => [
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/journeys/{id}/comments',
    tag: 'Comments',
    summary: 'Comments on the steps and cards of a journey',
    access: 'viewer',
    success: { description: '{items:[{id, target, body, author, createdAt, resolvedAt, resolvedBy}]}' },
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
    summary: 'Comment on a step (columnId) or a card (cardId)',
    access: 'commenter',
    body: commentBody,
    success: { status: 201, description: 'the comment' },
    errors: ['journey_not_found', 'target_not_found'],
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
      const comment = await input.deps.journeys.addComment({
        id: input.deps.newId() as CommentId,
        workspaceId: workspaceOf(input),
        journeyId: j.id,
        target: { ...(columnId ? { columnId } : {}), ...(cardId ? { cardId } : {}) },
        body: input.body.body,
        authorId: userOf(input).id,
        at: nowIso(input),
      });
      return input.c.json(comment, 201);
    },
  }),
  route({
    method: 'patch',
    path: '/api/workspaces/{ws}/journeys/{id}/comments/{cid}',
    tag: 'Comments',
    summary: 'Resolve a comment, or reopen it',
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
];
