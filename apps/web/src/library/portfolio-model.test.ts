import { describe, expect, it } from 'vitest';
import type { PortfolioItem } from './library-api';
import {
  exportQuery,
  heatColumns,
  highlightParts,
  noFilters,
  painLevel,
  visibleItems,
} from './portfolio-model';

const item = (id: string, over: Partial<PortfolioItem> & { lowest?: number | null } = {}): PortfolioItem => ({
  workspaceId: 'w1',
  workspaceName: 'Council',
  journeyId: id,
  version: 1,
  title: `Journey ${id}`,
  journeyType: 'current',
  owner: null,
  segment: null,
  service: null,
  organisations: [],
  reviewDate: null,
  lastVerified: null,
  evidenceDate: null,
  headline: {
    lowest:
      over.lowest === null || over.lowest === undefined
        ? null
        : { columnId: 's1', label: 'Step', score: over.lowest },
    avoidablePercent: null,
    contacts: 0,
    elapsedDays: 0,
    costPence: null,
    cost: null,
    painPoints: 0,
  },
  stages: [],
  indicators: { met: 0, improving: 0, missed: 0, noValue: 0 },
  flags: [],
  mine: false,
  ...over,
});

describe('the portfolio page’s model', () => {
  it('sorts by lowest emotion either way with journeys never scored last', () => {
    const items = [item('a', { lowest: -10 }), item('b', { lowest: null }), item('c', { lowest: -80 })];
    expect(visibleItems(items, noFilters, 'lowest', 'asc').map((i) => i.journeyId)).toEqual(['c', 'a', 'b']);
    expect(visibleItems(items, noFilters, 'lowest', 'desc').map((i) => i.journeyId)).toEqual(['a', 'c', 'b']);
  });

  it('filters by service and organisation whatever the case, and to flagged maps', () => {
    const items = [
      item('a', { service: 'Waste', organisations: ['Revenues'] }),
      item('b', { service: 'Revenues', flags: ['review-due'] }),
    ];
    expect(
      visibleItems(items, { ...noFilters, service: 'waste' }, 'title', 'asc').map((i) => i.journeyId),
    ).toEqual(['a']);
    expect(
      visibleItems(items, { ...noFilters, organisation: 'REVENUES' }, 'title', 'asc').map((i) => i.journeyId),
    ).toEqual(['a']);
    expect(
      visibleItems(items, { ...noFilters, flagged: true }, 'title', 'asc').map((i) => i.journeyId),
    ).toEqual(['b']);
  });

  it('grades pain against the most painful stage shown, none when there is none', () => {
    expect([painLevel(0, 6), painLevel(1, 6), painLevel(3, 6), painLevel(6, 6), painLevel(2, 0)]).toEqual([
      'none',
      'low',
      'medium',
      'high',
      'none',
    ]);
  });

  it('takes the heat map’s columns from the stages in order of first appearance', () => {
    const items = [
      item('a', {
        stages: [
          { name: 'Find out', painPoints: 1, lowestEmotion: null },
          { name: 'Pay', painPoints: 0, lowestEmotion: 5 },
        ],
      }),
      item('b', {
        stages: [
          { name: 'Apply', painPoints: 2, lowestEmotion: -5 },
          { name: 'Pay', painPoints: 1, lowestEmotion: null },
        ],
      }),
    ];
    expect(heatColumns(items)).toEqual(['Find out', 'Pay', 'Apply']);
  });

  it('splits a search excerpt into marked and plain parts', () => {
    expect(highlightParts('I was \u0002waiting\u0003 for \u0002weeks\u0003')).toEqual([
      { text: 'I was ', mark: false },
      { text: 'waiting', mark: true },
      { text: ' for ', mark: false },
      { text: 'weeks', mark: true },
    ]);
  });

  it('puts the page’s filters and sort into the downloads’ address', () => {
    expect(exportQuery({ ...noFilters, owner: 'Ann', flagged: true }, 'cost', 'desc', 'csv', 'cy')).toBe(
      'format=csv&locale=cy&sort=cost&dir=desc&owner=Ann&flagged=true',
    );
  });
});
