import { afterEach, describe, expect, it } from 'vitest';
import { formatMoney, setLocale, t, type MessageId } from '../i18n';
import { formatCount, formatDays, formatDuration, formatPercent } from './dataset-format';

afterEach(() => setLocale('en'));

describe('event-log figures in words, with units and plurals (issue 11 item 7)', () => {
  it('given durations in English, when formatted, then each has its unit spelt out with the right plural', () => {
    setLocale('en');
    expect(formatDuration(1)).toBe('1 second');
    expect(formatDuration(42)).toBe('42 seconds');
    expect(formatDuration(90)).toBe('1.5 minutes');
    expect(formatDuration(3600)).toBe('1 hour');
    expect(formatDuration(5 * 3600)).toBe('5 hours');
    expect(formatDuration(3.25 * 86_400)).toBe('3.3 days');
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(134)).toBe('134 days');
    expect(formatDuration(null)).toBe('—');
  });

  it('given counts per case and money, then "1 contact", "0.42 hand-offs per case" and "£8.62", never "1 contacts" or "8.62 £"', () => {
    setLocale('en');
    expect(t('eventlog.count.contacts', { count: 1 })).toBe('1 contact');
    expect(t('eventlog.count.contacts', { count: 2 })).toBe('2 contacts');
    expect(t('eventlog.perCase.handOffs', { count: 0.42 })).toBe('0.42 hand-offs per case');
    expect(t('eventlog.perCase.contacts', { count: 1 })).toBe('1 contact per case');
    expect(formatMoney(8.62)).toBe('£8.62');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatPercent(0.125)).toBe('12.5%');
  });

  it('given Welsh, then the units are Welsh with the Welsh plural forms', () => {
    setLocale('cy');
    expect(formatDays(1)).toBe('1 diwrnod');
    expect(formatDays(2)).toBe('2 ddiwrnod');
    expect(formatDays(134)).toBe('134 diwrnod');
    expect(t('eventlog.count.contacts', { count: 1 })).toBe('1 cyswllt');
    expect(t('eventlog.count.contacts', { count: 3 })).toBe('3 chyswllt');
    expect(t('eventlog.count.contacts', { count: 10 })).toBe('10 cyswllt');
    expect(formatDuration(5 * 3600)).toBe('5 awr');
    expect(formatMoney(8.62)).toBe('£8.62');
  });
});

describe('a metric card’s value with its unit (for the editor, views and poster)', () => {
  it('given each metric kind, then its value reads with its unit once: "1 contact", "£8.62 a contact", "0.42 hand-offs"', () => {
    setLocale('en');
    const v = (metric: string, value: number) => t(`eventlog.metricValue.${metric}` as MessageId, { value });
    expect(v('contacts', 1)).toBe('1 contact');
    expect(v('hand-offs', 0.42)).toBe('0.42 hand-offs');
    expect(v('unit-cost', 8.62)).toBe('£8.62 a contact');
    expect(v('elapsed-days', 134)).toBe('134 days');
    expect(v('avoidable-percent', 40)).toBe('40% avoidable');
    expect(v('volume', 1200)).toBe('1,200 a year');
    setLocale('cy');
    expect(v('contacts', 2)).toBe('2 gyswllt');
    expect(v('unit-cost', 8.62)).toBe('£8.62 y cyswllt');
  });
});
