import type { JourneyComment } from '../api/types';

/** A comment as the editor shows it (the API's shape: author, createdAt, resolvedAt). */
export interface EditorComment {
  readonly id: string;
  readonly target: { readonly columnId?: string; readonly cardId?: string };
  readonly body: string;
  readonly author: string;
  readonly createdAt: string;
  readonly resolved: boolean;
}

/** One comment of the API's answer as the editor shows it. */
export function toEditorComment(c: JourneyComment): EditorComment {
  return {
    id: c.id,
    target: c.target,
    body: c.body,
    author: c.author.name,
    createdAt: c.createdAt,
    resolved: c.resolvedAt !== null,
  };
}
