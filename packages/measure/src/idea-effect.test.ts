import { describe, expect, it } from 'vitest';
import { costTables } from './channel-costs';
import { applyExpectedEffects, ideaValueScore, type BaselineFigures } from './idea-effect';
import type { Idea } from './ideas';
import { poundsToPence } from './money';

const socitm2011 = costTables.find((t) => t.id === 'socitm-2011')!;
/** domain.md §5's mix: 70/20/10 phone/face to face/web; three contacts a journey. */
const baseline: BaselineFigures = {
  contactsPerJourney: 3,
  endToEndDays: 20,
  avoidableShare: 0.3,
  channelMix: { telephone: 70, 'face-to-face': 20, web: 10 },
};
const idea = (expectedEffect: Idea['expectedEffect']): Idea => ({
  id: 'i',
  title: 'i',
  painPointRefs: [],
  leverRefs: [],
  effort: 2,
  status: 'proposed',
  expectedEffect,
});

describe('applyExpectedEffects', () => {
  it('given no ideas, then the baseline with its cost per journey: 3 × £3.72 = £11.16', () => {
    const r = applyExpectedEffects(baseline, [], socitm2011);
    expect(r.ok && poundsToPence(r.value.costPerJourney!)).toBe(1116);
    expect(r.ok && r.value.channelMix).toEqual({ telephone: 0.7, 'face-to-face': 0.2, web: 0.1 });
  });

  it('given fewer contacts, fewer days and half the phone calls moved to web, then the figures follow', () => {
    const r = applyExpectedEffects(
      baseline,
      [
        { contactsRemovedPerJourney: 0.5, daysSaved: 5, avoidableShareReduction: 0.1 },
        { channelShift: [{ from: 'telephone', to: 'web', share: 0.5 }] },
      ],
      socitm2011,
    );
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.contactsPerJourney).toBe(2.5);
    expect(r.value.endToEndDays).toBe(15);
    expect(r.value.avoidableShare).toBeCloseTo(0.2, 12);
    expect(r.value.channelMix.telephone).toBeCloseTo(0.35, 12);
    expect(r.value.channelMix.web).toBeCloseTo(0.45, 12);
    // 2.5 × (0.35 × 2.83 + 0.2 × 8.62 + 0.45 × 0.15) = 2.5 × 2.782
    expect(poundsToPence(r.value.costPerJourney!)).toBe(poundsToPence(2.5 * 2.782));
  });

  it('never takes figures below zero', () => {
    const r = applyExpectedEffects(baseline, [
      { contactsRemovedPerJourney: 9, daysSaved: 99, avoidableShareReduction: 1 },
    ]);
    expect(r.ok && r.value).toMatchObject({
      contactsPerJourney: 0,
      endToEndDays: 0,
      avoidableShare: 0,
      costPerJourney: null,
    });
  });

  it('given a shift from a channel not in the mix, then an error naming it', () => {
    const r = applyExpectedEffects(baseline, [{ channelShift: [{ from: 'post', to: 'web', share: 0.5 }] }]);
    expect(r).toMatchObject({ ok: false, error: [{ path: 'effects[0].channelShift[0].from' }] });
  });
});

describe('ideaValueScore', () => {
  it('given 5 of 20 days saved (25 %), then 4', () => {
    expect(ideaValueScore(idea({ daysSaved: 5, contactsRemovedPerJourney: 0.5 }), baseline, socitm2011)).toBe(
      4,
    );
  });
  it('given 20 % of phone calls moved to web (cost per journey −10.1 %), then 3', () => {
    expect(
      ideaValueScore(
        idea({ channelShift: [{ from: 'telephone', to: 'web', share: 0.2 }] }),
        baseline,
        socitm2011,
      ),
    ).toBe(3);
  });
  it('given no effect, then 1; given half the avoidable share gone, then 5', () => {
    expect(ideaValueScore(idea({}), baseline)).toBe(1);
    expect(ideaValueScore(idea({ avoidableShareReduction: 0.15 }), baseline)).toBe(5);
  });
});
