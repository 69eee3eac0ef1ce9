import type { Journey, Link } from '@waymark/core';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { linkText, stepName, stopName } from './links-band';
import { parseWait, targetOf, targetValue } from './links-panel';

const journey = {
  columns: [
    { id: 'need', label: 'Need arises' },
    { id: 'contact', label: 'Makes contact' },
    { id: 'blank', label: '  ' },
  ],
  organisations: [{ id: 'police', name: 'Police', kind: 'outside-agency' }],
} as unknown as Pick<Journey, 'columns' | 'organisations'>;
const link = (l: Record<string, unknown>) => l as unknown as Link;

describe('links in words (what screen readers hear for each arrow)', () => {
  afterEach(() => setLocale('en'));

  it('names the kind, both ends, where it comes back, the wait and the label', () => {
    expect(
      linkText(
        journey,
        link({
          id: 'l',
          kind: 'feedback-loop',
          from: { columnId: 'contact' },
          to: { kind: 'column', columnId: 'need' },
          label: 'Calls again',
        }),
      ),
    ).toBe('Feedback loop from Makes contact to Need arises: Calls again');
    expect(
      linkText(
        journey,
        link({ id: 'l', kind: 'hand-off', from: { columnId: 'need' }, to: { kind: 'customer' } }),
      ),
    ).toBe('Hand-off from Need arises to the customer');
    expect(
      linkText(
        journey,
        link({
          id: 'l',
          kind: 'outside-request',
          from: { columnId: 'need' },
          to: { kind: 'organisation', organisationId: 'police' },
          returnsTo: { columnId: 'contact' },
          waitDays: 1,
          label: 'Checks the record',
        }),
      ),
    ).toBe(
      'Request to an outside agency from Need arises to Police, coming back at Makes contact, waiting 1 day: Checks the record',
    );
  });

  it('names a step without a label by its number, and a stop by the customer or the organisation', () => {
    expect(stepName(journey, 'blank')).toBe('Step 3');
    expect(stopName(journey, link({ to: { kind: 'customer' } }))).toBe('Customer');
    expect(stopName(journey, link({ to: { kind: 'organisation', organisationId: 'police' } }))).toBe(
      'Police',
    );
    expect(stopName(journey, link({ to: { kind: 'column', columnId: 'need' } }))).toBeNull();
  });

  it('speaks Welsh when Welsh is chosen', () => {
    setLocale('cy');
    expect(
      linkText(
        journey,
        link({ id: 'l', kind: 'hand-off', from: { columnId: 'need' }, to: { kind: 'customer' } }),
      ),
    ).toBe('Trosglwyddo o Need arises i’r cwsmer');
  });

  it('reads a target choice and a typed wait back', () => {
    for (const to of [
      { kind: 'column', columnId: 'need' },
      { kind: 'customer' },
      { kind: 'organisation', organisationId: 'police' },
    ] as const)
      expect(targetOf(targetValue(to as never))).toEqual(to);
    expect(parseWait('')).toEqual({ ok: true, days: undefined });
    expect(parseWait(' 2,5 ')).toEqual({ ok: true, days: 2.5 });
    expect(parseWait('-1')).toEqual({ ok: false });
    expect(parseWait('soon')).toEqual({ ok: false });
  });
});
