import { formatPath, problemsFromZod } from '@waymark/core';
import type { Context } from 'hono';
import type { z } from 'zod';
import { fail } from './api-error';
import { decodeBody } from './decode-body';

/** Reads the raw body, refusing anything over `maxBytes` whatever Content-Length claimed. */
export async function readText(c: Context, maxBytes: number): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const buffer = await c.req.arrayBuffer();
  if (buffer.byteLength > maxBytes) throw tooLarge(maxBytes);
  return decodeBody(new Uint8Array(buffer));
}

const tooLarge = (maxBytes: number) =>
  fail('payload_too_large', `the request body is larger than ${(maxBytes / 1024 / 1024).toFixed(0)} MB`);

/** A JSON body checked against a strict schema: malformed JSON, wrong types and unknown fields are 400s. */
export async function readJson<T>(c: Context, schema: z.ZodType<T>, maxBytes: number): Promise<T> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw fail(
      'unsupported_media_type',
      `expected a JSON body with Content-Type: application/json, got "${type || 'none'}"`,
    );
  }
  const text = await readText(c, maxBytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw fail('invalid_json', `the body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = problemsFromZod(parsed.error);
  const first = problems[0]!;
  const path = first.path.length === 0 ? null : formatPath(first.path);
  throw fail('invalid_request', `${path ?? 'body'}: ${first.message}`, path, {
    problems: problems.map((p) => ({ code: p.code, path: formatPath(p.path), message: p.message })),
  });
}

/** Query parameters checked like a body, so `?status=nonsense` is a 400 naming the parameter. */
export function readQuery<T>(c: Context, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  const first = problemsFromZod(parsed.error)[0]!;
  const path = formatPath(first.path);
  throw fail('invalid_request', `query parameter ${path}: ${first.message}`, path);
}
