import { analyseLog, encodeEvents, importCsv, toJsonReport } from '@waymark/analytics';
import type { UserId, WorkspaceId } from '@waymark/store';
import { seedJourney, type TestApi } from '../testing/test-api';
import { smallLog } from './improvement.examples';

type Example = { path: string; body?: unknown; headers?: Record<string, string> };
const ws = 'w1' as WorkspaceId;
const datasets = '/api/workspaces/w1/datasets';

/** A dataset of `smallLog` in w1, written straight to the store (case ids hashed by a stand-in). */
export async function seedDataset(t: TestApi, id: string, raw = false): Promise<void> {
  const imported = await importCsv(
    (async function* () {
      yield new TextEncoder().encode(smallLog);
    })(),
  );
  const result = toJsonReport(analyseLog(imported.store), imported.report);
  const made = await t.stores.datasets.createDataset({
    workspaceId: ws,
    id,
    name: `Log ${id}`,
    fileName: 'small.csv',
    format: 'csv',
    sizeBytes: smallLog.length,
    mapping: imported.report.mapping,
    options: {},
    cases: result.log.cases,
    events: result.log.events,
    rejectedRows: 0,
    rejections: [],
    result,
    eventsBlob: encodeEvents(imported.store, (s) => `p_${s}`),
    ...(raw ? { raw: new TextEncoder().encode(smallLog) } : {}),
    by: null,
    at: t.caps.clock().toISOString(),
  });
  if (!made.ok) throw new Error(made.error.message);
}

async function freshJourney(t: TestApi, id: string): Promise<string> {
  await seedJourney(t, ws, id);
  return id;
}

/** An upload waiting for its mapping, made by Ed (the editor: uploads belong to whoever sent them). */
async function uploadByEd(t: TestApi): Promise<string> {
  const ed = await t.signIn('Ed');
  const res = await ed.request('POST', `${datasets}/uploads?name=small.csv`, smallLog, {
    'content-type': 'text/csv',
  });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { uploadId: string }).uploadId;
}

/** An import job started by Ed (it stays queued in the authorisation test, which gives imports no slot). */
async function jobByEd(t: TestApi): Promise<string> {
  const ed = await t.signIn('Ed');
  const res = await ed.request('POST', datasets, {
    uploadId: await uploadByEd(t),
    name: 'Queued',
    mapping: { case: 'case', activity: 'activity', timestamp: 'timestamp' },
  });
  if (res.status !== 202) throw new Error(`import failed to start: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function attached(t: TestApi, n: number): Promise<string> {
  const id = `att-${n}`;
  await seedDataset(t, id);
  const journeyId = await freshJourney(t, `att-j-${n}`);
  await t.stores.datasets.setAttachment(ws, id, {
    journeyId,
    attachment: { steps: { 'Report noise': 's1', Visit: 's3' }, measures: [] },
    by: 'u-olive' as UserId,
    at: t.caps.clock().toISOString(),
  });
  return id;
}

/** Example requests for the authorisation matrix (authorisation.test.ts), one per dataset route. */
export const datasetExamples: Record<string, (t: TestApi, n: number) => Promise<Example> | Example> = {
  'POST /api/workspaces/{ws}/datasets/uploads': () => ({
    path: `${datasets}/uploads?name=small.csv`,
    body: smallLog,
    headers: { 'content-type': 'text/csv' },
  }),
  'DELETE /api/workspaces/{ws}/datasets/uploads/{uploadId}': async (t) => ({
    path: `${datasets}/uploads/${await uploadByEd(t)}`,
  }),
  'POST /api/workspaces/{ws}/datasets': async (t, n) => ({
    path: datasets,
    body: {
      uploadId: await uploadByEd(t),
      name: `Noise ${n}`,
      mapping: { case: 'case', activity: 'activity', timestamp: 'timestamp', channel: 'channel' },
    },
  }),
  'GET /api/workspaces/{ws}/datasets/jobs/{jobId}': async (t) => ({
    path: `${datasets}/jobs/${await jobByEd(t)}`,
  }),
  'DELETE /api/workspaces/{ws}/datasets/jobs/{jobId}': async (t) => ({
    path: `${datasets}/jobs/${await jobByEd(t)}`,
  }),
  'GET /api/workspaces/{ws}/datasets': () => ({ path: datasets }),
  'GET /api/workspaces/{ws}/datasets/{datasetId}': async (t, n) => {
    await seedDataset(t, `get-${n}`);
    return { path: `${datasets}/get-${n}?channel=Phone` };
  },
  'DELETE /api/workspaces/{ws}/datasets/{datasetId}': async (t, n) => {
    await seedDataset(t, `del-${n}`);
    return { path: `${datasets}/del-${n}` };
  },
  'GET /api/workspaces/{ws}/datasets/{datasetId}/raw': async (t, n) => {
    await seedDataset(t, `raw-${n}`, true);
    return { path: `${datasets}/raw-${n}/raw` };
  },
  'DELETE /api/workspaces/{ws}/datasets/{datasetId}/raw': async (t, n) => {
    await seedDataset(t, `rawdel-${n}`, true);
    return { path: `${datasets}/rawdel-${n}/raw` };
  },
  'GET /api/workspaces/{ws}/datasets/{datasetId}/attachment/suggestion': async (t, n) => {
    await seedDataset(t, `sug-${n}`);
    return { path: `${datasets}/sug-${n}/attachment/suggestion?journeyId=j1` };
  },
  'PUT /api/workspaces/{ws}/datasets/{datasetId}/attachment': async (t, n) => {
    await seedDataset(t, `put-${n}`);
    return {
      path: `${datasets}/put-${n}/attachment`,
      body: {
        journeyId: await freshJourney(t, `put-j-${n}`),
        baseVersion: 1,
        steps: { 'Report noise': 's1' },
      },
    };
  },
  'POST /api/workspaces/{ws}/datasets/{datasetId}/attachment/refresh': async (t, n) => ({
    path: `${datasets}/${await attached(t, n)}/attachment/refresh`,
    body: { baseVersion: 1 },
  }),
  'DELETE /api/workspaces/{ws}/datasets/{datasetId}/attachment': async (t, n) => ({
    path: `${datasets}/${await attached(t, n)}/attachment?baseVersion=1`,
  }),
  'POST /api/workspaces/{ws}/datasets/{datasetId}/journey': async (t, n) => {
    await seedDataset(t, `der-${n}`);
    return { path: `${datasets}/der-${n}/journey`, body: { title: `Derived ${n}` } };
  },
};
