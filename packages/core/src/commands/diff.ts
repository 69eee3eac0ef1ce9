import type { Journey } from '../journey/schema';
import { applyCommand } from './apply';
import { patchBetween, sameValue } from './same-value';
import type { JourneyCommand } from './schema';

type Item = { readonly id: string; readonly kind?: string };
type ListKey =
  | 'personas'
  | 'organisations'
  | 'leverCategories'
  | 'sources'
  | 'stages'
  | 'columns'
  | 'lanes'
  | 'cards'
  | 'links'
  | 'ideas';
const nounOf: Record<ListKey, string> = {
  personas: 'persona',
  organisations: 'organisation',
  leverCategories: 'leverCategory',
  sources: 'source',
  stages: 'stage',
  columns: 'column',
  lanes: 'lane',
  cards: 'card',
  links: 'link',
  ideas: 'idea',
};
/** Fields an update may not write, besides the id: they change by removing and adding, or by moving. */
const fixedOf: Partial<Record<ListKey, readonly string[]>> = {
  lanes: ['id', 'kind'],
  cards: ['id', 'kind', 'laneId', 'columnId'],
};
const simpleLists = ['personas', 'organisations', 'leverCategories', 'sources'] as const;

const command = (value: object) => value as JourneyCommand;
const list = (j: Journey, key: ListKey) => j[key] as readonly Item[];
const byId = (items: readonly Item[]) => new Map(items.map((item) => [item.id, item]));

/**
 * The positions of a longest increasing run within `values` (not necessarily adjacent), so the items there
 * can stay where they are and only the others move.
 */
export function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = [];
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  });
  const keep = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) keep.add(i);
  return keep;
}

/** Builds the commands while applying them, so each one is made for the journey as it is by then. */
class Builder {
  readonly out: JourneyCommand[] = [];
  constructor(public cur: Journey) {}

  run(c: JourneyCommand): void {
    const r = applyCommand(this.cur, c);
    if (!r.ok) throw new Error(`commandsBetween made a command the reducer refused: ${r.error.message}`);
    this.cur = r.value.journey;
    this.out.push(c);
  }

  /**
   * Moves the items of `key` that are in `order` into that order (the others stay). Those that must move
   * anyway (`forced`) and those outside a longest run already in order go right after the item before them.
   */
  reorder(
    key: ListKey,
    order: readonly string[],
    moveTo: (id: string, toIndex: number) => JourneyCommand,
    forced: (id: string) => boolean = () => false,
  ): void {
    const at = () => new Map(list(this.cur, key).map((item, i) => [item.id, i]));
    const first = at();
    const settled = order.filter((id) => !forced(id));
    const keep = new Set([...longestIncreasing(settled.map((id) => first.get(id)!))].map((i) => settled[i]!));
    order.forEach((id, k) => {
      if (keep.has(id)) return;
      const now = at();
      const from = now.get(id)!;
      const before = k > 0 ? now.get(order[k - 1]!)! : -1;
      const toIndex = before < 0 ? 0 : from < before ? before : before + 1;
      if (toIndex === from && !forced(id)) return;
      this.run(moveTo(id, toIndex));
    });
  }

  /** Updates each item of `key` that differs from the one with its id in `to` (fields in fixedOf left). */
  update(key: ListKey, to: Journey, skip: readonly string[] = []): void {
    const wanted = byId(list(to, key));
    for (const item of list(this.cur, key)) {
      const target = wanted.get(item.id);
      if (!target) continue;
      const p = patchBetween(item, target, [...(fixedOf[key] ?? ['id']), ...skip]);
      if (!p) continue;
      this.run(
        command({
          type: `${nounOf[key]}.update`,
          id: item.id,
          patch: p.patch,
          ...(p.unset.length > 0 ? { unset: p.unset } : {}),
        }),
      );
    }
  }

  /** Removes the items of `key` that `to` has not (or that `also` says must go). */
  removeMissing(key: ListKey, to: Journey, also: (item: Item) => boolean = () => false): void {
    const wanted = byId(list(to, key));
    for (const item of [...list(this.cur, key)]) {
      // An earlier removal may have taken it with it (a column's cards).
      if (!list(this.cur, key).some((x) => x.id === item.id)) continue;
      if (!wanted.has(item.id) || also(item))
        this.run(command({ type: `${nounOf[key]}.remove`, id: item.id }));
    }
  }

  /** Adds the items of `to` the journey lacks, each at its place in `to` (or at the end). */
  addMissing(key: ListKey, to: Journey, atEnd = false): void {
    list(to, key).forEach((item, index) => {
      if (list(this.cur, key).some((x) => x.id === item.id)) return;
      this.run(command({ type: `${nounOf[key]}.add`, item, ...(atEnd ? {} : { index }) }));
    });
  }

  /** Every item in the order of `to` (all of them present). */
  order(key: ListKey, to: Journey, forced?: (id: string) => boolean, extra?: (id: string) => object): void {
    const present = new Set(list(this.cur, key).map((x) => x.id));
    const order = list(to, key)
      .map((x) => x.id)
      .filter((id) => present.has(id));
    this.reorder(
      key,
      order,
      (id, toIndex) =>
        key === 'cards'
          ? command({ type: 'card.move', id, ...extra?.(id), arrayIndex: toIndex })
          : command({ type: `${nounOf[key]}.move`, id, toIndex }),
      forced,
    );
  }
}

/**
 * The columns of `to` kept in `b.cur`, put in `to`'s order with `to`'s stages, without a stage's columns ever
 * standing apart (the reducer refuses that at every step). When order or stages differ, the kept columns
 * first lose their stages from the last column back (which never splits a stage), are reordered freely, and
 * get their stages again in order; the list is then always a part of `to`'s, which keeps stages together.
 */
function arrangeColumns(b: Builder, to: Journey): void {
  const target = byId(to.columns) as Map<string, Journey['columns'][number]>;
  const kept = to.columns.filter((c) => b.cur.columns.some((x) => x.id === c.id));
  const already =
    kept.length === b.cur.columns.length &&
    kept.every((c, i) => c.id === b.cur.columns[i]!.id && c.stageId === b.cur.columns[i]!.stageId);
  if (!already) {
    for (const column of [...b.cur.columns].reverse()) {
      if (column.stageId !== undefined)
        b.run({ type: 'column.update', id: column.id, patch: {}, unset: ['stageId'] });
    }
    b.order('columns', to);
    for (const column of b.cur.columns) {
      const stageId = target.get(column.id)!.stageId;
      if (stageId !== undefined) b.run({ type: 'column.update', id: column.id, patch: { stageId } });
    }
  }
  b.update('columns', to, ['stageId']);
  b.addMissing('columns', to);
}

/**
 * The commands that turn journey `from` into journey `to`, applied in order with `applyCommand`: the result
 * deep-equals `to` (its id and schema version aside, which commands do not change). Every command is valid
 * on the journey as it stands by then — references exist before they are used, a stage's columns always
 * stand together — so the list can be sent as one batch, e.g. to restore an earlier version as an edit.
 * Items are matched by id: one in both is updated (moved, if its place differs), one only in `from` is
 * removed, one only in `to` is added. Empty when they do not differ.
 */
export function commandsBetween(from: Journey, to: Journey): JourneyCommand[] {
  const b = new Builder(from);
  const meta = patchBetween(from.meta, to.meta);
  if (meta)
    b.run(
      command({
        type: 'meta.update',
        patch: meta.patch,
        ...(meta.unset.length ? { unset: meta.unset } : {}),
      }),
    );
  if (!sameValue(from.axis, to.axis)) b.run({ type: 'axis.set', axis: to.axis });

  // What goes: the things that point at others first; removals take what stands in them with them.
  const laneKind = new Map<string, string>(to.lanes.map((l) => [l.id, l.kind]));
  const cardKind = new Map<string, string>(to.cards.map((c) => [c.id, c.kind]));
  b.removeMissing('ideas', to);
  b.removeMissing('links', to);
  b.removeMissing('cards', to, (c) => cardKind.get(c.id) !== c.kind);
  b.removeMissing('lanes', to, (l) => laneKind.get(l.id) !== l.kind);
  b.removeMissing('columns', to);
  b.removeMissing('stages', to);

  // What others point at: added and changed before they are used.
  for (const key of simpleLists) {
    b.addMissing(key, to, true);
    b.update(key, to);
  }
  b.addMissing('stages', to, true);
  b.update('stages', to);
  b.order('stages', to);
  arrangeColumns(b, to);
  b.order('lanes', to);
  b.update('lanes', to);
  b.addMissing('lanes', to);

  // Cards: into their cells and order, then their fields, then the new ones.
  const cardTo = byId(to.cards) as Map<string, Journey['cards'][number]>;
  const cell = (id: string) => {
    const card = b.cur.cards.find((c) => c.id === id)!;
    const target = cardTo.get(id)!;
    return card.laneId !== target.laneId || card.columnId !== target.columnId;
  };
  b.order('cards', to, cell, (id) => ({
    laneId: cardTo.get(id)!.laneId,
    columnId: cardTo.get(id)!.columnId,
  }));
  b.update('cards', to);
  b.addMissing('cards', to);

  for (const key of ['links', 'ideas'] as const) {
    b.order(key, to);
    b.update(key, to);
    b.addMissing(key, to);
  }

  // Nothing uses the lists' extra items any more.
  for (const key of simpleLists) {
    b.removeMissing(key, to);
    b.order(key, to);
  }
  return b.out;
}
