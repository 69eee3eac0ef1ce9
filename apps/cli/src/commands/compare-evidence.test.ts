import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('given --log and --sco, then the comparison ends with the SCO reached, its time and the closed loop, from the log', async () => {
    const ms = 'multi-service-change-of-address.yaml';
    const r = await run([ms, ms, '--log', '../docs/worked-checks/claims-log.csv', '--sco', 'Benefit paid']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '## From the event log of the current service (../docs/worked-checks/claims-log.csv)',
    );
    expect(r.stdout).toContain('8 of 10 cases, 80 % (95 % CI 49 %–94.3 %)');
    expect(r.stdout).toContain(
      '| Time to the Successful Customer Outcome (median / p90) | 9 days / 23 days |',
    );
    expect(r.stdout).toContain('6 of 8 delivered cases, 75 % (95 % CI 40.9 %–92.9 %)');
    const json = JSON.parse(
      (
        await run([
          ms,
          ms,
          '--log',
          '../docs/worked-checks/claims-log.csv',
          '--sco',
          'Benefit paid',
          '--format',
          'json',
        ])
      ).stdout,
    );
    expect(json.log.successfulOutcome).toMatchObject({ reached: 8, cases: 10, share: 0.8 });
    const html = (
      await run([
        ms,
        ms,
        '--log',
        '../docs/worked-checks/claims-log.csv',
        '--sco',
        'Benefit paid',
        '--format',
        'html',
      ])
    ).stdout;
    expect(html).toMatch(
      /<h2>From the event log[^<]*<\/h2>\n<table><tbody>\n<tr><th scope="row">Successful Customer Outcome reached/,
    );
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it("given no --sco, then the current journey's stored Successful Customer Outcome is measured in the log", async () => {
    const yaml = readFileSync(join(examples, 'multi-service-change-of-address.yaml'), 'utf8');
    expect(yaml).toMatch(/^meta:\n/m);
    const dir = mkdtempSync(join(tmpdir(), 'waymark-sco-'));
    const current = join(dir, 'current.yaml');
    writeFileSync(current, yaml.replace(/^meta:\n/m, 'meta:\n  outcomeRule:\n    activity: Benefit paid\n'));
    const r = await run([current, current, '--log', '../docs/worked-checks/claims-log.csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('8 of 10 cases, 80 % (95 % CI 49 %–94.3 %)');
    const plain = await run([
      'multi-service-change-of-address.yaml',
      'multi-service-change-of-address.yaml',
      '--log',
      '../docs/worked-checks/claims-log.csv',
    ]);
    expect(plain.stdout).not.toContain('8 of 10 cases');
  });

  it('given --sco without --log, or a log that is not there, then it says what is missing', async () => {
    const ms = 'multi-service-change-of-address.yaml';
    const a = await run([ms, ms, '--sco', 'Benefit paid']);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe(
      "waymark compare: --sco needs --log <file>: add the event log to find the Successful Customer Outcome in, or leave --sco out.\nRun 'waymark compare --help' for the options.\n",
    );
    const b = await run([ms, ms, '--log', 'no-such-log.csv']);
    expect(b.code).toBe(3);
    expect(b.stderr).toBe(
      'waymark compare: --log: cannot read no-such-log.csv: there is no such file. Check its name and folder.\n',
    );
  });

  it('given a journey whose log activities are classed (meta.valueClasses, as the web saves them), then compare --log measures the value-added ratio with them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-va-'));
    const classed = readFileSync(join(examples, 'multi-service-change-of-address.yaml'), 'utf8').replace(
      /^meta:\n/m,
      `meta:\n  valueClasses:\n    Claim received: necessary\n    Benefit paid: value-added\n    "Was it OK? call": waste\n`,
    );
    expect(classed).toContain('valueClasses');
    writeFileSync(join(dir, 'classed.yaml'), classed);
    const log = join(examples, '../docs/worked-checks/claims-log.csv');
    const bare = JSON.parse(
      (
        await run([
          'multi-service-change-of-address.yaml',
          'multi-service-change-of-address.yaml',
          '--log',
          log,
          '--format',
          'json',
        ])
      ).stdout,
    );
    expect(bare.log.valueAdded).toBeNull();
    const r = await run([
      join(dir, 'classed.yaml'),
      join(dir, 'classed.yaml'),
      '--log',
      log,
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const va = JSON.parse(r.stdout).log.valueAdded;
    // 8 'Benefit paid' of the 26 classified events (10 received, 8 paid, 8 calls); the refusal and withdrawal are unclassified.
    expect(va.events).toEqual({ 'value-added': 8, necessary: 10, waste: 8, unclassified: 2 });
    expect(va.byCount).toBeCloseTo(8 / 26, 12);
  });
});
