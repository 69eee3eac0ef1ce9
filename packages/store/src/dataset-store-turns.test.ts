import { expect, it } from 'vitest';
import type { WorkspaceId } from './records';
import { createTestStores } from './test-database';

/**
 * Issue 9 §3: storing a large dataset must not keep the embedded database (which runs on the server's own
 * thread) from answering everyone else until it is done. Counted, not timed: other queries sent one after
 * another while a 12 MB log is stored get their answers between its parts. Before the parts (one INSERT of
 * the whole blob) they waited behind it and only one or two were answered while it was being stored.
 */
it('given a 12 MB log being stored in PGlite, when another request queries meanwhile, then its queries are answered between the parts, dozens of times before the dataset appears', async () => {
  const stores = await createTestStores();
  try {
    const ws = 'w1' as WorkspaceId;
    await stores.accounts.createUser({
      id: 'ann' as never,
      email: 'a@example.org',
      name: 'Ann',
      at: '2026-01-01T00:00:00Z',
    });
    await stores.accounts.createWorkspace({
      id: ws,
      name: 'Council',
      ownerId: 'ann' as never,
      at: '2026-01-01T00:00:00Z',
    });
    const eventsBlob = Uint8Array.from({ length: 12 * 1024 * 1024 }, (_, i) => (i * 31) & 0xff);
    let storing = true;
    let answered = 0;
    const others = (async () => {
      while (storing) {
        // Requests arrive as I/O events, each on a turn of the event loop of its own.
        await new Promise((resolve) => setImmediate(resolve));
        await stores.sql.query('SELECT count(*) FROM workspaces');
        if (storing) answered++;
      }
    })();
    const made = await stores.datasets.createDataset({
      workspaceId: ws,
      id: 'big',
      name: 'Big log',
      fileName: 'big.csv',
      format: 'csv',
      sizeBytes: eventsBlob.byteLength,
      mapping: {},
      options: {},
      cases: 1,
      events: 1,
      rejectedRows: 0,
      rejections: [],
      result: {},
      eventsBlob,
      by: null,
      at: '2026-01-01T00:00:00Z',
    });
    storing = false;
    await others;
    expect(made.ok).toBe(true);
    // 48 parts of 256 KiB: the other request is answered after nearly every one.
    expect(answered).toBeGreaterThanOrEqual(24);
    expect(Buffer.from((await stores.datasets.getEvents(ws, 'big'))!).equals(Buffer.from(eventsBlob))).toBe(
      true,
    );
  } finally {
    await stores.close();
  }
});
