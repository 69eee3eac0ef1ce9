import type { ServerMessage } from '@waymark/api';
import {
  applyCommand,
  createJourneyFromTemplate,
  restoreCommand,
  type Journey,
  type JourneyCommand,
} from '@waymark/core';
import { describe, expect, it } from 'vitest';
import {
  createLiveState,
  liveReducer,
  takeOutgoing,
  type LiveAction,
  type LiveState,
} from '../../state/live-sync';

/**
 * A restore is an ordinary edit on the live route: it reaches others as an applied version of commands, a
 * participant with edits not yet confirmed keeps them on top of it, and the person who restored can undo it
 * as one step.
 */
const made = createJourneyFromTemplate('melton', { id: 'j', title: 'ASB' });
if (!made.ok) throw new Error('template');
const v1: Journey = made.value;
const run = (state: LiveState, ...actions: LiveAction[]) =>
  actions.reduce((s, a) => liveReducer(applyCommand, s, a), state);
const msg = (message: ServerMessage): LiveAction => ({ type: 'message', message });
const addCard = (id: string, text: string, columnId = 'step-1'): JourneyCommand => ({
  type: 'card.add',
  item: { id, kind: 'step', laneId: 'key-steps', columnId, text } as never,
});
const after = (j: Journey, c: JourneyCommand) => {
  const r = applyCommand(j, c);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.journey;
};
const welcomed = (tab: string, journey: Journey, version: number) =>
  run(
    createLiveState(tab, journey, version),
    msg({
      type: 'welcome',
      version,
      you: { connection: tab, user: { id: tab, name: tab }, role: 'editor' },
      missed: [],
    }),
  );
const texts = (s: LiveState) => s.journey.cards.map((c) => ('text' in c ? c.text : '')).filter(Boolean);

describe('a restore on the live route', () => {
  const v2 = after(v1, addCard('later', 'Added later'));
  const restore = restoreCommand(v2, v1, 1)!;

  it('given a participant with an unconfirmed card, when a restore arrives, then the restore applies under it and the card stays', () => {
    const bob = run(welcomed('bob', v2, 2), {
      type: 'local',
      command: addCard('bobs', 'Bob’s new card', 'step-2'),
    });
    const sent = takeOutgoing(bob).state;
    const next = run(
      sent,
      msg({ type: 'applied', version: 3, commands: [restore], by: { id: 'ann', name: 'Ann' } }),
    );
    expect(texts(next)).toContain('Bob’s new card');
    expect(texts(next)).not.toContain('Added later');
    expect([next.version, next.pending.length]).toEqual([3, 1]);
    expect(next.notices).toEqual([]);
  });

  it('given the person who restored, then it goes out as one submit and one Undo takes it back', () => {
    const ann = run(welcomed('ann', v2, 2), { type: 'local', command: restore });
    expect(texts(ann)).not.toContain('Added later');
    const { state, submits } = takeOutgoing(ann);
    expect(submits.map((s) => s.commands)).toEqual([[restore]]);
    const confirmed = run(
      state,
      msg({ type: 'applied', version: 3, commands: [restore], by: { id: 'ann', name: 'Ann' }, clientSeq: 1 }),
    );
    const undone = run(confirmed, { type: 'undo' });
    expect(undone.journey).toEqual(v2);
  });
});
