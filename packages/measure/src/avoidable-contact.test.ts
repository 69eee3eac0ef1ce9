import { describe, expect, it } from 'vitest';
import {
  avoidableContactShare,
  contactsPerResolvedRequest,
  countAvoidable,
  defaultContactCategories,
  firstContactResolution,
} from './avoidable-contact';

describe('avoidableContactShare (NI14)', () => {
  it('given 30 avoidable of 100 contacts, then 30 % with the interval of domain.md §6 (21.9 %–39.6 %)', () => {
    const r = avoidableContactShare(30, 100);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.percent).toBe(30);
    expect(r.value.low * 100).toBeCloseTo(21.9, 1);
    expect(r.value.high * 100).toBeCloseTo(39.6, 1);
  });

  it('given 3,000 avoidable of 10,000 (domain.md §5), then 30 % with a narrower interval', () => {
    const r = avoidableContactShare(3000, 10_000);
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.percent).toBe(30);
    expect(r.value.high - r.value.low).toBeLessThan(0.02);
  });

  it('given more avoidable contacts than contacts, then an error naming the field', () => {
    expect(avoidableContactShare(11, 10)).toEqual({
      ok: false,
      error: [{ code: 'invalid_input', path: 'avoidable', message: 'expected no more than contacts (10)' }],
    });
    expect(avoidableContactShare(1.5, -2)).toMatchObject({
      ok: false,
      error: [{ path: 'contacts' }, { path: 'avoidable' }],
    });
  });
});

describe('countAvoidable', () => {
  it('given coded contacts, then only avoidable codes count', () => {
    expect(countAvoidable(['PC', null, 'RP', 'XX', null])).toEqual({ avoidable: 2, contacts: 5 });
  });
  it('given a category switched off, then it no longer counts', () => {
    const categories = defaultContactCategories.map((c) =>
      c.code === 'PC' ? { ...c, avoidable: false } : c,
    );
    expect(countAvoidable(['PC', 'RP'], categories)).toEqual({ avoidable: 1, contacts: 2 });
  });
});

describe('contactsPerResolvedRequest and firstContactResolution', () => {
  it('given 150 contacts for 100 resolved requests, then 1.5', () => {
    expect(contactsPerResolvedRequest(150, 100)).toEqual({ ok: true, value: 1.5 });
  });
  it('given no resolved requests, then an error rather than infinity', () => {
    expect(contactsPerResolvedRequest(5, 0)).toMatchObject({
      ok: false,
      error: [{ path: 'resolvedRequests' }],
    });
  });
  it('given 70 of 100 resolved at first contact, then 0.7 with an interval around it', () => {
    const r = firstContactResolution(70, 100);
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.estimate).toBe(0.7);
    // Symmetric to 30 of 100: 1 − 39.6 % … 1 − 21.9 %
    expect(r.value.low * 100).toBeCloseTo(60.4, 1);
    expect(r.value.high * 100).toBeCloseTo(78.1, 1);
  });
});
