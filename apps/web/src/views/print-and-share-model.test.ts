import { planPosterSheets } from '@waymark/render';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { describePlan, sheetLabel } from './print-model';
import { expiryFor, shareState, sortShares } from './share-model';

const A3 = { width: 1190.55, height: 841.89 };

describe('what the print view says', () => {
  it('given a poster of exactly A3, then one sheet at full size with 9 pt text', () => {
    const plan = planPosterSheets(A3);
    expect(describePlan(plan)).toBe(
      'Prints on one A3 landscape sheet at full size; the smallest text prints at 9 pt.',
    );
    expect(sheetLabel(plan, 0)).toBe('The poster');
  });

  it('given a poster a fifth too big, then scaled to 83% with the smallest text size', () => {
    expect(describePlan(planPosterSheets({ width: A3.width * 1.2, height: A3.height }))).toBe(
      'Prints on one A3 landscape sheet scaled to 83%; the smallest text prints at 7.5 pt.',
    );
  });

  it('given fit asked for a poster five sheets wide, then it warns the text is too small', () => {
    expect(describePlan(planPosterSheets({ width: A3.width * 5, height: A3.height }, 'fit'))).toMatch(
      /scaled to 20%.*1\.8 pt — too small to read comfortably; try splitting over sheets\.$/,
    );
  });

  it('given a poster tiled 3 across and 2 down, then the count, the grid and how to join them; sheets named by row and column', () => {
    const plan = planPosterSheets({ width: A3.width * 4, height: A3.height * 2 }, 'tile');
    expect([plan.across, plan.down]).toEqual([3, 2]);
    expect(describePlan(plan)).toBe(
      'Too big for one legible sheet: prints on 6 A3 landscape sheets (3 across and 2 down) at 67%, smallest text 6 pt. Trim the white edges and join the sheets in order.',
    );
    expect(sheetLabel(plan, 4)).toBe('Sheet 5 of 6 (row 2, column 2)');
  });

  describe('in Welsh', () => {
    afterEach(() => setLocale('en'));

    it('given Cymraeg chosen, then the plan and the sheets are described in Welsh, with Welsh plurals', () => {
      setLocale('cy');
      expect(describePlan(planPosterSheets(A3))).toBe(
        "Yn argraffu ar un ddalen A3 tirlun yn ei faint llawn; mae'r testun lleiaf yn argraffu ar 9 pt.",
      );
      const plan = planPosterSheets({ width: A3.width * 4, height: A3.height * 2 }, 'tile');
      expect(describePlan(plan)).toMatch(
        /^Rhy fawr i un ddalen ddarllenadwy: yn argraffu ar 6 dalen A3 tirlun \(3 ar draws a 2 i lawr\)/,
      );
      expect(sheetLabel(plan, 4)).toBe('Dalen 5 o 6 (rhes 2, colofn 2)');
      const two = planPosterSheets({ width: A3.width * 2, height: A3.height }, 'tile');
      expect(two.sheets.length).toBe(2);
      expect(describePlan(two)).toMatch(/ar 2 ddalen A3 tirlun \(2 ochr yn ochr\)/);
    });
  });
});

describe('share links', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const link = (
    id: string,
    expiresAt: string,
    extra: { createdAt?: string; revokedAt?: string | null } = {},
  ) => ({
    id,
    expiresAt,
    ...extra,
  });

  it('given a duration in days, then the expiry is that many days from now', () => {
    expect(expiryFor(now, 7)).toBe('2026-11-30T12:00:00.000Z');
  });

  it('given links revoked, past and future, then withdrawn, expired and working', () => {
    expect(shareState(link('a', '2026-12-01T00:00:00Z', { revokedAt: '2026-11-22T00:00:00Z' }), now)).toBe(
      'revoked',
    );
    expect(shareState(link('b', '2026-11-23T12:00:00Z'), now)).toBe('expired');
    expect(shareState(link('c', '2026-11-23T12:00:01Z'), now)).toBe('active');
  });

  it('given a mix, then working links first, soonest expiry first, then the rest newest first', () => {
    const sorted = sortShares(
      [
        link('old-expired', '2026-01-01T00:00:00Z', { createdAt: '2025-12-01T00:00:00Z' }),
        link('late', '2027-01-01T00:00:00Z', { createdAt: '2026-11-01T00:00:00Z' }),
        link('revoked', '2027-01-01T00:00:00Z', {
          createdAt: '2026-11-20T00:00:00Z',
          revokedAt: '2026-11-21T00:00:00Z',
        }),
        link('soon', '2026-11-24T00:00:00Z', { createdAt: '2026-11-10T00:00:00Z' }),
      ],
      now,
    );
    expect(sorted.map((s) => s.id)).toEqual(['soon', 'late', 'revoked', 'old-expired']);
  });
});
