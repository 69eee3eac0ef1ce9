import type { LaneKind } from '../journey/cards';
import { laneKindIds } from '../journey/cards';
import { checkInvariants } from '../journey/invariants';
import { journeySchema, type Journey } from '../journey/schema';

/** A small seeded generator (mulberry32), so property tests replay exactly from a seed. */
export interface Rand {
  /** A whole number from 0 to n − 1. */
  readonly int: (n: number) => number;
  readonly chance: (p: number) => boolean;
  readonly pick: <T>(list: readonly T[]) => T | undefined;
}

export function createRand(seed: number): Rand {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { int, chance: (p) => next() < p, pick: (list) => list[int(list.length)] };
}

/** An id not used in `list`. */
export function freshId(rand: Rand, prefix: string, list: readonly { id: string }[]): string {
  for (;;) {
    const id = `${prefix}${rand.int(1_000_000)}`;
    if (!list.some((x) => x.id === id)) return id;
  }
}

const words = ['Reports incident', 'Waits', 'Calls again', 'Gets a letter', 'Case closed', '  spaced  '];

/** The fields a card of each kind needs beyond id, lane and column; refs chosen from the journey. */
export const cardFieldsByKind: Record<
  LaneKind,
  (rand: Rand, j: Journey) => Record<string, unknown> | undefined
> = {
  step: (r) => ({ text: r.pick(words) }),
  touchpoint: (r) => ({
    text: r.pick(words),
    channel: r.pick(['telephone', 'web', 'face-to-face', 'letter']),
    ...(r.chance(0.5) ? { contacts: r.int(5) } : {}),
  }),
  'baton-change': (r, j) => {
    if (j.organisations.length === 0) return undefined;
    return { from: r.pick(j.organisations)!.id, to: r.pick(j.organisations)!.id };
  },
  feeling: (r, j) => ({
    text: r.pick(words),
    ...(j.personas.length > 0 && r.chance(0.5) ? { personaId: r.pick(j.personas)!.id } : {}),
  }),
  emotion: (r, j) => ({
    score: r.int(201) - 100,
    ...(j.personas.length > 0 && r.chance(0.3) ? { personaId: r.pick(j.personas)!.id } : {}),
    ...(j.sources.length > 0 && r.chance(0.3) ? { sourceId: r.pick(j.sources)!.id } : {}),
  }),
  'moment-of-truth': (r) => ({ text: r.pick(words) }),
  'pain-point': (r) => ({ text: r.pick(words), ...(r.chance(0.5) ? { type: 'silence' } : {}) }),
  lever: (r, j) =>
    j.leverCategories.length === 0
      ? undefined
      : { text: r.pick(words), category: r.pick(j.leverCategories)!.id },
  metric: (r) => ({ metric: 'contacts', value: r.int(10) }),
  text: (r) => ({ text: r.pick(words) }),
};

/** A new card for a random lane and column, or undefined when the journey cannot hold one. */
export function randomCard(rand: Rand, j: Journey, laneId?: string): Record<string, unknown> | undefined {
  const lane = laneId ? j.lanes.find((l) => l.id === laneId) : rand.pick(j.lanes);
  const column = rand.pick(j.columns);
  if (!lane || !column) return undefined;
  const fields = cardFieldsByKind[lane.kind](rand, j);
  if (!fields) return undefined;
  return {
    id: freshId(rand, 'c', j.cards),
    kind: lane.kind,
    laneId: lane.id,
    columnId: column.id,
    ...fields,
  };
}

/** A random link between existing columns (and cards in them). */
export function randomLink(rand: Rand, j: Journey): Record<string, unknown> | undefined {
  const end = () => {
    const column = rand.pick(j.columns);
    if (!column) return undefined;
    const card = rand.chance(0.5) ? rand.pick(j.cards.filter((c) => c.columnId === column.id)) : undefined;
    return card ? { columnId: column.id, cardId: card.id } : { columnId: column.id };
  };
  const from = end();
  if (!from) return undefined;
  const org = rand.pick(j.organisations);
  const to =
    org && rand.chance(0.3)
      ? { kind: 'organisation', organisationId: org.id }
      : rand.chance(0.2)
        ? { kind: 'customer' }
        : { kind: 'column', ...end() };
  return {
    id: freshId(rand, 'k', j.links),
    kind: rand.pick(['feedback-loop', 'outside-request', 'hand-off']),
    from,
    to,
    ...(rand.chance(0.3) ? { returnsTo: end() } : {}),
  };
}

export function randomIdea(rand: Rand, j: Journey): Record<string, unknown> {
  const some = () => j.cards.filter(() => rand.chance(0.15)).map((c) => c.id);
  return {
    id: freshId(rand, 'i', j.ideas),
    title: 'An idea',
    leverCardIds: some(),
    painPointCardIds: some(),
  };
}

/** A valid journey of a few stages, columns, lanes of random kinds, cards, links and ideas. */
export function randomJourney(rand: Rand): Journey {
  const stages = Array.from({ length: rand.int(4) }, (_, i) => ({ id: `g${i}`, name: `Stage ${i}` }));
  let stage = -1;
  let current: string | undefined;
  const columns = Array.from({ length: 1 + rand.int(7) }, (_, i) => {
    if (i === 0 || rand.chance(0.4)) {
      if (rand.chance(0.25)) current = undefined;
      else current = stages[++stage]?.id;
    }
    return { id: `col${i}`, label: `Column ${i}`, ...(current ? { stageId: current } : {}) };
  });
  const base = journeySchema.parse({
    schemaVersion: 2,
    id: 'random',
    meta: { title: 'Random journey', journeyType: 'current' },
    personas: Array.from({ length: rand.int(3) }, (_, i) => ({ id: `p${i}`, name: `Persona ${i}` })),
    organisations: Array.from({ length: 1 + rand.int(3) }, (_, i) => ({ id: `o${i}`, name: `Org ${i}` })),
    sources: Array.from({ length: rand.int(3) }, (_, i) => ({
      id: `src${i}`,
      kind: 'workshop',
      title: `S ${i}`,
    })),
    stages,
    columns,
    lanes: Array.from({ length: 1 + rand.int(6) }, (_, i) => ({
      id: `lane${i}`,
      kind: rand.pick(laneKindIds),
      label: `Lane ${i}`,
    })),
  });
  let j: Journey = base;
  for (let n = rand.int(25); n > 0; n--) {
    const card = randomCard(rand, j);
    if (card) j = { ...j, cards: [...j.cards, card as never] };
  }
  for (let n = rand.int(5); n > 0; n--) {
    const link = randomLink(rand, j);
    if (link) j = { ...j, links: [...j.links, link as never] };
  }
  for (let n = rand.int(3); n > 0; n--) j = { ...j, ideas: [...j.ideas, randomIdea(rand, j) as never] };
  const parsed = journeySchema.parse(j);
  const problems = checkInvariants(parsed);
  if (problems.length > 0)
    throw new Error(`random journey broke its invariants: ${JSON.stringify(problems)}`);
  return parsed;
}
