import { z } from 'zod';
import { changed, defineActivity, notFacilitator, refused, workshopText } from './workshop-base';

const MINUTE = 60_000;
/** Minutes to run or add: a quarter of a minute to three hours. */
const minutes = z
  .number()
  .min(0.25, { message: 'expected at least a quarter of a minute' })
  .max(180, { message: 'expected at most 180 minutes' });

/**
 * A timed exercise: a countdown everyone sees. The state holds server times (`endsAt`); each tab corrects
 * for its own clock with the server's `now` sent beside the state. Reaching zero changes nothing here: every
 * tab shows "Time is up" by itself until the facilitator stops it or starts another.
 */
export const timerActivity = defineActivity(
  [
    z.strictObject({ type: z.literal('timer.start'), label: workshopText(80), minutes }),
    z.strictObject({ type: z.literal('timer.extend'), minutes }),
    z.strictObject({ type: z.literal('timer.stop') }),
  ],
  (state, action, actor, now) => {
    const refusal = notFacilitator(state, actor);
    if (refusal) return refusal;
    switch (action.type) {
      case 'timer.start':
        return changed({
          ...state,
          timer: { label: action.label, startedAt: now, endsAt: now + Math.round(action.minutes * MINUTE) },
        });
      case 'timer.extend':
        if (!state.timer) return refused('no_timer');
        return changed({
          ...state,
          timer: {
            ...state.timer,
            endsAt: Math.max(state.timer.endsAt, now) + Math.round(action.minutes * MINUTE),
          },
        });
      case 'timer.stop':
        return changed({ ...state, timer: null });
    }
  },
);
