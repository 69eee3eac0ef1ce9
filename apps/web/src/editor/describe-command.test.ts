import { createJourneyFromTemplate } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { describeCommand } from './describe-command';

const made = createJourneyFromTemplate('melton', { id: 'j', title: 'T' });
if (!made.ok) throw new Error('template');
const journey = made.value;

describe('commands in words (history panel, unsaved changes after a conflict)', () => {
  it('given additions, updates and removals, when described, then each names what changed and where possible its name', () => {
    expect(
      describeCommand({
        type: 'card.add',
        item: {
          id: 'c',
          kind: 'step',
          laneId: 'key-steps',
          columnId: 'step-1',
          text: 'Reports incident',
        } as never,
      }),
    ).toBe('Added card “Reports incident”');
    expect(
      describeCommand({ type: 'column.update', id: 'step-2' as never, patch: { label: 'Waits' } }, journey),
    ).toBe('Changed step “Step 2” (label)');
    expect(describeCommand({ type: 'lane.remove', id: 'levers' as never }, journey)).toBe(
      'Removed lane “Levers for solution hunting”',
    );
    expect(describeCommand({ type: 'axis.set', axis: { kind: 'ages' } })).toBe('Set the axis to ages');
    expect(
      describeCommand({
        type: 'votes.record',
        round: 'Dot-voting: pain points',
        kinds: ['pain-point'],
        cards: [],
        ideas: [],
      }),
    ).toBe('Recorded the votes of “Dot-voting: pain points”');
  });

  it('given a batch, when described, then its parts are listed', () => {
    expect(
      describeCommand({
        type: 'batch',
        commands: [
          { type: 'stage.add', item: { id: 's', name: 'Report' } as never },
          { type: 'card.update', id: 'x' as never, patch: { score: 5 }, unset: ['note'] },
        ],
      }),
    ).toBe('2 changes: Added stage “Report”; Changed card (score, note)');
  });
});
