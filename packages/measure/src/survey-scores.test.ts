import { describe, expect, it } from 'vitest';
import {
  ces,
  compareEvidence,
  countAnswers,
  csat,
  nps,
  studentTCdf,
  studentTQuantile,
  summariseScores,
  toEmotionScale,
} from './survey-scores';
import { wilsonInterval } from './wilson';

const round = (x: number, dp: number) => Number(x.toFixed(dp));

describe('Student t quantiles', () => {
  it('match the published table (two-sided 95 % and 99 %)', () => {
    expect(round(studentTQuantile(0.975, 1), 4)).toBe(12.7062);
    expect(round(studentTQuantile(0.975, 9), 4)).toBe(2.2622);
    expect(round(studentTQuantile(0.975, 19), 4)).toBe(2.093);
    expect(round(studentTQuantile(0.975, 29), 4)).toBe(2.0452);
    expect(round(studentTQuantile(0.995, 4), 4)).toBe(4.6041);
    expect(round(studentTCdf(0, 7), 12)).toBe(0.5);
  });
});

// The worked example of docs/worked-checks/survey-scores.md, reproduced to the decimal it prints.
describe('worked example: step "Reports the problem"', () => {
  const satisfaction = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5];
  const effort = [1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 7, 7, 7];
  const recommend = [0, 3, 5, 6, 6, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10];

  it('summarises the satisfaction answers: n 20, mean 3.8, median 4, t interval 3.2610–4.3390', () => {
    const s = summariseScores(countAnswers(satisfaction, '1-5'));
    expect(s.counts).toEqual([1, 2, 3, 8, 6]);
    expect(s.n).toBe(20);
    expect(s.mean).toBe(3.8);
    expect(s.median).toBe(4);
    expect(round(s.sd, 4)).toBe(1.1517);
    expect(round(s.interval!.low, 4)).toBe(3.261);
    expect(round(s.interval!.high, 4)).toBe(4.339);
    expect(round(toEmotionScale(s.mean, '1-5'), 1)).toBe(40);
    expect(round(toEmotionScale(s.interval!.low, '1-5'), 1)).toBe(13.1);
    expect(round(toEmotionScale(s.interval!.high, '1-5'), 1)).toBe(66.9);
  });
  it('CSAT is 14 of 20 = 70 %, Wilson 48.1 %–85.5 %', () => {
    const c = csat(countAnswers(satisfaction, '1-5'));
    expect([c.successes, c.trials]).toEqual([14, 20]);
    expect(round(c.low * 100, 1)).toBe(48.1);
    expect(round(c.high * 100, 1)).toBe(85.5);
  });
  it('CES mean 4.85 (t interval 4.0717–5.6283), 13 of 20 easy = 65 % (43.3 %–81.9 %)', () => {
    const c = ces(countAnswers(effort, '1-7'));
    expect(c.summary.mean).toBe(4.85);
    expect(c.summary.median).toBe(5);
    expect(round(c.summary.interval!.low, 4)).toBe(4.0717);
    expect(round(c.summary.interval!.high, 4)).toBe(5.6283);
    expect([c.easy.successes, c.easy.trials]).toEqual([13, 20]);
    expect(round(c.easy.low * 100, 1)).toBe(43.3);
    expect(round(c.easy.high * 100, 1)).toBe(81.9);
  });
  it('NPS is 10 promoters − 5 detractors of 20 = +25, adjusted Wald −11.7 to +55.2', () => {
    const r = nps(countAnswers(recommend, '0-10'));
    expect([r.promoters, r.passives, r.detractors, r.n]).toEqual([10, 5, 5, 20]);
    expect(r.score).toBe(25);
    expect(round(r.low, 1)).toBe(-11.7);
    expect(round(r.high, 1)).toBe(55.2);
  });
});

describe('edges', () => {
  it('no answers: NaN mean and median, no interval; one answer: no interval', () => {
    const none = summariseScores({ scale: '1-7', counts: [0, 0, 0, 0, 0, 0, 0] });
    expect(none.n).toBe(0);
    expect(none.mean).toBeNaN();
    expect(none.interval).toBeUndefined();
    expect(summariseScores(countAnswers([3], '1-5')).interval).toBeUndefined();
  });
  it('the median of an even count averages the two middle answers', () => {
    expect(summariseScores(countAnswers([1, 2, 4, 5], '1-5')).median).toBe(3);
  });
  it('the interval stays on the scale', () => {
    const s = summariseScores(countAnswers([5, 5, 5, 5, 4], '1-5'));
    expect(s.interval!.high).toBe(5);
  });
  it('every answer a promoter still has an interval of some width', () => {
    const r = nps(countAnswers([10, 10, 9, 10, 9], '0-10'));
    expect(r.score).toBe(100);
    expect(r.low).toBeLessThan(100);
    expect(r.high).toBe(100);
  });
  it('refuses answers off the scale and the wrong scale for each score', () => {
    expect(() => countAnswers([6], '1-5')).toThrow(/from 1 to 5; got 6/);
    expect(() => countAnswers([2.5], '1-5')).toThrow(/whole number/);
    expect(() => csat({ scale: '1-7', counts: [1, 1, 1, 1, 1, 1, 1] })).toThrow(/5-point/);
    expect(() => nps({ scale: '1-5', counts: [1, 1, 1, 1, 1] })).toThrow(/0-10/);
    expect(() => summariseScores({ scale: '1-5', counts: [1, 2] })).toThrow(/5 whole counts/);
  });
});

describe('measured emotion beside measured contact', () => {
  const good = { n: 40, low: 12, high: 48 };
  const poor = { n: 40, low: -55, high: -9 };
  it('a step the survey likes but whose contact is mostly avoidable disagrees', () => {
    expect(compareEvidence(good, wilsonInterval(60, 100))).toBe('survey-good-contact-poor');
  });
  it('a step the survey dislikes but whose contact is rarely avoidable disagrees the other way', () => {
    expect(compareEvidence(poor, wilsonInterval(3, 200))).toBe('survey-poor-contact-good');
  });
  it('agreeing, unclear and thin evidence', () => {
    expect(compareEvidence(poor, wilsonInterval(60, 100))).toBe('agree');
    expect(compareEvidence({ n: 40, low: -5, high: 30 }, wilsonInterval(60, 100))).toBe('agree');
    // 30 % avoidable of 100: the interval's lower end (21.9 %) is under 30 %, so not clearly high
    expect(compareEvidence(good, wilsonInterval(30, 100))).toBe('agree');
    expect(compareEvidence({ ...good, n: 9 }, wilsonInterval(60, 100))).toBe('too-few');
    expect(compareEvidence(good, wilsonInterval(6, 9))).toBe('too-few');
  });
});
