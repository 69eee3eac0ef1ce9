import type { DifferenceList, JourneyDifference } from '@waymark/core';

const nouns: Record<DifferenceList, readonly [string, string]> = {
  cards: ['card', 'cards'],
  columns: ['step', 'steps'],
  stages: ['stage', 'stages'],
  lanes: ['lane', 'lanes'],
  links: ['arrow', 'arrows'],
  ideas: ['idea', 'ideas'],
  personas: ['persona', 'personas'],
  organisations: ['organisation', 'organisations'],
  sources: ['evidence source', 'evidence sources'],
  leverCategories: ['lever category', 'lever categories'],
};

const counted = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;

/** "3 cards, 1 step and 2 arrows" */
function listOf(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * What a restore will do, in sentences for its confirmation: what comes back, what is taken off (it was added
 * since), what changes back. Empty when nothing differs.
 */
export function restoreChanges(d: JourneyDifference): string[] {
  const of = (field: 'added' | 'removed' | 'changed') =>
    (Object.keys(nouns) as DifferenceList[])
      .filter((key) => d.lists[key][field] > 0)
      .map((key) => counted(d.lists[key][field], nouns[key]));
  const lines: string[] = [];
  const back = of('added');
  const off = of('removed');
  const changed = of('changed');
  if (back.length > 0) lines.push(`${listOf(back)} will come back.`);
  if (off.length > 0) lines.push(`${listOf(off)} added since then will be taken off the map.`);
  const one = changed.length === 1 && changed[0]!.startsWith('1 ');
  if (changed.length > 0)
    lines.push(`${listOf(changed)} will change back to how ${one ? 'it was' : 'they were'}.`);
  if (d.details) lines.push('The journey’s details will change back to how they were.');
  return lines;
}
