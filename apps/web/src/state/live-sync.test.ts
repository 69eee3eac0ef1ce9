import type { ServerMessage } from '@waymark/api';
import {
  applyCommand,
  applyCommands,
  createJourneyFromTemplate,
  type Journey,
  type JourneyCommand,
} from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { createLiveState, liveReducer, takeOutgoing, type LiveAction, type LiveState } from './live-sync';

const made = createJourneyFromTemplate('melton', { id: 'j', title: 'ASB' });
if (!made.ok) throw new Error('template');
const start: Journey = made.value;
const run = (state: LiveState, ...actions: LiveAction[]) =>
  actions.reduce((s, a) => liveReducer(applyCommand, s, a), state);
const msg = (message: ServerMessage): LiveAction => ({ type: 'message', message });
const welcome = (version: number, journey?: Journey): Extract<ServerMessage, { type: 'welcome' }> => ({
  type: 'welcome',
  version,
  you: { connection: 'c', user: { id: 'u-ann', name: 'Ann' }, role: 'editor' },
  ...(journey ? { journey } : { missed: [] }),
});
const addCard = (id: string, text: string, columnId = 'step-1'): JourneyCommand => ({
  type: 'card.add',
  item: { id, kind: 'step', laneId: 'key-steps', columnId, text } as never,
});
const retext = (id: string, text: string): JourneyCommand => ({
  type: 'card.update',
  id: id as never,
  patch: { text },
});
const applied = (version: number, commands: JourneyCommand[], by = 'Bob', clientSeq?: number): LiveAction =>
  msg({
    type: 'applied',
    version,
    commands,
    by: { id: `u-${by.toLowerCase()}`, name: by },
    ...(clientSeq ? { clientSeq } : {}),
  });
const textOf = (s: LiveState, id: string) =>
  (s.journey.cards.find((c) => c.id === id) as { text?: string } | undefined)?.text;
/** The server's journey after these commands. */
const server = (journey: Journey, ...commands: JourneyCommand[]) => {
  const r = applyCommands(journey, commands);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.journey;
};
const online = () => run(createLiveState('tab-ann', start, 1), msg(welcome(1)));
const send = (s: LiveState) => takeOutgoing(s);

describe('live sync engine', () => {
  it('given an unconfirmed edit, when someone else edits another card, then both show at once and the edit stays pending on the new version', () => {
    const s0 = run(online(), { type: 'local', command: addCard('mine', 'Mine') });
    const { state: s1, submits } = send(s0);
    expect(submits).toEqual([
      { type: 'submit', clientSeq: 1, baseVersion: 1, commands: [addCard('mine', 'Mine')] },
    ]);
    const s2 = run(s1, applied(2, [addCard('theirs', 'Theirs', 'step-2')]));
    expect([textOf(s2, 'mine'), textOf(s2, 'theirs'), s2.version, s2.pending.length]).toEqual([
      'Mine',
      'Theirs',
      2,
      1,
    ]);
    expect(s2.confirmed).toEqual(server(start, addCard('theirs', 'Theirs', 'step-2')));
    const s3 = run(s2, applied(3, [addCard('mine', 'Mine')], 'Ann', 1));
    expect([s3.pending, s3.version]).toEqual([[], 3]);
    expect(s3.journey).toEqual(server(start, addCard('theirs', 'Theirs', 'step-2'), addCard('mine', 'Mine')));
  });

  it('given my confirmed words in a card, when someone else replaces them, then I am told whose words replaced mine, with mine kept to get back', () => {
    const s0 = run(online(), { type: 'local', command: addCard('c1', 'Phoned twice') });
    const s1 = run(send(s0).state, applied(2, [addCard('c1', 'Phoned twice')], 'Ann', 1));
    const s2 = run(s1, applied(3, [retext('c1', 'Wrote a letter')]));
    expect(textOf(s2, 'c1')).toBe('Wrote a letter');
    expect(s2.notices).toEqual([
      expect.objectContaining({
        kind: 'replaced',
        target: { type: 'card', id: 'c1' },
        field: 'text',
        by: 'Bob',
        yours: 'Phoned twice',
        message: 'Bob changed this card’s text after you. Your words: “Phoned twice”',
      }),
    ]);
    const notice = s2.notices[0]!;
    if (notice.kind !== 'replaced') throw new Error('expected replaced');
    const s3 = run(s2, { type: 'local', command: notice.restore });
    expect(textOf(s3, 'c1')).toBe('Phoned twice');
    // A second replacement of words that were not mine is not mine to be told about.
    expect(run(s2, applied(4, [retext('c1', 'Emailed')])).notices).toHaveLength(1);
    // Once my words are back (put back by anyone, or the other person's undo), the notice goes.
    expect(run(s2, applied(4, [retext('c1', 'Phoned twice')])).notices).toEqual([]);
    // Once the card is deleted, there is nothing to put back: the notice goes.
    expect(run(s2, applied(4, [{ type: 'card.remove', id: 'c1' as never }])).notices).toEqual([]);
  });

  it('given an unconfirmed edit of a card, when someone else deletes its step, then my edit is dropped with the reason and its undo goes with it', () => {
    const s0 = run(online(), { type: 'local', command: addCard('c9', 'Late card', 'step-3') });
    const s1 = run(send(s0).state, applied(2, [{ type: 'column.remove', id: 'step-3' as never }]));
    expect(s1.pending).toEqual([]);
    expect(s1.undo).toEqual([]);
    expect(s1.journey).toEqual(s1.confirmed);
    expect(s1.notices).toEqual([
      expect.objectContaining({
        kind: 'dropped',
        message:
          'Your new card “Late card” was not added, because Bob deleted the step “Step 3” it was on. Add it to another step if you still need it.',
      }),
    ]);
  });

  it('given edits made offline, when someone else deleted the step of one of them meanwhile, then on reconnecting only that one is dropped, in words, and the others go out', () => {
    const s0 = run(
      online(),
      { type: 'disconnected' },
      { type: 'local', command: addCard('a', 'Kept one', 'step-1') },
      { type: 'local', command: addCard('b', 'Lost one', 'step-3') },
      { type: 'local', command: retext('a', 'Kept, reworded') },
    );
    expect(send(s0).submits).toEqual([]);
    const s1 = run(
      s0,
      msg({
        ...welcome(2),
        missed: [
          {
            type: 'applied',
            version: 2,
            commands: [{ type: 'column.remove', id: 'step-3' as never }],
            by: { id: 'u-bob', name: 'Bob' },
          },
        ],
      }),
    );
    expect([textOf(s1, 'a'), textOf(s1, 'b')]).toEqual(['Kept, reworded', undefined]);
    expect(send(s1).submits.map((m) => [m.clientSeq, m.baseVersion, m.commands])).toEqual([
      [1, 2, [addCard('a', 'Kept one', 'step-1')]],
      [3, 2, [retext('a', 'Kept, reworded')]],
    ]);
    expect(s1.notices.map((n) => n.message)).toEqual([
      'Your new card “Lost one” was not added, because Bob deleted the step “Step 3” it was on. Add it to another step if you still need it.',
    ]);
    // Its undo went with it: undo takes back the rewording, then the first card.
    expect(s1.undo).toHaveLength(2);
    // Put away by its id.
    expect(run(s1, { type: 'dismiss', id: s1.notices[0]!.id }).notices).toEqual([]);
  });

  it('given an edit of a card someone else deleted, then it is dropped saying who deleted that card', () => {
    const s0 = run(online(), applied(2, [addCard('c1', 'Old words')]));
    const s1 = run(s0, { type: 'local', command: retext('c1', 'New words') });
    const s2 = run(send(s1).state, applied(3, [{ type: 'card.remove', id: 'c1' as never }], 'Cy'));
    expect(s2.notices.map((n) => n.message)).toEqual([
      'Your change to the card “New words” (“New words”) was not kept, because Cy deleted that card.',
    ]);
  });

  it('given the welcome, then the engine knows who this tab is', () => {
    expect(online().you).toEqual({ connection: 'c', user: { id: 'u-ann', name: 'Ann' }, role: 'editor' });
  });

  it("given my edit and then others' edits, when I undo, then only my edit is reversed, by a new submit on the current version", () => {
    const s0 = run(online(), { type: 'local', command: addCard('c1', 'First') });
    const s1 = run(send(s0).state, applied(2, [addCard('c1', 'First')], 'Ann', 1), {
      type: 'local',
      command: retext('c1', 'Second'),
    });
    const s2 = run(send(s1).state, applied(3, [retext('c1', 'Second')], 'Ann', 2));
    const s3 = run(s2, applied(4, [addCard('bob', 'Bob card', 'step-2')]));
    const s4 = run(s3, { type: 'undo' });
    expect([textOf(s4, 'c1'), textOf(s4, 'bob')]).toEqual(['First', 'Bob card']);
    const out = send(s4).submits;
    expect(out).toEqual([
      {
        type: 'submit',
        clientSeq: 3,
        baseVersion: 4,
        commands: [{ type: 'card.update', id: 'c1', patch: { text: 'First' } }],
      },
    ]);
    expect(textOf(run(s4, { type: 'redo' }), 'c1')).toBe('Second');
  });

  it('given the connection drops, then edits keep queuing and nothing is sent until the welcome; then they go out on the latest version', () => {
    const s0 = run(online(), { type: 'local', command: addCard('a', 'A') });
    const s1 = run(send(s0).state, { type: 'disconnected' }, { type: 'local', command: addCard('b', 'B') });
    expect(send(s1).submits).toEqual([]);
    expect([textOf(s1, 'a'), textOf(s1, 'b')]).toEqual(['A', 'B']);
    const s2 = run(
      s1,
      msg({
        ...welcome(2),
        missed: [
          {
            type: 'applied',
            version: 2,
            commands: [addCard('x', 'X', 'step-2')],
            by: { id: 'u-bob', name: 'Bob' },
          },
        ],
      }),
    );
    const out = send(s2).submits;
    // The batch sent before the drop is sent again under its own number (the server recognises a repeat).
    expect(out.map((m) => [m.clientSeq, m.baseVersion, m.commands])).toEqual([
      [1, 2, [addCard('a', 'A')]],
      [2, 2, [addCard('b', 'B')]],
    ]);
  });

  it("given a submit the server refuses, then it is dropped with the catalogue's words for the code (never the server's) and the map is the server's plus my other edits", () => {
    const s0 = run(online(), { type: 'local', command: addCard('a', 'A') });
    const s1 = run(send(s0).state, { type: 'local', command: addCard('b', 'B', 'step-2') });
    const s2 = run(
      s1,
      msg({
        type: 'rejected',
        clientSeq: 1,
        code: 'forbidden',
        message: 'your change was not saved: needs the editor role',
        path: null,
      }),
    );
    expect([textOf(s2, 'a'), textOf(s2, 'b')]).toEqual([undefined, 'B']);
    expect(s2.notices.at(-1)).toMatchObject({
      kind: 'dropped',
      message:
        'Your new card “A” was not added. Your role does not allow that. Ask an owner of the workspace if you need to do it.',
    });
  });

  it('given a version that skips one, then the engine asks to resync rather than guess', () => {
    expect(run(online(), applied(3, [addCard('x', 'X')])).needsResync).toBe(true);
  });

  it('given a resent submit the server had already stored, then it leaves pending without changing the map', () => {
    const s0 = run(online(), { type: 'local', command: addCard('a', 'A') });
    const s1 = run(send(s0).state, { type: 'disconnected' });
    const stored = server(start, addCard('a', 'A'));
    const s2 = run(s1, msg({ ...welcome(2, stored), acked: [1] }));
    expect([s2.pending, s2.journey]).toEqual([[], stored]);
    const s3 = run(online(), { type: 'local', command: addCard('a', 'A') }, msg(welcome(1)));
    const s4 = run(
      send(s3).state,
      applied(2, [addCard('a', 'A')], 'Ann'),
      msg({ type: 'duplicate', clientSeq: 1 }),
    );
    expect([s4.pending, s4.journey]).toEqual([[], stored]);
  });
});
