import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareCommand } from './compare';

// docs/worked-checks/hand-offs.md and closing-the-loop.md, through `waymark compare`.
const examples = fileURLToPath(new URL('../../../../examples/', import.meta.url));

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await compareCommand.run(args, {
    cwd: examples,
    env: {},
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('waymark compare: hand-offs counted once, closing the loop (issue 13 items 1, 4)', () => {
  it('given the multi-service example against itself, then it prints 4 hand-offs from the map and a closed loop', async () => {
    const ms = 'multi-service-change-of-address.yaml';
    const r = await run([ms, ms]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| Hand-offs (from the map) | 4 | 4 | 0 |');
    expect(r.stdout).toContain(
      'Loop closed on “Moving home: one change of address across housing, council tax and benefits”: an outbound contact at or after “Decisions sent”',
    );
  });

  it('given the Melton journeys as JSON, then each side says where its hand-offs came from and whether the loop is closed', async () => {
    const r = await run([
      'melton-asb-victim-current.yaml',
      'melton-asb-victim-desired.yaml',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.current.handOffs.source).toBe('map');
    expect([c.current.closedLoop.closed, c.desired.closedLoop.closed]).toEqual([false, false]);
    expect(c.desired.closedLoop.deliveryLabel).toBe('Behaviour addressed');
  });
});
