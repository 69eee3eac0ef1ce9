import { describe, expect, it } from 'vitest';
import { applyCommand, applyCommands, parseCommand } from './apply';
import { asbJourney, deepFreeze } from './asb-journey.fixture';
import { expectApplied, expectRefused } from './command-expect.fixture';
import type { JourneyCommand } from './schema';

const journey = () => deepFreeze(asbJourney());

describe('applyCommand: checking the command', () => {
  it('given an unknown command type, then it is refused as invalid_command at type', () => {
    const e = expectRefused(journey(), { type: 'card.explode', id: 's1' });
    expect(e.where).toBe('invalid_command @ type');
    expect(e.message).toMatch(/card\.add/);
  });

  it('given a field of the wrong type, then the path points at it', () => {
    expect(expectRefused(journey(), { type: 'card.remove', id: 5 }).where).toBe('invalid_command @ id');
    expect(expectRefused(journey(), { type: 'column.add', item: { id: 'x' } }).where).toBe(
      'invalid_command @ item.label',
    );
  });

  it('given an unknown field, then it is named', () => {
    const e = expectRefused(journey(), { type: 'stage.remove', id: 'report', force: true });
    expect(e.code).toBe('invalid_command');
    expect(e.message).toContain('"force"');
  });

  it('given a bad command inside a nested batch, then the path goes through the batches', () => {
    const e = expectRefused(journey(), {
      type: 'batch',
      commands: [{ type: 'batch', commands: [{ type: 'card.update', id: 'e1', patch: {}, unset: 7 }] }],
    });
    expect(e.where).toBe('invalid_command @ commands[0].commands[0].unset');
  });

  it('parseCommand fills defaults, e.g. a touchpoint direction', () => {
    const r = parseCommand({
      type: 'card.add',
      item: {
        id: 'x',
        kind: 'touchpoint',
        laneId: 'touch',
        columnId: 'incident',
        text: 'Letter',
        channel: 'letter',
      },
    });
    expect(r.ok && r.value.type === 'card.add' && r.value.item).toMatchObject({ direction: 'inbound' });
  });
});

describe('applyCommand: purity', () => {
  it('given a frozen journey, when a cascading remove applies, then the input is untouched and unchanged lists are shared', () => {
    const j = journey();
    const before = JSON.stringify(j);
    const { journey: next } = expectApplied(j, { type: 'lane.remove', id: 'levers' });
    expect(JSON.stringify(j)).toBe(before);
    expect(next.columns).toBe(j.columns);
    expect(next.personas).toBe(j.personas);
    expect(next.cards).not.toBe(j.cards);
  });
});

describe('batch', () => {
  it('given a batch whose last command fails, then nothing is applied and the path names that command', () => {
    const j = journey();
    const r = applyCommand(j, {
      type: 'batch',
      commands: [
        { type: 'card.remove', id: 's1' },
        { type: 'card.remove', id: 'nope' },
      ],
    } as unknown as JourneyCommand);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'card_not_found', path: ['commands', 1, 'id'] });
  });

  it('given a batch, then later commands see the effect of earlier ones and one inverse undoes all', () => {
    const j = journey();
    const { journey: next, inverse } = expectApplied(j, {
      type: 'batch',
      label: 'Add a contact step',
      commands: [
        { type: 'column.add', item: { id: 'calls-back', label: 'Calls back', stageId: 'resolve' } },
        {
          type: 'card.add',
          item: { id: 's5', kind: 'step', laneId: 'steps', columnId: 'calls-back', text: 'Calls back' },
        },
      ],
    });
    expect(next.cards.at(-1)!.id).toBe('s5');
    expect(inverse).toMatchObject({ type: 'batch', label: 'Add a contact step' });
    expect((inverse as unknown as { commands: JourneyCommand[] }).commands.map((c) => c.type)).toEqual([
      'card.remove',
      'column.remove',
    ]);
  });

  it('applyCommands applies all or none and refuses an empty list', () => {
    const j = journey();
    const r = applyCommands(j, [
      { type: 'stage.update', id: 'report', patch: { name: 'Reporting' } } as JourneyCommand,
      { type: 'stage.remove', id: 'resolve' } as JourneyCommand,
    ]);
    expect(r.ok && r.value.journey.stages.map((s) => s.name)).toEqual(['Reporting']);
    expect(applyCommands(j, []).ok).toBe(false);
  });
});
