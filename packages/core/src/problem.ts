/** A path into a document: object keys and array indexes, as zod reports them. */
export type DocPath = ReadonlyArray<string | number>;

/** One thing wrong (or doubtful) in a document, said so a person can find and fix it. */
export interface Problem {
  /** Stable lower_snake code, e.g. `card_lane_not_found`. */
  readonly code: string;
  readonly path: DocPath;
  readonly message: string;
  /** Errors make a document invalid; warnings are advice (a loop pointing forward, an empty lane). */
  readonly severity: 'error' | 'warning';
  /**
   * The particulars the problem's words need (the id that was not found, the field that appears twice), so it can
   * be said from the message catalogue by its code in any language; `message` is the same in English for logs.
   */
  readonly values?: ProblemValues;
}

/** Values for a problem's catalogue words: text from the file (ids, keys) and numbers, never English sentences. */
export type ProblemValues = Readonly<Record<string, string | number>>;

/** `cards[3].columnId` from `['cards', 3, 'columnId']`; the root is `(document)`. */
export function formatPath(path: DocPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(document)' : out;
}

export const problem = (
  code: string,
  path: DocPath,
  message: string,
  severity: Problem['severity'] = 'error',
  values?: ProblemValues,
): Problem => ({
  code,
  path,
  message,
  severity,
  ...(values ? { values } : {}),
});

/**
 * A validation problem as the API lists it with a 400 or 422 (`{code, path, message}`, a size rule's limit too),
 * as a client reads it from a body it has not checked: each field may be missing or of another type.
 */
export interface ListedProblemBody {
  readonly code?: unknown;
  readonly path?: unknown;
  readonly origin?: unknown;
  readonly maximum?: unknown;
  readonly minimum?: unknown;
}
