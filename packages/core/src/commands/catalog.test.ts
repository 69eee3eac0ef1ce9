import { describe, expect, it } from 'vitest';
import { asbJourney, deepFreeze } from './asb-journey.fixture';
import { expectApplied, expectRefused } from './command-expect.fixture';

const journey = () => deepFreeze(asbJourney());

describe('personas, organisations, lever categories and sources', () => {
  it.each([
    [
      'organisation',
      'police',
      'organisation_in_use',
      /column "reports" \(columns\[1\]\.ownerId\) and 1 other place/,
    ],
    ['organisation', 'housing', 'organisation_in_use', /link "check" \(links\[1\]\.to\.organisationId\)/],
    ['persona', 'victim', 'persona_in_use', /lane "emotion" \(lanes\[3\]\.personaId\) and 1 other place/],
    ['leverCategory', 'comms', 'lever_category_in_use', /card "l1" \(cards\[9\]\.category\)/],
    ['source', 'workshop-1', 'source_in_use', /card "e1" \(cards\[6\]\.sourceId\)/],
  ])('given %s "%s" still referenced, then %s names the referrer', (noun, id, code, message) => {
    const e = expectRefused(journey(), { type: `${noun}.remove`, id });
    expect(e.code).toBe(code);
    expect(e.path).toEqual(['id']);
    expect(e.message).toMatch(message);
  });

  it('given the baton-change card is removed first, then the organisation it named can go after its other uses', () => {
    const { journey: next } = expectApplied(journey(), {
      type: 'batch',
      commands: [
        { type: 'card.remove', id: 'b1' },
        { type: 'column.update', id: 'assessed', patch: {}, unset: ['ownerId'] },
        { type: 'organisation.remove', id: 'council' },
      ],
    });
    expect(next.organisations.map((o) => o.id)).toEqual(['police', 'housing']);
  });

  it('given unused items, then add, update, move and remove apply and invert', () => {
    const j = journey();
    expectApplied(j, { type: 'leverCategory.remove', id: 'process' });
    expectApplied(j, { type: 'leverCategory.add', item: { id: 'policy', label: 'Policy' }, index: 0 });
    expectApplied(j, { type: 'organisation.update', id: 'council', patch: { kind: 'organisation' } });
    expectApplied(j, { type: 'organisation.move', id: 'housing', toIndex: 0 });
    expectApplied(j, { type: 'persona.add', item: { id: 'carer', name: 'Carer' } });
    expectApplied(j, { type: 'source.update', id: 'workshop-1', patch: { date: '2026-03-02' } });
  });

  it('given an organisation patch with only a name, then its kind is kept (no defaults in patches)', () => {
    const { journey: next } = expectApplied(journey(), {
      type: 'organisation.update',
      id: 'housing',
      patch: { name: 'Housing trust' },
    });
    expect(next.organisations[2]).toEqual({ id: 'housing', name: 'Housing trust', kind: 'contractor' });
  });

  it('given bad values, then the field is named', () => {
    expect(
      expectRefused(journey(), { type: 'source.update', id: 'workshop-1', patch: { date: '2 March' } }).where,
    ).toBe('invalid_command @ patch.date');
    expect(
      expectRefused(journey(), { type: 'persona.update', id: 'victim', patch: { name: '   ' } }).where,
    ).toBe('invalid_command @ patch.name');
    expect(
      expectRefused(journey(), { type: 'persona.add', item: { id: 'victim', name: 'Again' } }).where,
    ).toBe('duplicate_id @ item.id');
  });
});

describe('meta and axis', () => {
  it('given a meta patch with a title only, then status and tags are kept', () => {
    const { journey: next, inverse } = expectApplied(journey(), {
      type: 'meta.update',
      patch: { title: 'ASB victims, 2026' },
    });
    expect(next.meta).toMatchObject({ title: 'ASB victims, 2026', status: 'in-review', tags: ['asb'] });
    expect(inverse).toEqual({ type: 'meta.update', patch: { title: 'Victims of ASB' } });
  });

  it('given status unset, then it returns to draft; given the title unset, then invalid_patch', () => {
    expect(
      expectApplied(journey(), { type: 'meta.update', patch: {}, unset: ['status'] }).journey.meta.status,
    ).toBe('draft');
    expect(expectRefused(journey(), { type: 'meta.update', patch: {}, unset: ['title'] }).where).toBe(
      'invalid_patch @ unset[0]',
    );
  });

  it('given axis.set, then the axis changes with its defaults and the inverse restores it', () => {
    const { journey: next, inverse } = expectApplied(journey(), {
      type: 'axis.set',
      axis: { kind: 'dates' },
    });
    expect(next.axis).toEqual({ kind: 'dates', unit: 'month' });
    expect(inverse).toEqual({ type: 'axis.set', axis: { kind: 'steps' } });
  });
});
