import { laneKinds, type Card, type Journey, type JourneyCommand } from '@waymark/core';
import { collectionOf, nounOf } from './group-copy-ids';

/** What each kind of item is called on screen. */
const nouns: Readonly<Record<string, string>> = {
  meta: 'the journey’s details',
  axis: 'the axis',
  persona: 'persona',
  organisation: 'organisation',
  leverCategory: 'lever category',
  lever_category: 'lever category',
  source: 'source',
  stage: 'stage',
  column: 'step',
  lane: 'lane',
  link: 'arrow',
  idea: 'idea',
  card: 'card',
};
const verbs: Readonly<Record<string, string>> = {
  add: 'Add',
  update: 'Change',
  move: 'Move',
  remove: 'Remove',
  set: 'Set',
};

const quoted = (s: string) => `“${s.length > 60 ? `${s.slice(0, 57)}…` : s}”`;

const cardWords = (card: Card): string =>
  'text' in card && typeof card.text === 'string' ? card.text : laneKinds[card.kind].summary(card);

function itemName(item: Record<string, unknown>): string | null {
  for (const field of ['text', 'label', 'name', 'title'] as const)
    if (typeof item[field] === 'string' && item[field]) return item[field];
  if (typeof item['score'] === 'number') return `score ${item['score']}`;
  return null;
}

/** The name of the item a command is about, looked up in the journeys given (first found wins). */
function nameOf(command: JourneyCommand, journeys: readonly Journey[]): string | null {
  if ('item' in command) {
    const item = command.item as Record<string, unknown>;
    if (nounOf(command) === 'card') return cardWords(item as unknown as Card);
    return itemName(item);
  }
  if ('patch' in command && command.type !== 'meta.update') {
    const named = itemName(command.patch as Record<string, unknown>);
    if (named) return named;
  }
  const collection = collectionOf(command);
  if (!collection || !('id' in command)) return null;
  for (const journey of journeys) {
    const found = (journey[collection] as readonly Record<string, unknown>[]).find(
      (x) => x['id'] === command.id,
    );
    if (found) return collection === 'cards' ? cardWords(found as unknown as Card) : itemName(found);
  }
  return null;
}

function stepOf(command: JourneyCommand, journeys: readonly Journey[]): string | null {
  if (nounOf(command) !== 'card') return null;
  let columnId: unknown = 'item' in command ? (command.item as { columnId?: unknown }).columnId : undefined;
  if (columnId === undefined && 'id' in command)
    for (const j of journeys) columnId ??= j.cards.find((c) => c.id === command.id)?.columnId;
  for (const j of journeys) {
    const column = j.columns.find((c) => c.id === columnId);
    if (column) return column.label;
  }
  return null;
}

/**
 * Plain words for one command of a group's copy, e.g. `Add card “Waits on hold” at step “Phones the council”`.
 * `journeys`: where to look up names (the copy as it is now, then the main map).
 */
export function describeGroupCommand(command: JourneyCommand, journeys: readonly Journey[]): string {
  if (command.type === 'batch') {
    const parts = command.commands.map((c) => describeGroupCommand(c, journeys));
    return command.label ?? `${parts.length} changes together: ${parts.join('; ')}`;
  }
  if (command.type === 'axis.set') return 'Set the axis';
  if (command.type === 'meta.update') return 'Change the journey’s details';
  const [noun = '', verb = ''] = command.type.split('.');
  const name = nameOf(command, journeys);
  const step = stepOf(command, journeys);
  return [
    `${verbs[verb] ?? verb} ${nouns[noun] ?? noun}`,
    name ? ` ${quoted(name)}` : '',
    step ? ` at step ${quoted(step)}` : '',
  ].join('');
}

/**
 * Why a command of the copy cannot be applied to the main map, in plain words, from the reducer's code
 * (`column_not_found` → "its step is no longer on the main map").
 */
export function reasonInWords(code: string, message: string): string {
  const missing = /^(\w+?)_not_found$/.exec(code);
  if (missing) {
    const what = nouns[missing[1]!] ?? missing[1]!.replace(/_/g, ' ');
    return `its ${what} is no longer on the main map: someone removed it while the group was working`;
  }
  if (code === 'card_kind_mismatch')
    return 'the lane it was in now holds a different kind of card on the main map';
  return `it no longer fits the main map as it is now (${message})`;
}
