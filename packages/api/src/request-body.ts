import {
  describeUnsafeCharacter,
  findUnsafeCharacter,
  findUnsafeText,
  formatPath,
  problemsFromZod,
  type DocPath,
} from '@waymark/core';
import type { Context } from 'hono';
import { z } from 'zod';
import { fail } from './api-error';
import { decodeBody } from './decode-body';

/** The deepest nesting of arrays and objects a JSON body may have; Waymark's own documents stay under 15. */
export const MAX_JSON_DEPTH = 64;

const megabytes = (bytes: number) => {
  const mb = bytes / 1024 / 1024;
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
};

const tooLarge = (maxBytes: number) =>
  fail(
    'payload_too_large',
    `the request body is larger than the ${megabytes(maxBytes)} this route accepts; send less at once`,
  );

/**
 * Reads the raw body, counting bytes as they arrive and refusing the moment they pass `maxBytes`, whatever
 * Content-Length claimed (a chunked body has none): a body over the limit is never held whole in memory.
 */
export async function readBytes(c: Context, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const body = c.req.raw.body;
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw fail('invalid_request', 'the request body stopped arriving before its end; send it again');
    });
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

/** The body as text by the decoding rule (decision 0011): bytes that are not UTF-8 are a 400, never U+FFFD. */
export async function readText(c: Context, maxBytes: number): Promise<string> {
  return decodeBody(await readBytes(c, maxBytes));
}

/**
 * True when arrays and objects in `text` nest deeper than `max`. For JSON, brackets inside strings do not
 * count; with `quotes: false` (YAML, where quotes are not always strings) every bracket counts, and a
 * stray closing bracket never lowers the count below zero, so it cannot hide the nesting after it.
 */
export function nestsDeeperThan(text: string, max: number, quotes = true): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22 && quotes) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > max) return true;
    } else if ((ch === 0x5d || ch === 0x7d) && depth > 0) depth--;
  }
  return false;
}

/** A refused character (control character or lone surrogate) as a 422 naming the field and the position. */
function invalidText(path: DocPath, found: NonNullable<ReturnType<typeof findUnsafeCharacter>>, where = '') {
  const named = path.length === 0 ? null : formatPath(path);
  return fail('invalid_text', `${where}${named ?? 'body'}: ${describeUnsafeCharacter(found)}`, named, {
    position: found.index + 1,
    character: found.codePoint,
  });
}

/** The first `__proto__` key anywhere in a parsed value: refused so no later copy can reach a prototype. */
function findProtoKey(value: unknown, path: DocPath = []): DocPath | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findProtoKey(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (key === '__proto__') return [...path, key];
      const found = findProtoKey((value as Record<string, unknown>)[key], [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * A JSON body checked against a strict schema: malformed JSON, wrong types and unknown fields are 400s; a
 * control character or a lone surrogate in any string or key is a 422 `invalid_text` naming the field.
 */
export async function readJson<T>(c: Context, schema: z.ZodType<T>, maxBytes: number): Promise<T> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw fail(
      'unsupported_media_type',
      `expected a JSON body with Content-Type: application/json, got "${type.slice(0, 100) || 'none'}"`,
    );
  }
  const text = await readText(c, maxBytes);
  if (text.trim() === '')
    throw fail('invalid_json', 'the body is empty; expected a JSON object (see /api/docs for this route)');
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw fail(
      'invalid_json',
      `the body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep; Waymark's requests are never that deep, so check what is sending it`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw fail('invalid_json', `the body is not valid JSON: ${(error as Error).message}`);
  }
  // JSON.parse accepts "\u0000" and a lone "\ud800", which PostgreSQL cannot store: caught here, after it.
  const unsafe = findUnsafeText(data);
  if (unsafe) throw invalidText(unsafe.path, unsafe);
  const proto = findProtoKey(data);
  if (proto) {
    const path = formatPath(proto);
    throw fail('invalid_request', `${path}: a field may not be called "__proto__"; remove it`, path);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const closest = closestBranch(parsed.error);
  const problems = problemsFromZod(closest).map((p, i) => ({
    ...p,
    message: plainMessage(p.message),
    limits: limitsOf(closest.issues[i]),
  }));
  const first = problems[0]!;
  const path = first.path.length === 0 ? null : formatPath(first.path);
  throw fail('invalid_request', `${path ?? 'body'}: ${first.message}`, path, {
    problems: problems.map((p) => ({
      code: p.code,
      path: formatPath(p.path),
      message: p.message,
      ...p.limits,
    })),
  });
}

/** A size rule's limit, so a client can say it in its own words: `{origin: 'string', maximum: 200}`. */
function limitsOf(issue: z.core.$ZodIssue | undefined): Record<string, string | number> {
  if (issue?.code === 'too_big') return { origin: issue.origin, maximum: Number(issue.maximum) };
  if (issue?.code === 'too_small') return { origin: issue.origin, minimum: Number(issue.minimum) };
  return {};
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

const plural = (n: string, word: string) => `${n} ${word}${n === '1' ? '' : 's'}`;

/**
 * zod's wording in plain words: "Invalid input: expected string, received undefined" becomes "missing:
 * expected a string"; "Too big: expected string to have <=200 characters" becomes "too long: at most 200
 * characters"; "Invalid option: expected one of "a"|"b"" becomes "expected one of "a", "b"".
 */
export function plainMessage(message: string): string {
  const typed = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (typed) {
    const [, expected, received] = typed as unknown as [string, string, string];
    return received === 'undefined'
      ? `missing: expected ${article(expected)}`
      : `expected ${article(expected)}, got ${received === 'null' ? 'null' : article(received)}`;
  }
  const size = /^Too (big|small): expected (\w+) to (?:have|be) ([<>]=?)(-?[\d.e+]+)(?: (\w+))?$/.exec(
    message,
  );
  if (size) {
    const [, way, kind, op, n, unit] = size as unknown as [string, string, string, string, string, string?];
    const most = way === 'big';
    const bound = op.length === 2 ? (most ? 'at most' : 'at least') : most ? 'less than' : 'more than';
    if (kind === 'string') return `too ${most ? 'long' : 'short'}: ${bound} ${plural(n, 'character')}`;
    if (kind === 'array' || kind === 'set')
      return `too ${most ? 'many' : 'few'}: ${bound} ${plural(n, 'item')}`;
    return `too ${most ? 'large' : 'small'}: expected ${bound} ${n}${unit ? ` ${unit}` : ''}`;
  }
  const option = /^Invalid option: expected one of (.+)$/.exec(message);
  if (option) return `expected one of ${option[1]!.split('|').join(', ')}`;
  return message.replace(/^Invalid input: /, '');
}

/**
 * For a body that matches none of a union's shapes, the problems with the shape it came closest to (the
 * fewest problems), rather than zod's bare "Invalid input".
 */
function closestBranch(error: z.ZodError): z.ZodError {
  const only = error.issues.length === 1 ? error.issues[0] : undefined;
  if (only?.code !== 'invalid_union' || only.errors.length === 0) return error;
  const best = only.errors.reduce((a, b) => (b.length < a.length ? b : a));
  return new z.ZodError(best.map((issue) => ({ ...issue, path: [...only.path, ...issue.path] })));
}

/** Refuses a control character or lone surrogate in any of these values (query or path parameters). */
export function checkParameters(values: Readonly<Record<string, string>>, kind: 'query' | 'path'): void {
  for (const [name, value] of Object.entries(values)) {
    const where = `${kind} parameter `;
    const inName = findUnsafeCharacter(name);
    if (inName) throw invalidText([name], inName, where);
    const found = findUnsafeCharacter(value);
    if (found) throw invalidText([name], found, where);
  }
}

/** Query parameters checked like a body, so `?status=nonsense` is a 400 naming the parameter. */
export function readQuery<T>(c: Context, schema: z.ZodType<T>): T {
  const values = c.req.query();
  checkParameters(values, 'query');
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const first = problemsFromZod(parsed.error)[0]!;
  const path = formatPath(first.path);
  throw fail('invalid_request', `query parameter ${path}: ${plainMessage(first.message)}`, path);
}
