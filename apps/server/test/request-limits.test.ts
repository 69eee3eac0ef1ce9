import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAsAdmin } from './admin-session';
import { startServerProcess, type ServerProcess } from './server-process';

/**
 * Issue 9 item 1: a body without Content-Length is counted while it streams and refused with 413 the moment
 * it passes its route's limit; the server's memory stays flat and the connection is closed, so the rest of
 * a 2 GB body is neither kept nor read. Against the real server in a child process.
 */
const TWO_GB = 2 * 1024 ** 3;
const MB = 1024 * 1024;
const CHUNK = Buffer.alloc(256 * 1024, 'a');

/** The server's resident memory, bytes, from /proc. */
const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;

interface Streamed {
  status: number | null;
  body: string;
  connection: string | undefined;
  sentBytes: number;
  peakRssGrowth: number;
  closedBy: 'answer' | 'socket' | 'memory';
}

/**
 * POSTs up to 2 GB with Transfer-Encoding: chunked, made on the fly from one 256 KB buffer, until the server
 * answers or closes. Stops (and reports 'memory') if the server grows by more than `rssBudget` meanwhile.
 */
function streamHuge(
  server: ServerProcess,
  path: string,
  headers: Record<string, string>,
  rssBudget: number,
): Promise<Streamed> {
  const pid = server.child.pid!;
  const before = rssOf(pid);
  return new Promise((resolve) => {
    let sentBytes = 0;
    let peak = 0;
    let settled = false;
    let status: number | null = null;
    let connection: string | undefined;
    let body = '';
    const watch = setInterval(() => {
      peak = Math.max(peak, rssOf(pid) - before);
      if (peak > rssBudget) finish('memory');
    }, 50);
    const finish = (closedBy: Streamed['closedBy']) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      peak = Math.max(peak, rssOf(pid) - before);
      req.destroy();
      resolve({ status, body, connection, sentBytes, peakRssGrowth: peak, closedBy });
    };
    const req = request(`${server.url}${path}`, { method: 'POST', headers }, (res) => {
      status = res.statusCode ?? null;
      connection = res.headers.connection;
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => finish('answer'));
      res.on('error', () => finish('answer'));
    });
    req.on('error', () => setTimeout(() => finish('socket'), 200));
    const pump = () => {
      while (!settled && sentBytes < TWO_GB) {
        sentBytes += CHUNK.length;
        if (!req.write(CHUNK)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!settled) req.end();
    };
    pump();
  });
}

describe('request bodies over the limit, streamed without Content-Length', () => {
  let server: ServerProcess;
  let dataDir: string;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'waymark-limits-'));
    // A 5 MB upload limit, so the upload route's refusal does not first write 1 GB to disk.
    server = await startServerProcess({ WAYMARK_DATA: dataDir, WAYMARK_UPLOAD_LIMIT_MB: '5' }, 150_000);
    session = await signInAsAdmin(server);
    const call = (method: string, path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { ...signedIn(), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const made = await call('POST', '/api/workspaces/demo/journeys', {
      template: 'blank-current',
      id: 'limits',
      title: 'Limits',
    });
    expect(made.status).toBe(201);
  }, 200_000);
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await rm(dataDir, { recursive: true, force: true });
  });

  const signedIn = () => ({ cookie: session.cookie, 'x-csrf-token': session.csrf });
  const cases: [string, string, () => Record<string, string>, string][] = [
    ['sign-in (anonymous)', '/api/auth/sign-in', () => ({ 'content-type': 'application/json' }), '1 MB'],
    [
      'journey commands (JSON, signed in)',
      '/api/workspaces/demo/journeys/limits/commands',
      () => ({ ...signedIn(), 'content-type': 'application/json' }),
      '1 MB',
    ],
    [
      'journey file import (text)',
      '/api/workspaces/demo/import?format=yaml',
      () => ({ ...signedIn(), 'content-type': 'application/yaml' }),
      '20 MB',
    ],
    [
      'event log upload (streamed to disk)',
      '/api/workspaces/demo/datasets/uploads?name=huge.csv',
      () => ({ ...signedIn(), 'content-type': 'text/csv' }),
      '5 MB',
    ],
  ];
  it.each(cases)(
    'given 2 GB chunked to %s, then 413 payload_too_large naming the limit, the connection closes and memory stays within 100 MB',
    async (_name, path, headers, limit) => {
      const got = await streamHuge(server, path, headers(), 100 * MB);
      expect(got.closedBy).not.toBe('memory');
      expect(got.peakRssGrowth).toBeLessThan(100 * MB);
      expect(got.status).toBe(413);
      const error = (JSON.parse(got.body) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('payload_too_large');
      expect(error.message).toContain(limit);
      expect(got.connection).toBe('close');
      // It stopped long before 2 GB: the server answered as soon as the limit was passed.
      expect(got.sentBytes).toBeLessThan(200 * MB);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
    },
    60_000,
  );

  it('given headers of more than 16 KB, then 431 and nothing is read', async () => {
    const res = await fetch(`${server.url}/api/health`, { headers: { 'x-padding': 'p'.repeat(20_000) } });
    expect(res.status).toBe(431);
  });

  it('given headers that trickle in (slowloris), then the server closes the connection within about 25 s', async () => {
    const started = Date.now();
    const { port } = new URL(server.url);
    const closedAfter = await new Promise<number>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('POST /api/auth/sign-in HTTP/1.1\r\nHost: localhost\r\n');
      });
      let n = 0;
      const drip = setInterval(() => socket.write(`x-drip-${n++}: 1\r\n`), 1_000);
      socket.on('data', () => undefined);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(drip);
        resolve(Date.now() - started);
      });
    });
    expect(closedAfter).toBeGreaterThan(15_000);
    expect(closedAfter).toBeLessThan(30_000);
  }, 40_000);

  it('given a keep-alive client that pauses 6 s between requests, then its connection is still open and reused (no reset)', async () => {
    // Node's default keeps an idle connection 5 s: a request sent just as it closes meets ECONNRESET (seen in CI).
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = request(`${server.url}/api/health`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await get()).toEqual({ status: 200, reused: false });
      await new Promise((r) => setTimeout(r, 6_000));
      expect(await get()).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  }, 30_000);
});
