/** A comment as the editor shows it (the API's shape: author, createdAt, resolvedAt). */
export interface EditorComment {
  readonly id: string;
  readonly target: { readonly columnId?: string; readonly cardId?: string };
  readonly body: string;
  readonly author: string;
  readonly createdAt: string;
  readonly resolved: boolean;
}

/** Reads one comment of the API's answer, whatever optional parts it lacks. */
export function toEditorComment(raw: unknown): EditorComment {
  const r = raw as Record<string, unknown>;
  const person = (r['author'] ?? r['by']) as { name?: string } | null | undefined;
  return {
    id: String(r['id']),
    target: (r['target'] as EditorComment['target']) ?? {},
    body: String(r['body'] ?? ''),
    author: person?.name ?? 'Someone',
    createdAt: String(r['createdAt'] ?? r['at'] ?? ''),
    resolved: r['resolvedAt'] != null || r['resolved'] === true,
  };
}
