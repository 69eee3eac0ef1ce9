import { describe, expect, it } from 'vitest';
import { journeySchema, type Journey } from '../journey/schema';
import { applyCommand } from './apply';
import type { JourneyCommand } from './schema';

/** A large map: 60 steps in 6 stages, 10 lanes, a card in every cell (600 cards), 30 links. */
function sixtyStepJourney(): Journey {
  const kinds = [
    'step',
    'touchpoint',
    'feeling',
    'emotion',
    'pain-point',
    'lever',
    'text',
    'moment-of-truth',
    'metric',
    'text',
  ] as const;
  const fields: Record<string, Record<string, unknown>> = {
    step: { text: 'Step' },
    touchpoint: { text: 'Call', channel: 'telephone' },
    feeling: { text: 'Worried' },
    emotion: { score: -20 },
    'pain-point': { text: 'Waits' },
    lever: { text: 'Text updates', category: 'comms' },
    text: { text: 'Note' },
    'moment-of-truth': { text: 'Decision' },
    metric: { metric: 'contacts', value: 2 },
  };
  const columns = Array.from({ length: 60 }, (_, i) => ({
    id: `col${i}`,
    label: `Step ${i}`,
    stageId: `stage${Math.floor(i / 10)}`,
  }));
  const lanes = kinds.map((kind, i) => ({ id: `lane${i}`, kind, label: `Lane ${i}` }));
  return journeySchema.parse({
    schemaVersion: 2,
    id: 'big',
    meta: { title: 'Sixty steps', journeyType: 'current' },
    stages: Array.from({ length: 6 }, (_, i) => ({ id: `stage${i}`, name: `Stage ${i}` })),
    columns,
    lanes,
    cards: columns.flatMap((c) =>
      lanes.map((l) => ({
        id: `${l.id}-${c.id}`,
        kind: l.kind,
        laneId: l.id,
        columnId: c.id,
        ...fields[l.kind],
      })),
    ),
    links: Array.from({ length: 30 }, (_, i) => ({
      id: `link${i}`,
      kind: 'hand-off',
      from: { columnId: `col${i * 2}`, cardId: `lane0-col${i * 2}` },
      to: { kind: 'column', columnId: `col${i * 2 + 1}` },
    })),
    ideas: [{ id: 'idea', title: 'Idea', leverCardIds: ['lane5-col3', 'lane5-col40'] }],
  });
}

const edits = (i: number): JourneyCommand[] =>
  [
    { type: 'card.update', id: `lane3-col${i % 60}`, patch: { score: (i % 200) - 100 } },
    { type: 'card.move', id: `lane0-col${i % 60}`, columnId: `col${(i * 7) % 60}`, toIndex: 0 },
    {
      type: 'card.add',
      item: { id: `new${i}`, kind: 'text', laneId: 'lane6', columnId: `col${i % 60}`, text: 'Added' },
    },
    { type: 'column.update', id: `col${i % 60}`, patch: { label: `Renamed ${i}` } },
    { type: 'lane.move', id: 'lane2', toIndex: i % 10 },
  ] as JourneyCommand[];

describe('applyCommand speed', () => {
  it('given a 60-step journey with 600 cards, then a command applies in well under a millisecond', () => {
    let j = sixtyStepJourney();
    const commands = Array.from({ length: 400 }, (_, i) => edits(i)).flat();
    const started = performance.now();
    for (const command of commands) {
      const r = applyCommand(j, command);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      j = r.value.journey;
    }
    const perCommandMs = (performance.now() - started) / commands.length;
    console.log(
      `applyCommand on a 60-step, ${j.cards.length}-card journey: ${(perCommandMs * 1000).toFixed(1)} µs a command, ${Math.round(1000 / perCommandMs)} commands/s`,
    );
    expect(j.cards).toHaveLength(1000);
    // Generous bound for a shared 2-core machine; typical figures are far lower (printed above).
    expect(perCommandMs).toBeLessThan(1);
  });

  it('given a column with 10 cards and links is removed and restored, then both directions are fast', () => {
    const j = sixtyStepJourney();
    let removeMs = 0;
    let undoMs = 0;
    for (let i = 0; i < 400; i++) {
      const t0 = performance.now();
      const r = applyCommand(j, { type: 'column.remove', id: `col${i % 60}` } as JourneyCommand);
      const t1 = performance.now();
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const back = applyCommand(r.value.journey, r.value.inverse);
      undoMs += performance.now() - t1;
      removeMs += t1 - t0;
      if (!back.ok) throw new Error(JSON.stringify(back.error));
    }
    const perPairMs = (removeMs + undoMs) / 400;
    console.log(
      `column.remove ${((removeMs / 400) * 1000).toFixed(1)} µs, its undo (a batch of 13) ${((undoMs / 400) * 1000).toFixed(1)} µs`,
    );
    expect(perPairMs).toBeLessThan(5);
  });
});
