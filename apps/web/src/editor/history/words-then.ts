import type { Journey, JourneyCommand } from '@waymark/core';
import { describeCommand } from '../describe-command';
import type { HistoryVersion } from './group-history';

type Item = Readonly<Record<string, unknown>> & { readonly id: string };
type Noun = 'card' | 'column' | 'lane' | 'stage';
const lists: Record<Noun, 'cards' | 'columns' | 'lanes' | 'stages'> = {
  card: 'cards',
  column: 'columns',
  lane: 'lanes',
  stage: 'stages',
};
const isNoun = (noun: string): noun is Noun => noun in lists;

/** A batch's own commands, all the way down; any other command alone. */
function flatten(command: JourneyCommand): JourneyCommand[] {
  return command.type === 'batch' ? command.commands.flatMap(flatten) : [command];
}

/** The card, step, lane or stage a command is about, if any. */
function subjectOf(command: JourneyCommand): { noun: Noun; id: string } | null {
  const [noun = '', verb = ''] = command.type.split('.');
  if (!isNoun(noun) || verb === 'move') return null;
  if ('item' in command && command.item && typeof command.item === 'object')
    return { noun, id: String((command.item as Item).id) };
  if ('id' in command) return { noun, id: String(command.id) };
  return null;
}

/**
 * Each version's edits in words, quoting cards, steps, lanes and stages as they were at that version — never as
 * they are now under an older author's name. The words are worked out from the loaded history: an item added in
 * it is followed through every later edit; an item from before it is quoted as it is now only where nothing
 * changed it since. When its words then cannot be known, the entry names no words rather than wrong ones.
 * For each version, one string per command, oldest first.
 */
export function wordsThen(
  versions: readonly HistoryVersion[],
  journey: Journey,
): ReadonlyMap<number, readonly string[]> {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  // The last version that changed each item (moves change no words).
  const lastChange = new Map<string, number>();
  for (const v of sorted)
    for (const c of v.commands.flatMap(flatten)) {
      const subject = subjectOf(c);
      if (subject) lastChange.set(subject.id, v.version);
    }
  const now = (noun: Noun, id: string): Item | undefined =>
    (journey[lists[noun]] as readonly Item[]).find((x) => x.id === id);
  // What the loaded history says each item was: its fields, or null once removed.
  const known = new Map<string, Item | null>();
  const apply = (c: JourneyCommand) => {
    const subject = subjectOf(c);
    if (!subject) return;
    const verb = c.type.split('.')[1];
    if (verb === 'add' && 'item' in c) known.set(subject.id, c.item as Item);
    else if (verb === 'remove') known.set(subject.id, null);
    else if (verb === 'update' && 'patch' in c) {
      const base = known.get(subject.id);
      const patch = c.patch as Record<string, unknown>;
      const unset = ('unset' in c && Array.isArray(c.unset) ? c.unset : []) as string[];
      const names = ['text', 'label', 'name', 'title'].some((k) => k in patch);
      // An item from before the loaded history: only an edit that sets its words makes them known.
      const from = base ?? (names ? (now(subject.noun, subject.id) ?? { id: subject.id }) : undefined);
      if (!from) return known.delete(subject.id);
      const next: Record<string, unknown> = { ...from, ...patch };
      for (const key of unset) delete next[key];
      known.set(subject.id, next as Item);
    }
  };
  const stateAt = (noun: Noun, id: string, version: number): Item | null => {
    const k = known.get(id);
    if (k !== undefined) return k;
    // Unchanged from this version until now: as it is now.
    return (lastChange.get(id) ?? 0) <= version ? (now(noun, id) ?? null) : null;
  };

  const out = new Map<number, string[]>();
  for (const v of sorted) {
    const words: string[] = [];
    for (const command of v.commands) {
      const subjects = flatten(command)
        .map(subjectOf)
        .filter((s) => s !== null);
      const before = new Map(subjects.map((s) => [s.id, known.get(s.id) ?? null] as const));
      flatten(command).forEach(apply);
      const then: Record<Noun, Item[]> = { card: [], column: [], lane: [], stage: [] };
      for (const s of subjects) {
        // After the edit (its new words); for a removal, before it (what was removed).
        const item = stateAt(s.noun, s.id, v.version) ?? before.get(s.id) ?? null;
        if (item) then[s.noun].push(item);
      }
      const view = {
        ...journey,
        cards: then.card,
        columns: then.column,
        lanes: then.lane,
        stages: then.stage,
      } as unknown as Journey;
      words.push(describeCommand(command, view));
    }
    out.set(v.version, words);
  }
  return out;
}
