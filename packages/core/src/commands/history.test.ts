import { describe, expect, it } from 'vitest';
import { asbJourney, deepFreeze } from './asb-journey.fixture';
import { canRedo, canUndo, createHistory, execute, redo, undo, type History } from './history';
import type { JourneyCommand } from './schema';

const journey = () => deepFreeze(asbJourney());
const run = (h: History, c: unknown): History => {
  const r = execute(h, c as JourneyCommand);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.history;
};
const back = (h: History) => {
  const r = undo(h);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const forward = (h: History) => {
  const r = redo(h);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('history', () => {
  it('given a new history, then there is nothing to undo or redo', () => {
    const h = createHistory(journey());
    expect([canUndo(h), canRedo(h)]).toEqual([false, false]);
    expect(undo(h)).toMatchObject({ ok: false, error: { code: 'nothing_to_undo' } });
    expect(redo(h)).toMatchObject({ ok: false, error: { code: 'nothing_to_redo' } });
  });

  it('given two edits, when undone twice and redone twice, then each journey comes back exactly', () => {
    const j0 = journey();
    const h1 = run(createHistory(j0), { type: 'column.remove', id: 'assessed' });
    const h2 = run(h1, { type: 'card.move', id: 't2', columnId: 'incident' });
    const u1 = back(h2);
    expect(u1.history.journey).toEqual(h1.journey);
    expect(u1.applied).toEqual({
      type: 'card.move',
      id: 't2',
      laneId: 'touch',
      columnId: 'reports',
      arrayIndex: 3,
    });
    const u2 = back(u1.history);
    expect(u2.history.journey).toEqual(j0);
    expect([canUndo(u2.history), canRedo(u2.history)]).toEqual([false, true]);
    const r1 = forward(u2.history);
    expect(r1.history.journey).toEqual(h1.journey);
    const r2 = forward(r1.history);
    expect(r2.history.journey).toEqual(h2.journey);
    expect(canRedo(r2.history)).toBe(false);
    expect(back(back(r2.history).history).history.journey).toEqual(j0);
  });

  it('given an undo, when a new command is executed, then the redo stack is cleared', () => {
    const h = back(run(createHistory(journey()), { type: 'stage.remove', id: 'report' })).history;
    expect(canRedo(h)).toBe(true);
    expect(canRedo(run(h, { type: 'meta.update', patch: { title: 'Other' } }))).toBe(false);
  });

  it('given a limit of 2, then only the last two commands can be undone', () => {
    let h = createHistory(journey(), 2);
    for (const title of ['a', 'b', 'c']) h = run(h, { type: 'meta.update', patch: { title } });
    expect(h.past).toHaveLength(2);
    const once = back(h).history;
    expect(back(once).history.journey.meta.title).toBe('a');
    expect(canUndo(back(once).history)).toBe(false);
  });

  it('given a refused command, then the history is unchanged and the error is returned', () => {
    const h = createHistory(journey());
    const r = execute(h, { type: 'card.remove', id: 'nope' } as JourneyCommand);
    expect(r).toMatchObject({ ok: false, error: { code: 'card_not_found' } });
    expect(canUndo(h)).toBe(false);
  });

  it('refuses a negative limit', () => {
    expect(() => createHistory(journey(), -1)).toThrow(/limit/);
  });
});
