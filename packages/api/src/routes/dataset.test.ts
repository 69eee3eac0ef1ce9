import { gunzipSync, gzipSync } from 'node:zlib';
import { changeOfAddressScenario, contactLogCsv } from '@waymark/analytics';
import type { JourneyId } from '@waymark/core';
import { sampleJourney, type WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNow, uploadFile } from '../testing/import-jobs';
import { createTestApi, seedJourney, type Client, type TestApi } from '../testing/test-api';

const ws = 'w1' as WorkspaceId;
const base = '/api/workspaces/w1/datasets';
const log = `case,activity,timestamp,channel,team,resource
C-1001,Report noise,2026-01-05T09:00:00Z,Phone,Contact centre,Alice Smith
C-1001,Chase progress,2026-01-12T09:00:00Z,Phone,Contact centre,Bob Jones
C-1001,Visit,2026-01-19T09:00:00Z,,ASB team,Carol White
C-1002,Report noise,2026-02-02T10:00:00Z,Web,Contact centre,Alice Smith
C-1002,Visit,2026-02-04T10:00:00Z,,ASB team,Carol White
C-1003,Report noise,2026-02-10T10:00:00Z,Phone,Contact centre,Bob Jones
C-1003,Visit,not a date,,ASB team,Carol White
`;
const mapping = {
  case: 'case',
  activity: 'activity',
  timestamp: 'timestamp',
  channel: 'channel',
  org: 'team',
  resource: 'resource',
};
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('datasets through the API', () => {
  let t: TestApi;
  let ed: Client;
  let vi: Client;
  const upload = async (body: string | Uint8Array, name = 'log.csv', client = ed) =>
    client.request('POST', `${base}/uploads?name=${encodeURIComponent(name)}`, body as string, {
      'content-type': 'text/csv',
    });
  const uploadId = async (body: string, name = 'log.csv') =>
    ((await (await upload(body, name)).json()) as Json)['uploadId'] as string;
  const datasetCount = async () => (await t.stores.datasets.listDatasets(ws)).length;

  beforeAll(async () => {
    // Given: Ed edits and Vi views workspace w1, which holds journey j1 with steps s1..s3.
    t = await createTestApi({ limits: { uploadBytes: 64 * 1024 } });
    await t.addUser('Ed', { ws: 'w1', role: 'editor' });
    await t.addUser('Vi', { ws: 'w1', role: 'viewer' });
    await t.addUser('Otto', { ws: 'w2', role: 'owner' });
    await seedJourney(t, ws, 'j1');
    ed = await t.signIn('Ed');
    vi = await t.signIn('Vi');
  });
  afterAll(() => t.close());

  it('given a CSV, when uploaded, mapped, analysed, filtered, attached, refreshed and detached, then the figures follow on the journey', async () => {
    // upload → preview
    const res = await upload(log);
    expect(res.status).toBe(201);
    const up = (await res.json()) as Json;
    expect(up['preview']).toMatchObject({
      format: 'csv',
      columns: ['case', 'activity', 'timestamp', 'channel', 'team', 'resource'],
      suggested: mapping,
    });
    expect(up['preview'].rows).toHaveLength(7);
    // analyse
    const made = await importNow(ed, 'w1', { uploadId: up['uploadId'], name: 'Noise log', mapping });
    expect(made.status, await made.clone().text()).toBe(201);
    const d = (await made.json()) as Json;
    expect(d).toMatchObject({
      name: 'Noise log',
      fileName: 'log.csv',
      cases: 3,
      events: 6,
      rejectedRows: 1,
      hasRaw: false,
    });
    expect(d['rejections']).toEqual([
      {
        line: 8,
        field: 'timestamp',
        code: 'bad_timestamp',
        values: { value: 'not a date', expected: 'iso' },
        reason: expect.stringMatching(/"not a date" is not a date-time/),
      },
    ]);
    expect(d['result'].dfg.edges).toContainEqual(
      expect.objectContaining({ from: 'Report noise', to: 'Visit', count: 1 }),
    );
    // the upload is gone once analysed
    const again = await importNow(ed, 'w1', { uploadId: up['uploadId'], name: 'Twice', mapping });
    expect(again.status).toBe(404);
    // listed, and readable by a viewer
    const list = (await (await vi.request('GET', base)).json()) as Json;
    expect(list['items'].map((i: Json) => i['name'])).toContain('Noise log');
    // filtered by channel: only the cases whose first contact was by phone
    const phone = (await (await vi.request('GET', `${base}/${d['id']}?channel=Phone`)).json()) as Json;
    expect(phone['result'].log).toMatchObject({ cases: 2, events: 4 });
    expect(phone['result'].filter).toEqual({ channel: 'Phone' });
    const bad = await vi.request('GET', `${base}/${d['id']}?from=January`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json)['error'].path).toBe('from');
    // suggestion, then attach to j1
    const sug = (await (
      await vi.request('GET', `${base}/${d['id']}/attachment/suggestion?journeyId=j1`)
    ).json()) as Json;
    expect(sug['activities'].map((a: Json) => a['activity']).sort()).toEqual([
      'Chase progress',
      'Report noise',
      'Visit',
    ]);
    const steps = { 'Report noise': 's1', 'Chase progress': 's2', Visit: 's3' };
    const att = await ed.request('PUT', `${base}/${d['id']}/attachment`, {
      journeyId: 'j1',
      baseVersion: 1,
      steps,
    });
    expect(att.status, await att.clone().text()).toBe(200);
    const attached = (await att.json()) as Json;
    expect(attached['journey']).toEqual({ id: 'j1', version: 2 });
    const j = (await t.stores.journeys.getJourney(ws, 'j1' as JourneyId))!;
    const measured = j.journey.cards.filter((c) => c.kind === 'metric' && c.origin === 'log');
    const contactsAt = (col: string) =>
      measured.find((c) => c.columnId === col && c.kind === 'metric' && c.metric === 'contacts');
    expect(contactsAt('s1')).toMatchObject({ value: 1, sourceId: `ds-${d['id']}` });
    expect(contactsAt('s2')).toMatchObject({ value: 0.33 });
    expect(j.journey.sources.map((s) => s.id)).toContain(`ds-${d['id']}`);
    // stale journey version: refused, nothing changes
    const stale = await ed.request('POST', `${base}/${d['id']}/attachment/refresh`, { baseVersion: 1 });
    expect(stale.status).toBe(409);
    const refreshed = await ed.request('POST', `${base}/${d['id']}/attachment/refresh`, { baseVersion: 2 });
    expect(((await refreshed.json()) as Json)['journey']).toEqual({ id: 'j1', version: 3 });
    const after = (await t.stores.journeys.getJourney(ws, 'j1' as JourneyId))!;
    expect(after.journey.cards.filter((c) => c.kind === 'metric' && c.origin === 'log')).toHaveLength(
      measured.length,
    );
    // detach: the lane, cards and source go
    const det = await ed.request('DELETE', `${base}/${d['id']}/attachment?baseVersion=3`);
    expect(det.status).toBe(200);
    const plain = (await t.stores.journeys.getJourney(ws, 'j1' as JourneyId))!;
    expect(plain.journey.cards).toEqual(sampleJourney('j1').cards);
    expect(plain.journey.sources).toEqual(sampleJourney('j1').sources);
    expect((await t.stores.datasets.getDataset(ws, d['id']))?.journeyId).toBeNull();
  }, 120_000); // imports are jobs in worker threads: slow to start on a loaded machine

  it('given an imported log, when stored, then case ids and names appear only pseudonymised and the upload is not kept', async () => {
    const id = await uploadId(log);
    const d = (await (await importNow(ed, 'w1', { uploadId: id, name: 'Private', mapping })).json()) as Json;
    const stored = await t.stores.datasets.getDataset(ws, d['id']);
    const events = Buffer.from(gunzipSync((await t.stores.datasets.getEvents(ws, d['id']))!)).toString(
      'latin1',
    );
    for (const secret of ['C-1001', 'Alice Smith', 'Bob Jones', 'Carol White']) {
      expect(JSON.stringify(stored)).not.toContain(secret);
      expect(events).not.toContain(secret);
    }
    expect(events).toMatch(/p_[0-9a-f]{16}/);
    expect(await t.stores.datasets.getRaw(ws, d['id'])).toBeNull();
    expect((await ed.request('GET', `${base}/${d['id']}/raw`)).status).toBe(404);
  }, 120_000); // imports are jobs in worker threads: slow to start on a loaded machine

  it('given keepRaw, when analysed, then the upload is kept, downloadable by an editor only, and deletable', async () => {
    const id = await uploadId(log);
    const d = (await (
      await importNow(ed, 'w1', { uploadId: id, name: 'Kept', mapping, keepRaw: true })
    ).json()) as Json;
    expect(d['hasRaw']).toBe(true);
    const raw = await ed.request('GET', `${base}/${d['id']}/raw`);
    expect(await raw.text()).toBe(log);
    expect((await vi.request('GET', `${base}/${d['id']}/raw`)).status).toBe(403);
    expect((await ed.request('DELETE', `${base}/${d['id']}/raw`)).status).toBe(204);
    expect((await ed.request('GET', `${base}/${d['id']}/raw`)).status).toBe(404);
  }, 120_000); // imports are jobs in worker threads: slow to start on a loaded machine

  it('given bad files, when uploaded or analysed, then the error names the problem and line, and nothing is stored', async () => {
    const before = await datasetCount();
    const empty = await upload('');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as Json)['error'].message).toMatch(/empty/);
    const binary = await upload('PK\u0003\u0004\u0000\u0000\u0008\u0000', 'log.csv');
    expect(binary.status).toBe(400);
    expect(((await binary.json()) as Json)['error'].message).toMatch(
      /^not a text file \(byte 5, on line 1, is a zero byte\)/,
    );
    const huge = await upload('x'.repeat(70 * 1024));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as Json)['error'].message).toMatch(/larger than/);
    // an unmapped column: the mapping names one the file does not have
    const id = await uploadId(log);
    const missing = await importNow(ed, 'w1', {
      uploadId: id,
      name: 'X',
      mapping: { ...mapping, channel: 'medium' },
    });
    expect(missing.status).toBe(400);
    const m = ((await missing.json()) as Json)['error'];
    expect(m).toMatchObject({ code: 'invalid_log', path: 'mapping' });
    expect(m.message).toMatch(/no column named "medium" for channel/);
    // every row malformed: the first rejection is named with its line
    const dates = await uploadId('case,activity,timestamp\nA,Report,soon\nB,Report,later\n');
    const none = await importNow(ed, 'w1', {
      uploadId: dates,
      name: 'X',
      mapping: { case: 'case', activity: 'activity', timestamp: 'timestamp' },
    });
    expect(none.status).toBe(400);
    const noneBody = (await none.json()) as Json;
    expect(noneBody['error'].message).toMatch(
      /none of the 2 rows could be read; the first, line 2 \(timestamp\)/,
    );
    // the screen says it from the catalogue by the rows' codes and values, not from the message
    expect(noneBody).toMatchObject({
      rows: 2,
      rejections: [
        { line: 2, field: 'timestamp', code: 'bad_timestamp', values: { value: 'soon' } },
        { line: 3, field: 'timestamp', code: 'bad_timestamp', values: { value: 'later' } },
      ],
    });
    // an unclosed quote
    const quote = await uploadId('case,activity,timestamp\nA,"Report,2026-01-01\nB,Visit,2026-01-02\n');
    const q = await importNow(ed, 'w1', {
      uploadId: quote,
      name: 'X',
      mapping: { case: 'case', activity: 'activity', timestamp: 'timestamp' },
    });
    expect(q.status).toBe(400);
    const qBody = (await q.json()) as Json;
    expect(qBody['error'].message).toMatch(/line 2/);
    expect(qBody).toMatchObject({ reason: 'unclosed_quote', line: 2 });
    expect(await datasetCount()).toBe(before);
  }, 120_000); // imports are jobs in worker threads: slow to start on a loaded machine

  it('given a dataset, when a new journey is derived from it and the dataset deleted, then the journey stays and the dataset is gone', async () => {
    const csv = contactLogCsv({ events: 3000, seed: 5, scenario: changeOfAddressScenario, openCases: 50 });
    const big = await createTestApi();
    await big.addUser('Ed', { ws: 'w1', role: 'editor' });
    const c = await big.signIn('Ed');
    const up = (await (
      await c.request('POST', `${base}/uploads?name=coa.csv`, csv, { 'content-type': 'text/csv' })
    ).json()) as Json;
    const m = {
      case: 'case_id',
      activity: 'activity',
      timestamp: 'timestamp',
      channel: 'channel',
      org: 'team',
    };
    const d = (await (
      await importNow(c, 'w1', { uploadId: up['uploadId'], name: 'Moves', mapping: m })
    ).json()) as Json;
    expect(d['events']).toBe(3000);
    const derived = await c.request('POST', `${base}/${d['id']}/journey`, {
      title: 'Moving home as measured',
    });
    expect(derived.status).toBe(201);
    const j = (await derived.json()) as Json;
    expect(j['journey'].columns.map((col: Json) => col['label'])).toContain('Report change of address');
    expect((await c.request('DELETE', `${base}/${d['id']}`)).status).toBe(204);
    expect((await c.request('GET', `${base}/${d['id']}`)).status).toBe(404);
    expect(await big.stores.journeys.getJourney(ws, j['id'] as JourneyId)).not.toBeNull();
    await big.close();
  }, 120_000); // imports are jobs in worker threads: slow to start on a loaded machine

  it('given an XES.gz log, when uploaded and analysed with the suggested mapping, then the XES keys are used and both traces are read', async () => {
    const xes = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0">
  <trace><string key="concept:name" value="T-1"/>
    <event><string key="concept:name" value="Report"/><date key="time:timestamp" value="2026-01-05T09:00:00.000+00:00"/><string key="org:group" value="Contact centre"/></event>
    <event><string key="concept:name" value="Visit"/><date key="time:timestamp" value="2026-01-07T09:00:00.000+00:00"/><string key="org:group" value="ASB team"/></event>
  </trace>
  <trace><string key="concept:name" value="T-2"/>
    <event><string key="concept:name" value="Report"/><date key="time:timestamp" value="2026-02-05T09:00:00.000+00:00"/><string key="org:group" value="Contact centre"/></event>
  </trace>
</log>`;
    const up = (await uploadFile(t, 'Ed', 'noise.xes.gz', gzipSync(Buffer.from(xes)))) as Json;
    expect(up['preview']).toMatchObject({
      format: 'xes',
      suggested: {
        case: 'case:concept:name',
        activity: 'concept:name',
        timestamp: 'time:timestamp',
        org: 'org:group',
      },
    });
    const made = await importNow(ed, 'w1', {
      uploadId: up['uploadId'],
      name: 'XES',
      mapping: up['preview'].suggested,
    });
    expect(made.status, await made.clone().text()).toBe(201);
    expect((await made.json()) as Json).toMatchObject({ format: 'xes', cases: 2, events: 3 });
  }, 120_000); // imports are jobs in worker threads: slow to start on a loaded machine

  it("given another workspace's dataset id, when read by its outsider, then it is not found", async () => {
    const id = await uploadId(log);
    const d = (await (await importNow(ed, 'w1', { uploadId: id, name: 'Ours', mapping })).json()) as Json;
    const otto = await t.signIn('Otto');
    expect((await otto.request('GET', `/api/workspaces/w2/datasets/${d['id']}`)).status).toBe(404);
    expect((await otto.request('GET', `${base}/${d['id']}`)).status).toBe(404);
  }, 120_000); // imports are jobs in worker threads: slow to start on a loaded machine
});
