import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultImportLimits } from '../ingest/limits';
import { writeGzipBomb } from '../testing/bombs';
import { ImportJobStopped, startImportJob } from './import-job';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'waymark-job-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const mapping = { case: 'case', activity: 'activity', timestamp: 'timestamp' };
const spec = (path: string) => ({
  path,
  mapping,
  limits: { ...defaultImportLimits, expansionRatio: 0 },
  key: 'a key of at least sixteen bytes',
});
describe('an import job in a worker thread', () => {
  it('given a log, when imported as a job, then progress comes in phases and the outcome holds the analysis and the events', async () => {
    const path = join(tempDir(), 'log.csv');
    writeFileSync(
      path,
      'case,activity,timestamp\nC-1,Report,2026-01-05T09:00:00Z\nC-1,Visit,2026-01-07T09:00:00Z\nC-2,Report,2026-01-06T09:00:00Z\n',
    );
    const phases: string[] = [];
    const outcome = await startImportJob(spec(path), {
      memoryMb: 256,
      onProgress: (p) => phases.push(p.phase),
    }).done;
    expect(phases).toEqual(expect.arrayContaining(['analysing', 'encoding']));
    expect(outcome.result?.log).toMatchObject({ cases: 2, events: 3 });
    expect(outcome.eventsBlob?.length).toBeGreaterThan(0);
  }, 60_000);

  it('given a long import, when cancelled while it reads, then its worker stops and the job ends as cancelled', async () => {
    const path = join(tempDir(), 'slow.csv.gz');
    await writeGzipBomb(path, {
      header: 'case,activity,timestamp\n',
      row: 'C-1,Visit,not a date\n',
      expandedBytes: 1024 * 1024 * 1024,
    });
    let reading!: () => void;
    const started = new Promise<void>((r) => (reading = r));
    const job = startImportJob(spec(path), {
      memoryMb: 256,
      onProgress: (p) => p.phase === 'reading' && reading(),
    });
    await started;
    const at = Date.now();
    await job.cancel();
    await expect(job.done).rejects.toBeInstanceOf(ImportJobStopped);
    await expect(job.done).rejects.toMatchObject({ code: 'cancelled' });
    // a gigabyte takes many seconds to read: it stopped, it did not finish
    expect(Date.now() - at).toBeLessThan(5_000);
  }, 60_000);

  /** Each thread of this process and its nice value (field 19 of /proc/self/task/<tid>/stat). */
  const threadNice = () =>
    new Map(
      readdirSync('/proc/self/task').map((tid) => {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        return [tid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])] as const;
      }),
    );

  it.runIf(process.platform === 'linux')(
    'given an import running, then its thread runs at a lower CPU priority while every thread the process had before (the event loop, the shared thread pool) keeps its own',
    async () => {
      const path = join(tempDir(), 'slow-nice.csv.gz');
      await writeGzipBomb(path, {
        header: 'case,activity,timestamp\n',
        row: 'C-1,Visit,not a date\n',
        expandedBytes: 1024 * 1024 * 1024,
      });
      const before = threadNice();
      let reading!: () => void;
      const started = new Promise<void>((r) => (reading = r));
      const job = startImportJob(spec(path), {
        memoryMb: 256,
        nice: 7,
        onProgress: (p) => p.phase === 'reading' && reading(),
      });
      await started;
      const during = threadNice();
      await job.cancel();
      await expect(job.done).rejects.toMatchObject({ code: 'cancelled' });
      for (const [tid, nice] of before)
        if (during.has(tid)) expect(during.get(tid), `thread ${tid}`).toBe(nice);
      const lowered = [...during].filter(
        ([tid, nice]) => !before.has(tid) && nice === (before.get(String(process.pid)) ?? 0) + 7,
      );
      expect(lowered.length).toBeGreaterThanOrEqual(1);
    },
    60_000,
  );
});
