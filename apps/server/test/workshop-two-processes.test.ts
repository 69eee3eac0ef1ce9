import { openLiveSocket } from '@waymark/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from './server-process';
import { startTwoServers, type TwoServers } from './two-servers';

const url = process.env['WAYMARK_TEST_DATABASE_URL'];

/** Decision 0014: the workshop lives in PostgreSQL, so every server process serves the same one. */
describe.skipIf(!url)('a workshop across two server processes on one PostgreSQL', () => {
  let servers: TwoServers;
  let a: ServerProcess;
  let b: ServerProcess;
  let cookie: string;

  beforeAll(async () => {
    servers = await startTwoServers(url!, 'wm_workshop');
    ({ a, b } = servers);
    const { session } = servers;
    cookie = session.cookie;
    const made = await session.call('POST', '/api/workspaces/demo/journeys', {
      template: 'blank-current',
      id: 'workshop-pg',
      title: 'Workshop on PostgreSQL',
    });
    expect(made.status).toBe(201);
  }, 180_000);

  afterAll(() => servers?.stop());

  const open = async (server: ServerProcess, client: string) => {
    const socket = await openLiveSocket(
      `${server.url.replace('http', 'ws')}/api/workspaces/demo/journeys/workshop-pg/live?client=${client}`,
      { cookie, origin: server.url },
    );
    return Object.assign(socket, { welcome: await socket.next('welcome') });
  };

  it('given a tab on each process, when the facilitator on A starts a workshop, locks the structure and starts a timer, then the tab on B gets each change; a change made on B is applied after them and reaches A; a tab joining B later is welcomed with it', async () => {
    const onA = await open(a, 'tab-workshop-a-1');
    const onB = await open(b, 'tab-workshop-b-1');
    expect(onB.welcome.workshop).toMatchObject({ revision: 0, facilitator: null });

    onA.send({ type: 'workshop', action: { type: 'workshop.start' } });
    onA.send({ type: 'workshop', action: { type: 'lock.set', locked: true } });
    onA.send({ type: 'workshop', action: { type: 'timer.start', label: 'Pain points', minutes: 10 } });
    const onBAfter = await onB.next('workshop', (m) => m.state.revision === 3, 10_000);
    expect(onBAfter.state).toMatchObject({
      facilitator: { name: expect.any(String) },
      structureLocked: true,
      timer: { label: 'Pain points' },
    });
    const timer = onBAfter.state.timer!;
    expect(timer.endsAt - timer.startedAt).toBe(600_000);
    // B's clock says when B sent it: the tab corrects its countdown with it.
    expect(Math.abs(onBAfter.now - Date.now())).toBeLessThan(60_000);

    // The same person, on B, extends the timer: B applies it to the revision A stored.
    onB.send({ type: 'workshop', action: { type: 'timer.extend', minutes: 5 } });
    const extended = await onA.next('workshop', (m) => m.state.revision === 4, 10_000);
    expect(extended.state.timer!.endsAt).toBe(timer.endsAt + 300_000);
    expect(extended.state.structureLocked).toBe(true);

    const late = await open(b, 'tab-workshop-b-2');
    expect(late.welcome.workshop).toMatchObject({
      revision: 4,
      structureLocked: true,
      timer: { label: 'Pain points' },
    });
    for (const s of [onA, onB, late]) s.close();
  });
});
