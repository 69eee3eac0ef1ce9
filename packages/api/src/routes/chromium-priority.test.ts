import { readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_NICENESS, chromiumProcesses, withChromiumPage } from './improvement-pdf';

/** A process's niceness, read from /proc (field 19 of its stat line). */
const nicenessOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
};

describe('exports drawn by Chromium run below the server’s requests', () => {
  it('given an export, while Chromium draws it, then the browser and its renderer run at the lowest priority and the server does not', async () => {
    const before = getPriority();
    const seen = await withChromiumPage(
      '<!doctype html><html><body><p>Poster</p></body></html>',
      async () => chromiumProcesses().map((pid) => [pid, nicenessOf(pid)] as const),
      { otherwise: 'download the SVG' },
    );
    expect(seen.ok).toBe(true);
    const processes = seen.ok ? seen.value : [];
    // the browser, its zygotes and at least one renderer
    expect(processes.length).toBeGreaterThanOrEqual(3);
    for (const [pid, niceness] of processes) expect([pid, niceness]).toEqual([pid, CHROMIUM_NICENESS]);
    expect(getPriority()).toBe(before);
  }, 120_000);
});
