import { cardTranslatableFields } from '../journey/cards';
import type { Journey } from '../journey/schema';
import { languagesOf, translatableFields } from '../journey/translations';
import { applyCommand } from './apply';
import { freshId, randomCard, randomIdea, randomLink, type Rand } from './random-journey.fixture';
import type { JourneyCommand } from './schema';
import { votableKinds } from './votes';

/** valid: must apply; invalid: must be refused; either: may go either way (the properties still hold). */
export type Expectation = 'valid' | 'invalid' | 'either';
export interface Generated {
  readonly command: unknown;
  readonly expect: Expectation;
}

type Maker = (r: Rand, j: Journey) => Generated | undefined;
const valid = (command: unknown): Generated => ({ command, expect: 'valid' });
const invalid = (command: unknown): Generated => ({ command, expect: 'invalid' });
const either = (command: unknown): Generated => ({ command, expect: 'either' });
const id = <T extends { id: string }>(r: Rand, list: readonly T[]) => r.pick(list)?.id;

const makers: Record<string, Maker> = {
  cardAdd: (r, j) => {
    const card = randomCard(r, j);
    if (!card) return undefined;
    const cell = j.cards.length;
    return valid({ type: 'card.add', item: card, ...(r.chance(0.5) ? { index: r.int(cell + 1) } : {}) });
  },
  cardUpdate: (r, j) => {
    const card = r.pick(j.cards);
    if (!card) return undefined;
    if (card.kind === 'emotion' && r.chance(0.5))
      return valid({ type: 'card.update', id: card.id, patch: { score: r.int(201) - 100 } });
    return r.chance(0.5)
      ? valid({ type: 'card.update', id: card.id, patch: { note: 'Said on the phone', flags: ['delight'] } })
      : valid({ type: 'card.update', id: card.id, patch: {}, unset: ['note', 'flags'] });
  },
  cardMove: (r, j) => {
    const card = r.pick(j.cards);
    if (!card) return undefined;
    const lane = r.pick(j.lanes.filter((l) => l.kind === card.kind))!;
    const column = r.pick(j.columns)!;
    const cell = j.cards.filter((c) => c.id !== card.id && c.laneId === lane.id && c.columnId === column.id);
    return valid({
      type: 'card.move',
      id: card.id,
      laneId: lane.id,
      columnId: column.id,
      ...(r.chance(0.7) ? { toIndex: r.int(cell.length + 1) } : {}),
    });
  },
  cardRemove: (r, j) => (j.cards.length ? valid({ type: 'card.remove', id: id(r, j.cards) }) : undefined),
  columnAdd: (r, j) => {
    const last = j.columns[j.columns.length - 1];
    const stageId = r.chance(0.5) ? last?.stageId : undefined;
    return valid({
      type: 'column.add',
      item: { id: freshId(r, 'col', j.columns), label: 'New step', ...(stageId ? { stageId } : {}) },
    });
  },
  columnMove: (r, j) =>
    either({ type: 'column.move', id: id(r, j.columns), toIndex: r.int(j.columns.length) }),
  columnStage: (r, j) => {
    const stage = r.pick(j.stages);
    return either({
      type: 'column.update',
      id: id(r, j.columns),
      ...(stage && r.chance(0.7) ? { patch: { stageId: stage.id } } : { patch: {}, unset: ['stageId'] }),
    });
  },
  columnRemove: (r, j) =>
    j.columns.length > 1 ? valid({ type: 'column.remove', id: id(r, j.columns) }) : undefined,
  laneAdd: (r, j) =>
    valid({
      type: 'lane.add',
      item: {
        id: freshId(r, 'lane', j.lanes),
        kind: r.pick(['step', 'emotion', 'text', 'lever']),
        label: 'New lane',
      },
      index: r.int(j.lanes.length + 1),
    }),
  laneMove: (r, j) => valid({ type: 'lane.move', id: id(r, j.lanes), toIndex: r.int(j.lanes.length) }),
  laneRemove: (r, j) => (j.lanes.length > 1 ? valid({ type: 'lane.remove', id: id(r, j.lanes) }) : undefined),
  stageAdd: (r, j) =>
    valid({
      type: 'stage.add',
      item: { id: freshId(r, 'g', j.stages), name: 'New stage' },
      index: r.int(j.stages.length + 1),
    }),
  stageRemove: (r, j) => (j.stages.length ? valid({ type: 'stage.remove', id: id(r, j.stages) }) : undefined),
  linkAdd: (r, j) => {
    const link = randomLink(r, j);
    return link ? valid({ type: 'link.add', item: link }) : undefined;
  },
  linkRemove: (r, j) => (j.links.length ? valid({ type: 'link.remove', id: id(r, j.links) }) : undefined),
  linkMove: (r, j) =>
    j.links.length
      ? valid({ type: 'link.move', id: id(r, j.links), toIndex: r.int(j.links.length) })
      : undefined,
  ideaAdd: (r, j) => valid({ type: 'idea.add', item: randomIdea(r, j) }),
  ideaUpdate: (r, j) =>
    j.ideas.length
      ? valid({ type: 'idea.update', id: id(r, j.ideas), patch: { status: 'agreed', effort: 1 + r.int(5) } })
      : undefined,
  catalogRemove: (r, j) => {
    const [noun, list] = r.pick([
      ['organisation', j.organisations],
      ['persona', j.personas],
      ['source', j.sources],
      ['leverCategory', j.leverCategories],
    ] as const)!;
    return list.length
      ? either({ type: `${noun}.remove`, id: id(r, list as readonly { id: string }[]) })
      : undefined;
  },
  catalogAdd: (r, j) =>
    valid({ type: 'organisation.add', item: { id: freshId(r, 'o', j.organisations), name: 'New org' } }),
  metaAxis: (r) =>
    r.chance(0.5)
      ? valid({ type: 'meta.update', patch: { title: 'Renamed', tags: ['x'] }, unset: ['owner'] })
      : valid({ type: 'axis.set', axis: r.pick([{ kind: 'steps' }, { kind: 'dates' }, { kind: 'ages' }]) }),
  resetDefault: (r, j) => {
    const touchpoint = r.pick(j.cards.filter((c) => c.kind === 'touchpoint'));
    if (touchpoint && r.chance(0.5)) {
      return valid({
        type: 'card.update',
        id: touchpoint.id,
        ...(r.chance(0.5) ? { patch: { direction: 'outbound' } } : { patch: {}, unset: ['direction'] }),
      });
    }
    return valid({
      type: 'meta.update',
      patch: r.chance(0.5) ? { status: 'published' } : {},
      unset: ['objectives'],
    });
  },
  textPatch: (r, j) => {
    const card = r.pick(j.cards.filter((c) => 'text' in c));
    return card
      ? valid({ type: 'card.update', id: card.id, patch: { text: '  Trimmed on the way in  ' } })
      : undefined;
  },
  linkUpdate: (r, j) =>
    j.links.length
      ? valid({
          type: 'link.update',
          id: id(r, j.links),
          patch: { label: 'Waits for a reply', waitDays: r.int(30) },
          unset: ['returnsTo'],
        })
      : undefined,
  votesRecord: (r, j) => {
    const kinds = votableKinds.filter(() => r.chance(0.5));
    if (kinds.length === 0) kinds.push(r.pick(votableKinds)!);
    const tally = (list: readonly { id: string }[]) =>
      list.filter(() => r.chance(0.6)).map((x) => ({ id: x.id, votes: 1 + r.int(9) }));
    return valid({
      type: 'votes.record',
      round: 'Dot-voting',
      kinds,
      cards: tally(j.cards.filter((c) => (kinds as string[]).includes(c.kind))),
      ideas: kinds.includes('idea') ? tally(j.ideas) : [],
    });
  },
  languages: (r) =>
    r.chance(0.8)
      ? valid({
          type: 'meta.update',
          patch: { languages: r.pick([['en', 'cy'], ['en', 'cy'], ['cy', 'en'], ['en']]) },
        })
      : valid({ type: 'meta.update', patch: {}, unset: ['languages'] }),
  translationSet: (r, j) => {
    const target = randomTranslationTarget(r, j);
    if (!target) return undefined;
    const languages = languagesOf(j.meta);
    const language = r.pick(['en', 'cy'] as const)!;
    const command = {
      type: 'translation.set',
      target: target.target,
      language,
      field: target.field,
      value: r.pick(['Gwneud cais am dai', '  Aros am ateb  ', 'Ffonio’r cyngor'])!,
    };
    return languages.includes(language) && languages[0] !== language ? valid(command) : invalid(command);
  },
  translationClear: (r, j) => {
    const target = randomTranslationTarget(r, j);
    return target
      ? valid({
          type: 'translation.clear',
          target: target.target,
          language: r.pick(['en', 'cy']),
          field: target.field,
        })
      : undefined;
  },
  // Commands that must be refused.
  translationNotTranslatable: (r, j) => {
    const card = r.pick(j.cards.filter((c) => c.kind === 'emotion' || c.kind === 'touchpoint'));
    return card
      ? invalid({
          type: 'translation.set',
          target: { kind: 'card', id: card.id },
          language: 'cy',
          field: card.kind === 'emotion' ? 'text' : 'channel',
          value: 'Ffôn',
        })
      : undefined;
  },
  votesNotInRound: (r, j) => {
    const card = r.pick(j.cards.filter((c) => c.kind !== 'pain-point'));
    return invalid({
      type: 'votes.record',
      round: 'Pain points',
      kinds: ['pain-point'],
      cards: [{ id: card?.id ?? 'no-such-card', votes: 1 + r.int(3) }],
      ideas: [],
    });
  },
  missingId: (r) =>
    invalid({
      type: r.pick(['card.remove', 'column.remove', 'lane.remove', 'link.remove', 'stage.remove']),
      id: 'no-such-id',
    }),
  wrongKind: (r, j) => {
    const card = r.pick(j.cards);
    const lane = card && r.pick(j.lanes.filter((l) => l.kind !== card.kind));
    return lane ? invalid({ type: 'card.move', id: card.id, laneId: lane.id }) : undefined;
  },
  scoreOutOfRange: (r, j) => {
    const card = r.pick(j.cards.filter((c) => c.kind === 'emotion'));
    return card
      ? invalid({ type: 'card.update', id: card.id, patch: { score: 101 + r.int(100) } })
      : undefined;
  },
  duplicate: (r, j) =>
    j.columns.length
      ? invalid({ type: 'column.add', item: { id: id(r, j.columns), label: 'Again' } })
      : undefined,
  badIndex: (r, j) => invalid({ type: 'lane.move', id: id(r, j.lanes), toIndex: j.lanes.length + r.int(3) }),
  patchId: (r, j) =>
    j.cards.length
      ? invalid({ type: 'card.update', id: id(r, j.cards), patch: { columnId: id(r, j.columns) } })
      : undefined,
  unknownType: () => invalid({ type: 'card.explode', id: 'x' }),
  missingStage: (r, j) =>
    invalid({
      type: 'column.add',
      item: { id: freshId(r, 'col', j.columns), label: 'X', stageId: 'no-such-stage' },
    }),
};

/** Something with a translatable field: the journey's title, a stage, column, lane or card with text. */
function randomTranslationTarget(r: Rand, j: Journey): { target: unknown; field: string } | undefined {
  const kind = r.pick(['meta', 'stage', 'column', 'lane', 'card'] as const)!;
  if (kind === 'meta') return { target: { kind }, field: 'title' };
  if (kind === 'card') {
    const card = r.pick(j.cards.filter((c) => cardTranslatableFields[c.kind].length > 0));
    return card
      ? { target: { kind, id: card.id }, field: r.pick(cardTranslatableFields[card.kind])! }
      : undefined;
  }
  const list = kind === 'stage' ? j.stages : kind === 'column' ? j.columns : j.lanes;
  const item = r.pick(list as readonly { id: string }[]);
  return item
    ? { target: { kind, id: item.id }, field: r.pick(Object.keys(translatableFields[kind]))! }
    : undefined;
}

const names = Object.keys(makers);

/** One random command against `j`: mostly valid edits, some that must be refused, some batches. */
export function randomCommand(r: Rand, j: Journey, depth = 0): Generated {
  if (depth === 0 && r.chance(0.12)) return randomBatch(r, j);
  for (;;) {
    const made = makers[r.pick(names)!]!(r, j);
    if (made) return made;
  }
}

/** 2–4 commands, each made against the state the earlier ones leave; refused if any is. */
function randomBatch(r: Rand, j: Journey): Generated {
  const commands: unknown[] = [];
  let state = j;
  let expect: Expectation = 'valid';
  for (let n = 2 + r.int(3); n > 0; n--) {
    const sub = randomCommand(r, state, 1);
    commands.push(sub.command);
    if (sub.expect === 'invalid') return invalid({ type: 'batch', label: 'random batch', commands });
    const applied = applyCommand(state, sub.command as JourneyCommand);
    if (!applied.ok) {
      // A refused 'either' makes the batch refused; a refused 'valid' is a bug the property will report.
      if (sub.expect === 'either') expect = 'invalid';
      break;
    }
    state = applied.value.journey;
  }
  return { command: { type: 'batch', label: 'random batch', commands }, expect };
}
