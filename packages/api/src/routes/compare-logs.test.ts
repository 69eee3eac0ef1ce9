import type { Journey } from '@waymark/core';
import type { CompareLogs } from '@waymark/measure';
import { sampleJourney, type WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, seedJourney, type Client, type TestApi } from '../testing/test-api';
import { seedDataset } from './dataset.examples';

const ws = 'w1' as WorkspaceId;

describe('Compare beside event logs (issue 13 items 1, 4, 5)', () => {
  let t: TestApi;
  let vi: Client;
  const compare = (query: string) => vi.request('GET', `/api/workspaces/w1/compare?${query}`);

  beforeAll(async () => {
    t = await createTestApi();
    await t.addUser('Vi', { ws, role: 'viewer' });
    vi = await t.signIn('Vi');
    const j = sampleJourney('jr');
    const journey: Journey = { ...j, meta: { ...j.meta, outcomeRule: { activity: 'Visit' } } };
    await seedJourney(t, ws, journey);
    // the log is not attached to the journey: Compare measures the compared journey's own outcome rule
    await seedDataset(t, 'log1');
  });
  afterAll(() => t.close());

  it("given currentLog, then the JSON carries that log's figures, measuring the journey's outcome, as the dataset page computes them", async () => {
    const res = await compare('current=jr&desired=jr&currentLog=log1');
    expect(res.status, await res.clone().text()).toBe(200);
    const { logs } = (await res.json()) as { logs: CompareLogs };
    expect(logs.desired).toBeNull();
    expect(logs.current?.dataset).toEqual({ id: 'log1', name: 'Log log1', cases: 2 });
    expect(logs.current?.successfulOutcome).toMatchObject({
      reached: 1,
      cases: 2,
      share: 0.5,
      ruleMatchesLog: true,
    });
    // the same figure the dataset page gives for the same rule
    const page = await vi.request('GET', '/api/workspaces/w1/datasets/log1?sco=Visit');
    type Reached = { reached: number; share: number; interval: { low: number; high: number } };
    const onPage = ((await page.json()) as { result: { successfulOutcome: Reached } }).result
      .successfulOutcome;
    expect(logs.current?.successfulOutcome).toMatchObject({
      reached: onPage.reached,
      share: onPage.share,
      interval: { low: onPage.interval.low, high: onPage.interval.high },
    });
    // case A changes team once (Contact centre to ASB team); case B never does
    expect(logs.current?.handOffs).toMatchObject({ total: 1, casesWithHandoff: 1, cases: 2, share: 0.5 });
  });

  it('given no log, then logs is null and the comparison is as before', async () => {
    const res = await compare('current=jr&desired=jr');
    expect(((await res.json()) as { logs: unknown }).logs).toBeNull();
  });

  it('given a log that is not in the workspace, then 404 names the field', async () => {
    const res = await compare('current=jr&desired=jr&desiredLog=nope');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; path: string; message: string } };
    expect(body.error).toMatchObject({ code: 'dataset_not_found', path: 'desiredLog' });
    expect(body.error.message).toContain('desiredLog: no dataset "nope"');
  });

  it('given the downloads, then Markdown, HTML and CSV carry the log figures with their source and interval', async () => {
    for (const [format, pattern] of [
      [
        'md',
        /## From the event logs[\s\S]*From the log “Log log1”, 2 cases[\s\S]*1 of 2 cases, 50% \(95% interval/,
      ],
      [
        'html',
        /<h2>From the event logs<\/h2>[\s\S]*1 of 2 cases, 50% \(95% interval[\s\S]*<\/section>\n<\/body><\/html>/,
      ],
      [
        'csv',
        /^Section,Figure,Current,Desired,Change\r\n[\s\S]*From the event logs,Successful Customer Outcome reached,/,
      ],
    ] as const) {
      const res = await compare(
        `current=jr&desired=jr&currentLog=log1&desiredLog=log1&format=${format}&locale=en`,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`compare-jr-jr.${format}`);
      expect(await res.text()).toMatch(pattern);
    }
  });

  it('given format=pdf, then the HTML report with the log figures is printed to a PDF', async () => {
    const res = await compare('current=jr&desired=jr&currentLog=log1&format=pdf');
    expect(res.status, res.status === 200 ? '' : await res.text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  }, 60_000);
});
