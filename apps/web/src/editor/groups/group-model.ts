import type { GroupPlace, WorkshopGroup, WorkshopGroups } from '@waymark/api';
import type { Journey } from '@waymark/core';
import { t } from '../../i18n';

/**
 * Group work on the screen (decision 0014, "Groups"), pure: which group a person is in, which steps a
 * stretch covers, the words of the banner and of the warning on another group's step.
 */

/** The group `personId` is in, if any. */
export const groupOf = (work: WorkshopGroups | null | undefined, personId: string): WorkshopGroup | null =>
  work?.groups.find((g) => g.members.some((m) => m.id === personId)) ?? null;

export interface Stretch {
  /** Indexes into journey.columns, first to last (the two ends may have been given in either order). */
  readonly from: number;
  readonly to: number;
  readonly columnIds: readonly string[];
}

/** The steps a stretch covers on the map as it is now; null when an end is no longer on the map. */
export function stretchOf(journey: Journey, place: GroupPlace): Stretch | null {
  if (place.kind !== 'steps') return null;
  const a = journey.columns.findIndex((c) => c.id === place.fromColumnId);
  const b = journey.columns.findIndex((c) => c.id === place.toColumnId);
  if (a < 0 || b < 0) return null;
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  return { from, to, columnIds: journey.columns.slice(from, to + 1).map((c) => c.id) };
}

/** "step 3" or "steps 3–5" (numbered as people see them, from 1). */
export function stepsWords(stretch: Stretch): string {
  return stretch.from === stretch.to
    ? t('groups.step', { n: stretch.from + 1 })
    : t('groups.steps', { from: stretch.from + 1, to: stretch.to + 1 });
}

/** What a group works on, in words: "steps 3–5", "its own copy of the map". */
export function placeWords(journey: Journey, place: GroupPlace): string {
  if (place.kind === 'copy') return t('groups.place.copy');
  const stretch = stretchOf(journey, place);
  return stretch ? stepsWords(stretch) : t('groups.place.gone');
}

/** The banner of a member of a group working on this map: "You are in Group 2: steps 3–5 (Apply to Decide)". */
export function bannerWords(journey: Journey, group: WorkshopGroup): string {
  if (group.place.kind === 'copy') return t('groups.banner.copy', { name: group.name });
  const stretch = stretchOf(journey, group.place);
  if (!stretch) return t('groups.banner.gone', { name: group.name });
  const first = journey.columns[stretch.from]!.label;
  const last = journey.columns[stretch.to]!.label;
  const names =
    stretch.from === stretch.to ? t('groups.quoted', { first }) : t('groups.quotedRange', { first, last });
  return t('groups.banner.steps', { name: group.name, steps: stepsWords(stretch), names });
}

/** The group whose stretch holds this step (the first, if stretches overlap), or null. */
export function groupAtStep(
  work: WorkshopGroups | null | undefined,
  journey: Journey,
  columnId: string,
): WorkshopGroup | null {
  for (const group of work?.groups ?? []) {
    if (stretchOf(journey, group.place)?.columnIds.includes(columnId)) return group;
  }
  return null;
}

/**
 * The warning for a member of a stretch group who moves to a step outside their stretch: edits there are
 * allowed, but they are told whose step it is. Null inside their own stretch, or for people in no stretch.
 */
export function outsideWarning(
  work: WorkshopGroups | null | undefined,
  journey: Journey,
  mine: WorkshopGroup | null,
  columnId: string,
): string | null {
  if (!mine || mine.place.kind !== 'steps') return null;
  const own = stretchOf(journey, mine.place);
  if (!own || own.columnIds.includes(columnId)) return null;
  const label = journey.columns.find((c) => c.id === columnId)?.label ?? t('groups.thisStep');
  const other = groupAtStep(work, journey, columnId);
  const values = { label, mine: mine.name, steps: stepsWords(own) };
  return other
    ? t('groups.outside.other', { ...values, other: other.name })
    : t('groups.outside.none', values);
}

/** CSS that marks a stretch's steps on the grid (header and every cell of those columns). */
export function stretchStyle(stretch: Stretch): string {
  const selectors = stretch.columnIds
    .map((_, i) => `.map-grid [data-cell$=":${stretch.from + i + 1}"]`)
    .join(',\n');
  return `${selectors} { background-image: linear-gradient(var(--group-stretch-tint), var(--group-stretch-tint)); box-shadow: inset 0 3px 0 var(--group-stretch-edge); }`;
}

/** Who can be put in a group: everyone on the map but the facilitator, once each, by name. */
export function assignable(
  participants: readonly { readonly user: { readonly id: string; readonly name: string } }[],
  facilitatorId: string | null,
): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const p of participants) if (p.user.id !== facilitatorId) seen.set(p.user.id, p.user.name);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** A suggested name for the next group: "Group 1", "Group 2"… the first not yet taken. */
export function nextGroupName(work: WorkshopGroups | null | undefined): string {
  const taken = new Set((work?.groups ?? []).map((g) => g.name.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = t('groups.defaultName', { n });
    if (!taken.has(name.toLowerCase())) return name;
  }
}
