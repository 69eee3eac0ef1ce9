import type { JourneyCommand } from '@waymark/core';
import type { Role } from '@waymark/store';
import { describe, expect, it } from 'vitest';
import {
  applyWorkshopAction,
  emptyWorkshop,
  firstStructureCommand,
  lockedFor,
  workshopActionSchema,
  workshopOf,
  type WorkshopAction,
  type WorkshopState,
} from './workshop';

const T = 1_800_000_000_000;
const actor = (name: string, role: Role) => ({
  user: { id: `u-${name.toLowerCase()}`, name },
  role,
  connection: `c-${name}`,
});
const ann = actor('Ann', 'owner');
const bob = actor('Bob', 'editor');
const cat = actor('Cat', 'viewer');
const dee = actor('Dee', 'commenter');

function run(state: WorkshopState, action: WorkshopAction, who = bob, now = T): WorkshopState {
  const result = applyWorkshopAction(state, action, who, now);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.state;
}
function refusal(state: WorkshopState, action: WorkshopAction, who: typeof bob, now = T) {
  const result = applyWorkshopAction(state, action, who, now);
  if (result.ok) throw new Error(`expected ${action.type} by ${who.user.name} to be refused`);
  return result;
}
const started = (who = bob) => run(emptyWorkshop, { type: 'workshop.start' }, who);

describe('workshop reducer: who runs it', () => {
  it('given no workshop, when an editor starts one, then they are the facilitator and the revision goes up by one', () => {
    const state = started();
    expect(state.facilitator).toEqual({ id: 'u-bob', name: 'Bob' });
    expect(state.revision).toBe(1);
  });

  it('given a viewer or commenter, when they start a workshop, then it is refused with their role for the words', () => {
    for (const who of [cat, dee]) {
      const r = refusal(emptyWorkshop, { type: 'workshop.start' }, who);
      expect(r).toMatchObject({ code: 'run_needs_editor', values: { role: who.role } });
    }
  });

  it('given a guest editor from a workshop link, when they start or take over a workshop, then it is refused in words', () => {
    const guest = { ...actor('Gus', 'editor'), guest: true };
    expect(refusal(emptyWorkshop, { type: 'workshop.start' }, guest).code).toBe('guest_cannot_run');
    expect(refusal(started(), { type: 'workshop.takeOver' }, { ...guest, role: 'owner' }).code).toBe(
      'guest_cannot_run',
    );
  });

  it('given Bob facilitating, when another editor starts one, then it is refused; an owner can take over, an editor cannot', () => {
    const state = started();
    const carl = actor('Carl', 'editor');
    expect(refusal(state, { type: 'workshop.start' }, carl)).toMatchObject({
      code: 'workshop_running',
      values: { facilitator: 'Bob' },
    });
    expect(refusal(state, { type: 'workshop.takeOver' }, carl)).toMatchObject({
      code: 'take_over_needs_owner',
    });
    expect(run(state, { type: 'workshop.takeOver' }, ann).facilitator).toEqual({ id: 'u-ann', name: 'Ann' });
  });

  it('given a running workshop with a lock and a timer, when the facilitator ends it, then everything is off but the revision keeps counting', () => {
    let state = started();
    state = run(state, { type: 'lock.set', locked: true });
    state = run(state, { type: 'timer.start', label: 'Pain points', minutes: 5 });
    const ended = run(state, { type: 'workshop.end' });
    expect(ended).toEqual({ ...emptyWorkshop, revision: state.revision + 1 });
    expect(refusal(state, { type: 'workshop.end' }, actor('Carl', 'editor')).code).toBe('not_facilitator');
  });
});

describe('workshop reducer: follow, lock and timer are the facilitator’s', () => {
  const facilitatorOnly: WorkshopAction[] = [
    { type: 'follow.start', view: { mode: 'map' } },
    { type: 'follow.stop' },
    { type: 'lock.set', locked: true },
    { type: 'timer.start', label: 'Ideas', minutes: 3 },
    { type: 'timer.stop' },
  ];

  it('given no workshop, when anyone tries them, then they are refused with what to do', () => {
    for (const action of facilitatorOnly) {
      const r = refusal(emptyWorkshop, action, ann);
      expect(r).toMatchObject({ code: 'no_workshop', values: {} });
    }
  });

  it('given Bob facilitating, when an owner who is not the facilitator, a viewer or another editor tries them, then each is refused naming the facilitator', () => {
    const state = started();
    for (const who of [ann, cat, actor('Carl', 'editor')]) {
      for (const action of facilitatorOnly) {
        const r = refusal(state, action, who);
        expect(r).toMatchObject({ code: 'not_facilitator', values: { facilitator: 'Bob' } });
      }
    }
  });

  it('given a facilitator demoted to viewer mid-workshop, when they act, then they are refused with their role', () => {
    const state = started();
    expect(refusal(state, { type: 'lock.set', locked: true }, { ...bob, role: 'viewer' })).toMatchObject({
      code: 'run_needs_editor',
      values: { role: 'viewer' },
    });
  });

  it('given following on, when the facilitator moves, then the view follows; stopping clears it; a move after stopping changes nothing', () => {
    let state = run(started(), { type: 'follow.start', view: { mode: 'map', columnId: 's1' } }, bob, T);
    expect(state.follow).toEqual({ view: { mode: 'map', columnId: 's1' }, since: T });
    state = run(state, { type: 'follow.view', view: { mode: 'present', slide: 3 } }, bob, T + 5);
    expect(state.follow).toEqual({ view: { mode: 'present', slide: 3 }, since: T });
    state = run(state, { type: 'follow.stop' });
    expect(state.follow).toBeNull();
    expect(run(state, { type: 'follow.view', view: { mode: 'map' } }).follow).toBeNull();
  });

  it('given a timer, when it is extended before and after it ran out, then the time is added to its end or to now', () => {
    let state = run(started(), { type: 'timer.start', label: 'Pain points', minutes: 5 }, bob, T);
    expect(state.timer).toEqual({ label: 'Pain points', startedAt: T, endsAt: T + 300_000 });
    state = run(state, { type: 'timer.extend', minutes: 1 }, bob, T + 60_000);
    expect(state.timer!.endsAt).toBe(T + 360_000);
    state = run(state, { type: 'timer.extend', minutes: 2 }, bob, T + 400_000);
    expect(state.timer!.endsAt).toBe(T + 520_000);
    expect(run(state, { type: 'timer.stop' }).timer).toBeNull();
    expect(refusal(run(state, { type: 'timer.stop' }), { type: 'timer.extend', minutes: 1 }, bob).code).toBe(
      'no_timer',
    );
  });

  it('given the lock, then only people other than the facilitator are held back, and only by structure commands', () => {
    const state = run(started(), { type: 'lock.set', locked: true });
    expect(lockedFor(state, 'u-bob')).toBe(false);
    expect(lockedFor(state, 'u-ann')).toBe(true);
    expect(lockedFor(run(state, { type: 'lock.set', locked: false }), 'u-ann')).toBe(false);
    const card = { type: 'card.remove', id: 'c1' } as unknown as JourneyCommand;
    const step = { type: 'column.remove', id: 's1' } as unknown as JourneyCommand;
    const lane = { type: 'lane.update', id: 'l1', patch: { label: 'x' } } as unknown as JourneyCommand;
    const stage = { type: 'stage.add', item: {} } as unknown as JourneyCommand;
    expect(firstStructureCommand([card])).toBe(-1);
    expect(firstStructureCommand([card, step])).toBe(1);
    expect(firstStructureCommand([lane])).toBe(0);
    expect(firstStructureCommand([stage])).toBe(0);
    expect(firstStructureCommand([card, { type: 'batch', commands: [card, step] }])).toBe(1);
  });
});

describe('workshop actions as they arrive', () => {
  it('given messages from a browser, then the schema keeps known actions and refuses unknown ones, bad labels and out-of-range minutes', () => {
    expect(
      workshopActionSchema.safeParse({ type: 'timer.start', label: ' Ideas ', minutes: 5 }),
    ).toMatchObject({
      success: true,
      data: { label: 'Ideas' },
    });
    for (const bad of [
      { type: 'timer.start', label: '', minutes: 5 },
      { type: 'timer.start', label: 'a\u0000b', minutes: 5 },
      { type: 'timer.start', label: 'x'.repeat(81), minutes: 5 },
      { type: 'timer.start', label: 'Ideas', minutes: 0 },
      { type: 'timer.extend', minutes: 181 },
      { type: 'lock.set', locked: 'yes' },
      { type: 'follow.view', view: { mode: 'elsewhere' } },
      { type: 'workshop.start', extra: 1 },
      { type: 'nothing.at.all' },
    ])
      expect(workshopActionSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('given a stored workshop missing fields added later, then it reads with their empty values and the stored revision', () => {
    expect(workshopOf({ state: { structureLocked: true }, revision: 7 })).toEqual({
      ...emptyWorkshop,
      structureLocked: true,
      revision: 7,
    });
    expect(workshopOf(null)).toBe(emptyWorkshop);
  });
});
