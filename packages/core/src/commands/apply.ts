import type { Journey } from '../journey/schema';
import { problemsFromZod } from '../journey/parse';
import { err, ok, type Result } from '../result';
import { addCard, moveCard, removeCard, updateCard } from './cards';
import { addItem, moveItem, removeItem, updateItem } from './collection-handlers';
import { collectionSpecs, type CollectionNoun } from './collections';
import { commandError, type CommandError, type CommandResult } from './command-error';
import { setAxis, updateMeta } from './document';
import { clearTranslation, setTranslation } from './translations';
import { recordVotes } from './votes';
import { journeyCommandSchema, type BatchCommand, type CommandType, type JourneyCommand } from './schema';

type Handler<T extends CommandType> = (j: Journey, c: Extract<JourneyCommand, { type: T }>) => CommandResult;
type Handlers = { readonly [T in CommandType]: Handler<T> };

const collection = <N extends CollectionNoun>(noun: N) => {
  const s = collectionSpecs[noun];
  return {
    [`${noun}.add`]: (j: Journey, c: never) => addItem(s, j, c),
    [`${noun}.update`]: (j: Journey, c: never) => updateItem(s, j, c),
    [`${noun}.move`]: (j: Journey, c: never) => moveItem(s, j, c),
    [`${noun}.remove`]: (j: Journey, c: never) => removeItem(s, j, c),
  } as { [T in `${N}.${'add' | 'update' | 'move' | 'remove'}`]: Handler<T & CommandType> };
};

/** One handler per command type: a new type fails to compile until it is handled here. */
const handlers: Handlers = {
  'meta.update': updateMeta,
  'axis.set': setAxis,
  ...collection('persona'),
  ...collection('organisation'),
  ...collection('leverCategory'),
  ...collection('source'),
  ...collection('stage'),
  ...collection('column'),
  ...collection('lane'),
  ...collection('link'),
  ...collection('idea'),
  'card.add': addCard,
  'card.update': updateCard,
  'card.move': moveCard,
  'card.remove': removeCard,
  'votes.record': recordVotes,
  'translation.set': setTranslation,
  'translation.clear': clearTranslation,
  batch: applyBatch,
};

/** Applies a command already checked against journeyCommandSchema. */
function applyChecked(j: Journey, c: JourneyCommand): CommandResult {
  return (handlers[c.type] as Handler<CommandType>)(j, c as never);
}

/** All or none; the inverse undoes the commands in reverse order, as one batch. */
function applyBatch(j: Journey, c: BatchCommand): CommandResult {
  let journey = j;
  const inverses: JourneyCommand[] = [];
  for (const [i, sub] of c.commands.entries()) {
    const r = applyChecked(journey, sub);
    if (!r.ok) return err({ ...r.error, path: ['commands', i, ...r.error.path] });
    journey = r.value.journey;
    inverses.push(r.value.inverse);
  }
  inverses.reverse();
  return ok({
    journey,
    inverse: { type: 'batch', ...(c.label !== undefined ? { label: c.label } : {}), commands: inverses },
  });
}

/** Checks plain data (from JSON, a form, the network) against journeyCommandSchema. */
export function parseCommand(input: unknown): Result<JourneyCommand, CommandError> {
  const parsed = journeyCommandSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const first = problemsFromZod(parsed.error)[0]!;
  return err(commandError('invalid_command', first.path, first.message));
}

/**
 * Applies one edit. The command is checked against its schema, then against the journey; a refused command
 * changes nothing. The input is never mutated; unchanged parts are shared. For every success,
 * `applyCommand(result.journey, result.inverse)` gives back a journey deep-equal to `journey`.
 */
export function applyCommand(journey: Journey, command: JourneyCommand): CommandResult {
  const parsed = parseCommand(command);
  return parsed.ok ? applyChecked(journey, parsed.value) : parsed;
}

/** Applies several commands in order, all or none, with one inverse (a batch). */
export function applyCommands(journey: Journey, commands: readonly JourneyCommand[]): CommandResult {
  if (commands.length === 0) return err(commandError('invalid_command', [], 'expected at least one command'));
  return applyCommand(journey, { type: 'batch', commands });
}
