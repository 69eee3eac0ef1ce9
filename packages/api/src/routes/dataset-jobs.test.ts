import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultImportLimits, writeGzipBomb } from '@waymark/analytics';
import type { WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNow, uploadBytes, uploadFile, waitForJob } from '../testing/import-jobs';
import { createTestApi, type Client, type TestApi } from '../testing/test-api';
import type { JobView } from './dataset-jobs';

const ws = 'w1' as WorkspaceId;
const base = '/api/workspaces/w1/datasets';
const mapping = { case: 'case', activity: 'activity', timestamp: 'timestamp' };
const MB = 1024 * 1024;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A log that keeps an import busy for many seconds with flat memory: 1.5 GB (4 MB of gzip) of rows whose
 * time is not a date, so every row is read and rejected and nothing is kept.
 */
async function slowLog(): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-jobs-'));
  const path = join(dir, 'slow.csv.gz');
  await writeGzipBomb(path, {
    header: 'case,activity,timestamp\n',
    row: 'C-1,Visit,not a date\n',
    expandedBytes: 1536 * MB,
  });
  const bytes = readFileSync(path);
  rmSync(dir, { recursive: true, force: true });
  return bytes;
}

const small = 'case,activity,timestamp\nC-1,Report,2026-01-05T09:00:00Z\nC-1,Visit,2026-01-07T09:00:00Z\n';

describe('dataset imports as jobs (issue 9 §3)', () => {
  let t: TestApi;
  let ed: Client;
  let eve: Client;
  let olive: Client;
  let slow: Uint8Array;
  const start = async (client: Client, uploadId: string, name = 'Slow') => {
    const res = await client.request('POST', base, { uploadId, name, mapping });
    expect(res.status, await res.clone().text()).toBe(202);
    return (await res.json()) as JobView;
  };
  const running = (j: JobView) => j.state === 'running' && j.bytesRead > 0;
  const datasetCount = async () => (await t.stores.datasets.listDatasets(ws)).length;

  beforeAll(async () => {
    // Given: Olive owns w1, Ed and Eve edit it, Otto owns only w2; the ratio check is off, so a long
    // import of a highly compressible log can run.
    t = await createTestApi(
      {},
      { importLimits: { ...defaultImportLimits, expansionRatio: 0 }, importJobs: { abandonSeconds: 60 } },
    );
    await t.addUser('Olive', { ws: 'w1', role: 'owner' });
    await t.addUser('Ed', { ws: 'w1', role: 'editor' });
    await t.addUser('Eve', { ws: 'w1', role: 'editor' });
    await t.addUser('Otto', { ws: 'w2', role: 'owner' });
    [ed, eve, olive] = [await t.signIn('Ed'), await t.signIn('Eve'), await t.signIn('Olive')];
    slow = await slowLog();
  }, 60_000);
  afterAll(() => t.close());

  it('given a long import, when its starter follows it, then it reports bytes read of the total in the reading phase, other requests are answered, and no dataset exists yet', async () => {
    const before = await datasetCount();
    const uploadId = await uploadBytes(t, 'Ed', 'slow.csv.gz', slow);
    const job = await start(ed, uploadId);
    expect(job).toMatchObject({ state: expect.stringMatching(/queued|running/), bytesTotal: slow.length });
    const first = await waitForJob(ed, 'w1', job.id, running);
    const later = await waitForJob(ed, 'w1', job.id, (j) => j.bytesRead > first.bytesRead);
    expect(later).toMatchObject({ state: 'running', phase: 'reading', rows: null, datasetId: null });
    expect(later.bytesRead).toBeLessThan(later.bytesTotal);
    // other people's requests are answered while it runs
    expect((await olive.request('GET', base)).status).toBe(200);
    expect((await t.app.request('/api/health')).status).toBe(200);
    expect(await datasetCount()).toBe(before);
    // the same upload cannot be imported twice at once
    const twice = await ed.request('POST', base, { uploadId, name: 'Again', mapping });
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as Json)['error'].code).toBe('import_running');
    // when cancelled by its starter: the worker stops, nothing is stored, the upload stays
    const cancelled = await ed.request('DELETE', `${base}/jobs/${job.id}`);
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()) as Json).toMatchObject({
      state: 'cancelled',
      error: { code: 'cancelled', message: expect.stringMatching(/nothing was stored.*upload is kept/) },
    });
    // the one import slot is free again (the cancelled worker has exited), and the upload is still there
    const next = await importNow(ed, 'w1', {
      uploadId: await uploadBytes(t, 'Ed', 'small.csv', new TextEncoder().encode(small)),
      name: 'Small',
      mapping,
    });
    expect(next.status, await next.clone().text()).toBe(201);
    expect(await datasetCount()).toBe(before + 1);
    expect((await ed.request('DELETE', `${base}/uploads/${uploadId}`)).status).toBe(204);
  }, 120_000);

  it('given an import started by Ed, when Eve (another editor) cancels it, then she may not; an owner of the workspace may', async () => {
    const job = await start(ed, await uploadBytes(t, 'Ed', 'slow.csv.gz', slow));
    await waitForJob(ed, 'w1', job.id, running);
    const refused = await eve.request('DELETE', `${base}/jobs/${job.id}`);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Json)['error']).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/only the person who started this import, or an owner/),
    });
    expect((await waitForJob(ed, 'w1', job.id, () => true)).state).toBe('running');
    const byOwner = await olive.request('DELETE', `${base}/jobs/${job.id}`);
    expect(byOwner.status).toBe(200);
    expect(((await byOwner.json()) as Json)['state']).toBe('cancelled');
    // cancelling again: it has already ended
    expect((await ed.request('DELETE', `${base}/jobs/${job.id}`)).status).toBe(409);
  }, 120_000);

  it('given an import whose starter stops asking after it, when 60 seconds pass, then it is cancelled as abandoned (others asking do not keep it alive)', async () => {
    const job = await start(ed, await uploadBytes(t, 'Ed', 'slow.csv.gz', slow));
    await waitForJob(ed, 'w1', job.id, running);
    t.caps.advance(50_000);
    await waitForJob(ed, 'w1', job.id, () => true); // Ed asks at +50 s
    t.caps.advance(50_000); // +100 s: 50 s since Ed last asked
    expect((await waitForJob(olive, 'w1', job.id, () => true)).state).toBe('running');
    t.caps.advance(15_000); // 65 s since Ed last asked; Olive asking does not count
    const seen = (await (await olive.request('GET', `${base}/jobs/${job.id}`)).json()) as Json;
    expect(seen).toMatchObject({
      state: 'cancelled',
      error: {
        code: 'abandoned',
        message: expect.stringMatching(/nobody had asked after it for 60 seconds/),
      },
    });
  }, 120_000);

  it('given a job in w1, when Otto (of w2 only) asks after it or cancels it, then it is not found either way', async () => {
    const job = await start(ed, await uploadBytes(t, 'Ed', 'small.csv', new TextEncoder().encode(small)));
    const otto = await t.signIn('Otto');
    for (const method of ['GET', 'DELETE']) {
      const inW1 = await otto.request(method, `${base}/jobs/${job.id}`);
      expect(inW1.status).toBe(404);
      expect(((await inW1.json()) as Json)['error'].code).toBe('workspace_not_found');
      const inW2 = await otto.request(method, `/api/workspaces/w2/datasets/jobs/${job.id}`);
      expect(inW2.status).toBe(404);
      expect(((await inW2.json()) as Json)['error']).toMatchObject({
        code: 'job_not_found',
        message: expect.stringMatching(/a restart of the server forgets every job/),
      });
    }
    expect((await waitForJob(ed, 'w1', job.id)).state).toBe('succeeded');
  }, 60_000);

  it('given the OpenAPI document, then the import answers 202 and the job routes list what they answer', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as Json;
    const statuses = (path: string, method: string) =>
      Object.keys(doc['paths'][path][method]['responses'] as Json).sort();
    expect(statuses('/api/workspaces/{ws}/datasets', 'post')).toEqual(
      expect.arrayContaining(['202', '404', '409', '429']),
    );
    expect(statuses('/api/workspaces/{ws}/datasets', 'post')).not.toContain('201');
    expect(statuses('/api/workspaces/{ws}/datasets/jobs/{jobId}', 'get')).toEqual(
      expect.arrayContaining(['200', '404']),
    );
    expect(statuses('/api/workspaces/{ws}/datasets/jobs/{jobId}', 'delete')).toEqual(
      expect.arrayContaining(['200', '403', '404', '409']),
    );
  });

  it('given a memory ceiling of 64 MB, when an import needs more, then it fails with a plain message, nothing is stored, and the server goes on importing', async () => {
    const tight = await createTestApi(
      {},
      { importJobs: { memoryMb: 64 }, importLimits: { ...defaultImportLimits, maxActivities: 1_000_000 } },
    );
    try {
      await tight.addUser('Ed', { ws: 'w1', role: 'editor' });
      const c = await tight.signIn('Ed');
      // a different activity on every row: the analysis holds a string and an edge for each
      const heavy =
        'case,activity,timestamp\n' +
        Array.from(
          { length: 300_000 },
          (_, i) =>
            `C-${i % 1000},Activity with a long distinct name number ${i},2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z\n`,
        ).join('');
      const res = await importNow(c, 'w1', {
        uploadId: await uploadBytes(tight, 'Ed', 'heavy.csv', new TextEncoder().encode(heavy)),
        name: 'Heavy',
        mapping,
      });
      const body = (await res.json()) as Json;
      expect(body['error']).toMatchObject({
        code: 'out_of_memory',
        message: expect.stringMatching(
          /needed more than the 64 MB .*WAYMARK_IMPORT_MEMORY_MB.*nothing was stored/,
        ),
      });
      expect((await tight.stores.datasets.listDatasets(ws)).length).toBe(0);
      expect((await tight.app.request('/api/health')).status).toBe(200);
      const after = await importNow(c, 'w1', {
        uploadId: await uploadBytes(tight, 'Ed', 'small.csv', new TextEncoder().encode(small)),
        name: 'Small',
        mapping,
      });
      expect(after.status, await after.clone().text()).toBe(201);
    } finally {
      await tight.close();
    }
  }, 120_000);

  it('given a .csv.gz that expands to 10 GB, when uploaded and imported with the default limits, then the preview shows its first rows and the import fails naming the limit, storing nothing', async () => {
    const guarded = await createTestApi();
    try {
      await guarded.addUser('Ed', { ws: 'w1', role: 'editor' });
      const c = await guarded.signIn('Ed');
      const dir = mkdtempSync(join(tmpdir(), 'waymark-jobs-'));
      const path = join(dir, 'bomb.csv.gz');
      await writeGzipBomb(path, {
        header: 'case,activity,timestamp\n',
        row: 'C-1,Visit,2026-01-01T00:00:00Z\n',
        expandedBytes: 10 * 1024 * MB,
      });
      const { uploadId, preview } = await uploadFile(guarded, 'Ed', 'calls.csv.gz', readFileSync(path));
      rmSync(dir, { recursive: true, force: true });
      expect(preview).toMatchObject({ format: 'csv', columns: ['case', 'activity', 'timestamp'] });
      expect(preview.rows[0]).toEqual(['C-1', 'Visit', '2026-01-01T00:00:00Z']);
      const res = await importNow(c, 'w1', { uploadId, name: 'Bomb', mapping });
      expect(res.status).toBe(400);
      expect((await res.json()) as Json).toMatchObject({
        error: {
          code: 'invalid_log',
          message: expect.stringMatching(/expands more than 100 times.*WAYMARK_EXPANSION_RATIO/),
        },
        reason: 'too_large',
      });
      expect((await guarded.stores.datasets.listDatasets(ws)).length).toBe(0);
    } finally {
      await guarded.close();
    }
  }, 120_000);
});
