import { applyCommand, createJourneyFromTemplate, type Journey, type JourneyCommand } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { createEditorState, editorReducer, type EditorAction, type EditorState } from './editor-state';

const made = createJourneyFromTemplate('melton', { id: 'j', title: 'ASB' });
if (!made.ok) throw new Error('template');
const start: Journey = made.value;
const run = (state: EditorState, ...actions: EditorAction[]) =>
  actions.reduce((s, a) => editorReducer(applyCommand, s, a), state);
const rename = (label: string, id = 'step-1'): JourneyCommand => ({
  type: 'column.update',
  id: id as never,
  patch: { label },
});
const addCard = (id: string, text: string, columnId = 'step-1'): JourneyCommand => ({
  type: 'card.add',
  item: { id, kind: 'step', laneId: 'key-steps', columnId, text } as never,
});
const server = (journey: Journey, ...commands: JourneyCommand[]) =>
  commands.reduce((j, c) => {
    const r = applyCommand(j, c);
    if (!r.ok) throw new Error(r.error.message);
    return r.value.journey;
  }, journey);

describe('the editor state machine', () => {
  it('given an edit, when executed, then it shows at once, is pending and can be undone and redone', () => {
    const s1 = run(createEditorState(start, 1), { type: 'execute', command: rename('Reports incident') });
    expect([s1.journey.columns[0]!.label, s1.status, s1.pending.length]).toEqual([
      'Reports incident',
      'unsaved',
      1,
    ]);
    const s2 = run(s1, { type: 'undo' });
    expect(s2.journey.columns[0]!.label).toBe('Step 1');
    expect(s2.pending).toHaveLength(2); // the inverse is sent too: the server follows the undo
    const s3 = run(s2, { type: 'redo' });
    expect(s3.journey.columns[0]!.label).toBe('Reports incident');
    expect([s3.undo.length, s3.redo.length]).toEqual([1, 0]);
  });

  it('given a refused command, when executed, then nothing changes and the reason is kept in plain words', () => {
    const s = run(createEditorState(start, 1), { type: 'execute', command: rename('x', 'no-such-step') });
    expect(s.journey).toBe(start);
    expect(s.pending).toEqual([]);
    expect(s.message).toBe('That step is no longer on the map. Someone may have deleted it.');
  });

  it('given pending edits, when sent and saved while more were made, then the later ones stay pending on the new version', () => {
    const s1 = run(
      createEditorState(start, 1),
      { type: 'execute', command: rename('A') },
      { type: 'execute', command: rename('AB') },
      { type: 'send' },
    );
    expect(s1.inFlight).toEqual([rename('AB')]); // two renames of one step coalesce into one
    expect(s1.status).toBe('saving');
    const s2 = run(s1, { type: 'execute', command: addCard('c1', 'Reports it') });
    const saved = server(start, ...s1.inFlight);
    const s3 = run(s2, { type: 'saved', version: 2, journey: saved });
    expect([s3.version, s3.status, s3.pending.length, s3.inFlight.length]).toEqual([2, 'unsaved', 1, 0]);
    expect(s3.journey.cards.map((c) => c.id)).toEqual(['c1']);
  });

  it('given a failed save, when reported, then the batch returns to pending before later edits and nothing is lost', () => {
    const s1 = run(
      createEditorState(start, 1),
      { type: 'execute', command: rename('A') },
      { type: 'send' },
      { type: 'execute', command: addCard('c1', 'x') },
    );
    const s2 = run(s1, { type: 'save-failed', message: 'offline' });
    expect(s2.pending.map((c) => c.type)).toEqual(['column.update', 'card.add']);
    expect([s2.status, s2.message]).toEqual(['error', 'offline']);
  });

  it('given someone else saved first, when the conflict is reloaded with re-apply, then our edits that still fit are on their version', () => {
    const s1 = run(
      createEditorState(start, 1),
      { type: 'execute', command: rename('Mine') },
      { type: 'execute', command: addCard('c1', 'Card on step 2', 'step-2') },
      { type: 'send' },
    );
    // Meanwhile another session deleted step 2 and renamed step 3.
    const theirs = server(
      start,
      { type: 'column.remove', id: 'step-2' as never },
      rename('Theirs', 'step-3'),
    );
    const s2 = run(s1, { type: 'conflict', version: 3, journey: theirs });
    expect(s2.status).toBe('conflict');
    expect(s2.conflict?.unsent).toHaveLength(2);
    expect(run(s2, { type: 'execute', command: rename('ignored') })).toBe(s2); // no edits while it is undecided
    const s3 = run(s2, { type: 'reload', version: 3, journey: theirs, reapply: true });
    expect(s3.version).toBe(3);
    expect(s3.journey.columns.map((c) => c.label)).toEqual(['Mine', 'Theirs', 'Step 4', 'Step 5', 'Step 6']);
    expect(s3.pending).toEqual([rename('Mine')]);
    expect(s3.message).toMatch(/1 of your changes no longer fit/);
    expect(s3.conflict).toBeNull();
  });

  it('given a conflict, when reloaded without re-applying, then their version shows and nothing is pending', () => {
    const s1 = run(
      createEditorState(start, 1),
      { type: 'execute', command: rename('Mine') },
      { type: 'send' },
    );
    const theirs = server(start, rename('Theirs'));
    const s2 = run(
      s1,
      { type: 'conflict', version: 2, journey: theirs },
      { type: 'reload', version: 2, journey: theirs, reapply: false },
    );
    expect([s2.journey.columns[0]!.label, s2.pending.length, s2.status]).toEqual(['Theirs', 0, 'saved']);
  });

  it('given the server refuses a batch, when reported, then the map goes back to the server’s journey plus later edits', () => {
    const s1 = run(
      createEditorState(start, 1),
      { type: 'execute', command: rename('A') },
      { type: 'send' },
      { type: 'execute', command: addCard('c1', 'x') },
    );
    const s2 = run(s1, { type: 'refused', message: 'no' });
    expect(s2.journey.columns[0]!.label).toBe('Step 1');
    expect(s2.journey.cards.map((c) => c.id)).toEqual(['c1']);
    expect(s2.message).toBe('That change was not saved. no');
  });
});
