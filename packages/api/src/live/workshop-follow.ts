import { z } from 'zod';
import { changed, defineActivity, notFacilitator, workshopId, type FollowView } from './workshop-base';

/**
 * Follow the facilitator: while on, every participant's screen shows what the facilitator's shows (the step
 * or card they selected, or presentation mode at their slide). A participant can stop following and follow
 * again in their own tab (not workshop state); only the facilitator starts, moves and stops it.
 */
const viewSchema = z.strictObject({
  mode: z.enum(['map', 'present']),
  columnId: workshopId.optional(),
  cardId: workshopId.optional(),
  slide: z.number().int().min(0).max(10_000).optional(),
});

const cleanView = (view: z.infer<typeof viewSchema>): FollowView => ({
  mode: view.mode,
  ...(view.columnId !== undefined ? { columnId: view.columnId } : {}),
  ...(view.cardId !== undefined ? { cardId: view.cardId } : {}),
  ...(view.slide !== undefined ? { slide: view.slide } : {}),
});

export const followActivity = defineActivity(
  [
    z.strictObject({ type: z.literal('follow.start'), view: viewSchema }),
    z.strictObject({ type: z.literal('follow.view'), view: viewSchema }),
    z.strictObject({ type: z.literal('follow.stop') }),
  ],
  (state, action, actor, now) => {
    const refusal = notFacilitator(state, actor);
    if (refusal) return refusal;
    switch (action.type) {
      case 'follow.start':
        return changed({ ...state, follow: { view: cleanView(action.view), since: now } });
      case 'follow.view':
        // Moving while nobody follows is not an error (a late message after "Stop"): nothing changes.
        return changed(
          state.follow ? { ...state, follow: { ...state.follow, view: cleanView(action.view) } } : state,
        );
      case 'follow.stop':
        return changed({ ...state, follow: null });
    }
  },
);
