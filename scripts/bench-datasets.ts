/**
 * `npm run bench:datasets`: an event log of about 200 MB through the running server, as the web app sends
 * it — upload (streamed to disk), import with a mapping + every metric + pseudonymisation + storing, and a
 * filtered view recomputed from the kept events — sampling the server's resident memory every 100 ms, so
 * "not buffered in memory" is a number. The log is generated once into bench-out/ (gitignored).
 *
 * Environment: EVENTS (default 2700000, about 205 MB), RUNS (default 3). Prints medians and writes
 * bench-out/datasets.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../apps/server/test/server-process';
import {
  adminSession,
  benchLog,
  benchMapping,
  benchOut,
  followJob,
  uploadLog,
  type BenchJob,
} from './bench-dataset-steps';

const events = Number(process.env['EVENTS'] ?? 2_700_000);
const runs = Number(process.env['RUNS'] ?? 3);
const file = await benchLog(events);

interface Run {
  readonly uploadSeconds: number;
  readonly uploadRssRiseMB: number;
  readonly analyseSeconds: number;
  readonly filteredSeconds: number;
  /** A second filter on the same dataset: the decoded events are cached by the server. */
  readonly filteredAgainSeconds: number;
  readonly peakRssMB: number;
}

async function once(): Promise<Run> {
  const data = mkdtempSync(join(tmpdir(), 'waymark-bench-datasets-'));
  const server = await startServerProcess(
    { WAYMARK_DATA: data, WAYMARK_ADMIN_EMAIL: 'admin@example.org' },
    120_000,
  );
  try {
    const rss = () =>
      Number(
        execFileSync('ps', ['-o', 'rss=', '-p', String(server.child.pid)])
          .toString()
          .trim(),
      ) * 1024;
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rss())), 100);
    sampler.unref();
    const headers = await adminSession(server);
    const ws = `${server.url}/api/workspaces/demo/datasets`;
    const before = rss();
    peak = before;
    let t = performance.now();
    const uploadId = await uploadLog(server.url, headers, file);
    const uploadSeconds = (performance.now() - t) / 1000;
    const uploadRssRiseMB = (peak - before) / 1e6;
    t = performance.now();
    const made = await fetch(ws, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ uploadId, name: 'Bench', mapping: benchMapping }),
    });
    // the import is a job (decision 0010): follow it as the web app does until it ends
    if (made.status !== 202) throw new Error(`analyse: ${made.status} ${await made.text()}`);
    const { job, slowestPoll } = await followJob(server.url, headers, (await made.json()) as BenchJob, 250);
    console.log('slowest poll (ms) by the phase it was sent in:', slowestPoll);
    if (job.state !== 'succeeded') throw new Error(`analyse: ${job.state} ${JSON.stringify(job.error)}`);
    const id = job.datasetId as string;
    const analyseSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const filtered = await fetch(`${ws}/${id}?channel=Phone`, { headers });
    await filtered.json();
    const filteredSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await (await fetch(`${ws}/${id}?channel=Web`, { headers })).json();
    const filteredAgainSeconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    return {
      uploadSeconds,
      uploadRssRiseMB,
      analyseSeconds,
      filteredSeconds,
      filteredAgainSeconds,
      peakRssMB: peak / 1e6,
    };
  } catch (e) {
    console.error(
      `the server (exit ${server.child.exitCode}, signal ${server.child.signalCode}) said:\n${server.output().slice(-4000)}`,
    );
    throw e;
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(data, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const size = statSync(file).size;
const results: Run[] = [];
for (let r = 0; r < runs; r++) {
  results.push(await once());
  console.log(`run ${r + 1}: ${JSON.stringify(results[results.length - 1])}`);
}
const summary = {
  events,
  megabytes: size / 1e6,
  runs,
  loadAverage: loadavg()[0] ?? 0,
  median: Object.fromEntries(
    (Object.keys(results[0] as Run) as (keyof Run)[]).map((k) => [k, median(results.map((x) => x[k]))]),
  ),
};
writeFileSync(join(benchOut, 'datasets.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(
  `${events.toLocaleString('en-GB')} events, ${(size / 1e6).toFixed(0)} MB, median of ${runs}: upload ${summary.median['uploadSeconds']?.toFixed(1)} s (server RSS +${summary.median['uploadRssRiseMB']?.toFixed(0)} MB), import+analyse+store ${summary.median['analyseSeconds']?.toFixed(1)} s, filtered view ${summary.median['filteredSeconds']?.toFixed(1)} s (another filter ${summary.median['filteredAgainSeconds']?.toFixed(1)} s), server peak ${summary.median['peakRssMB']?.toFixed(0)} MB (load average ${summary.loadAverage.toFixed(1)})`,
);
