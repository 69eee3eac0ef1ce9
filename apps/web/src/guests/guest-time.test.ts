import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { untilText } from './guest-time';

describe('when a guest’s time ends, in words', () => {
  afterEach(() => setLocale('en'));
  // The tests run with TZ unset or UTC; local times are built so they hold in any zone.
  const at = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min);
  it('says only the time for today, "tomorrow" for tomorrow and the day further on', () => {
    setLocale('en');
    const now = at(2026, 12, 4, 9, 30);
    expect(untilText(at(2026, 12, 4, 17).toISOString(), now)).toBe('17:00');
    expect(untilText(at(2026, 12, 5, 23, 59).toISOString(), now)).toBe('23:59 tomorrow');
    expect(untilText(at(2026, 12, 9, 17).toISOString(), now)).toBe('17:00 on Wed 9 Dec');
  });
  it('says it in Welsh, with Welsh day and month names, when the person chose Cymraeg', () => {
    setLocale('cy');
    const now = at(2026, 12, 4, 9, 30);
    expect(untilText(at(2026, 12, 4, 17).toISOString(), now)).toBe('17:00');
    expect(untilText(at(2026, 12, 5, 23, 59).toISOString(), now)).toBe('23:59 yfory');
    expect(untilText(at(2026, 12, 9, 17).toISOString(), now)).toBe('17:00 ar Mer, 9 Rhag');
  });
});
