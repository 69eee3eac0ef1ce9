import { errorStatus } from '../api-error';
import type { JobView } from '../routes/dataset-jobs';
import { PASSWORD, type Client, type TestApi } from './test-api';

const finished = (j: JobView) => j.state !== 'queued' && j.state !== 'running';

/** Asks after an import job (as its starter, when `client` is theirs) until `until` holds; returns the job. */
export async function waitForJob(
  client: Client,
  ws: string,
  id: string,
  until: (job: JobView) => boolean = finished,
  timeoutMs = 60_000,
): Promise<JobView> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.request('GET', `/api/workspaces/${ws}/datasets/jobs/${id}`);
    if (res.status !== 200) throw new Error(`job ${id}: ${res.status} ${await res.text()}`);
    const job = (await res.json()) as JobView;
    if (until(job)) return job;
    if (finished(job))
      throw new Error(
        `job ${id} ended (${job.state}) before the awaited moment: ${JSON.stringify(job.error)}`,
      );
    if (Date.now() > end)
      throw new Error(`job ${id} still ${job.state} (${job.phase}) after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Starts an import and waits for its job, answering as the import did when it was one request: 201 with the
 * dataset, or the job's error with its status. Anything but 202 from the start is returned as it came.
 */
export async function importNow(client: Client, ws: string, body: unknown): Promise<Response> {
  const started = await client.request('POST', `/api/workspaces/${ws}/datasets`, body);
  if (started.status !== 202) return started;
  const job = await waitForJob(client, ws, ((await started.json()) as JobView).id);
  if (job.state === 'succeeded') {
    const d = await client.request('GET', `/api/workspaces/${ws}/datasets/${job.datasetId}`);
    return new Response(await d.text(), { status: 201, headers: { 'content-type': 'application/json' } });
  }
  const { code, message, path, ...extra } = job.error ?? { code: 'internal_error', message: job.state };
  return new Response(JSON.stringify({ error: { code, message, path: path ?? null }, ...extra, job }), {
    status: errorStatus[code as keyof typeof errorStatus] ?? 422,
    headers: { 'content-type': 'application/json' },
  });
}

/** Uploads a file's bytes as `name` would (the test client sends only text and JSON); returns the upload id. */
export async function uploadBytes(...args: Parameters<typeof uploadFile>): Promise<string> {
  return (await uploadFile(...args)).uploadId;
}

/** The same, answering the upload: its id and the preview of the file. */
export async function uploadFile(
  t: TestApi,
  name: string,
  fileName: string,
  bytes: Uint8Array,
  ws = 'w1',
): Promise<{ uploadId: string; preview: { format: string; columns: string[]; rows: string[][] } }> {
  const res = await t.app.request('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${name.toLowerCase()}@example.org`, password: PASSWORD }),
  });
  const cookie = /waymark_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const up = await t.app.request(
    `/api/workspaces/${ws}/datasets/uploads?name=${encodeURIComponent(fileName)}`,
    {
      method: 'POST',
      headers: {
        cookie: `waymark_session=${cookie}`,
        'x-csrf-token': csrfToken,
        'content-type': 'application/octet-stream',
      },
      body: bytes as Uint8Array<ArrayBuffer>,
    },
  );
  if (up.status !== 201) throw new Error(`upload of ${fileName}: ${up.status} ${await up.text()}`);
  return (await up.json()) as Awaited<ReturnType<typeof uploadFile>>;
}
