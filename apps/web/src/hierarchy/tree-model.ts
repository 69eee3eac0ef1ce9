import type { Hierarchy } from './hierarchy-api';

/** One journey in the tree: the step of its parent it opens from, and the journeys its own steps open. */
export interface TreeNode {
  readonly journeyId: string;
  readonly title: string;
  readonly journeyType: string;
  /** The parent's step this journey opens from (null at the top). */
  readonly fromStep: string | null;
  readonly level: number;
  readonly children: readonly TreeNode[];
}

/**
 * The workspace's journeys as a forest: journeys with no parent at the top (those with children first, then by
 * title), each child under its parent in the order of the parent's steps as the API lists them.
 */
export function buildTree(h: Hierarchy): TreeNode[] {
  const byId = new Map(h.journeys.map((j) => [j.id, j]));
  const kids = new Map<string, { id: string; step: string | null }[]>();
  const hasParent = new Set<string>();
  for (const c of h.children) {
    if (!byId.has(c.parentJourneyId) || !byId.has(c.childJourneyId)) continue;
    hasParent.add(c.childJourneyId);
    const list = kids.get(c.parentJourneyId) ?? [];
    list.push({ id: c.childJourneyId, step: c.parentStepLabel ?? c.parentStepId });
    kids.set(c.parentJourneyId, list);
  }
  const make = (id: string, step: string | null, level: number, seen: Set<string>): TreeNode => {
    const j = byId.get(id)!;
    const next = new Set(seen).add(id);
    return {
      journeyId: id,
      title: j.title,
      journeyType: j.journeyType,
      fromStep: step,
      level,
      children: (kids.get(id) ?? [])
        .filter((k) => !next.has(k.id))
        .map((k) => make(k.id, k.step, level + 1, next)),
    };
  };
  return h.journeys
    .filter((j) => !hasParent.has(j.id))
    .map((j) => make(j.id, null, 1, new Set()))
    .sort(
      (a, b) =>
        Number(b.children.length > 0) - Number(a.children.length > 0) || a.title.localeCompare(b.title),
    );
}

/** The nodes a person can move between: every top node, and the children of expanded nodes, in order. */
export function visibleNodes(forest: readonly TreeNode[], expanded: ReadonlySet<string>): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (nodes: readonly TreeNode[]) => {
    for (const n of nodes) {
      out.push(n);
      if (expanded.has(n.journeyId)) walk(n.children);
    }
  };
  walk(forest);
  return out;
}

export function parentOf(forest: readonly TreeNode[], id: string): TreeNode | null {
  const find = (nodes: readonly TreeNode[], parent: TreeNode | null): TreeNode | null | undefined => {
    for (const n of nodes) {
      if (n.journeyId === id) return parent;
      const inner = find(n.children, n);
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  return find(forest, null) ?? null;
}

export type TreeKey = 'ArrowDown' | 'ArrowUp' | 'ArrowRight' | 'ArrowLeft' | 'Home' | 'End';

/**
 * The WAI-ARIA tree's keys (APG "Tree View"): Down/Up move among visible nodes; Right opens a closed node or
 * moves to its first child; Left closes an open node or moves to its parent; Home/End go to the first/last.
 */
export function treeKey(
  forest: readonly TreeNode[],
  expanded: ReadonlySet<string>,
  focused: string,
  key: TreeKey,
): { focused: string; expanded: ReadonlySet<string> } {
  const visible = visibleNodes(forest, expanded);
  const at = Math.max(
    0,
    visible.findIndex((n) => n.journeyId === focused),
  );
  const node = visible[at];
  const stay = { focused, expanded };
  if (!node) return stay;
  switch (key) {
    case 'ArrowDown':
      return { focused: visible[Math.min(at + 1, visible.length - 1)]!.journeyId, expanded };
    case 'ArrowUp':
      return { focused: visible[Math.max(at - 1, 0)]!.journeyId, expanded };
    case 'Home':
      return { focused: visible[0]!.journeyId, expanded };
    case 'End':
      return { focused: visible[visible.length - 1]!.journeyId, expanded };
    case 'ArrowRight':
      if (node.children.length === 0) return stay;
      if (!expanded.has(node.journeyId)) return { focused, expanded: new Set(expanded).add(node.journeyId) };
      return { focused: node.children[0]!.journeyId, expanded };
    case 'ArrowLeft': {
      if (node.children.length > 0 && expanded.has(node.journeyId)) {
        const next = new Set(expanded);
        next.delete(node.journeyId);
        return { focused, expanded: next };
      }
      const parent = parentOf(forest, node.journeyId);
      return parent ? { focused: parent.journeyId, expanded } : stay;
    }
  }
}
