import { describe, expect, it } from 'vitest';
import type { JourneyCommand } from '@waymark/core';
import { groupHistory, versionAt, type HistoryVersion } from './group-history';
import { restoreChanges } from './restore-words';
import { summariseCommands } from '../describe-command';

const ann = { id: 'u-ann', name: 'Ann' };
const bob = { id: 'u-bob', name: 'Bob' };
const card = (id: string): JourneyCommand =>
  ({ type: 'card.add', item: { id, kind: 'text', laneId: 'l', columnId: 'c', text: 'x' } }) as never;
const v = (version: number, at: string, by = ann, extra: Partial<HistoryVersion> = {}): HistoryVersion => ({
  version,
  kind: 'commands',
  at: `2026-12-03T${at}Z`,
  by,
  commands: [card(`c${version}`)],
  ...extra,
});

describe('the history grouped for a workshop', () => {
  it('given edits by two people, then consecutive edits by one person within one minute are one entry', () => {
    const [session] = groupHistory([
      v(1, '10:20:00', ann, { kind: 'create', commands: [] }),
      v(2, '10:42:01'),
      v(3, '10:42:30'),
      v(4, '10:42:40', bob),
      v(5, '10:42:59'),
      v(6, '10:43:05'),
    ]);
    expect(session!.groups.map((g) => [g.by?.name, g.versions.map((x) => x.version)])).toEqual([
      ['Ann', [1]],
      ['Ann', [2, 3]],
      ['Bob', [4]],
      ['Ann', [5]],
      ['Ann', [6]],
    ]);
    expect(session!.people).toEqual(['Ann', 'Bob']);
  });

  it('given a pause of over half an hour, then a new session starts with its own people', () => {
    const sessions = groupHistory([
      v(3, '14:00:00', bob),
      v(1, '10:00:00'),
      v(2, '10:29:00'),
      v(4, '14:29:59', bob),
    ]);
    expect(sessions.map((s) => [s.start, s.end, s.people])).toEqual([
      ['2026-12-03T10:00:00Z', '2026-12-03T10:29:00Z', ['Ann']],
      ['2026-12-03T14:00:00Z', '2026-12-03T14:29:59Z', ['Bob']],
    ]);
  });

  it('given a restore (by the route or by the editor), then it stands alone and says which version it brought back', () => {
    const batch = { type: 'batch', label: 'Restored the map as it was at version 2', commands: [card('z')] };
    const [session] = groupHistory([
      v(2, '10:42:00'),
      v(3, '10:42:10', ann, { commands: [batch as never] }),
      v(4, '10:42:20', ann, { detail: { restoredFrom: 3 } }),
      v(5, '10:42:30'),
    ]);
    expect(session!.groups.map((g) => [g.versions.length, g.restoredFrom])).toEqual([
      [1, null],
      [1, 2],
      [1, 3],
      [1, null],
    ]);
  });
});

describe('many edits in a few words', () => {
  it('given cards added and steps renamed, then it counts them by what changed', () => {
    expect(
      summariseCommands([
        card('a'),
        card('b'),
        { type: 'column.update', id: 's1', patch: { label: 'One' } } as never,
        {
          type: 'batch',
          commands: [card('c'), { type: 'column.update', id: 's2', patch: { label: 'Two' } }],
        } as never,
        { type: 'card.update', id: 'a', patch: { text: 'A' } } as never,
        { type: 'link.remove', id: 'k' } as never,
      ]),
    ).toBe('Added 3 cards, changed 2 steps’ names, changed a card’s words, removed an arrow');
    expect(summariseCommands([])).toBe('Saved');
  });
});

describe('what a restore will change, in words', () => {
  const none = { added: 0, removed: 0, changed: 0 };
  const lists = {
    cards: { added: 3, removed: 2, changed: 1 },
    columns: { added: 1, removed: 0, changed: 0 },
    stages: none,
    lanes: none,
    links: { added: 0, removed: 0, changed: 2 },
    ideas: none,
    personas: none,
    organisations: none,
    sources: none,
    leverCategories: none,
  };
  it('given a difference, then it says what comes back, what goes and what changes back', () => {
    expect(restoreChanges({ lists, details: true, none: false })).toEqual([
      '3 cards and 1 step will come back.',
      '2 cards added since then will be taken off the map.',
      '1 card and 2 arrows will change back to how they were.',
      'The journey’s details will change back to how they were.',
    ]);
    expect(
      restoreChanges({
        lists: { ...lists, cards: { added: 0, removed: 0, changed: 1 }, columns: none, links: none },
        details: false,
        none: false,
      }),
    ).toEqual(['1 card will change back to how it was.']);
  });
});

describe('the moment at a time', () => {
  const versions = [v(1, '10:00:00'), v(2, '10:42:10'), v(3, '10:42:50'), v(4, '11:05:00')];
  const at = (hhmm: string) => Date.parse(`2026-12-03T${hhmm}:00Z`);
  it('given a time, then it is the map by the end of that minute', () => {
    expect([
      versionAt(versions, at('10:42')),
      versionAt(versions, at('10:41')),
      versionAt(versions, at('12:00')),
    ]).toEqual([versions[2], versions[0], versions[3]]);
    expect(versionAt(versions, at('09:59'))).toBe('before');
    expect(versionAt([], at('10:00'))).toBe('none');
  });
});
