import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/fixtures';
import { civilFromDays, daysFromCivil, detectDateOrder, parseTimestampString } from './timestamps';

const iso = { order: 'iso', zone: 'UTC' } as const;

describe('parseTimestampString', () => {
  it.each([
    ['2011-10-11T13:45:40.276+02:00', '2011-10-11T11:45:40.276Z'],
    ['2011-10-11 13:45:40.276000+02:00', '2011-10-11T11:45:40.276Z'],
    ['2005-03-23 00:00:00+01:00', '2005-03-22T23:00:00.000Z'],
    ['2017-01-09T09:49:50Z', '2017-01-09T09:49:50.000Z'],
    ['2017-01-09T09:49:50.5-0530', '2017-01-09T15:19:50.500Z'],
    ['2017-01-09T09:49', '2017-01-09T09:49:00.000Z'],
    ['2017-01-09', '2017-01-09T00:00:00.000Z'],
    ['2017-01-09T09:49:50+05', '2017-01-09T04:49:50.000Z'],
  ])('given %s, when parsed, then it is the instant %s', (text, expected) => {
    expect(new Date(parseTimestampString(text, iso)).toISOString()).toBe(expected);
  });

  it('given UTC times ending in Z (the one-pass form), then each is the same instant as written with +0000 (the general form), across dates', () => {
    const random = seeded(7);
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor(random() * 4e12);
      const frac = ['', '.5', '.123', '.123456', '.1234567891'][i % 5] as string;
      const text = new Date(ms).toISOString().slice(0, 19);
      expect(parseTimestampString(`${text}${frac}Z`, iso)).toBe(
        parseTimestampString(`${text}${frac}+0000`, iso),
      );
    }
    // a leap day, then the same date in a year without one (the cached day must not carry over)
    expect(new Date(parseTimestampString('2024-02-29T12:00:00Z', iso)).toISOString()).toBe(
      '2024-02-29T12:00:00.000Z',
    );
    expect(parseTimestampString('2023-02-29T12:00:00Z', iso)).toBeNaN();
    expect(parseTimestampString('2024-01-01T00:00:0xZ', iso)).toBeNaN();
  });

  it('given times with an offset ±HH:MM (the one-pass form), then each is the instant the general form +HHMM gives, and Date.parse', () => {
    const random = seeded(11);
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor(random() * 4e12);
      const frac = ['', '.5', '.123', '.123456', '.1234567891'][i % 5] as string;
      const sign = i % 3 === 0 ? '-' : '+';
      const hh = String(Math.floor(random() * 15)).padStart(2, '0');
      const mm = ['00', '30', '45'][i % 3] as string;
      const text = new Date(ms).toISOString().slice(0, 19);
      const fast = parseTimestampString(`${text}${frac}${sign}${hh}:${mm}`, iso);
      expect(fast).toBe(parseTimestampString(`${text}${frac}${sign}${hh}${mm}`, iso));
      if (frac.length <= 4) expect(fast).toBe(Date.parse(`${text}${frac}${sign}${hh}:${mm}`));
    }
    // an offset out of range, a bad digit in it, or one without its colon's place are refused or read elsewhere
    expect(parseTimestampString('2024-01-01T10:00:00+19:00', iso)).toBeNaN();
    expect(parseTimestampString('2024-01-01T10:00:00+01:60', iso)).toBeNaN();
    expect(parseTimestampString('2024-01-01T10:00:00+0x:00', iso)).toBeNaN();
    expect(parseTimestampString('2024-01-01T10:00:00*01:00', iso)).toBeNaN();
    expect(parseTimestampString('2024-01-01T10:00+01:00', iso)).toBe(Date.UTC(2024, 0, 1, 9));
    expect(parseTimestampString('2024-02-29T00:30:00+01:00', iso)).toBe(Date.UTC(2024, 1, 28, 23, 30));
    expect(parseTimestampString('2023-02-29T00:30:00+01:00', iso)).toBeNaN();
  });

  it('keeps sub-millisecond fractions as fractional milliseconds', () => {
    expect(parseTimestampString('1970-01-01T00:00:00.0015Z', iso)).toBeCloseTo(1.5, 9);
  });

  it.each([
    '2024-02-30T00:00:00Z',
    '2023-02-29',
    '2024-13-01',
    '2024-01-01T24:00:00Z',
    '2024-01-01T10:61',
    'yesterday',
    '',
    '2024-01-01T10:00:00+25:00',
    '2024-01-01T10:00:00 nonsense',
  ])('given %j, when parsed, then NaN (rejected, not guessed)', (text) => {
    expect(parseTimestampString(text, iso)).toBeNaN();
  });

  it('given day-first and month-first UK/US forms, when parsed with the order, then both mean the same day', () => {
    expect(parseTimestampString('01/03/2024 09:30', { order: 'dmy', zone: 'UTC' })).toBe(
      Date.UTC(2024, 2, 1, 9, 30),
    );
    expect(parseTimestampString('3/1/2024 09:30:15', { order: 'mdy', zone: 'UTC' })).toBe(
      Date.UTC(2024, 2, 1, 9, 30, 15),
    );
    expect(parseTimestampString('1.3.2024', { order: 'dmy', zone: 'UTC' })).toBe(Date.UTC(2024, 2, 1));
  });

  it('given a local time in Europe/London, when parsed, then British Summer Time is taken off', () => {
    const london = { order: 'iso', zone: 'Europe/London' } as const;
    expect(new Date(parseTimestampString('2024-07-01 12:00', london)).toISOString()).toBe(
      '2024-07-01T11:00:00.000Z',
    );
    expect(new Date(parseTimestampString('2024-01-15 12:00', london)).toISOString()).toBe(
      '2024-01-15T12:00:00.000Z',
    );
    // an explicit offset wins over the zone
    expect(new Date(parseTimestampString('2024-07-01T12:00:00Z', london)).toISOString()).toBe(
      '2024-07-01T12:00:00.000Z',
    );
  });

  it('given random instants, when printed as ISO and parsed back, then they round-trip exactly', () => {
    const rnd = seeded(7);
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor((rnd() - 0.3) * 8e12);
      expect(parseTimestampString(new Date(ms).toISOString(), iso)).toBe(ms);
    }
  });

  it('civilFromDays inverts daysFromCivil', () => {
    for (let d = -800_000; d < 800_000; d += 997) {
      const c = civilFromDays(d);
      expect(daysFromCivil(c.year, c.month, c.day)).toBe(d);
    }
  });
});

describe('detectDateOrder', () => {
  it('given a day above 12 in first place, then day-first; in second place, then month-first; otherwise ambiguous', () => {
    expect(detectDateOrder(['01/02/2024', '25/02/2024'])).toEqual({ order: 'dmy', ambiguous: false });
    expect(detectDateOrder(['01/02/2024', '02/25/2024'])).toEqual({ order: 'mdy', ambiguous: false });
    expect(detectDateOrder(['01/02/2024', '03/04/2024'])).toEqual({ order: 'dmy', ambiguous: true });
    expect(detectDateOrder(['2024-01-02T10:00:00Z'])).toEqual({ order: 'iso', ambiguous: false });
  });

  it('given no dates such as 03/04/2025 at all (no rows, or times it cannot read), then day first without calling it ambiguous', () => {
    expect(detectDateOrder([])).toEqual({ order: 'dmy', ambiguous: false });
    expect(detectDateOrder(['soon', '', '10:00'])).toEqual({ order: 'dmy', ambiguous: false });
  });
});
