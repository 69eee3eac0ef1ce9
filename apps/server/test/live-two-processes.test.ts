import { openLiveSocket, type LiveTestSocket } from '@waymark/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { signInAs } from './live-session';
import type { ServerProcess } from './server-process';
import { startTwoServers, type TwoServers } from './two-servers';

const url = process.env['WAYMARK_TEST_DATABASE_URL'];

const addColumn = (id: string) => ({ type: 'column.add', item: { id, label: `Step ${id}` } });
type Journey = { columns: { id: string }[] };

describe.skipIf(!url)('live co-editing across two server processes on one PostgreSQL', () => {
  let servers: TwoServers;
  let a: ServerProcess;
  let b: ServerProcess;
  let cookie: string;
  let call: Awaited<ReturnType<typeof signInAs>>['call'];

  beforeAll(async () => {
    servers = await startTwoServers(url!, 'wm_live');
    ({ a, b } = servers);
    const { session } = servers;
    cookie = session.cookie;
    call = session.call;
    const made = await call('POST', '/api/workspaces/demo/journeys', {
      template: 'blank-current',
      id: 'live-pg',
      title: 'Live on PostgreSQL',
    });
    expect(made.status).toBe(201);
  }, 180_000);

  afterAll(() => servers?.stop());

  const open = (server: ServerProcess, client: string, since?: number) =>
    openLiveSocket(
      `${server.url.replace('http', 'ws')}/api/workspaces/demo/journeys/live-pg/live?client=${client}${since ? `&since=${since}` : ''}`,
      { cookie, origin: server.url },
    );

  it("given a participant on each process, then each sees the other's edits and presence; when one process is killed with SIGKILL mid-session, its participant reconnects to the other and nothing acknowledged is lost", async () => {
    const onA = await open(a, 'tab-on-a-0001');
    const onB = await open(b, 'tab-on-b-0001');
    const start = (await onA.next('welcome')).version;
    expect((await onB.next('welcome')).version).toBe(start);

    onA.send({ type: 'submit', clientSeq: 1, baseVersion: start, commands: [addColumn('from-a')] });
    const seenOnB = await onB.next('applied');
    expect([seenOnB.version, seenOnB.commands, seenOnB.clientSeq]).toEqual([
      start + 1,
      [addColumn('from-a')],
      undefined,
    ]);
    onB.send({ type: 'submit', clientSeq: 1, baseVersion: start, commands: [addColumn('from-b')] });
    expect((await onA.next('applied', (m) => m.version === start + 2)).commands).toEqual([
      addColumn('from-b'),
    ]);
    // Presence crosses processes too.
    onB.send({ type: 'presence', focus: { columnId: 'from-a' }, typing: false });
    const presence = await onA.next(
      'presence',
      (m) => m.participants.length === 2 && m.participants.some((p) => p.focus?.columnId === 'from-a'),
      5_000,
    );
    expect(presence.participants.map((p) => p.user.name)).toHaveLength(2);

    // A burst of edits on A; A is killed part-way through. What A acknowledged must all be there.
    const acked = new Set<number>();
    let last = start + 2;
    // Killed from the message handler itself, as the fourth acknowledgement arrives: a poll's delay on a loaded
    // machine could let A store the whole burst first, and then there would be nothing left to test.
    let killed = false;
    onA.onMessage = (m) => {
      if (m.type === 'applied' && m.clientSeq !== undefined) acked.add(m.clientSeq);
      if (m.type === 'applied') last = Math.max(last, m.version);
      if (acked.size > 3 && !killed) killed = a.child.kill('SIGKILL');
    };
    for (let seq = 2; seq <= 40; seq++) {
      onA.send({
        type: 'submit',
        clientSeq: seq,
        baseVersion: start + 2,
        commands: [addColumn(`burst-${seq}`)],
      });
    }
    await expect.poll(() => killed, { timeout: 10_000, interval: 5 }).toBe(true);
    await a.exited;
    await onA.closed;
    const ackedAtKill = [...acked];

    // The tab reconnects to B from the version it had, with the same tab id, and sends again what was not acknowledged.
    const again: LiveTestSocket = await open(b, 'tab-on-a-0001', last);
    const welcome = await again.next('welcome');
    for (const m of welcome.missed ?? []) if (m.clientSeq !== undefined) acked.add(m.clientSeq);
    const resend = Array.from({ length: 39 }, (_, i) => i + 2).filter((seq) => !acked.has(seq));
    // Killed part-way: some edits were never acknowledged (and some of those may have been stored).
    expect(resend.length).toBeGreaterThan(0);
    for (const seq of resend)
      again.send({
        type: 'submit',
        clientSeq: seq,
        baseVersion: welcome.version,
        commands: [addColumn(`burst-${seq}`)],
      });
    for (const seq of resend) {
      const answer = await Promise.race([
        again.next('applied', (m) => m.clientSeq === seq),
        again.next('duplicate', (m) => m.clientSeq === seq),
      ]);
      expect(answer.clientSeq).toBe(seq);
    }
    const stored = (await (await call('GET', '/api/workspaces/demo/journeys/live-pg')).json()) as {
      journey: Journey;
    };
    const columns = stored.journey.columns.map((c) => c.id);
    for (const seq of ackedAtKill) expect(columns).toContain(`burst-${seq}`);
    // Every edit is there exactly once, and B's own participant saw them all in order.
    const bursts = columns.filter((id) => id.startsWith('burst-'));
    expect(bursts.sort()).toEqual(Array.from({ length: 39 }, (_, i) => `burst-${i + 2}`).sort());
    const versionsOnB = onB.messages.flatMap((m) => (m.type === 'applied' ? [m.version] : []));
    expect(versionsOnB).toEqual(versionsOnB.map((_, i) => start + 1 + i));
  }, 120_000);
});
