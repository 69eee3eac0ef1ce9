import type { DifferenceList, JourneyDifference } from '@waymark/core';
import { formatList, t, type MessageId } from '../../i18n';

const nouns: Record<DifferenceList, MessageId> = {
  cards: 'history.count.cards',
  columns: 'history.count.steps',
  stages: 'history.count.stages',
  lanes: 'history.count.lanes',
  links: 'history.count.arrows',
  ideas: 'history.count.ideas',
  personas: 'history.count.personas',
  organisations: 'history.count.organisations',
  sources: 'history.count.sources',
  leverCategories: 'history.count.leverCategories',
};

/**
 * What a restore will do, in sentences for its confirmation: what comes back, what is taken off (it was added
 * since), what changes back. Empty when nothing differs.
 */
export function restoreChanges(d: JourneyDifference): string[] {
  const of = (field: 'added' | 'removed' | 'changed') =>
    (Object.keys(nouns) as DifferenceList[])
      .filter((key) => d.lists[key][field] > 0)
      .map((key) => ({ n: d.lists[key][field], words: t(nouns[key], { count: d.lists[key][field] }) }));
  const lines: string[] = [];
  const back = of('added');
  const off = of('removed');
  const changed = of('changed');
  const list = (parts: readonly { words: string }[]) => formatList(parts.map((p) => p.words));
  if (back.length > 0) lines.push(t('history.willComeBack', { list: list(back) }));
  if (off.length > 0) lines.push(t('history.willBeTakenOff', { list: list(off) }));
  const one = changed.length === 1 && changed[0]!.n === 1;
  if (changed.length > 0)
    lines.push(t('history.willChangeBack', { list: list(changed), one: one ? 'yes' : 'no' }));
  if (d.details) lines.push(t('history.detailsChangeBack'));
  return lines;
}
