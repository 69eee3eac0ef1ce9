import { laneKinds, type Journey, type JourneyCommand } from '@waymark/core';

/**
 * The live engine's notices in plain words (decision 0013): whose words replaced yours, and why an edit of
 * yours could not be kept — named by what the person sees (the card's words, the step's name), never by ids.
 */

export const nouns: Record<string, string> = {
  card: 'card',
  column: 'step',
  lane: 'lane',
  stage: 'stage',
  link: 'arrow',
  idea: 'idea',
  persona: 'persona',
  organisation: 'organisation',
  source: 'source',
  leverCategory: 'lever category',
  meta: 'journey',
};

/** What a field is called on screen. */
const fieldWords: Record<string, string> = {
  text: 'text',
  label: 'name',
  name: 'name',
  title: 'title',
  why: 'reason',
  source: 'source',
  score: 'score',
  value: 'figure',
  severity: 'severity',
  description: 'description',
  businessQuestion: 'business question',
};

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);
const quote = (s: string) => `“${short(s)}”`;

/** "Your words: “Phoned twice”", "Yours: 40", "You had left it empty". */
export function yoursInWords(yours: unknown): string {
  if (yours === undefined || yours === '') return 'You had left it empty.';
  if (typeof yours === 'string') return `Your words: ${quote(yours)}`;
  return `Yours: ${typeof yours === 'number' || typeof yours === 'boolean' ? String(yours) : JSON.stringify(yours)}`;
}

/** "Bob changed this card's text after you. Your words: “Phoned twice”" */
export function replacedInWords(type: string, field: string, by: string, yours: unknown): string {
  const noun = type === 'meta' ? 'journey' : (nouns[type] ?? type);
  return `${by} changed this ${noun}’s ${fieldWords[field] ?? field} after you. ${yoursInWords(yours)}`;
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

/** "Your card “Nobody called back”", "Your change to the step “Outcome”". */
function editInWords(seen: Journey, command: JourneyCommand): { what: string; verb: string } {
  if (command.type === 'batch') return { what: 'Your changes', verb: 'were not kept' };
  const [noun = '', verb = ''] = command.type.split('.');
  const thing = nouns[noun] ?? noun;
  const c = command as unknown as Record<string, unknown>;
  if (verb === 'add') {
    const item = (c['item'] ?? {}) as Record<string, unknown>;
    const words = item['text'] ?? item['label'] ?? item['name'] ?? item['title'];
    if (noun === 'card' && typeof item['score'] === 'number')
      return { what: `Your score of ${item['score']}`, verb: 'was not added' };
    return {
      what: `Your new ${thing}${typeof words === 'string' ? ` ${quote(words)}` : ''}`,
      verb: 'was not added',
    };
  }
  const named = typeof c['id'] === 'string' ? namedThings(seen).get(`${noun}\u0000${c['id']}`) : undefined;
  const which = named ? `the ${thing} ${quote(named.name)}` : `a ${thing}`;
  if (verb === 'update') {
    const patch = (c['patch'] ?? {}) as Record<string, unknown>;
    const typed = Object.values(patch).find((v) => typeof v === 'string');
    return {
      what: `Your change to ${which}${typeof typed === 'string' ? ` (${quote(typed)})` : ''}`,
      verb: 'was not kept',
    };
  }
  if (verb === 'move') return { what: `Your move of ${which}`, verb: 'was not kept' };
  if (verb === 'remove') return { what: `Your deletion of ${which}`, verb: 'was not kept' };
  return { what: `Your change to ${which}`, verb: 'was not kept' };
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
  const { what, verb } = editInWords(seen, command);
  const before = namedThings(seen);
  const after = namedThings(now);
  const who = by ?? 'someone else';
  for (const ref of references(command)) {
    const key = `${ref.noun}\u0000${ref.id}`;
    const was = before.get(key);
    if (!was || after.has(key)) continue;
    const thing = nouns[ref.noun] ?? ref.noun;
    return ref.self
      ? `${what} ${verb}, because ${who} deleted that ${thing}.`
      : `${what} ${verb}, because ${who} deleted the ${thing} ${quote(was.name)} it was on. ${
          ref.noun === 'column'
            ? 'Add it to another step if you still need it.'
            : 'Add it again if you still need it.'
        }`;
  }
  const reason = why.replace(/^your change was not saved:\s*/i, '').trim();
  const sentence = reason.charAt(0).toUpperCase() + reason.slice(1);
  return `${what} ${verb}. ${sentence}${/[.!?]$/.test(sentence) ? '' : '.'}`;
}
