import { laneKinds, restoredVersionOf, type Journey, type JourneyCommand } from '@waymark/core';
import { getLocale, t, type MessageId } from '../i18n';

/** The catalogue's word for a command's noun: `card` → "card", `column` → "step" (errors.noun.*). */
const noun = (n: string): string => {
  const id = `errors.noun.${n}` as MessageId;
  const word = t(id);
  return word === id ? n : word;
};
const verbIds: Record<string, MessageId> = {
  add: 'errors.describe.add',
  update: 'errors.describe.update',
  move: 'errors.describe.move',
  remove: 'errors.describe.remove',
  set: 'errors.describe.set',
};

const quoted = (s: string | undefined) => (s ? ` “${s.length > 60 ? `${s.slice(0, 57)}…` : s}”` : '');

/** Words for one command, for the history panel and the list of unsaved changes after a conflict. */
export function describeCommand(command: JourneyCommand, journey?: Journey): string {
  if (command.type === 'batch') {
    return (
      command.label ??
      t('errors.describe.batch', {
        count: command.commands.length,
        list: command.commands.map((c) => describeCommand(c, journey)).join('; '),
      })
    );
  }
  if (command.type === 'axis.set')
    return t('errors.describe.axis', {
      axis: t(`model.axis.${command.axis.kind}` as MessageId).toLocaleLowerCase(getLocale()),
    });
  if (command.type === 'votes.record') return t('errors.describe.votes', { round: quoted(command.round) });
  if (command.type === 'meta.update')
    return t('errors.describe.meta', { fields: Object.keys(command.patch).join(', ') });
  const [kind = '', verb = ''] = command.type.split('.');
  const what = noun(kind);
  const name = (): string => {
    if ('item' in command) {
      const item = command.item as Record<string, unknown>;
      const text = item['text'] ?? item['label'] ?? item['name'] ?? item['title'];
      if (typeof text === 'string') return quoted(text);
      if (typeof item['score'] === 'number') return t('errors.describe.score', { score: item['score'] });
      return '';
    }
    if ('id' in command && journey) {
      const id = String(command.id);
      const card = journey.cards.find((c) => c.id === id);
      if (kind === 'card' && card)
        return quoted('text' in card ? card.text : laneKinds[card.kind].summary(card));
      const list = { column: journey.columns, lane: journey.lanes, stage: journey.stages }[kind] as
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
  const id = verbIds[verb];
  return id ? t(id, { what, name: name(), fields }) : `${verb} ${what}${name()}${fields}`;
}

/** Nouns a summary counts ("a card", "3 cards"), with their possessive ("3 cards’") in the catalogue. */
const counted = new Set([
  'card',
  'column',
  'lane',
  'stage',
  'link',
  'idea',
  'persona',
  'organisation',
  'leverCategory',
  'source',
]);
/** What an update changed, when it changed one thing people name: "changed 2 steps’ names". */
const fieldWords = new Set([
  'label',
  'name',
  'title',
  'text',
  'score',
  'description',
  'note',
  'stageId',
  'ownerId',
  'votes',
]);
const summaryVerbs: Record<string, MessageId> = {
  add: 'errors.summary.added',
  update: 'errors.summary.changed',
  move: 'errors.summary.moved',
  remove: 'errors.summary.removed',
};

const countWords = (n: number, kind: string) =>
  counted.has(kind) ? t(`errors.summary.thing.${kind}` as MessageId, { n }) : `${n} ${kind}`;

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
        count(`restore ${restored}`, () => t('errors.summary.restored', { version: restored }));
      else c.commands.forEach(visit);
      return;
    }
    if (c.type === 'meta.update') return count('meta', () => t('errors.summary.meta'));
    if (c.type === 'axis.set') return count('axis', () => t('errors.summary.axis'));
    if (c.type === 'votes.record') return count('votes', (n) => t('errors.summary.votes', { n }));
    const [kind = '', verb = ''] = c.type.split('.');
    const fields =
      verb === 'update' && 'patch' in c
        ? [...Object.keys(c.patch as object), ...(('unset' in c && c.unset) || [])]
        : [];
    const field = fields.length === 1 && fieldWords.has(fields[0]!) ? fields[0]! : undefined;
    if (field && counted.has(kind))
      return count(`${kind} update ${field}`, (n) =>
        t('errors.summary.changedField', {
          whose: t(`errors.summary.whose.${kind}` as MessageId, { n }),
          field: t(`errors.summary.field.${field}` as MessageId, { n }),
        }),
      );
    const id = summaryVerbs[verb];
    count(`${kind} ${verb}`, (n) =>
      id ? t(id, { things: countWords(n, kind) }) : `${verb} ${countWords(n, kind)}`,
    );
  };
  commands.forEach(visit);
  const text = [...tally.values()].map((t) => t.phrase(t.n)).join(', ');
  return text === '' ? t('errors.summary.saved') : text[0]!.toLocaleUpperCase(getLocale()) + text.slice(1);
}
