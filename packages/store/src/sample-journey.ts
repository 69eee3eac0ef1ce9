import { parseJourney, type Journey } from '@waymark/core';

/**
 * A valid journey for tests and benchmarks: `steps` columns, a step lane and a touchpoint lane with a card in
 * every cell. Built through `parseJourney`, so it is exactly what the API would accept.
 */
export function sampleJourney(
  id: string,
  options: { title?: string; steps?: number; journeyType?: string } = {},
): Journey {
  const steps = options.steps ?? 3;
  const columns = Array.from({ length: steps }, (_, i) => ({ id: `s${i + 1}`, label: `Step ${i + 1}` }));
  const parsed = parseJourney({
    schemaVersion: 2,
    id,
    meta: {
      title: options.title ?? `Journey ${id}`,
      journeyType: options.journeyType ?? 'current',
      owner: 'Customer services',
    },
    columns,
    lanes: [
      { id: 'steps', kind: 'step', label: 'Steps' },
      { id: 'contacts', kind: 'touchpoint', label: 'Touchpoints' },
    ],
    cards: columns.flatMap((c) => [
      {
        id: `${c.id}-step`,
        kind: 'step',
        laneId: 'steps',
        columnId: c.id,
        text: `The customer does ${c.label}`,
      },
      {
        id: `${c.id}-call`,
        kind: 'touchpoint',
        laneId: 'contacts',
        columnId: c.id,
        text: 'Phones the council',
        channel: 'telephone',
      },
    ]),
  });
  if (!parsed.ok) throw new Error(`sampleJourney is invalid: ${JSON.stringify(parsed.error)}`);
  return parsed.value;
}

/** The journey with a new title: stands in for the result of a command in storage tests. */
export const retitled = (journey: Journey, title: string): Journey => ({
  ...journey,
  meta: { ...journey.meta, title },
});
