import type { JourneyId } from '@waymark/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from './open-store';
import { appendRetitled } from './retitle.fixture';
import type { UserId, WorkspaceId } from './records';
import { sampleJourney } from './sample-journey';
import type { Sql } from './sql';
import { createSqlJourneyStore } from './sql-journey-store';
import { createTestStores, seedOwner } from './test-database';

const T0 = '2026-01-01T09:00:00.000Z';
const ws = 'w1' as WorkspaceId;
const ann = 'ann' as UserId;

describe('group commit of journey appends (PGlite)', () => {
  let stores: Stores;
  let appendStatements: number;
  let documentReads: number;
  let journeys: ReturnType<typeof createSqlJourneyStore>;
  beforeEach(async () => {
    stores = await createTestStores();
    await seedOwner(stores, ann, ws, T0);
    appendStatements = 0;
    documentReads = 0;
    const counting: Sql = {
      ...stores.sql,
      query: (text, params) => {
        if (text.includes('jsonb_to_recordset')) appendStatements++;
        if (/SELECT[^;]*\bdocument\b[^;]*FROM journeys/.test(text)) documentReads++;
        return stores.sql.query(text, params);
      },
    };
    journeys = createSqlJourneyStore(counting);
  });
  afterEach(() => stores.close());

  const retitle = (id: string, baseVersion: number, title: string) =>
    appendRetitled(journeys, { workspaceId: ws, by: ann, at: T0 }, id, baseVersion, title);

  it('given appends to 20 journeys arriving together, when written, then one statement writes them all and each gets its next version and history', async () => {
    for (let i = 0; i < 20; i++) {
      const made = await journeys.createJourney({
        workspaceId: ws,
        journey: sampleJourney(`j${i}`),
        kind: 'create',
        commands: [],
        by: ann,
        at: T0,
      });
      expect(made.ok).toBe(true);
    }
    // j3 twice on the same base: one of the two wins, the other is a conflict, as if it came second
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => retitle(`j${i}`, 1, `Title ${i}`)),
      retitle('j3', 1, 'Rival title'),
    ]);
    expect(appendStatements).toBe(1);
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    const lost = results.filter((r) => !r.ok);
    expect(lost.map((r) => !r.ok && r.error.code)).toEqual(['version_conflict']);
    for (let i = 0; i < 20; i++) {
      const id = `j${i}` as JourneyId;
      const history = await journeys.history(ws, id);
      expect(history.map((h) => [h.version, h.kind, h.detail])).toEqual([
        [1, 'create', null],
        [2, 'commands', null],
      ]);
      const read = await journeys.getJourney(ws, id);
      expect(read?.version).toBe(2);
      if (i !== 3) expect(read?.journey.meta.title).toBe(`Title ${i}`);
      else expect(['Title 3', 'Rival title']).toContain(read?.journey.meta.title);
    }
  });

  it('given a journey just written by an append, when read, then the version probe finds it current and its document is not read back or replayed', async () => {
    await journeys.createJourney({
      workspaceId: ws,
      journey: sampleJourney('j'),
      kind: 'create',
      commands: [],
      by: ann,
      at: T0,
    });
    for (let v = 1; v <= 3; v++) expect((await retitle('j', v, `Title ${v}`)).ok).toBe(true);
    documentReads = 0;
    const read = await journeys.getJourney(ws, 'j' as JourneyId);
    expect(read?.version).toBe(4);
    expect(read?.journey.meta.title).toBe('Title 3');
    expect(documentReads).toBe(0);
    // A conflict answers the current journey from the same probe.
    const lost = await retitle('j', 2, 'Late');
    expect(!lost.ok && lost.error.code === 'version_conflict' && lost.error.current?.version).toBe(4);
    expect(documentReads).toBe(0);
  });
});
