import { applyCommand, createJourneyFromTemplate, type Journey } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { quoteCardCommand, type SurveyQuote } from './quote-card';

const journeyOf = (template: string): Journey => {
  const r = createJourneyFromTemplate(template, { id: 'j-quotes' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
let n = 0;
const newId = (prefix: string) => `${prefix}-${++n}`;
const consented: SurveyQuote = {
  surveyName: 'Reporting a problem',
  respondent: 'p_0123456789abcdef',
  date: '2026-03-05',
  text: 'The form timed out twice',
  consent: true,
};
const apply = (j: Journey, c: Parameters<typeof applyCommand>[1]) => {
  const r = applyCommand(j, c);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.journey;
};

describe('a consented survey answer as a quote card on the map (issue 13 item 3)', () => {
  it("given a consented answer, then it goes in the step's feelings lane as a quote with its source", () => {
    const j = journeyOf('melton');
    const step = j.columns[0]!.id;
    const made = quoteCardCommand(j, step, consented, newId);
    if (!('command' in made)) throw new Error(made.refused);
    const next = apply(j, made.command);
    expect(next.cards.find((c) => c.id === made.cardId)).toMatchObject({
      kind: 'feeling',
      laneId: 'feelings',
      columnId: step,
      text: 'The form timed out twice',
      mode: 'says',
      quote: true,
      source: 'Reporting a problem, respondent p_0123456789abcdef, 2026-03-05',
    });
    // and once it is there, the same answer is not added twice at that step
    expect(quoteCardCommand(next, step, consented, newId)).toEqual({ refused: 'on-map' });
  });

  it('given an answer whose respondent did not agree to be quoted, then no card is made', () => {
    const j = journeyOf('melton');
    const step = j.columns[0]!.id;
    expect(quoteCardCommand(j, step, { ...consented, consent: false }, newId)).toEqual({
      refused: 'not-consented',
    });
    // a quote without a consent flag at all (an older response shape) is refused too
    const { consent: _c, ...unflagged } = consented;
    expect(quoteCardCommand(j, step, unflagged as SurveyQuote, newId)).toEqual({
      refused: 'not-consented',
    });
  });

  it('given a map with no feelings lane, then the lane is added with the card as one edit', () => {
    const j = journeyOf('service-blueprint');
    expect(j.lanes.some((l) => l.kind === 'feeling')).toBe(false);
    const step = j.columns[0]!.id;
    const made = quoteCardCommand(j, step, consented, newId);
    if (!('command' in made)) throw new Error(made.refused);
    expect(made.command.type).toBe('batch');
    const next = apply(j, made.command);
    const lane = next.lanes.find((l) => l.kind === 'feeling');
    expect(lane).toBeDefined();
    expect(next.cards.find((c) => c.id === made.cardId)).toMatchObject({ laneId: lane!.id, columnId: step });
    expect(quoteCardCommand(j, 'no-such-step', consented, newId)).toEqual({ refused: 'no-step' });
  });
});
