import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exitCodes } from '../command';
import { analyseCommand } from './analyse';

// The worked checks' log: docs/worked-checks/successful-customer-outcome.md and closing-the-loop.md.
const claims = join(dirname(fileURLToPath(import.meta.url)), '../../../../docs/worked-checks/claims-log.csv');

function harness() {
  const cwd = mkdtempSync(join(tmpdir(), 'waymark-analyse-evidence-'));
  copyFileSync(claims, join(cwd, 'claims.csv'));
  const out: string[] = [];
  const err: string[] = [];
  const ctx = {
    cwd,
    env: { WAYMARK_PSEUDONYM_KEY: 'test-key-of-at-least-16-bytes' },
    stdout: (t: string) => out.push(t),
    stderr: (t: string) => err.push(t),
  };
  const run = (...args: string[]) => analyseCommand.run(args, ctx);
  return { cwd, run, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('waymark analyse: value added, Successful Customer Outcome, closing the loop (issue 13 items 4, 5)', () => {
  it('given --sco and --value-classes, then the text output prints the SCO share with its interval, its time and the value-added ratio', async () => {
    const h = harness();
    writeFileSync(
      join(h.cwd, 'classes.json'),
      JSON.stringify({
        'Benefit paid': 'value-added',
        'Claim received': 'necessary',
        'Was it OK? call': 'necessary',
      }),
    );
    const code = await h.run('claims.csv', '--sco', 'Benefit paid', '--value-classes', 'classes.json');
    expect(code).toBe(exitCodes.ok);
    const md = h.stdout();
    expect(md).toContain('| Value-added ratio (from the log) | 30.8 % of 26 classified events');
    expect(md).toContain('8 of 10 cases, 80 % (95 % CI 49 %–94.3 %)');
    expect(md).toContain('| Time to the Successful Customer Outcome (median / p90) | 9 days / 23 days |');
    expect(md).toContain('6 of 8 delivered cases, 75 % (95 % CI 40.9 %–92.9 %)');
  });

  it('given --delivery and --confirmation, then JSON holds the closed loop from the chosen activities', async () => {
    const h = harness();
    const code = await h.run(
      'claims.csv',
      '--delivery',
      'Claim received',
      '--confirmation',
      'Claim withdrawn, Claim refused',
      '--format',
      'json',
    );
    expect(code).toBe(exitCodes.ok);
    const r = JSON.parse(h.stdout());
    expect(r.closedLoop).toMatchObject({ detected: false, delivered: 10, closed: 2, share: 0.2 });
    expect(r.successfulOutcome).toBeNull();
  });

  it('given --sco-when naming a column that is not one, then a usage error says what was expected', async () => {
    const h = harness();
    const code = await h.run('claims.csv', '--sco-when', 'colour=blue');
    expect(code).toBe(exitCodes.usage);
    expect(h.stderr()).toContain('--sco-when: expected <column>=<value> with column one of channel, org');
  });

  it('given both --sco and --sco-when, then it is refused', async () => {
    const h = harness();
    expect(await h.run('claims.csv', '--sco', 'Benefit paid', '--sco-when', 'outcome=Paid')).toBe(
      exitCodes.usage,
    );
    expect(h.stderr()).toContain('give --sco or --sco-when, not both');
  });
});
