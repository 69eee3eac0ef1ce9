import { laneKinds, type Journey, type JourneyCommand } from '@waymark/core';

const nouns: Record<string, string> = {
  meta: 'the journey’s details',
  axis: 'the axis',
  persona: 'persona',
  organisation: 'organisation',
  leverCategory: 'lever category',
  source: 'source',
  stage: 'stage',
  column: 'step',
  lane: 'lane',
  link: 'arrow',
  idea: 'idea',
  card: 'card',
};
const verbs: Record<string, string> = {
  add: 'Added',
  update: 'Changed',
  move: 'Moved',
  remove: 'Removed',
  set: 'Set',
};

const quoted = (s: string | undefined) => (s ? ` “${s.length > 60 ? `${s.slice(0, 57)}…` : s}”` : '');

/** Words for one command, for the history panel and the list of unsaved changes after a conflict. */
export function describeCommand(command: JourneyCommand, journey?: Journey): string {
  if (command.type === 'batch') {
    return (
      command.label ??
      `${command.commands.length} changes: ${command.commands.map((c) => describeCommand(c, journey)).join('; ')}`
    );
  }
  if (command.type === 'axis.set') return `Set the axis to ${command.axis.kind}`;
  if (command.type === 'votes.record') return `Recorded the votes of${quoted(command.round)}`;
  if (command.type === 'meta.update')
    return `Changed the journey’s details (${Object.keys(command.patch).join(', ')})`;
  const [noun = '', verb = ''] = command.type.split('.');
  const what = nouns[noun] ?? noun;
  const name = (): string => {
    if ('item' in command) {
      const item = command.item as Record<string, unknown>;
      const text = item['text'] ?? item['label'] ?? item['name'] ?? item['title'];
      if (typeof text === 'string') return quoted(text);
      if (typeof item['score'] === 'number') return ` (score ${item['score']})`;
      return '';
    }
    if ('id' in command && journey) {
      const id = String(command.id);
      const card = journey.cards.find((c) => c.id === id);
      if (noun === 'card' && card)
        return quoted('text' in card ? card.text : laneKinds[card.kind].summary(card));
      const list = { column: journey.columns, lane: journey.lanes, stage: journey.stages }[noun] as
        readonly { id: string; label?: string; name?: string }[] | undefined;
      const found = list?.find((x) => x.id === id);
      if (found) return quoted(found.label ?? found.name);
    }
    return '';
  };
  const fields =
    verb === 'update' && 'patch' in command
      ? ` (${[...Object.keys(command.patch as object), ...(('unset' in command && command.unset) || [])].join(', ')})`
      : '';
  return `${verbs[verb] ?? verb} ${what}${name()}${fields}`;
}
