import type { JourneyFilter } from './journey-store';
import type { JourneySummary, StoredJourney, UserId, WorkspaceId } from './records';

/** What an append changes in its journey's row of the list. */
interface Appended {
  readonly seq: number;
  readonly id: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly meta: Pick<
    StoredJourney['journey']['meta'],
    'title' | 'journeyType' | 'status' | 'owner' | 'segment' | 'reviewDate'
  >;
  readonly by: UserId | null;
}

interface WorkspaceLists {
  /** The unfiltered list of journeys not deleted, as the database would answer it now; null when not known. */
  list: JourneySummary[] | null;
  /** Appends counted, and those made while a list is being read, to bring that list up to date. */
  seq: number;
  log: Appended[];
  reading: number;
  /** Changes that add, remove or reorder journeys (create, delete, undelete, purge), counted as they start and end. */
  reshapes: number;
}

const LOG_SIZE = 512;
const isPlain = (f: JourneyFilter) => !f.q && !f.type && !f.status && !f.owner && f.deleted !== true;

/**
 * The journey list of each workspace, kept current by the writes made through the same process: an append
 * changes one row's version, time, author and listed fields, which are patched in place, so a workshop's stream
 * of edits does not make every list a query. Anything that adds, removes or reorders rows (a new journey, a
 * deletion, a new title) drops the list, and it is read again. Only exact when this process is the database's
 * only writer (the embedded database; see createCachedJourneyStore). Filtered lists always ask the database.
 */
export function createJourneyListCache(
  load: (ws: WorkspaceId, filter: JourneyFilter) => Promise<JourneySummary[]>,
) {
  const workspaces = new Map<string, WorkspaceLists>();
  /** Users' names, learned from lists (names do not change; an unknown author drops the list instead). */
  const names = new Map<string, string>();
  const of = (ws: string) => {
    let w = workspaces.get(ws);
    if (!w) workspaces.set(ws, (w = { list: null, seq: 0, log: [], reading: 0, reshapes: 0 }));
    return w;
  };
  /** Applies one append to the list in place; false when it cannot (the list must be read again). */
  const patch = (list: JourneySummary[], { id, version, updatedAt, meta, by }: Appended): boolean => {
    const i = list.findIndex((j) => j.id === id);
    const name = by === null ? null : names.get(by);
    // The fields the database copies out of the document on every write (journey-append.ts, `listed`).
    const { title, journeyType, status, owner, segment, reviewDate } = meta;
    const row = list[i];
    if (!row || name === undefined || row.title !== title) return false;
    if (row.version >= version) return true;
    list[i] = {
      ...row,
      journeyType,
      status,
      owner: owner ?? null,
      segment: segment ?? null,
      reviewDate: reviewDate ?? null,
      version,
      updatedAt,
      updatedBy: by === null || name === null ? null : { id: by, name },
    };
    return true;
  };
  return {
    async list(ws: WorkspaceId, filter: JourneyFilter = {}): Promise<JourneySummary[]> {
      if (!isPlain(filter)) return load(ws, filter);
      const w = of(ws);
      if (w.list) return [...w.list];
      const [seq, reshapes] = [w.seq, w.reshapes];
      w.reading++;
      let items: JourneySummary[];
      try {
        items = await load(ws, filter);
      } finally {
        w.reading--;
      }
      for (const j of items) if (j.updatedBy) names.set(j.updatedBy.id, j.updatedBy.name);
      // Appends that finished while it was read may or may not be in it: apply them (versions only go up).
      const since = w.log.filter((a) => a.seq > seq);
      const covered = since.length === w.seq - seq;
      if (w.reading === 0) w.log = [];
      const list = [...items];
      if (w.reshapes === reshapes && covered && since.every((a) => patch(list, a))) w.list = list;
      return items;
    },
    appended(ws: string, stored: StoredJourney, by: UserId | null) {
      const w = of(ws);
      const { title, journeyType, status, owner, segment, reviewDate } = stored.journey.meta;
      const entry: Appended = {
        seq: ++w.seq,
        id: stored.id,
        version: stored.version,
        updatedAt: stored.updatedAt,
        meta: { title, journeyType, status, owner, segment, reviewDate },
        by,
      };
      // Kept only for the lists being read now (a log that overflows makes them be read again next time).
      if (w.reading > 0 && w.log.length < LOG_SIZE) w.log.push(entry);
      if (w.list && !patch(w.list, entry)) w.list = null;
    },
    /** Around a change that adds, removes or reorders journeys: call before it starts and after it ends. */
    reshaping(ws: string | null) {
      for (const w of ws === null ? workspaces.values() : [of(ws)]) {
        w.reshapes++;
        w.list = null;
      }
    },
  };
}
