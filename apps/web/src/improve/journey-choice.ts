import type { Journey } from '@waymark/core';
import { formatDateIn, t, type MessageId } from '../i18n';

/** A journey as the journeys list gives it, for pickers. */
export interface JourneyListItem {
  readonly id: string;
  readonly title: string;
  readonly journeyType: string;
  readonly status?: string;
  readonly updatedAt?: string;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A catalogue name for a model value (a journey type, a status); an unknown value as it is. */
const modelName = (group: 'journeyType' | 'status', value: string): string => {
  const id = `model.${group}.${value}` as MessageId;
  const words = t(id);
  return words === id ? value : words;
};

/**
 * How a picker names a journey: its title, and when another journey in `all` has the same title, its type,
 * status and when it last changed ("DFG — Current (as is), Draft, updated 3 Dec 2026"), so the two can be told
 * apart; its id as well if even those are the same.
 */
export function journeyChoiceLabel(j: JourneyListItem, all: readonly JourneyListItem[]): string {
  const twins = all.filter((x) => x.id !== j.id && same(x.title, j.title));
  if (twins.length === 0) return j.title;
  const details = (x: JourneyListItem) =>
    t('improve.choice.details', {
      type: modelName('journeyType', x.journeyType),
      status: x.status ? modelName('status', x.status) : '',
      updated: x.updatedAt ? formatDateIn(x.updatedAt) : '',
    });
  const mine = details(j);
  const label = t('improve.choice.label', { title: j.title, details: mine });
  return twins.some((x) => details(x) === mine) ? t('improve.choice.withId', { label, id: j.id }) : label;
}

/**
 * The two journeys Compare starts with for the journey `here`: a desired journey with the current one it was
 * made from (`basedOn`); a current one with the desired journey made from it, or else one of the same title.
 * A side with no such journey is left empty ('') for the person to choose, never filled with an unrelated one.
 */
export async function counterpartPick(
  here: Journey,
  list: readonly JourneyListItem[],
  load: (id: string) => Promise<Journey | null>,
): Promise<{ current: string; desired: string }> {
  const others = list.filter((x) => x.id !== here.id);
  if (here.meta.journeyType === 'desired') {
    const basedOn = here.meta.basedOn;
    // The journey it was made from, even when the list (a page of the workspace's journeys) leaves it out.
    if (basedOn) return { current: basedOn, desired: here.id };
    const twin = others.find((x) => x.journeyType !== 'desired' && same(x.title, here.meta.title));
    return { current: twin?.id ?? '', desired: here.id };
  }
  const desired = others
    .filter((x) => x.journeyType === 'desired')
    .sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
  // The desired journeys' own documents say what they were made from; a workspace has few of them.
  const loaded = await Promise.all(desired.slice(0, 40).map((x) => load(x.id).catch(() => null)));
  const made = desired.find((_, i) => loaded[i]?.meta.basedOn === here.id);
  const twin = desired.find((x) => same(x.title, here.meta.title));
  return { current: here.id, desired: made?.id ?? twin?.id ?? '' };
}
