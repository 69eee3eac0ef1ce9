import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestApi, type TestApi } from '@waymark/api';
import { writeJourneyYaml } from '@waymark/document';
import { sampleJourney } from '@waymark/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliContext } from '../command';
import { withTempDir } from '../run-cli.fixture';
import { createPullCommand } from './pull';
import { createPushCommand } from './push';

/** push and pull against the real API in-process (its `app.request` stands in for the network). */
describe('waymark push and pull', () => {
  let t: TestApi;
  let token: string;
  beforeEach(async () => {
    t = await createTestApi();
    await t.addUser('Ed', { ws: 'w1', role: 'owner' });
    const ed = await t.signIn('Ed');
    token = (
      (await (
        await ed.request('POST', '/api/workspaces/w1/tokens', { name: 'git', role: 'editor' })
      ).json()) as { token: string }
    ).token;
  });
  afterEach(() => t.close());

  const fetchFn = (url: string, init?: RequestInit) => Promise.resolve(t.app.request(url, init));
  async function run(
    command: 'push' | 'pull',
    args: string[],
    cwd: string,
    env: Record<string, string> = {},
  ) {
    let stdout = '';
    let stderr = '';
    const ctx: CliContext = {
      cwd,
      env: { WAYMARK_SERVER: 'http://waymark.test', WAYMARK_TOKEN: token, ...env },
      stdout: (s) => void (stdout += s),
      stderr: (s) => void (stderr += s),
    };
    const cmd = command === 'push' ? createPushCommand(fetchFn) : createPullCommand(fetchFn);
    const code = await cmd.run(args, ctx);
    return { code, stdout, stderr };
  }

  it('given a new file, when pushed, then created; changed and pushed again, then the next version; unchanged, then up to date', async () => {
    await withTempDir(async (dir) => {
      const journey = sampleJourney('asb');
      await writeFile(join(dir, 'asb.yaml'), writeJourneyYaml(journey));
      expect((await run('push', ['asb.yaml'], dir)).stdout).toContain(
        '✓ asb created version 1 on http://waymark.test (workspace w1)',
      );
      await writeFile(
        join(dir, 'asb.yaml'),
        writeJourneyYaml({ ...journey, meta: { ...journey.meta, title: 'Edited in git' } }),
      );
      expect((await run('push', ['asb.yaml'], dir)).stdout).toContain('published as version 2');
      expect((await run('push', ['asb.yaml'], dir)).stdout).toContain('already up to date at version 2');
      const stale = await run('push', ['asb.yaml', '--if-version', '1'], dir);
      expect([stale.code, stale.stderr]).toEqual([
        1,
        'waymark push: asb.yaml: the journey has changed on the server: it is now at version 2, not version 1. Pull it with waymark pull, bring your changes into it, then run waymark push again.\n',
      ]);
      const history = await t.stores.journeys.history('w1' as never, 'asb' as never);
      expect(history.map((h) => h.kind)).toEqual(['create', 'import']);
    });
  });

  it('given an invalid file, when pushed, then nothing is sent and the problems are listed with lines', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        join(dir, 'bad.yaml'),
        'schemaVersion: 2\nid: bad\nmeta:\n  title: Bad\n  journeyType: sideways\ncolumns: []\nlanes: []\n',
      );
      const res = await run('push', ['bad.yaml'], dir);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('bad.yaml:5');
      expect(await t.stores.journeys.listJourneys('w1' as never)).toEqual([]);
    });
  });

  it('given a journey on the server, when pulled, then the file holds it; unknown ids and bad tokens say why', async () => {
    await withTempDir(async (dir) => {
      await t.stores.journeys.createJourney({
        workspaceId: 'w1' as never,
        journey: sampleJourney('j1'),
        kind: 'create',
        commands: [],
        by: null,
        at: new Date().toISOString(),
      });
      expect((await run('pull', ['j1'], dir)).stdout).toBe('✓ j1 → j1.yaml\n');
      expect(await readFile(join(dir, 'j1.yaml'), 'utf8')).toBe(writeJourneyYaml(sampleJourney('j1')));
      expect(JSON.parse((await run('pull', ['j1', '-o', '-', '--format', 'json'], dir)).stdout)).toEqual(
        sampleJourney('j1'),
      );
      const missing = await run('pull', ['nope'], dir);
      expect([missing.code, missing.stderr]).toEqual([
        1,
        'waymark pull: nope: no journey has that id in workspace w1. Check the id: it is the id in the journey’s file, not its title.\n',
      ]);
      const badToken = await run('pull', ['j1'], dir, { WAYMARK_TOKEN: 'wm_not-a-real-token' });
      expect([badToken.code, badToken.stderr]).toEqual([
        1,
        'waymark pull: the server did not accept the token: it may have been revoked or have expired, or the person who made it may be suspended. A workspace owner can make a new one in the workspace settings.\n',
      ]);
      const noServer = await run('pull', ['j1'], dir, { WAYMARK_SERVER: '' });
      expect([noServer.code, noServer.stderr]).toEqual([
        2,
        "waymark pull: name the server with --server http://host:5170 or WAYMARK_SERVER.\nRun 'waymark pull --help' for the options.\n",
      ]);
    });
  });

  it('given a server that cannot be reached, then exit 3 naming it', async () => {
    await withTempDir(async (dir) => {
      // The real fetch, to a port nothing listens on.
      const pull = createPullCommand((url, init) => fetch(url, init));
      let stderr = '';
      const code = await pull.run(['j1', '--workspace', 'w1'], {
        cwd: dir,
        env: { WAYMARK_SERVER: 'http://127.0.0.1:1', WAYMARK_TOKEN: 'wm_x' },
        stdout: () => {},
        stderr: (s) => void (stderr += s),
      });
      expect([code, stderr]).toEqual([
        3,
        expect.stringMatching(
          /^waymark pull: j1: cannot reach http:\/\/127\.0\.0\.1:1: the connection failed\. Check the address and that the server is running\.\n$/,
        ),
      ]);
    });
  });
});
