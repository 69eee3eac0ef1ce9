import type { Journey, journeyTypes } from '@waymark/core';
import { paragraph, stack } from './text-block';
import { theme } from './theme';

type JourneyType = (typeof journeyTypes)[number];

export const journeyTypeLabels: Record<JourneyType, string> = {
  current: 'Current journey (as is)',
  desired: 'Desired journey (to be)',
  case: 'Case journey (one person, dated)',
  'life-course': 'Life course (by age)',
};

/** The title block: title, journey type, segment, status and owner, and the business question. */
export function layOutTitle(journey: Journey, width: number) {
  const { meta } = journey;
  const facts = [
    journeyTypeLabels[meta.journeyType],
    meta.segment ? `Segment: ${meta.segment}` : undefined,
    `Status: ${meta.status}`,
    meta.owner ? `Owner: ${meta.owner}` : undefined,
  ].filter((f) => f !== undefined);
  return stack(
    [
      paragraph(meta.title, width, { size: theme.size.title, weight: 'bold' }),
      paragraph(facts.join('  ·  '), width, { size: theme.size.subtitle, fill: theme.colour.muted }),
      ...(meta.businessQuestion
        ? [paragraph(`Business question: ${meta.businessQuestion}`, width, { size: theme.size.subtitle })]
        : []),
    ],
    3,
  );
}
