import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { findUnsafeCharacter, formatPath } from '@waymark/core';
import { hostileJourneyFiles, journeyYaml } from '@waymark/document';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, PASSWORD, type TestApi } from './testing/test-api';

/**
 * Issue 9, through the API: every hostile journey file gets the verdict of the one reading path (the CLI is
 * tested against the same table in apps/cli), and every hostile event log is a 4xx naming what is wrong,
 * never a 500 and never a silently altered import.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('hostile files through the API', () => {
  let t: TestApi;
  let headers: Record<string, string>;
  const send = (path: string, body: Uint8Array, type: string) =>
    t.app.request(path, {
      method: 'POST',
      headers: { ...headers, 'content-type': type },
      body: body as Uint8Array<ArrayBuffer>,
    });

  beforeAll(async () => {
    t = await createTestApi();
    await t.addUser('Ed', { ws: 'w1', role: 'editor' });
    const res = await t.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ed@example.org', password: PASSWORD }),
    });
    const cookie = /waymark_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    headers = {
      cookie: `waymark_session=${cookie}`,
      'x-csrf-token': ((await res.json()) as Json)['csrfToken'],
    };
  });
  afterAll(() => t.close());

  it.each(hostileJourneyFiles.map((f) => [f.name, f] as const))(
    'given a journey file (%s), when imported, then the verdict of the one reading path',
    async (_, f) => {
      const type = f.fileName.endsWith('.json') ? 'application/json' : 'application/yaml';
      const res = await send('/api/workspaces/w1/import?replace=true', f.bytes, type);
      const body = (await res.json()) as Json;
      if (f.expected === null) {
        expect(res.status, JSON.stringify(body)).toBe(201);
        return;
      }
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      // a refused decoding is the body's problem (400), a refused journey is invalid_journey (422)
      const got =
        body['error'].code === 'invalid_journey'
          ? (body['problems'][0] as Json)
          : {
              code: body['error'].code,
              path: '(document)',
              message: String(body['error'].message).replace(/^line \d+, column \d+: /, ''),
              ...(body['line'] ? { line: body['line'], column: body['column'] } : {}),
            };
      const { code, path, message, line, column } = f.expected;
      expect(got).toEqual({
        code,
        path: formatPath(path),
        message,
        ...(line ? { line, column } : {}),
      });
    },
  );

  it('fuzzed: a title with any character is imported, or refused as unsafe_character naming meta.title when the rule refuses it; never a 500', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 6 }),
        fc.integer({ min: 0, max: 0xffff }),
        async (text, code) => {
          const title = `T${text}${String.fromCharCode(code)}x`;
          const yaml = journeyYaml(JSON.stringify(title), `fuzz-${run++}`);
          const res = await send(
            '/api/workspaces/w1/import',
            new TextEncoder().encode(yaml),
            'application/yaml',
          );
          const body = (await res.json()) as Json;
          if (findUnsafeCharacter(title)) {
            expect(res.status).toBe(422);
            expect(body['problems'][0]).toMatchObject({
              code: 'unsafe_character',
              path: 'meta.title',
              line: 4,
            });
          } else expect(res.status, JSON.stringify(body)).toBe(201);
        },
      ),
      { seed: 90, numRuns: 40 },
    );
  });

  it('given JSON bodies with bytes that are not UTF-8, then a 400 naming the line, never U+FFFD stored', async () => {
    const bytes = new TextEncoder().encode('{"name": "Caf_"}');
    bytes[bytes.indexOf(0x5f)] = 0xe9;
    const res = await send('/api/workspaces', bytes, 'application/json');
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json)['error']).toMatchObject({ code: 'not_utf8', path: 'body' });
  });

  const csv = 'case,activity,timestamp\nA,Call,2026-01-05T09:00:00Z\n';
  const cp1252 = Uint8Array.from('case,activity,timestamp\nA,Caf\u00e9,2026-01-05T09:00:00Z\n', (c) =>
    c.charCodeAt(0),
  );
  const logs: [string, string, Uint8Array, RegExp][] = [
    ['empty', 'log.csv', new Uint8Array(0), /empty/],
    ['Windows-1252', 'log.csv', cp1252, /^line 2, column 6: byte 30 of the file \(0xE9\) is not UTF-8 text/],
    [
      'binary garbage named .csv',
      'log.csv',
      Uint8Array.from({ length: 900 }, (_, i) => (i * 7919) % 256),
      /not a text file/,
    ],
    [
      '100,000 columns',
      'log.csv',
      new TextEncoder().encode(`${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n`),
      /more than 4,096 columns/,
    ],
    ['one column', 'log.csv', new TextEncoder().encode('just one\nA\n'), /has one column/],
    [
      'a control character in a column name',
      'log.csv',
      new TextEncoder().encode(`case,act\u0001ivity,timestamp\n`),
      /control character \(U\+0001\)/,
    ],
    ['truncated .csv.gz', 'log.csv.gz', gzipSync(csv.repeat(400)).subarray(0, 40), /gzip|truncated/],
    [
      'XES with a DOCTYPE',
      'log.xes',
      new TextEncoder().encode('<?xml version="1.0"?>\n<!DOCTYPE log [<!ENTITY a "lol">]>\n<log>&a;</log>'),
      /DOCTYPE/,
    ],
    [
      'truncated .xes.gz',
      'log.xes.gz',
      gzipSync('<log><trace>'.repeat(300)).subarray(0, 30),
      /gzip|truncated/,
    ],
    [
      'garbage named .parquet',
      'log.parquet',
      new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 0x50, 0x41, 0x52, 0x31]),
      /Parquet|parquet/,
    ],
  ];
  it.each(logs)(
    'given an event log (%s), when uploaded, then a 4xx naming the problem',
    async (_, name, bytes, message) => {
      const res = await send(
        `/api/workspaces/w1/datasets/uploads?name=${name}`,
        bytes,
        'application/octet-stream',
      );
      const body = (await res.json()) as Json;
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(body['error'].message).toMatch(message);
    },
  );
});
