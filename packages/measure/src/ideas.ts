import { z } from 'zod';

const score = (what: string) =>
  z
    .number({ error: `expected ${what} as a whole number from 1 to 5` })
    .int({ error: `expected ${what} as a whole number from 1 to 5` })
    .min(1, { error: `expected ${what} as a whole number from 1 to 5` })
    .max(5, { error: `expected ${what} as a whole number from 1 to 5` });
const share = z
  .number()
  .min(0, { error: 'expected a share from 0 to 1' })
  .max(1, { error: 'expected a share from 0 to 1' });

export const channelShiftSchema = z.object({
  from: z.string().min(1, { error: 'expected a channel id' }),
  to: z.string().min(1, { error: 'expected a channel id' }),
  /** Share of the from-channel's contacts that move (0.3 = 30 % of phone calls go to web). */
  share,
});

/** What an idea is expected to do to the journey's figures, per journey. */
export const expectedEffectSchema = z.object({
  contactsRemovedPerJourney: z.number().min(0, { error: 'expected a number of contacts ≥ 0' }).optional(),
  daysSaved: z.number().min(0, { error: 'expected a number of days ≥ 0' }).optional(),
  /** Fall in the avoidable share of all contacts, as a share (0.05 = five percentage points). */
  avoidableShareReduction: share.optional(),
  channelShift: z.array(channelShiftSchema).optional(),
});

export const ideaStatuses = ['proposed', 'agreed', 'in-progress', 'done', 'parked'] as const;

export const ideaSchema = z
  .object({
    id: z.string().min(1, { error: 'expected an id' }),
    title: z.string().min(1, { error: 'expected a title' }),
    painPointRefs: z.array(z.string()).default([]),
    leverRefs: z.array(z.string()).default([]),
    owner: z.string().optional(),
    effort: score('effort'),
    /** Given by the team, or computed from the expected effect (ideaValueScore). */
    value: score('value').optional(),
    status: z.enum(ideaStatuses, { error: `expected one of ${ideaStatuses.join(', ')}` }),
    /** Why it is parked, e.g. outside the business question: kept for a later project. */
    parkedReason: z.string().optional(),
    expectedEffect: expectedEffectSchema.default({}),
  })
  .refine((idea) => idea.status !== 'parked' || (idea.parkedReason ?? '').trim() !== '', {
    path: ['parkedReason'],
    error: 'expected a reason when an idea is parked',
  });

export type ChannelShift = z.infer<typeof channelShiftSchema>;
export type ExpectedEffect = z.infer<typeof expectedEffectSchema>;
export type Idea = z.infer<typeof ideaSchema>;

export type Quadrant = 'quick-win' | 'major-project' | 'fill-in' | 'thankless-task';

export interface ValueEffortMatrix {
  readonly quadrants: Readonly<Record<Quadrant, readonly Idea[]>>;
  /** Parked ideas stay out of the matrix, kept for a later project. */
  readonly parked: readonly Idea[];
  /** Ideas with no value yet (neither given nor computed). */
  readonly unscored: readonly Idea[];
}

/** Value and effort on 1–5: 3 and above counts as high. */
export function quadrantOf(value: number, effort: number, high = 3): Quadrant {
  if (value >= high) return effort >= high ? 'major-project' : 'quick-win';
  return effort >= high ? 'thankless-task' : 'fill-in';
}

/** Sort ideas into the value-against-effort matrix; within a quadrant, highest value then lowest effort first. */
export function valueEffortMatrix(
  ideas: readonly Idea[],
  valueOf: (idea: Idea) => number | undefined = (i) => i.value,
): ValueEffortMatrix {
  const quadrants: Record<Quadrant, Idea[]> = {
    'quick-win': [],
    'major-project': [],
    'fill-in': [],
    'thankless-task': [],
  };
  const parked: Idea[] = [];
  const unscored: Idea[] = [];
  for (const idea of ideas) {
    const value = valueOf(idea);
    if (idea.status === 'parked') parked.push(idea);
    else if (value === undefined) unscored.push(idea);
    else quadrants[quadrantOf(value, idea.effort)].push({ ...idea, value });
  }
  for (const list of Object.values(quadrants)) {
    list.sort((a, b) => b.value! - a.value! || a.effort - b.effort || a.id.localeCompare(b.id));
  }
  return { quadrants, parked, unscored };
}
