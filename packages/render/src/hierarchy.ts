/**
 * Where a journey sits among the workspace's journeys (issue 14, decision 0034), for the poster: the journey each
 * of its steps opens, and the outline of the tree around it. The API reads it from the store; the renderer only
 * draws it.
 */
export interface PosterHierarchy {
  /** The title of the journey a step opens, by step (column) id. */
  readonly childOfStep: Readonly<Record<string, string>>;
  /** The titles from the top of the tree down to this journey's parent (empty at the top). */
  readonly ancestors: readonly string[];
}

/** True when there is anything to draw: a parent above, or a step that opens a journey. */
export const hasHierarchy = (h: PosterHierarchy | undefined): h is PosterHierarchy =>
  h !== undefined && (h.ancestors.length > 0 || Object.keys(h.childOfStep).length > 0);
