import { laneKinds, type Journey, type JourneyCommand } from '@waymark/core';
import { namespaces } from '@waymark/i18n';
import { t, type MessageId } from '../i18n';

/**
 * The live engine's notices in plain words (decision 0013): whose words replaced yours, and why an edit of
 * yours could not be kept — named by what the person sees (the card's words, the step's name), never by ids.
 */

/** The commands' nouns as people see them (a column is a step, a link an arrow), from the catalogue. */
const noun = (kind: string): string => {
  if (kind === 'meta') return t('errors.live.journey');
  const id = `errors.noun.${kind}` as MessageId;
  return id in catalogue ? t(id) : kind;
};

const catalogue = namespaces.errors.en as Record<string, string>;

/** What a field is called on screen (errors.live.field.*), or its key. */
const fieldWord = (field: string): string => {
  const id = `errors.live.field.${field}` as MessageId;
  return id in catalogue ? t(id) : field;
};

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);
const quote = (s: string) => t('errors.live.quoted', { words: short(s) });

/** "Your words: “Phoned twice”", "Yours: 40", "You had left it empty". */
export function yoursInWords(yours: unknown): string {
  if (yours === undefined || yours === '') return t('errors.live.yoursEmpty');
  if (typeof yours === 'string') return t('errors.live.yourWords', { words: quote(yours) });
  return t('errors.live.yours', {
    value: typeof yours === 'number' || typeof yours === 'boolean' ? String(yours) : JSON.stringify(yours),
  });
}

/** "Bob changed this card's text after you. Your words: “Phoned twice”" */
export function replacedInWords(type: string, field: string, by: string, yours: unknown): string {
  return t('errors.live.replaced', {
    by,
    noun: noun(type),
    field: fieldWord(field),
    yours: yoursInWords(yours),
  });
}

interface Named {
  readonly id: string;
  readonly noun: string;
  readonly name: string;
}

/** Everything on the map an edit can refer to by id, with the name a person knows it by. */
function namedThings(journey: Journey): Map<string, Named> {
  const out = new Map<string, Named>();
  const put = (noun: string, id: string, name: string) => out.set(`${noun}\u0000${id}`, { id, noun, name });
  for (const c of journey.columns) put('column', c.id, c.label);
  for (const l of journey.lanes) put('lane', l.id, l.label);
  for (const s of journey.stages ?? []) put('stage', s.id, s.name);
  for (const p of journey.personas ?? []) put('persona', p.id, p.name);
  for (const k of journey.cards) put('card', k.id, cardWords(k));
  return out;
}

function cardWords(card: Journey['cards'][number]): string {
  if ('text' in card && typeof card.text === 'string' && card.text !== '') return card.text;
  return laneKinds[card.kind].summary(card);
}

/** The ids an edit refers to, with the kind of thing each names (by the key it is under). */
function references(command: JourneyCommand): { noun: string; id: string; self: boolean }[] {
  if (command.type === 'batch') return command.commands.flatMap(references);
  const [noun = ''] = command.type.split('.');
  const out: { noun: string; id: string; self: boolean }[] = [];
  const c = command as unknown as Record<string, unknown>;
  if (typeof c['id'] === 'string') out.push({ noun, id: c['id'], self: true });
  const scan = (o: Record<string, unknown> | undefined) => {
    if (!o) return;
    for (const [key, value] of Object.entries(o)) {
      if (typeof value !== 'string') continue;
      const m = /^(column|lane|stage|persona|card)Id$/.exec(key);
      if (m) out.push({ noun: m[1]!, id: value, self: false });
    }
  };
  scan(c);
  scan(c['item'] as Record<string, unknown> | undefined);
  scan(c['patch'] as Record<string, unknown> | undefined);
  return out;
}

/** "Your new card “Nobody called back” was not added", "Your change to the step “Outcome” was not kept". */
function editInWords(seen: Journey, command: JourneyCommand): string {
  if (command.type === 'batch') return t('errors.live.changesNotKept');
  const [kind = '', verb = ''] = command.type.split('.');
  const thing = noun(kind);
  const c = command as unknown as Record<string, unknown>;
  if (verb === 'add') {
    const item = (c['item'] ?? {}) as Record<string, unknown>;
    const words = item['text'] ?? item['label'] ?? item['name'] ?? item['title'];
    if (kind === 'card' && typeof item['score'] === 'number')
      return t('errors.live.scoreNotAdded', { score: String(item['score']) });
    return t('errors.live.newNotAdded', {
      thing,
      words: typeof words === 'string' ? ` ${quote(words)}` : '',
    });
  }
  const named = typeof c['id'] === 'string' ? namedThings(seen).get(`${kind}\u0000${c['id']}`) : undefined;
  const some = `errors.live.some.${kind}` as MessageId;
  const which = named
    ? t('errors.live.theNamed', { thing, name: quote(named.name) })
    : some in catalogue
      ? t(some)
      : thing;
  if (verb === 'update') {
    const patch = (c['patch'] ?? {}) as Record<string, unknown>;
    const typed = Object.values(patch).find((v) => typeof v === 'string');
    return t('errors.live.changeNotKept', {
      which,
      typed: typeof typed === 'string' ? ` (${quote(typed)})` : '',
    });
  }
  if (verb === 'move') return t('errors.live.moveNotKept', { which });
  if (verb === 'remove') return t('errors.live.deletionNotKept', { which });
  return t('errors.live.changeNotKept', { which, typed: '' });
}

/**
 * Why an edit of this tab could not be kept, in words: what it was (as the person saw it) and what changed
 * under it (who deleted the step it was on), with what to do next. `why` (the reducer's or the server's words)
 * is used only when no deleted thing explains it.
 */
export function droppedInWords(
  seen: Journey,
  now: Journey,
  commands: readonly JourneyCommand[],
  by: string | null,
  why: string,
): string {
  const command: JourneyCommand =
    commands.length === 1 ? commands[0]! : ({ type: 'batch', commands: [...commands] } as JourneyCommand);
  const edit = editInWords(seen, command);
  const before = namedThings(seen);
  const after = namedThings(now);
  const who = by ?? t('errors.live.someoneElse');
  for (const ref of references(command)) {
    const key = `${ref.noun}\u0000${ref.id}`;
    const was = before.get(key);
    if (!was || after.has(key)) continue;
    const thing = noun(ref.noun);
    return ref.self
      ? t('errors.live.droppedSelf', { edit, who, thing })
      : t('errors.live.droppedUnder', {
          edit,
          who,
          thing,
          name: quote(was.name),
          advice: ref.noun === 'column' ? t('errors.live.addToAnotherStep') : t('errors.live.addAgain'),
        });
  }
  const sentence = why.trim();
  return t('errors.live.droppedBecause', {
    edit,
    reason: `${sentence}${/[.!?]$/.test(sentence) ? '' : '.'}`,
  });
}
