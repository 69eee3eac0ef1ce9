import { readFileSync } from 'node:fs';
import type { Journey } from '@waymark/core';
import { readJourneyText } from '@waymark/document';
import { sampleJourney } from '@waymark/store';
import { afterEach, describe, expect, it } from 'vitest';
import { metricText } from '../app/format';
import { setLocale, t } from '../i18n';
import { curveAt, curveScales } from './curve-geometry';
import {
  curveSeries,
  navigationFor,
  presentationSlides,
  scoreMood,
  slideAnnouncement,
} from './presentation-model';

const example = (name: string): Journey => {
  const read = readJourneyText(
    readFileSync(new URL(`../../../../examples/${name}.yaml`, import.meta.url), 'utf8'),
  );
  if (!read.ok) throw new Error(`examples/${name}.yaml does not read`);
  return read.value;
};
const melton = () => example('melton-asb-victim-current');
const box = { width: 700, height: 240, left: 50, right: 10, top: 10, bottom: 30 };

describe('presentation slides', () => {
  const journey = melton();
  const slides = presentationSlides(journey);

  it('given the Melton victim journey, then one slide per step in order, with its stage', () => {
    expect(slides.map((s) => s.title)).toEqual(journey.columns.map((c) => c.label));
    expect(slides[0]).toMatchObject({ index: 0, stage: 'Incident and report', steps: ['Incident occurs'] });
    expect(slides[6]!.stage).toBe('Aftermath');
  });

  it('given feelings, then quotes keep their source and mode; other feelings are sorted by does/thinks/feels', () => {
    const first = slides[0]!;
    expect(first.quotes).toEqual([
      { text: 'Not again', mode: 'thinks', source: expect.stringMatching(/victim interviews/) as unknown },
      {
        text: "I've had enough",
        mode: 'says',
        source: expect.stringMatching(/victim interviews/) as unknown,
      },
    ]);
    expect(first.feels).toEqual(['Traumatised circumstances']);
    expect(slides[3]!.does).toEqual(['Make a statement', 'Receive Diary Sheets']);
  });

  it('given moments of truth and scores, then each slide carries its own', () => {
    expect(slides[1]!.momentsOfTruth.map((m) => m.text)).toEqual(['First report of a repeat incident']);
    expect(slides[0]!.momentsOfTruth).toEqual([]);
    expect(slides.map((s) => s.scores.map((x) => x.score))).toEqual([
      [-70],
      [-60],
      [-65],
      [-45],
      [-80],
      [-90],
      [-95],
    ]);
    expect(slides[0]!.scores[0]).toMatchObject({
      label: 'Victim of repeated anti-social behaviour',
      estimate: true,
    });
  });

  it("given levers, then their category label and text; Melton's first step has one Process lever", () => {
    expect(slides[0]!.levers).toEqual([{ category: 'Process', text: 'Prevention is better than cure' }]);
    expect(slides[1]!.levers.map((l) => l.category)).toEqual(['Contact', 'Contact', 'Contact']);
  });

  it('given metrics on a step, then label, value with its unit and origin', () => {
    const slides = presentationSlides(example('multi-service-change-of-address'));
    const reports = slides.find((s) => s.columnId === 'reports-move')!;
    // The unit once, in its plural form: not "Contacts: 1 contacts" (issue 11, item 7).
    expect(reports.metrics).toContain('Contacts: 1 contact (estimate)');
    expect(metricText('unit-cost', 8.62)).toBe('Unit cost: £8.62 a contact');
    expect(metricText('hand-offs', 0.42)).toBe('Hand-offs: 0.42 hand-offs');
    expect(metricText('elapsed-days', 3)).toBe('Elapsed time: 3 days');
    expect(metricText('avoidable-percent', 40)).toBe('Avoidable share: 40% avoidable');
  });

  it('given touchpoints and a baton change, then channel labels and organisation names, not ids', () => {
    const j = sampleJourney('j1');
    const s = presentationSlides(j);
    const touch = s.flatMap((x) => x.touchpoints);
    expect(touch.length).toBe(j.cards.filter((c) => c.kind === 'touchpoint').length);
    for (const t of touch) expect(t.channel).not.toMatch(/^[a-z-]+$/);
  });

  it('given two personas scored in one lane, then two curves with different shapes', () => {
    const j = melton();
    const second = { id: 'other' as never, name: 'Neighbour' };
    const extra = j.cards
      .filter((c) => c.kind === 'emotion')
      .map((c) => ({ ...c, id: `${c.id}-n` as never, personaId: second.id, score: 10 }));
    const both = { ...j, personas: [...j.personas, second], cards: [...j.cards, ...extra] } as Journey;
    const series = curveSeries(both);
    expect(series.map((s) => [s.label, s.shape, s.points.length])).toEqual([
      ['Victim of repeated anti-social behaviour', 'circle', 7],
      ['Neighbour', 'square', 7],
    ]);
  });
});

describe('the curve building up', () => {
  const series = curveSeries(melton());

  it('given step 3 of 7, then the points of steps 1–3 are drawn and only step 3 is current', () => {
    const drawn = curveAt(series, 7, 2, box)[0]!;
    expect(drawn.points.map((p) => p.score)).toEqual([-70, -60, -65]);
    expect(drawn.points.map((p) => p.current)).toEqual([false, false, true]);
  });

  it('given the scales, then higher scores are higher up and steps run left to right inside the box', () => {
    const { x, y } = curveScales(box, 7);
    expect(y(100)).toBe(box.top);
    expect(y(-100)).toBe(box.height - box.bottom);
    expect(y(-45)).toBeLessThan(y(-95));
    expect(x(0)).toBeGreaterThan(box.left);
    expect(x(6)).toBeLessThan(box.width - box.right);
  });
});

describe('keys and announcements', () => {
  it('given each key, then next, previous, first, last or leave; nothing past either end', () => {
    expect(navigationFor('ArrowRight', false, 2, 7)).toEqual({ kind: 'go', index: 3 });
    expect(navigationFor('PageDown', false, 2, 7)).toEqual({ kind: 'go', index: 3 });
    expect(navigationFor(' ', false, 2, 7)).toEqual({ kind: 'go', index: 3 });
    expect(navigationFor(' ', true, 2, 7)).toEqual({ kind: 'go', index: 1 });
    expect(navigationFor('ArrowLeft', false, 2, 7)).toEqual({ kind: 'go', index: 1 });
    expect(navigationFor('PageUp', false, 2, 7)).toEqual({ kind: 'go', index: 1 });
    expect(navigationFor('Home', false, 2, 7)).toEqual({ kind: 'go', index: 0 });
    expect(navigationFor('End', false, 2, 7)).toEqual({ kind: 'go', index: 6 });
    expect(navigationFor('Escape', false, 2, 7)).toEqual({ kind: 'leave' });
    expect(navigationFor('ArrowRight', false, 6, 7)).toBeNull();
    expect(navigationFor('ArrowLeft', false, 0, 7)).toBeNull();
    expect(navigationFor('a', false, 2, 7)).toBeNull();
  });

  it('given a slide, then the announcement says where we are, the step and the score as number and word', () => {
    const slides = presentationSlides(melton());
    expect(slideAnnouncement(slides[4]!, 7)).toBe(
      'Step 5 of 7: No information passed to victim. Emotion −80, poor (estimate).',
    );
    expect(slideAnnouncement(slides[1]!, 7)).toBe(
      'Step 2 of 7: Reports Incident. Emotion −60, poor (estimate). Moment of truth: First report of a repeat incident.',
    );
    expect([scoreMood(60).symbol, scoreMood(0).word, scoreMood(-34).word]).toEqual(['▲', 'mixed', 'poor']);
  });

  describe('in Welsh', () => {
    afterEach(() => setLocale('en'));

    it('given Cymraeg chosen, then the announcement is whole Welsh sentences and channels have Welsh names', () => {
      setLocale('cy');
      const slides = presentationSlides(melton());
      expect(slideAnnouncement(slides[1]!, 7)).toBe(
        'Cam 2 o 7: Reports Incident. Emosiwn −60, gwael (amcangyfrif). Eiliad dyngedfennol: First report of a repeat incident.',
      );
      const touch = presentationSlides(sampleJourney('j1')).flatMap((s) => s.touchpoints);
      expect(touch.length).toBeGreaterThan(0);
      for (const tp of touch) expect(tp.channel).toBe(t(`model.channel.${tp.channelId}`));
      expect(touch.map((tp) => tp.channel)).toContain('Ffôn');
    });
  });
});
