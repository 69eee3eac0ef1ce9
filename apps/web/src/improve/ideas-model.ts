import type { Idea, JourneyCommand } from '@waymark/core';
import { quadrantOf, type Quadrant } from '@waymark/measure';
import { t } from '../i18n';

export const quadrantLabels: Record<Quadrant, { title: () => string; advice: () => string }> = {
  'quick-win': {
    title: () => t('improve.quadrant.quickWin'),
    advice: () => t('improve.quadrant.quickWinAdvice'),
  },
  'major-project': {
    title: () => t('improve.quadrant.majorProject'),
    advice: () => t('improve.quadrant.majorProjectAdvice'),
  },
  'fill-in': { title: () => t('improve.quadrant.fillIn'), advice: () => t('improve.quadrant.fillInAdvice') },
  'thankless-task': {
    title: () => t('improve.quadrant.thanklessTask'),
    advice: () => t('improve.quadrant.thanklessTaskAdvice'),
  },
};

export interface IdeaMatrix {
  readonly quadrants: Readonly<Record<Quadrant, readonly Idea[]>>;
  /** Kept for a later project, with their reason. */
  readonly parked: readonly Idea[];
  /** Not yet given both a value and an effort. */
  readonly unscored: readonly Idea[];
}

/** Ideas sorted into the value-against-effort matrix (3 and above on 1–5 is high); highest value first. */
export function ideaMatrix(ideas: readonly Idea[]): IdeaMatrix {
  const quadrants: Record<Quadrant, Idea[]> = {
    'quick-win': [],
    'major-project': [],
    'fill-in': [],
    'thankless-task': [],
  };
  const parked: Idea[] = [];
  const unscored: Idea[] = [];
  for (const idea of ideas) {
    if (idea.status === 'parked') parked.push(idea);
    else if (idea.value === undefined || idea.effort === undefined) unscored.push(idea);
    else quadrants[quadrantOf(idea.value, idea.effort)].push(idea);
  }
  for (const list of Object.values(quadrants))
    list.sort((a, b) => b.value! - a.value! || a.effort! - b.effort!);
  return { quadrants, parked, unscored };
}

/** The command that turns `before` into `after`: add when new, else an update of the changed fields (unset the cleared). */
export function ideaCommand(before: Idea | undefined, after: Idea): JourneyCommand | null {
  if (!before) return { type: 'idea.add', item: after } as JourneyCommand;
  const patch: Record<string, unknown> = {};
  const unset: string[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (key === 'id') continue;
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (b === undefined) unset.push(key);
    else patch[key] = b;
  }
  if (Object.keys(patch).length === 0 && unset.length === 0) return null;
  return {
    type: 'idea.update',
    id: after.id,
    patch,
    ...(unset.length > 0 ? { unset } : {}),
  } as JourneyCommand;
}
