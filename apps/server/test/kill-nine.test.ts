import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { CHOSEN_PASSWORD, passwordFrom, signIn, startServerProcess } from './server-process';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

it('given a burst of writes, when the server is killed with SIGKILL, then every acknowledged change is there after a restart', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'waymark-kill-'));
  dirs.push(dataDir);
  const env = { WAYMARK_DATA: dataDir };
  const first = await startServerProcess(env);
  const password = passwordFrom(first.output());
  const call = await signIn(first.url, 'admin@waymark.local', password);
  // A second server on the same data directory is refused, naming the directory, and the first is unharmed.
  const refused = await startServerProcess(env).then(
    () => 'started',
    (error: Error) => error.message,
  );
  expect(refused).toContain('already using the data directory');
  const ids = ['k1', 'k2', 'k3', 'k4'];
  for (const id of ids) {
    const made = await call('POST', '/api/workspaces/demo/journeys', {
      template: 'blank-current',
      id,
      title: `Kill ${id}`,
    });
    expect(made.status).toBe(201);
  }

  // When: four writers chain commands as fast as they can; each acknowledged version is recorded.
  const acked = new Map<string, number>(ids.map((id) => [id, 1]));
  let killed = false;
  const writer = async (id: string) => {
    while (!killed) {
      const version = acked.get(id)!;
      try {
        const res = await call('POST', `/api/workspaces/demo/journeys/${id}/commands`, {
          baseVersion: version,
          commands: [{ type: 'meta.update', patch: { title: `${id} v${version + 1}` } }],
        });
        if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
        const body = (await res.json()) as { version: number };
        acked.set(id, body.version);
      } catch (error) {
        if (killed) return;
        throw error;
      }
    }
  };
  const writers = ids.map(writer);
  await new Promise((r) => setTimeout(r, 1500));
  first.child.kill('SIGKILL');
  killed = true;
  await Promise.allSettled(writers);
  await first.exited;
  const total = [...acked.values()].reduce((a, v) => a + v - 1, 0);
  expect(total).toBeGreaterThan(20);

  // Then: the same data directory opens again (the stale lock is taken over) and nothing acknowledged is lost.
  const second = await startServerProcess(env);
  try {
    expect(second.output()).not.toContain('First start');
    // The printed password was one-time: the first sign-in chose CHOSEN_PASSWORD.
    const again = await signIn(second.url, 'admin@waymark.local', CHOSEN_PASSWORD);
    for (const id of ids) {
      const res = await again('GET', `/api/workspaces/demo/journeys/${id}`);
      const body = (await res.json()) as { version: number; journey: { meta: { title: string } } };
      const last = acked.get(id)!;
      // A write in flight at the kill may have committed without its answer arriving: at least, never less.
      expect(body.version).toBeGreaterThanOrEqual(last);
      const history = (await (await again('GET', `/api/workspaces/demo/journeys/${id}/history`)).json()) as {
        items: { version: number; commands: { patch: { title: string } }[] }[];
      };
      expect(history.items.map((h) => h.version)).toEqual(
        Array.from({ length: body.version }, (_, i) => i + 1),
      );
      for (const h of history.items.slice(1)) expect(h.commands[0]?.patch.title).toBe(`${id} v${h.version}`);
      expect(body.journey.meta.title).toBe(`${id} v${body.version}`);
    }
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
}, 180_000);
