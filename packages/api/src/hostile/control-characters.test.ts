import { formatPath, type DocPath } from '@waymark/core';
import { sampleJourney } from '@waymark/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type Client, type TestApi } from '../testing/test-api';
import { seedOlive, snapshotTables } from './fixtures';

/**
 * Issue 9 item 5 at the API's edge: a control character (other than tab, LF, CR) or a lone surrogate
 * anywhere in a JSON body, a query or a path is a 422 `invalid_text` naming the field and the position,
 * never a 500, and nothing is stored. Fuzzed: valid bodies of several routes with one such character put in
 * a random string or key at a random place.
 */

interface Target {
  readonly method: string;
  readonly path: string;
  readonly body: () => unknown;
  readonly anonymous?: boolean;
}
const journeys = '/api/workspaces/w1/journeys';
const targets: Target[] = [
  {
    method: 'POST',
    path: `${journeys}/j1/commands`,
    body: () => ({ baseVersion: 1, commands: [{ type: 'meta.update', patch: { title: 'Renamed map' } }] }),
  },
  {
    method: 'PUT',
    path: `${journeys}/j1`,
    body: () => ({ baseVersion: 2, journey: sampleJourney('j1') }),
  },
  {
    method: 'POST',
    path: `${journeys}/j1/comments`,
    body: () => ({ target: { columnId: 's1' }, body: 'Why here?' }),
  },
  { method: 'POST', path: '/api/workspaces', body: () => ({ name: 'Another council' }) },
  { method: 'POST', path: journeys, body: () => ({ template: 'blank-current', title: 'A new map' }) },
  {
    method: 'POST',
    path: '/api/auth/sign-in',
    body: () => ({ email: 'olive@example.org', password: 'correct horse battery' }),
    anonymous: true,
  },
];

/** Every string value and every key in a value, with where it is. */
function placesIn(value: unknown, path: DocPath = []): { path: DocPath; key: boolean }[] {
  if (typeof value === 'string') return [{ path, key: false }];
  if (Array.isArray(value)) return value.flatMap((v, i) => placesIn(v, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [
      { path: [...path, k], key: true },
      ...placesIn(v, [...path, k]),
    ]);
  return [];
}

const setAt = (root: unknown, path: DocPath, change: (old: unknown) => unknown): unknown => {
  if (path.length === 0) return change(root);
  const [head, ...rest] = path;
  if (Array.isArray(root)) return root.map((v, i) => (i === head ? setAt(v, rest, change) : v));
  const entries = Object.entries(root as Record<string, unknown>);
  return Object.fromEntries(entries.map(([k, v]) => [k, k === head ? setAt(v, rest, change) : v]));
};

/** Renames the key at `path` (keeping its place among its siblings). */
const renameKey = (root: unknown, path: DocPath, name: string): unknown => {
  const parent = path.slice(0, -1);
  const last = path[path.length - 1];
  return setAt(root, parent, (obj) =>
    Object.fromEntries(
      Object.entries(obj as Record<string, unknown>).map(([k, v]) => [k === last ? name : k, v]),
    ),
  );
};

/** A character the rule refuses: C0 but tab/LF/CR, DEL, C1, or half a surrogate pair. */
const unsafeChar = fc
  .oneof(
    fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
  )
  .map((code) => String.fromCharCode(code));

describe('control characters and lone surrogates at the API edge', () => {
  let t: TestApi;
  let olive: Client;
  beforeAll(async () => {
    t = await createTestApi();
    await seedOlive(t);
    olive = await t.signIn('Olive');
  });
  afterAll(() => t.close());

  it('given the fuzzed bodies without the character, then every one of them is accepted', async () => {
    // The bodies are valid, so the character is the only reason for the refusals below.
    for (const target of targets) {
      const res = target.anonymous
        ? await t.app.request(target.path, {
            method: target.method,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(target.body()),
          })
        : await olive.request(target.method, target.path, target.body());
      expect([target.path, res.status]).toEqual([
        target.path,
        target.method === 'POST' && target.path !== '/api/auth/sign-in' && !target.path.endsWith('commands')
          ? 201
          : 200,
      ]);
    }
  });

  it('given one refused character at a random place in a valid body, then 422 invalid_text naming the field and position, never a 500, nothing stored', async () => {
    // Versions move in the test above: take the bodies' baseVersion from now on (j1 is at 3 after PUT).
    const stored = await snapshotTables(t.stores);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: targets.length - 1 }),
        fc.nat(),
        fc.nat(),
        unsafeChar,
        async (which, placeSeed, positionSeed, ch) => {
          const target = targets[which]!;
          const valid = target.body();
          const places = placesIn(valid);
          const place = places[placeSeed % places.length]!;
          let body: unknown;
          let text: string;
          if (place.key) {
            const old = String(place.path[place.path.length - 1]);
            const at = positionSeed % (old.length + 1);
            text = old.slice(0, at) + ch + old.slice(at);
            body = renameKey(valid, place.path, text);
          } else {
            text = '';
            body = setAt(valid, place.path, (old) => {
              const s = old as string;
              const at = positionSeed % (s.length + 1);
              text = s.slice(0, at) + ch + s.slice(at);
              return text;
            });
          }
          const path = place.key ? [...place.path.slice(0, -1), text] : place.path;
          const index = text.indexOf(ch);
          const res = target.anonymous
            ? await t.app.request(target.path, {
                method: target.method,
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(body),
              })
            : await olive.request(target.method, target.path, body);
          const answer = (await res.json()) as {
            error: { code: string; path: string | null; message: string };
          };
          expect(res.status).toBe(422);
          expect(answer.error.code).toBe('invalid_text');
          expect(answer.error.path).toBe(path.length === 0 ? null : formatPath(path));
          expect(answer.error.message).toContain(`position ${index + 1}`);
          expect(answer.error.message).toContain(
            `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
          );
        },
      ),
      { numRuns: 150, seed: 9 },
    );
    expect(await snapshotTables(t.stores)).toEqual(stored);
  }, 120_000);

  it('given random JSON with a refused character in it, then 422 invalid_text, never a 500 or a 400', async () => {
    const stored = await snapshotTables(t.stores);
    const withUnsafe = fc
      .tuple(fc.jsonValue({ maxDepth: 4 }), fc.string(), unsafeChar, fc.nat())
      .map(([value, s, ch, n]) => ({
        value,
        poison: s.slice(0, n % (s.length + 1)) + ch + s.slice(n % (s.length + 1)),
      }));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: targets.length - 1 }),
        withUnsafe,
        async (which, { value, poison }) => {
          const target = targets[which]!;
          const res = await olive.request(target.method, target.path, { value, poison });
          expect(res.status).toBe(422);
          expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_text');
        },
      ),
      { numRuns: 100, seed: 91 },
    );
    expect(await snapshotTables(t.stores)).toEqual(stored);
  }, 120_000);

  it('given a control character in a query or a path parameter, then 422 invalid_text naming the parameter', async () => {
    const inQuery = await olive.request('GET', `${journeys}?q=a%00b`);
    expect(inQuery.status).toBe(422);
    expect(await inQuery.json()).toMatchObject({
      error: { code: 'invalid_text', path: 'q', message: expect.stringContaining('query parameter q') },
    });
    const inPath = await olive.request('GET', `${journeys}/j%07x`);
    expect(inPath.status).toBe(422);
    expect(await inPath.json()).toMatchObject({
      error: { code: 'invalid_text', path: 'id', message: expect.stringContaining('path parameter id') },
    });
    const upload = await olive.request(
      'POST',
      '/api/workspaces/w1/datasets/uploads?name=a%1Bb.csv',
      'a,b\n1,2\n',
      {
        'content-type': 'text/csv',
      },
    );
    expect(upload.status).toBe(422);
    expect(await upload.json()).toMatchObject({ error: { code: 'invalid_text', path: 'name' } });
    const wsPath = await olive.request('GET', '/api/workspaces/w%001/journeys');
    expect(wsPath.status).toBe(422);
  });
});
