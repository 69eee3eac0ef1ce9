import { describe, expect, it } from 'vitest';
import { parseInput } from './input-error';
import { ideaSchema, quadrantOf, valueEffortMatrix, type Idea } from './ideas';

const idea = (
  id: string,
  value: number | undefined,
  effort: number,
  status: Idea['status'] = 'proposed',
): Idea => ({
  id,
  title: id,
  painPointRefs: [],
  leverRefs: [],
  effort,
  value,
  status,
  parkedReason: status === 'parked' ? 'outside the business question' : undefined,
  expectedEffect: {},
});

describe('valueEffortMatrix', () => {
  it('given ideas in each corner, then quick wins, major projects, fill-ins and thankless tasks', () => {
    const m = valueEffortMatrix([
      idea('text-updates', 4, 2),
      idea('new-crm', 5, 5),
      idea('letter-wording', 2, 1),
      idea('rebuild-portal', 1, 5),
      idea('joint-visits', 5, 2),
      idea('housing-review', 5, 1, 'parked'),
      idea('unsure', undefined, 2),
    ]);
    expect(m.quadrants['quick-win'].map((i) => i.id)).toEqual(['joint-visits', 'text-updates']);
    expect(m.quadrants['major-project'].map((i) => i.id)).toEqual(['new-crm']);
    expect(m.quadrants['fill-in'].map((i) => i.id)).toEqual(['letter-wording']);
    expect(m.quadrants['thankless-task'].map((i) => i.id)).toEqual(['rebuild-portal']);
    expect(m.parked.map((i) => i.id)).toEqual(['housing-review']);
    expect(m.unscored.map((i) => i.id)).toEqual(['unsure']);
  });

  it('given a value function, then computed values place the ideas', () => {
    const m = valueEffortMatrix([idea('a', undefined, 1)], () => 5);
    expect(m.quadrants['quick-win']).toMatchObject([{ id: 'a', value: 5 }]);
  });

  it('puts the midpoint 3 on the high side', () => {
    expect(quadrantOf(3, 2)).toBe('quick-win');
    expect(quadrantOf(3, 3)).toBe('major-project');
    expect(quadrantOf(2, 3)).toBe('thankless-task');
  });
});

describe('ideaSchema', () => {
  it('given a parked idea without a reason, then an error naming parkedReason', () => {
    const r = parseInput(ideaSchema, { id: 'x', title: 'X', effort: 2, status: 'parked' });
    expect(r).toEqual({
      ok: false,
      error: [
        { code: 'invalid_input', path: 'parkedReason', message: 'expected a reason when an idea is parked' },
      ],
    });
  });
  it('given effort 6 and a share above 1, then errors naming both fields', () => {
    const r = parseInput(ideaSchema, {
      id: 'x',
      title: 'X',
      effort: 6,
      status: 'proposed',
      expectedEffect: { channelShift: [{ from: 'telephone', to: 'web', share: 1.5 }] },
    });
    expect(!r.ok && r.error.map((e) => [e.path, e.message])).toEqual([
      ['effort', 'expected effort as a whole number from 1 to 5'],
      ['expectedEffect.channelShift[0].share', 'expected a share from 0 to 1'],
    ]);
  });
  it('fills defaults for refs and effect', () => {
    const r = parseInput(ideaSchema, {
      id: 'x',
      title: 'X',
      effort: 2,
      status: 'agreed',
      owner: 'Contact centre',
    });
    expect(r.ok && r.value).toMatchObject({ painPointRefs: [], leverRefs: [], expectedEffect: {} });
  });
});
