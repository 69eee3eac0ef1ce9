import { createJourneyFromTemplate, type Card } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import {
  curvePiece,
  EMOTION_BAND,
  EMOTION_TICKS,
  emotionCurves,
  parseScore,
  scoreForY,
  tickLabel,
  yForScore,
} from './emotion-geometry';

const band = { height: 160, pad: 12 };

describe('emotion drag and score mapping', () => {
  it('given the band, when scores map to y, then +100 is at the top, −100 at the bottom and 0 in the middle', () => {
    expect([yForScore(100, band), yForScore(0, band), yForScore(-100, band)]).toEqual([12, 80, 148]);
    expect(yForScore(250, band)).toBe(12);
  });

  it('given every whole score, when mapped to y and back, then the same score comes back', () => {
    for (let s = -100; s <= 100; s++) expect(scoreForY(yForScore(s, band), band)).toBe(s);
  });

  it('given a drag beyond the band, when read as a score, then it is clamped to −100…+100', () => {
    expect([scoreForY(-40, band), scoreForY(400, band)]).toEqual([100, -100]);
  });

  it('given typed scores, when parsed, then numbers in range are taken and others say what is expected', () => {
    expect(parseScore('+45')).toEqual({ ok: true, score: 45 });
    expect(parseScore('\u221260')).toEqual({ ok: true, score: -60 });
    expect(parseScore('120')).toEqual({ ok: false, message: 'expected a number from −100 to +100; got 120' });
    expect(parseScore('bad').ok).toBe(false);
  });
});

describe('emotion curves', () => {
  const made = createJourneyFromTemplate('melton', { id: 'j', title: 'T' });
  if (!made.ok) throw new Error('template');
  const journey = {
    ...made.value,
    personas: [
      { id: 'victim', name: 'Victim' },
      { id: 'witness', name: 'Witness' },
    ],
  } as typeof made.value;
  const lane = journey.lanes.find((l) => l.kind === 'emotion')!;
  const score = (id: string, columnId: string, s: number, personaId?: string) =>
    ({
      id,
      kind: 'emotion',
      laneId: lane.id,
      columnId,
      score: s,
      estimate: false,
      ...(personaId ? { personaId } : {}),
    }) as Card;
  const cards = [
    score('a', 'step-1', -60, 'victim'),
    score('b', 'step-1', -20, 'victim'),
    score('c', 'step-3', 40, 'victim'),
    score('d', 'step-2', 10, 'witness'),
  ];

  it('given scores of two personas, when drawn, then one curve each with the mean per step and different styles', () => {
    const curves = emotionCurves(journey, lane, cards);
    expect(curves.map((c) => [c.label, c.style, [...c.points]])).toEqual([
      [
        'Victim',
        0,
        [
          ['step-1', -40],
          ['step-3', 40],
        ],
      ],
      ['Witness', 1, [['step-2', 10]]],
    ]);
  });

  it('given a curve, when each cell draws its piece, then the pieces meet at the cell edges', () => {
    const [victim] = emotionCurves(journey, lane, cards);
    const ids = journey.columns.map((c) => c.id as string);
    const first = curvePiece(victim!, ids, 0, 200, band);
    const gap = curvePiece(victim!, ids, 1, 200, band);
    const third = curvePiece(victim!, ids, 2, 200, band);
    const endY = (path: string) => Number(path.split(' ').at(-1));
    const startY = (path: string) => Number(path.split(' ')[2]);
    expect(first.point).toEqual({ x: 100, y: yForScore(-40, band) });
    expect(gap.point).toBeNull();
    expect(startY(gap.path)).toBeCloseTo(endY(first.path), 5);
    expect(startY(third.path)).toBeCloseTo(endY(gap.path), 5);
    expect(curvePiece(victim!, ids, 4, 200, band).path).toBe(''); // after the last point: nothing
  });
});

describe('the editor’s emotion band (issue 11 item 3)', () => {
  it('given Melton’s −45 and −95, when drawn in the editor band, then they are 50 px apart: a dip, not flat', () => {
    const dip = yForScore(-95, EMOTION_BAND) - yForScore(-45, EMOTION_BAND);
    expect(dip).toBe(50);
    expect(yForScore(100, EMOTION_BAND) - yForScore(-100, EMOTION_BAND)).toBe(-200);
  });

  it('given the axis ticks, then they are ±100, ±50 and 0, the ends named as on the poster', () => {
    expect(EMOTION_TICKS.map(tickLabel)).toEqual(['+100 Great', '+50', '0', '−50', '−100 Poor']);
    expect(yForScore(0, EMOTION_BAND)).toBe(EMOTION_BAND.height / 2);
  });
});
