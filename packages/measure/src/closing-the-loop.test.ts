import { parseJourney, type Journey } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { detectClosedLoop } from './closing-the-loop';
import { compareJourneys } from './compare/compare';
import { renderComparisonMarkdown } from './compare/compare-report';

const lanes = [
  { id: 'steps', kind: 'step', label: 'Steps' },
  { id: 'tp', kind: 'touchpoint', label: 'Touchpoints' },
];

function journey(id: string, cards: Record<string, unknown>[], columns?: Record<string, unknown>[]): Journey {
  const r = parseJourney({
    schemaVersion: 2,
    id,
    meta: { title: id, journeyType: 'current' },
    lanes,
    columns: columns ?? [
      { id: 'apply', label: 'Applies for a grab rail' },
      { id: 'fit', label: 'Rail fitted' },
      { id: 'after', label: 'Afterwards' },
    ],
    cards: cards.map((c, i) => ({
      id: `c${i}`,
      laneId: 'tp',
      kind: 'touchpoint',
      channel: 'telephone',
      ...c,
    })),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('detectClosedLoop: an outbound "was it OK?" contact at or after the delivery step', () => {
  it('given an outbound "was it OK?" call after the step that says the rail was fitted, then the loop is closed', () => {
    const j = journey('j', [
      { columnId: 'apply', text: 'Rings to ask for a rail', direction: 'inbound' },
      { columnId: 'after', text: 'Calls to ask if it was OK', direction: 'outbound' },
    ]);
    expect(detectClosedLoop(j)).toEqual({
      closed: true,
      deliveryColumnId: 'fit',
      deliveryLabel: 'Rail fitted',
      deliveryFound: 'words',
      confirmations: ['c1'],
    });
  });

  it('given the same words on an INBOUND contact (the customer chasing), then the loop is not closed', () => {
    const j = journey('j', [
      { columnId: 'after', text: 'Rings to ask if it was OK to use yet', direction: 'inbound' },
    ]);
    expect(detectClosedLoop(j).closed).toBe(false);
  });

  it('given a "was it OK?" call BEFORE delivery, then it does not close the loop', () => {
    const j = journey('j', [{ columnId: 'apply', text: 'Follow-up call', direction: 'outbound' }]);
    expect(detectClosedLoop(j)).toMatchObject({ closed: false, deliveryColumnId: 'fit' });
  });

  it('given a touchpoint marked confirmsDelivery, then its words do not matter; marked false, then words do not count', () => {
    const marked = journey('j', [
      { columnId: 'after', text: 'Text message', direction: 'outbound', confirmsDelivery: true },
    ]);
    expect(detectClosedLoop(marked).closed).toBe(true);
    const unmarked = journey('j', [
      {
        columnId: 'after',
        text: 'Survey about something else',
        direction: 'outbound',
        confirmsDelivery: false,
      },
    ]);
    expect(detectClosedLoop(unmarked).closed).toBe(false);
  });

  it('given no step that says it delivered, then delivery is the last step without a confirmation', () => {
    const j = journey(
      'j',
      [{ columnId: 'b', text: 'Asks whether it went well', direction: 'outbound' }],
      [
        { id: 'a', label: 'First' },
        { id: 'b', label: 'Second' },
      ],
    );
    expect(detectClosedLoop(j)).toMatchObject({
      closed: true,
      deliveryColumnId: 'a',
      deliveryFound: 'last-step',
    });
  });

  it('given current without and desired with the call, then Compare carries both and its report says which closes the loop', () => {
    const current = journey('Now', []);
    const desired = journey('Later', [
      { columnId: 'after', text: '“Was it OK?” call', direction: 'outbound' },
    ]);
    const c = compareJourneys(current, desired);
    expect([c.current.closedLoop.closed, c.desired.closedLoop.closed]).toEqual([false, true]);
    const md = renderComparisonMarkdown(c);
    expect(md).toContain(
      'Loop not closed on “Now”: no outbound “was it OK?” contact at or after “Rail fitted”.',
    );
    expect(md).toContain('Loop closed on “Later”');
  });
});
