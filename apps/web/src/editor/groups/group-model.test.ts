import type { WorkshopGroups } from '@waymark/api';
import { parseJourney, type Journey } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import {
  assignable,
  bannerWords,
  groupAtStep,
  groupOf,
  nextGroupName,
  outsideWarning,
  placeWords,
  stretchOf,
  stretchStyle,
} from './group-model';

const parsed = parseJourney({
  schemaVersion: 2,
  id: 'intake',
  meta: { title: 'Intake', journeyType: 'current', owner: 'Council' },
  columns: ['Hears', 'Applies', 'Waits', 'Decides', 'Appeals', 'Pays'].map((label, i) => ({
    id: `s${i + 1}`,
    label,
  })),
  lanes: [{ id: 'steps', kind: 'step', label: 'Steps' }],
});
if (!parsed.ok) throw new Error('fixture');
const journey: Journey = parsed.value;

const work: WorkshopGroups = {
  groups: [
    {
      id: 'g1',
      name: 'Group 1',
      place: { kind: 'steps', fromColumnId: 's1', toColumnId: 's2' },
      members: [{ id: 'u-ann', name: 'Ann' }],
    },
    {
      id: 'g2',
      name: 'Group 2',
      place: { kind: 'steps', fromColumnId: 's5', toColumnId: 's3' }, // given backwards
      members: [{ id: 'u-bob', name: 'Bob' }],
    },
    { id: 'g3', name: 'Group 3', place: { kind: 'copy', journeyId: 'intake-group-3' }, members: [] },
  ],
  choosing: false,
  startedAt: 0,
  lastNumber: 3,
};
const [g1, g2, g3] = work.groups as [
  (typeof work.groups)[0],
  (typeof work.groups)[0],
  (typeof work.groups)[0],
];

describe('group model', () => {
  it('finds the group a person is in, or none', () => {
    expect(groupOf(work, 'u-bob')?.id).toBe('g2');
    expect(groupOf(work, 'u-cat')).toBeNull();
    expect(groupOf(null, 'u-bob')).toBeNull();
  });

  it('reads a stretch in map order whichever end was given first, and none once an end is deleted', () => {
    expect(stretchOf(journey, g2.place)).toEqual({ from: 2, to: 4, columnIds: ['s3', 's4', 's5'] });
    expect(stretchOf(journey, { kind: 'steps', fromColumnId: 's1', toColumnId: 'gone' })).toBeNull();
    expect(stretchOf(journey, g3.place)).toBeNull();
  });

  it('says what a group works on and where a member is, in plain words', () => {
    expect(bannerWords(journey, g2)).toBe('You are in Group 2: steps 3–5 (“Waits” to “Appeals”).');
    expect(
      bannerWords(journey, { ...g1, place: { kind: 'steps', fromColumnId: 's6', toColumnId: 's6' } }),
    ).toBe('You are in Group 1: step 6 (“Pays”).');
    expect(bannerWords(journey, g3)).toBe('You are in Group 3, which works on its own copy of the map.');
    expect(placeWords(journey, g1.place)).toBe('steps 1–2');
    expect(placeWords(journey, g3.place)).toBe('its own copy of the map');
  });

  it('warns a member on another group’s step or outside any, and not on their own', () => {
    expect(groupAtStep(work, journey, 's4')?.name).toBe('Group 2');
    expect(outsideWarning(work, journey, g1, 's1')).toBeNull();
    expect(outsideWarning(work, journey, g1, 's4')).toBe(
      'This step belongs to Group 2 (“Decides”). You can still add cards here, but Group 1 works on steps 1–2.',
    );
    expect(outsideWarning(work, journey, g1, 's6')).toMatch(
      /^This step is outside your group’s steps \(“Pays”\)/,
    );
    expect(outsideWarning(work, journey, g3, 's4')).toBeNull(); // a copy group's member has the copy
    expect(outsideWarning(work, journey, null, 's4')).toBeNull();
  });

  it('marks exactly the stretch’s columns (header and cells), never a column whose number ends the same', () => {
    const css = stretchStyle(stretchOf(journey, g2.place)!);
    expect(css).toContain('[data-cell$=":3"]');
    expect(css).toContain('[data-cell$=":5"]');
    expect(css).not.toContain('[data-cell$=":2"]');
    expect(css).not.toContain('[data-cell$=":6"]');
  });

  it('offers each person on the map once, but not the facilitator, and suggests the next free group name', () => {
    const people = [
      { user: { id: 'u-fay', name: 'Fay' } },
      { user: { id: 'u-bob', name: 'Bob' } },
      { user: { id: 'u-bob', name: 'Bob' } }, // a second tab
      { user: { id: 'u-ann', name: 'Ann' } },
    ];
    expect(assignable(people, 'u-fay')).toEqual([
      { id: 'u-ann', name: 'Ann' },
      { id: 'u-bob', name: 'Bob' },
    ]);
    expect(nextGroupName(work)).toBe('Group 4');
    expect(nextGroupName(null)).toBe('Group 1');
  });
});
