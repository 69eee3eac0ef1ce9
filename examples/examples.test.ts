import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatPath, parseJourney, type Card, type CardOf, type Journey, type LaneKind } from '@waymark/core';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function load(file: string): Journey {
  const result = parseJourney(parse(readFileSync(join(here, file), 'utf8')));
  if (!result.ok) {
    const lines = result.error.map((p) => `${formatPath(p.path)}: ${p.message}`);
    throw new Error(`${file} does not parse:\n${lines.join('\n')}`);
  }
  return result.value;
}

const cardsOf = <K extends LaneKind>(j: Journey, kind: K, columnId?: string): CardOf<K>[] =>
  j.cards.filter(
    (c: Card): c is CardOf<K> => c.kind === kind && (columnId === undefined || c.columnId === columnId),
  );
const columnIndex = (j: Journey, columnId: string) => j.columns.findIndex((c) => c.id === columnId);

describe('every example journey', () => {
  it('given the examples folder, then it holds the five seed examples', () => {
    expect(files).toEqual([
      'melton-asb-perpetrator-life-course.yaml',
      'melton-asb-victim-current.yaml',
      'melton-asb-victim-desired.yaml',
      'melton-disabled-adaptations-case.yaml',
      'multi-service-change-of-address.yaml',
    ]);
  });

  it.each(files)(
    'given %s, when parsed, then it has no problems and its id matches the file name',
    (file) => {
      const journey = load(file);
      expect(journey.id).toBe(file.replace(/\.yaml$/, ''));
      expect(journey.columns.length).toBeGreaterThan(0);
    },
  );

  it.each(files)('given %s, then every quote names its source and the journey lists its sources', (file) => {
    const journey = load(file);
    expect(journey.sources.length).toBeGreaterThan(0);
    for (const card of cardsOf(journey, 'feeling').filter((c) => c.quote)) {
      expect(card.source ?? card.sourceId, `quote ${card.id}`).toBeTruthy();
    }
  });
});

describe('Melton case study 1, current journey', () => {
  const j = load('melton-asb-victim-current.yaml');
  const steps = j.columns.map((c) => cardsOf(j, 'step', c.id)[0]?.text);

  it('given the seed, then the journey has exactly the seven key steps in order', () => {
    expect(steps).toEqual([
      'Incident occurs',
      'Reports Incident',
      'Awaits response by authorities',
      'Investigation takes',
      'No information passed to victim',
      "Being told I'm unreasonable",
      'Perpetrator carries on',
    ]);
    expect(j.meta.segment).toBe('ASB Victims');
    expect(j.meta.journeyType).toBe('current');
  });

  it('given no numbers in the seed, then each step has one score marked as an estimate with its reasoning', () => {
    for (const column of j.columns) {
      const scores = cardsOf(j, 'emotion', column.id);
      expect(scores, column.id).toHaveLength(1);
      expect(scores[0]!.estimate).toBe(true);
      expect(scores[0]!.note).toMatch(/estimate/i);
    }
  });

  it('given the feelings row, then each step has at least one sourced quote', () => {
    for (const column of j.columns) {
      const quotes = cardsOf(j, 'feeling', column.id).filter((c) => c.quote);
      expect(quotes.length, column.id).toBeGreaterThan(0);
      for (const q of quotes) expect(q.source).toMatch(/Melton/);
    }
  });

  it('given the levers row, then every step has levers, all under Contact, Process or Comms', () => {
    const levers = cardsOf(j, 'lever');
    const labels = new Map(j.leverCategories.map((c) => [c.id as string, c.label]));
    expect(new Set(levers.map((l) => labels.get(l.category)))).toEqual(
      new Set(['Contact', 'Process', 'Comms']),
    );
    for (const column of j.columns)
      expect(cardsOf(j, 'lever', column.id).length, column.id).toBeGreaterThan(0);
    expect(cardsOf(j, 'lever', 'reports-incident').map((l) => l.category)).toEqual([
      'contact',
      'contact',
      'contact',
    ]);
  });
});

describe('Melton case study 1, desired journey', () => {
  const current = load('melton-asb-victim-current.yaml');
  const desired = load('melton-asb-victim-desired.yaml');

  it('given the desired map, then it is a desired journey based on the current one', () => {
    expect(desired.meta.journeyType).toBe('desired');
    expect(desired.meta.basedOn).toBe(current.id);
  });

  it('given both maps, then the desired columns line up with the current ones by id', () => {
    expect(desired.columns.map((c) => c.id)).toEqual(current.columns.map((c) => c.id));
  });

  it('given the ideas, then every lever of the current map is taken up and each idea removes a known pain point', () => {
    const currentLevers = new Map(cardsOf(current, 'lever').map((c) => [c.id as string, c.text]));
    const used = desired.ideas.flatMap((i) => i.leverCardIds as string[]);
    expect(new Set(used)).toEqual(new Set(currentLevers.keys()));
    for (const lever of cardsOf(desired, 'lever')) expect(lever.text).toBe(currentLevers.get(lever.id));
    const currentPains = new Set(cardsOf(current, 'pain-point').map((c) => c.id as string));
    for (const idea of desired.ideas) {
      expect(idea.painPointCardIds.length, idea.id).toBeGreaterThan(0);
      for (const id of idea.painPointCardIds) expect(currentPains.has(id), id).toBe(true);
    }
  });

  it('given targets, then every desired score is marked an estimate and none is worse than the current score', () => {
    for (const column of desired.columns) {
      const target = cardsOf(desired, 'emotion', column.id)[0]!;
      const now = cardsOf(current, 'emotion', column.id)[0]!;
      expect(target.estimate).toBe(true);
      expect(target.score).toBeGreaterThan(now.score);
    }
  });
});

describe('Melton case study 2, life course', () => {
  const j = load('melton-asb-perpetrator-life-course.yaml');
  const textAt = (laneLabel: string, columnLabel: string) => {
    const lane = j.lanes.find((l) => l.label === laneLabel)!;
    const column = j.columns.find((c) => c.label === columnLabel)!;
    return j.cards
      .filter((c) => c.laneId === lane.id && c.columnId === column.id)
      .map((c) => ('text' in c ? c.text : ''));
  };

  it('given the seed, then the axis is ages 0-4, 5 … 12', () => {
    expect(j.meta.journeyType).toBe('life-course');
    expect(j.axis.kind).toBe('ages');
    expect(j.columns.map((c) => c.label)).toEqual(['0-4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(j.columns.map((c) => c.age?.from)).toEqual([0, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(j.columns[0]!.age?.to).toBe(4);
  });

  it('given the seed, then the five named lanes are there', () => {
    const labels = j.lanes.map((l) => l.label.toLowerCase());
    for (const name of ['family', 'behaviour', 'personal issues', 'housing', 'education']) {
      expect(labels).toContain(name);
    }
  });

  it('given the flattened table, then texts sit in the column of their position, gaps kept', () => {
    expect(textAt('Family', '6')).toEqual(['Mother cannot cope, depression, Sent to live with Aunt.']);
    expect(textAt('Family', '7')).toEqual([]);
    expect(textAt('Family', '8')).toEqual(['Mother & Father together but unhappy.']);
    expect(textAt('Behaviour', '5')).toEqual([]);
    expect(textAt('Behaviour', '11')).toEqual(['Good & quite happy.']);
    expect(textAt('Personal issues', '0-4')).toEqual([]);
    expect(textAt('Personal issues', '7')).toEqual(['Experimenting with cigarettes']);
    expect(textAt('Housing', '5')).toEqual(['Moved to Melton']);
  });
});

describe('Melton case study 3, dated case', () => {
  const j = load('melton-disabled-adaptations-case.yaml');

  it('given the seed, then the columns are the months from 2008-11 to 2009-12 without gaps', () => {
    expect(j.meta.journeyType).toBe('case');
    expect(j.axis).toEqual({ kind: 'dates', unit: 'month' });
    const periods = j.columns.map((c) => c.period);
    expect(periods[0]).toBe('2008-11');
    expect(periods.at(-1)).toBe('2009-12');
    expect(periods).toHaveLength(14);
    for (let i = 1; i < periods.length; i++) {
      const [y0, m0] = periods[i - 1]!.split('-').map(Number) as [number, number];
      const [y1, m1] = periods[i]!.split('-').map(Number) as [number, number];
      expect(y1 * 12 + m1 - (y0 * 12 + m0), periods[i]).toBe(1);
    }
  });

  it('given the baton changes in column order, then the case passes social services → council → contractor → council → social services', () => {
    const name = new Map(j.organisations.map((o) => [o.id as string, o.name]));
    const batons = cardsOf(j, 'baton-change').sort(
      (a, b) => columnIndex(j, a.columnId) - columnIndex(j, b.columnId),
    );
    const chain = [name.get(batons[0]!.from), ...batons.map((b) => name.get(b.to))];
    expect(chain).toEqual([
      'Social services (occupational therapy)',
      'Melton Borough Council',
      'Building contractor',
      'Melton Borough Council',
      'Social services (occupational therapy)',
    ]);
    for (let i = 1; i < batons.length; i++) expect(batons[i]!.from).toBe(batons[i - 1]!.to);
    expect(j.organisations.find((o) => o.name === 'Building contractor')?.kind).toBe('contractor');
  });

  it('given the seed, then the accident is a moment of truth in Feb 2009 and the work is completed in Oct 2009', () => {
    const period = (c: Card) => j.columns[columnIndex(j, c.columnId)]!.period;
    const accident = cardsOf(j, 'moment-of-truth').find((c) => c.text.includes('accident'))!;
    expect(period(accident)).toBe('2009-02');
    const completed = cardsOf(j, 'step').find((c) => c.text === 'Work Completed')!;
    expect(period(completed)).toBe('2009-10');
  });
});

describe('multi-service change of address', () => {
  const j = load('multi-service-change-of-address.yaml');
  const orgKind = new Map(j.organisations.map((o) => [o.id as string, o.kind]));

  it('given a request for more information, then a feedback loop goes back to the customer and returns to an earlier step', () => {
    const loop = j.links.find((l) => l.kind === 'feedback-loop' && l.to.kind === 'customer');
    expect(loop).toBeDefined();
    expect(columnIndex(j, loop!.returnsTo!.columnId)).toBeLessThan(columnIndex(j, loop!.from.columnId));
  });

  it('given the DWP check, then an outside request goes to an outside agency and returns to the journey', () => {
    const request = j.links.find((l) => l.kind === 'outside-request');
    expect(request?.to.kind).toBe('organisation');
    if (request?.to.kind !== 'organisation') return;
    expect(orgKind.get(request.to.organisationId)).toBe('outside-agency');
    expect(request.returnsTo).toBeDefined();
  });

  it('given three services, then the baton passes between housing, council tax and benefits', () => {
    const teams = new Set(cardsOf(j, 'baton-change').flatMap((b) => [b.from as string, b.to as string]));
    for (const team of ['housing', 'council-tax', 'benefits']) expect(teams.has(team), team).toBe(true);
  });

  it('given touchpoints, then several channels carry contacts and avoidable ones are categorised', () => {
    const touchpoints = cardsOf(j, 'touchpoint');
    expect(new Set(touchpoints.map((t) => t.channel)).size).toBeGreaterThanOrEqual(3);
    expect(touchpoints.filter((t) => t.avoidableCategory).length).toBeGreaterThanOrEqual(2);
    expect(cardsOf(j, 'metric').length).toBeGreaterThan(0);
  });

  it('given the close of the journey, then the last step is an outbound "was it OK?" contact', () => {
    const last = j.columns.at(-1)!;
    const closing = cardsOf(j, 'touchpoint', last.id);
    expect(closing.some((t) => t.direction === 'outbound' && /was it ok/i.test(t.text))).toBe(true);
  });
});
