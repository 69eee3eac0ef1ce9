import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGzipBomb } from '@waymark/analytics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../command';

const bin = fileURLToPath(new URL('../../bin/waymark.js', import.meta.url));
const MB = 1024 * 1024;

/**
 * Runs `waymark analyse` as its own process and reads its peak resident memory (the kernel's high-water
 * mark, from a preloaded hook that prints process.resourceUsage().maxRSS as the process exits).
 */
function analyse(dir: string, file: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number; stderr: string; peakMb: number }>((resolve) => {
    execFile(
      process.execPath,
      ['--require', join(dir, 'peak.cjs'), bin, 'analyse', file, '--format', 'json'],
      {
        cwd: dir,
        env: {
          PATH: process.env['PATH'] ?? '',
          WAYMARK_PSEUDONYM_KEY: 'test-key-of-at-least-16-bytes',
          ...env,
        },
        maxBuffer: 64 * MB,
        timeout: 120_000,
      },
      (error, _stdout, stderr) => {
        const peak = /peak-rss-kb=(\d+)/.exec(stderr);
        resolve({
          code: error ? ((error as { code?: number }).code ?? -1) : 0,
          stderr,
          peakMb: peak ? Number(peak[1]) / 1024 : Number.NaN,
        });
      },
    );
  });
}

describe('waymark analyse with hostile files (issue 9 §2)', () => {
  let dir: string;
  beforeAll(async () => {
    // Given: a 10 GB decompression bomb of repeated rows, about 26 MB of gzip, made here and now.
    dir = mkdtempSync(join(tmpdir(), 'waymark-cli-bomb-'));
    writeFileSync(
      join(dir, 'peak.cjs'),
      "process.on('exit', () => process.stderr.write(`\\npeak-rss-kb=${process.resourceUsage().maxRSS}\\n`));\n",
    );
    await writeGzipBomb(join(dir, 'bomb.csv.gz'), {
      header: 'case,activity,timestamp\n',
      row: 'C-1,Visit,2026-01-01T00:00:00Z\n',
      expandedBytes: 10 * 1024 * MB,
    });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given a .csv.gz that expands to 10 GB, then it exits 1 naming the ratio limit, with its memory bounded', async () => {
    const r = await analyse(dir, 'bomb.csv.gz');
    expect(r.code, r.stderr).toBe(exitCodes.invalid);
    expect(r.stderr).toMatch(
      /^waymark analyse: the compressed file expands more than 100 times .* WAYMARK_EXPANSION_RATIO\. .*give it uncompressed, or set WAYMARK_EXPANSION_RATIO higher \(0 turns the check off\)\.$/m,
    );
    expect(r.peakMb).toBeLessThan(400);
  }, 120_000);

  it('given the ratio check off and a ceiling of 128 MB, then the same bomb is refused at the ceiling, with its memory bounded', async () => {
    const r = await analyse(dir, 'bomb.csv.gz', {
      WAYMARK_EXPANSION_RATIO: '0',
      WAYMARK_EXPANDED_LIMIT_MB: '128',
    });
    expect(r.code, r.stderr).toBe(exitCodes.invalid);
    expect(r.stderr).toMatch(
      /^waymark analyse: the compressed file expands to more than 128 MB, the limit set by WAYMARK_EXPANDED_LIMIT_MB\. Split the log into shorter periods, or set WAYMARK_EXPANDED_LIMIT_MB to more megabytes\.$/m,
    );
    expect(r.peakMb).toBeLessThan(400);
  }, 120_000);

  it('given a bad limit in the environment, then it is a usage error naming the variable', async () => {
    const r = await analyse(dir, 'bomb.csv.gz', { WAYMARK_MAX_EVENTS: 'many' });
    expect(r.code).toBe(exitCodes.usage);
    expect(r.stderr).toMatch(
      /^waymark analyse: WAYMARK_MAX_EVENTS is “many”, but it must be a whole number, 1 or more\. Set it to such a number, or unset it to use the default, 20,000,000\.$/m,
    );
  }, 60_000);
});
