import { laneKinds, restoredVersionOf, type Journey, type JourneyCommand } from '@waymark/core';

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

/** Nouns for a summary of many edits: one, and more than one. */
const counted: Record<string, readonly [string, string]> = {
  card: ['card', 'cards'],
  column: ['step', 'steps'],
  lane: ['lane', 'lanes'],
  stage: ['stage', 'stages'],
  link: ['arrow', 'arrows'],
  idea: ['idea', 'ideas'],
  persona: ['persona', 'personas'],
  organisation: ['organisation', 'organisations'],
  leverCategory: ['lever category', 'lever categories'],
  source: ['evidence source', 'evidence sources'],
};
/** What an update changed, when it changed one thing people name: "changed 2 steps' names". */
const fieldWords: Record<string, string> = {
  label: 'name',
  name: 'name',
  title: 'title',
  text: 'words',
  score: 'score',
  description: 'description',
  note: 'note',
  stageId: 'stage',
  ownerId: 'owner',
  votes: 'votes',
};
const summaryVerbs: Record<string, string> = {
  add: 'added',
  update: 'changed',
  move: 'moved',
  remove: 'removed',
};

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');
const countWords = (n: number, [one, many]: readonly [string, string]) =>
  n === 1 ? `${article(one)} ${one}` : `${n} ${many}`;
const possessive = (n: number, [one, many]: readonly [string, string], field: string) =>
  n === 1 ? `${article(one)} ${one}’s ${field}` : `${n} ${many}’ ${field}${field.endsWith('s') ? '' : 's'}`;

/**
 * Many edits in a few words, for an entry of the grouped history: "Added 3 cards, changed 2 steps’ names".
 * Batches count by what is in them; a restore is said as one; undo's inverses count like any edit.
 */
export function summariseCommands(commands: readonly JourneyCommand[]): string {
  const tally = new Map<string, { n: number; phrase: (n: number) => string }>();
  const count = (key: string, phrase: (n: number) => string) => {
    const entry = tally.get(key) ?? { n: 0, phrase };
    entry.n++;
    tally.set(key, entry);
  };
  const visit = (c: JourneyCommand) => {
    if (c.type === 'batch') {
      const restored = restoredVersionOf(c);
      if (restored !== null)
        count(`restore ${restored}`, () => `restored the map as it was at version ${restored}`);
      else c.commands.forEach(visit);
      return;
    }
    if (c.type === 'meta.update') return count('meta', () => 'changed the journey’s details');
    if (c.type === 'axis.set') return count('axis', () => 'changed the axis');
    if (c.type === 'votes.record')
      return count('votes', (n) =>
        n === 1 ? 'recorded the votes of a round' : `recorded the votes of ${n} rounds`,
      );
    const [noun = '', verb = ''] = c.type.split('.');
    const nouns = counted[noun] ?? ([noun, noun] as const);
    const fields =
      verb === 'update' && 'patch' in c
        ? [...Object.keys(c.patch as object), ...(('unset' in c && c.unset) || [])]
        : [];
    const field = fields.length === 1 ? fieldWords[fields[0]!] : undefined;
    if (field) return count(`${noun} update ${field}`, (n) => `changed ${possessive(n, nouns, field)}`);
    count(`${noun} ${verb}`, (n) => `${summaryVerbs[verb] ?? verb} ${countWords(n, nouns)}`);
  };
  commands.forEach(visit);
  const text = [...tally.values()].map((t) => t.phrase(t.n)).join(', ');
  return text === '' ? 'Saved' : text[0]!.toUpperCase() + text.slice(1);
}
