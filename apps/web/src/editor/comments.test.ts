import { describe, expect, it } from 'vitest';
import {
  excerpt,
  groupThreads,
  insertMention,
  isOnTarget,
  matchMembers,
  mentionChoices,
  mentionQuery,
  mentionsIn,
  toEditorComments,
  type ThreadedComment,
} from './comments';

const comment = (id: string, minute: number, extra: Partial<ThreadedComment> = {}): ThreadedComment => ({
  id,
  target: { cardId: 'card-1' },
  body: `body ${id}`,
  author: { id: 'u-ann', name: 'Ann' },
  createdAt: new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString(),
  resolvedAt: null,
  resolvedBy: null,
  parentId: null,
  mentions: [],
  ...extra,
});

describe('comment threads in the editor', () => {
  it('given replies and a resolved thread, then replies take their thread state and open threads come first', () => {
    const items = [
      comment('c1', 1, { resolvedAt: '2026-01-01T10:00:00.000Z', resolvedBy: { id: 'u-bob', name: 'Bob' } }),
      comment('c2', 2),
      comment('r2', 4, { parentId: 'c2' }),
      comment('r1', 3, { parentId: 'c1' }),
      comment('orphan', 5, { parentId: 'gone' }),
    ];
    const shown = toEditorComments(items);
    expect(shown.find((c) => c.id === 'r1')?.resolved).toBe(true);
    expect(shown.find((c) => c.id === 'r1')?.resolvedBy).toBe('Bob');
    const threads = groupThreads(shown);
    expect(threads.map((t) => [t.root.id, t.replies.map((r) => r.id), t.resolved])).toEqual([
      ['c2', ['r2'], false],
      ['orphan', [], false],
      ['c1', ['r1'], true],
    ]);
    expect(threads[0]!.lastAt).toBe(items[2]!.createdAt);
  });

  it('given a step target, then only comments on the step itself are on it, not those on its cards', () => {
    expect(isOnTarget({ target: { columnId: 's1' } }, { columnId: 's1' })).toBe(true);
    expect(isOnTarget({ target: { columnId: 's1', cardId: 'c' } }, { columnId: 's1' })).toBe(false);
    expect(isOnTarget({ target: { cardId: 'c' } }, null)).toBe(true);
  });
});

describe('mentions while typing', () => {
  it('finds the "@name" before the caret, not an email address, a finished line or a long sentence', () => {
    expect(mentionQuery('Ask @Bo', 7)).toEqual({ start: 4, query: 'Bo' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('(@Ann Lee', 9)).toEqual({ start: 1, query: 'Ann Lee' });
    expect(mentionQuery('mail ann@example.org', 20)).toBeNull();
    expect(mentionQuery('@Bob\nnext', 9)).toBeNull();
    expect(mentionQuery('@Bob said this was fine', 23)).toBeNull();
    expect(mentionQuery('no mention', 10)).toBeNull();
  });

  it('matches any word of a name from its start, ignoring case and accents', () => {
    const members = [
      { id: 'a', name: 'Ann Lee' },
      { id: 'b', name: 'Siân Jones' },
      { id: 'c', name: 'Bob' },
    ];
    expect(matchMembers(members, 'lee').map((m) => m.id)).toEqual(['a']);
    expect(matchMembers(members, 'sian').map((m) => m.id)).toEqual(['b']);
    expect(matchMembers(members, '').map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(matchMembers(members, 'zz')).toEqual([]);
    expect(matchMembers(members, '', 2)).toHaveLength(2);
  });

  it('offers members while a name is typed, and stops once one is chosen or the words match no one', () => {
    const members = [
      { id: 'b', name: 'Bea Jones' },
      { id: 'c', name: 'Bob' },
    ];
    const at = (text: string) => mentionChoices(text, text.length, members);
    expect(at('Ask @b')?.matches.map((m) => m.id)).toEqual(['b', 'c']);
    expect(at('Ask @bea j')?.matches.map((m) => m.id)).toEqual(['b']);
    expect(at('Ask @zed')).toEqual({ start: 4, query: 'zed', matches: [] });
    expect(at('Ask @Bea Jones ')).toBeNull();
    expect(at('Ask @Bea Jones please')).toBeNull();
    expect(at('Ask @zed now')).toBeNull();
    expect(mentionChoices('Ask @b', 6, [])).toBeNull();
  });

  it('puts the chosen name in place of the query and keeps only mentions still in the text, once each', () => {
    const ann = { id: 'a', name: 'Ann Lee' };
    const bob = { id: 'b', name: 'Bob' };
    expect(insertMention('Ask @an now', 4, 7, ann)).toEqual({ text: 'Ask @Ann Lee  now', caret: 13 });
    expect(mentionsIn('@Ann Lee and @Bob', [ann, bob, ann])).toEqual([ann, bob]);
    expect(mentionsIn('just Bob', [bob])).toEqual([]);
  });

  it('shortens a long comment to one line', () => {
    expect(excerpt('a\n\nb')).toBe('a b');
    expect(excerpt('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
