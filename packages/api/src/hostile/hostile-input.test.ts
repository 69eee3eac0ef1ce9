import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RouteSpec } from '../route-spec';
import { apiRoutes } from '../routes/all-routes';
import { defaultLimits, type Limits } from '../deps';
import { createTestApi, type TestApi } from '../testing/test-api';
import { seedOlive, snapshotTables } from './fixtures';

/**
 * Issue 9: hostile input to every route that takes a body, generated from the route table, so a new route
 * is covered without anyone remembering to add it. For each: empty, wrong content type, malformed, wrong
 * JSON types, 100k levels of nesting, huge strings, unknown fields, prototype keys, control characters and
 * lone surrogates, odd numbers, a chunked body over the limit, bytes that are not UTF-8. Never a 500; a
 * refusal is a 4xx with a code and a message; and a refused request leaves every table as it was.
 */
const MB = 1024 * 1024;
const limits: Limits = { ...defaultLimits, importBytes: 3 * MB, uploadBytes: 2 * MB };

/** Routes that read a body: a schema or text, or one that streams its own (it can answer 413). */
const bodyRoutes = apiRoutes(limits).filter(
  (r) => r.method !== 'get' && (r.body !== undefined || r.errors?.includes('payload_too_large')),
);
const key = (r: RouteSpec) => `${r.method.toUpperCase()} ${r.path}`;

/** Query parameters some routes need before they look at the body, so the body is what is tested. */
const sampleQueries: Record<string, string> = {
  'POST /api/workspaces/{ws}/import': '?format=yaml',
  'POST /api/workspaces/{ws}/datasets/uploads': '?name=hostile.csv',
  'POST /api/workspaces/{ws}/journeys/{id}/artifacts/indicators/{artifactId}/from-log':
    '?period=2026-04&baseVersion=1',
};
const pathOf = (r: RouteSpec) =>
  r.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'ws' ? 'w1' : name === 'id' ? 'j1' : 'x1')) +
  (sampleQueries[key(r)] ?? '');

/** The first field the body schema names, so values land where the route really looks. */
const firstField = (r: RouteSpec): string => {
  const body = r.body;
  if (body instanceof z.ZodObject) return Object.keys(body.shape)[0] ?? 'field';
  return 'field';
};

/** A body whose sender goes away after the first bytes. */
const brokenOff = () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"a":"'));
    },
    pull(controller) {
      controller.error(new Error('the client went away'));
    },
  });

/** A body of `total` bytes that arrives in 64 KB chunks with no Content-Length. */
const chunked = (total: number) => {
  const chunk = new TextEncoder().encode('a'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
};

interface Case {
  readonly name: string;
  readonly body: string | Uint8Array | (() => ReadableStream<Uint8Array>);
  readonly type?: string | null;
  /** What must come back; without it any answer but a 500 will do (a 2xx is then a legitimate request). */
  readonly expect?: { status: number; code: string; path?: string | null; mentions?: string };
}

const limitOf = (r: RouteSpec) =>
  r.body === undefined ? limits.uploadBytes : r.tag === 'Import' ? limits.importBytes : limits.jsonBytes;

function jsonCases(r: RouteSpec): Case[] {
  const f = firstField(r);
  const body = (value: unknown) => JSON.stringify({ [f]: value });
  const j = 'application/json';
  const deepArrays = '['.repeat(100_000) + ']'.repeat(100_000);
  const deepObjects = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
  return [
    { name: 'empty body', body: '', expect: { status: 400, code: 'invalid_json' } },
    {
      name: 'text/plain',
      body: '{}',
      type: 'text/plain',
      expect: { status: 415, code: 'unsupported_media_type' },
    },
    {
      name: 'no content type',
      body: '{}',
      type: null,
      expect: { status: 415, code: 'unsupported_media_type' },
    },
    { name: 'malformed JSON', body: '{"a":', expect: { status: 400, code: 'invalid_json' } },
    { name: 'a byte-order mark', body: '\uFEFF{}' },
    ...['[]', '42', 'null', '"text"', 'true'].map((b): Case => ({
      name: `JSON ${b}`,
      body: b,
      expect: { status: 400, code: 'invalid_request' },
    })),
    {
      name: '100k nested arrays',
      body: deepArrays,
      expect: { status: 400, code: 'invalid_json', mentions: 'deep' },
    },
    {
      name: '100k nested objects',
      body: deepObjects,
      expect: { status: 400, code: 'invalid_json', mentions: 'deep' },
    },
    { name: 'a 900 KB string', body: body('x'.repeat(900_000)) },
    {
      name: 'a string over the limit',
      body: body('x'.repeat(limitOf(r) + 10)),
      expect: { status: 413, code: 'payload_too_large' },
    },
    {
      name: '50k keys',
      body: JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]))),
    },
    { name: 'duplicate keys', body: `{"${f}":1,"${f}":"two"}` },
    {
      name: 'an unknown field',
      body: JSON.stringify({ definitelyUnknownField: 1 }),
      expect: { status: 400, code: 'invalid_request', mentions: 'definitelyUnknownField' },
    },
    {
      name: 'a __proto__ key',
      body: '{"__proto__":{"polluted":"yes"}}',
      expect: { status: 400, code: 'invalid_request', path: '__proto__' },
    },
    {
      name: 'a nested __proto__ key',
      body: `{"${f}":{"__proto__":{"polluted":"yes"}}}`,
      expect: { status: 400, code: 'invalid_request' },
    },
    { name: 'constructor.prototype', body: '{"constructor":{"prototype":{"polluted":"yes"}}}' },
    {
      name: 'NUL in a value',
      body: body('a\u0000b'),
      expect: { status: 422, code: 'invalid_text', path: f },
    },
    {
      name: 'BEL in a key',
      body: '{"a\\u0007":1}',
      expect: { status: 422, code: 'invalid_text', path: '["a\\u0007"]' },
    },
    { name: 'C1 in a value', body: body('a\u0085'), expect: { status: 422, code: 'invalid_text', path: f } },
    {
      name: 'a lone surrogate',
      body: `{"${f}":"\\ud800x"}`,
      expect: { status: 422, code: 'invalid_text', path: f },
    },
    {
      name: 'a lone low surrogate in an array',
      body: `{"${f}":["ok","\\udc00"]}`,
      expect: { status: 422, code: 'invalid_text', path: `${f}[1]` },
    },
    { name: 'NUL at the top', body: '"\\u0000"', expect: { status: 422, code: 'invalid_text', path: null } },
    { name: '1e309', body: `{"${f}":1e309}` },
    { name: '-0', body: `{"${f}":-0}` },
    { name: '"NaN"', body: body('NaN') },
    { name: '1e-400', body: `{"${f}":1e-400}` },
    { name: 'a 30-digit number', body: `{"${f}":123456789012345678901234567890}` },
    {
      name: 'bytes that are not UTF-8',
      body: Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    },
    { name: 'a body that breaks off', body: brokenOff, expect: { status: 400, code: 'invalid_request' } },
    {
      name: 'chunked over the limit',
      body: () => chunked(limitOf(r) + MB),
      type: j,
      expect: { status: 413, code: 'payload_too_large' },
    },
  ];
}

function textCases(r: RouteSpec): Case[] {
  const type = r.body === undefined ? 'text/csv' : 'application/yaml';
  return [
    { name: 'empty body', body: '', type },
    { name: 'NUL bytes', body: 'title: "a\u0000b"\n\u0000\u0000', type },
    {
      name: 'control characters in CSV',
      body: 'case,activity,timestamp\n1\u0007,A\u0000,2026-01-01T00:00:00Z\n',
      type,
    },
    { name: 'binary garbage', body: Uint8Array.from({ length: 4096 }, (_, i) => (i * 131) & 0xff), type },
    { name: '100k nested flow sequences', body: '['.repeat(100_000) + ']'.repeat(100_000), type },
    {
      name: '100k nested JSON objects',
      body: '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000),
      type: 'application/json',
    },
    { name: 'a lone surrogate', body: 'title: "\\ud800"\n', type },
    { name: '100k nested block sequences', body: '- '.repeat(100_000) + 'x\n', type },
    {
      name: '10k nested block mappings',
      body: Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n',
      type,
    },
    { name: 'YAML anchors (billion laughs)', body: billionLaughs, type },
    { name: 'an odd content type', body: 'title: x\n', type: 'image/png' },
    {
      name: 'a body that breaks off',
      body: brokenOff,
      type,
      expect: { status: 400, code: 'invalid_request' },
    },
    {
      name: 'chunked over the limit',
      body: () => chunked(limitOf(r) + MB),
      type,
      expect: { status: 413, code: 'payload_too_large' },
    },
  ];
}

const billionLaughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  '',
].join('\n');

describe('hostile input to every route with a body (generated from the route table)', () => {
  let t: TestApi;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApi({ limits });
    await seedOlive(t);
    const res = await t.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'olive@example.org', password: 'correct horse battery' }),
    });
    const cookie = /waymark_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    headers = { cookie: `waymark_session=${cookie}`, 'x-csrf-token': csrfToken };
  });
  afterAll(() => t.close());

  it('covers the routes that take a body, including the ones added later', () => {
    const keys = bodyRoutes.map(key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'POST /api/auth/sign-in',
        'POST /api/workspaces/{ws}/journeys/{id}/commands',
        'POST /api/workspaces/{ws}/import',
        'POST /api/workspaces/{ws}/datasets/uploads',
      ]),
    );
    expect(keys.length).toBeGreaterThan(20);
  });

  it.each(bodyRoutes.map((r) => [key(r), r] as const))(
    '%s: never a 500; refusals are 4xx with a code and a message, and change nothing',
    async (_name, r) => {
      const cases = r.body !== undefined && r.body !== 'text' ? jsonCases(r) : textCases(r);
      const problems: string[] = [];
      let before = await snapshotTables(t.stores);
      for (const c of cases) {
        const type = c.type === undefined ? 'application/json' : c.type;
        const body = typeof c.body === 'function' ? c.body() : c.body;
        const res = await t.app.request(pathOf(r), {
          method: r.method.toUpperCase(),
          headers: { ...headers, ...(type === null ? {} : { 'content-type': type }) },
          body,
          ...(typeof c.body === 'function' ? { duplex: 'half' } : {}),
        } as RequestInit);
        const text = await res.text();
        const where = `${c.name}: ${res.status} ${text.slice(0, 300)}`;
        if (({} as Record<string, unknown>)['polluted'] !== undefined)
          problems.push(`${where} — polluted Object.prototype`);
        if (res.status >= 500) {
          problems.push(where);
          continue;
        }
        if (res.status < 400) {
          if (c.expect) problems.push(`${where} — expected ${c.expect.status}`);
          before = await snapshotTables(t.stores);
          continue;
        }
        let error: { code?: unknown; message?: unknown; path?: unknown } = {};
        try {
          error = (JSON.parse(text) as { error: typeof error }).error ?? {};
        } catch {
          problems.push(`${where} — not a JSON error`);
        }
        if (typeof error.code !== 'string' || typeof error.message !== 'string' || error.message.length < 10)
          problems.push(`${where} — no code or message`);
        if (
          /call stack|TypeError|ReferenceError|undefined|Invalid input|[<>]=|"\|"|\bat \S+\.[jt]s:/.test(
            String(error.message),
          )
        )
          problems.push(`${where} — a programmer's wording`);
        if (c.expect) {
          if (res.status !== c.expect.status || error.code !== c.expect.code)
            problems.push(`${where} — expected ${c.expect.status} ${c.expect.code}`);
          if (c.expect.path !== undefined && error.path !== c.expect.path)
            problems.push(`${where} — expected path ${String(c.expect.path)}`);
          if (c.expect.mentions && !text.includes(c.expect.mentions))
            problems.push(`${where} — expected to mention ${c.expect.mentions}`);
        }
        const after = await snapshotTables(t.stores);
        const changed = Object.keys(after).filter((name) => after[name] !== before[name]);
        if (changed.length > 0) problems.push(`${where} — changed ${changed.join(', ')}`);
      }
      expect(problems).toEqual([]);
    },
    120_000,
  );
});
