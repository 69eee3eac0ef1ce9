/**
 * Timestamp parsing straight from bytes: ISO 8601 / xs:dateTime in every common form, and the
 * day-first and month-first forms CRM exports use. Values without an offset are read in `zone`.
 */
export type DateOrder = 'iso' | 'dmy' | 'mdy';

export interface TimestampFormat {
  readonly order: DateOrder;
  /** IANA zone for values that carry no offset; 'UTC' by default. */
  readonly zone: string;
}

const DASH = 45;
const SLASH = 47;
const DOT = 46;
const COLON = 58;

function digits(b: Uint8Array, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = (b[i + k] as number) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const monthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > (monthDays[m - 1] as number)) return false;
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

/**
 * Epoch milliseconds of b[start, end), or NaN when it is not a timestamp of the given order.
 * Fractions finer than a millisecond are kept as a fractional millisecond.
 */
export function parseTimestampBytes(
  b: Uint8Array,
  start: number,
  end: number,
  format: TimestampFormat,
): number {
  const fast = isoUtc(b, start, end);
  if (fast === fast) return fast; // not NaN
  while (start < end && b[start] === 32) start++;
  while (end > start && b[end - 1] === 32) end--;
  let y: number, m: number, d: number, i: number;
  if (format.order === 'iso' || (end - start >= 10 && b[start + 4] === DASH)) {
    if (
      end - start < 10 ||
      (b[start + 4] !== DASH && b[start + 4] !== SLASH) ||
      b[start + 7] !== b[start + 4]
    )
      return Number.NaN;
    y = digits(b, start, 4);
    m = digits(b, start + 5, 2);
    d = digits(b, start + 8, 2);
    i = start + 10;
  } else {
    // d/m/yyyy or m/d/yyyy with one- or two-digit day and month, '/', '-' or '.' separators
    i = start;
    const aLen = digitRun(b, i, end);
    if (aLen < 1 || aLen > 2) return Number.NaN;
    const a = digits(b, i, aLen);
    i += aLen;
    const sep = b[i];
    if (sep !== SLASH && sep !== DASH && sep !== DOT) return Number.NaN;
    i++;
    const cLen = digitRun(b, i, end);
    if (cLen < 1 || cLen > 2) return Number.NaN;
    const c = digits(b, i, cLen);
    i += cLen;
    if (b[i] !== sep || digitRun(b, i + 1, end) !== 4) return Number.NaN;
    y = digits(b, i + 1, 4);
    i += 5;
    if (format.order === 'mdy') {
      m = a;
      d = c;
    } else {
      d = a;
      m = c;
    }
  }
  if (y < 0 || m < 0 || d < 0 || !validDate(y, m, d)) return Number.NaN;
  let ms = 0;
  let offsetMin = Number.NaN;
  if (i < end) {
    const t = b[i];
    if (t !== 84 && t !== 32 && t !== 116) return parseOffsetOnly(b, i, end, y, m, d);
    i++;
    const hh = digits(b, i, 2);
    const mm = b[i + 2] === COLON ? digits(b, i + 3, 2) : -1;
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || i + 5 > end) return Number.NaN;
    i += 5;
    let ss = 0;
    if (i < end && b[i] === COLON) {
      ss = digits(b, i + 1, 2);
      if (ss < 0 || ss > 59 || i + 3 > end) return Number.NaN;
      i += 3;
      if (i < end && (b[i] === DOT || b[i] === 44)) {
        i++;
        let frac = 0;
        let scale = 1;
        while (i < end) {
          const c = (b[i] as number) - 48;
          if (c < 0 || c > 9) break;
          if (scale < 1e9) {
            frac = frac * 10 + c;
            scale *= 10;
          }
          i++;
        }
        if (scale === 1) return Number.NaN;
        ms = (frac / scale) * 1000;
      }
    }
    ms += (hh * 3600 + mm * 60 + ss) * 1000;
    if (i < end && b[i] === 32) i++;
    if (i < end) {
      offsetMin = readOffset(b, i, end);
      if (Number.isNaN(offsetMin)) return Number.NaN;
    }
  }
  const local = daysFromCivil(y, m, d) * 86_400_000 + ms;
  if (!Number.isNaN(offsetMin)) return local - offsetMin * 60_000;
  return format.zone === 'UTC' ? local : localToUtc(local, format.zone);
}

/** The day number of the last date seen by `isoUtc` (consecutive events mostly share a few dates). */
let lastDateKey = -1;
let lastDays = 0;

/**
 * The commonest forms, `YYYY-MM-DDTHH:MM:SS[.fraction]` then `Z` or `±HH:MM` (as XES logs write them), in one
 * pass with the day number cached; NaN for anything else, which the general parser then reads (and refuses if
 * it must). Same arithmetic as the general path, so the same milliseconds to the last bit.
 */
function isoUtc(b: Uint8Array, start: number, end: number): number {
  // where the time ends (before its "Z" or offset), and the offset in minutes east of UTC
  let timeEnd = end - 1;
  let offsetMin = 0;
  if (b[timeEnd] !== 90) {
    timeEnd = end - 6;
    const sign = b[timeEnd];
    const oh0 = (b[end - 5] as number) - 48;
    const oh1 = (b[end - 4] as number) - 48;
    const om0 = (b[end - 2] as number) - 48;
    const om1 = (b[end - 1] as number) - 48;
    if (
      (sign !== 43 && sign !== DASH) ||
      b[end - 3] !== COLON ||
      oh0 >>> 0 > 9 ||
      oh1 >>> 0 > 9 ||
      om0 >>> 0 > 9 ||
      om1 >>> 0 > 9
    )
      return Number.NaN;
    const oh = oh0 * 10 + oh1;
    const om = om0 * 10 + om1;
    if (oh > 18 || om > 59) return Number.NaN;
    offsetMin = (sign === 43 ? 1 : -1) * (oh * 60 + om);
  }
  if (
    timeEnd - start < 19 ||
    b[start + 4] !== DASH ||
    b[start + 7] !== DASH ||
    b[start + 10] !== 84 ||
    b[start + 13] !== COLON ||
    b[start + 16] !== COLON
  )
    return Number.NaN;
  // every digit at once: a byte outside '0'..'9' makes its (x - 48) >>> 0 exceed 9
  const y0 = (b[start] as number) - 48;
  const y1 = (b[start + 1] as number) - 48;
  const y2 = (b[start + 2] as number) - 48;
  const y3 = (b[start + 3] as number) - 48;
  const m0 = (b[start + 5] as number) - 48;
  const m1 = (b[start + 6] as number) - 48;
  const d0 = (b[start + 8] as number) - 48;
  const d1 = (b[start + 9] as number) - 48;
  const h0 = (b[start + 11] as number) - 48;
  const h1 = (b[start + 12] as number) - 48;
  const n0 = (b[start + 14] as number) - 48;
  const n1 = (b[start + 15] as number) - 48;
  const s0 = (b[start + 17] as number) - 48;
  const s1 = (b[start + 18] as number) - 48;
  if (
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    m0 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9 ||
    h0 >>> 0 > 9 ||
    h1 >>> 0 > 9 ||
    n0 >>> 0 > 9 ||
    n1 >>> 0 > 9 ||
    s0 >>> 0 > 9 ||
    s1 >>> 0 > 9
  )
    return Number.NaN;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  const hh = h0 * 10 + h1;
  const mm = n0 * 10 + n1;
  const ss = s0 * 10 + s1;
  if (hh > 23 || mm > 59 || ss > 59) return Number.NaN;
  let ms = 0;
  let i = start + 19;
  if (i < timeEnd) {
    if (b[i] !== DOT && b[i] !== 44) return Number.NaN;
    i++;
    let frac = 0;
    let scale = 1;
    while (i < timeEnd) {
      const c = (b[i] as number) - 48;
      if (c < 0 || c > 9) return Number.NaN;
      if (scale < 1e9) {
        frac = frac * 10 + c;
        scale *= 10;
      }
      i++;
    }
    if (scale === 1) return Number.NaN;
    ms = (frac / scale) * 1000;
  }
  ms += (hh * 3600 + mm * 60 + ss) * 1000;
  const key = y * 10000 + m * 100 + d;
  if (key !== lastDateKey) {
    if (!validDate(y, m, d)) return Number.NaN;
    lastDays = daysFromCivil(y, m, d);
    lastDateKey = key;
  }
  const local = lastDays * 86_400_000 + ms;
  return offsetMin === 0 ? local : local - offsetMin * 60_000;
}

function parseOffsetOnly(b: Uint8Array, i: number, end: number, y: number, m: number, d: number): number {
  const off = readOffset(b, i, end);
  return Number.isNaN(off) ? Number.NaN : daysFromCivil(y, m, d) * 86_400_000 - off * 60_000;
}

function digitRun(b: Uint8Array, i: number, end: number): number {
  let n = 0;
  while (i + n < end && (b[i + n] as number) >= 48 && (b[i + n] as number) <= 57) n++;
  return n;
}

/** Minutes east of UTC for 'Z', '+HH:MM', '+HHMM', '+HH' (also 'UTC'/'GMT'); NaN otherwise. */
function readOffset(b: Uint8Array, i: number, end: number): number {
  const c = b[i];
  if (c === 90 || c === 122) return i + 1 === end ? 0 : Number.NaN;
  if (
    end - i === 3 &&
    ((c === 85 && b[i + 1] === 84 && b[i + 2] === 67) || (c === 71 && b[i + 1] === 77 && b[i + 2] === 84))
  )
    return 0;
  if (c !== 43 && c !== DASH) return Number.NaN;
  const sign = c === 43 ? 1 : -1;
  const hh = digits(b, i + 1, 2);
  let mm = 0;
  const rest = end - i - 3;
  if (rest === 3 && b[i + 3] === COLON) mm = digits(b, i + 4, 2);
  else if (rest === 2) mm = digits(b, i + 3, 2);
  else if (rest !== 0) return Number.NaN;
  if (hh < 0 || hh > 18 || mm < 0 || mm > 59) return Number.NaN;
  return sign * (hh * 60 + mm);
}

const zoneCache = new Map<string, Map<number, number>>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `zone` at the UTC instant `utcMs`, in milliseconds (cached per hour). */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  let byHour = zoneCache.get(zone);
  if (!byHour) zoneCache.set(zone, (byHour = new Map()));
  const hour = Math.floor(utcMs / 3_600_000);
  const hit = byHour.get(hour);
  if (hit !== undefined) return hit;
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(hour * 3_600_000))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local =
    daysFromCivil(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1) * 86_400_000 +
    ((parts.hour ?? 0) * 3600 + (parts.minute ?? 0) * 60 + (parts.second ?? 0)) * 1000;
  const off = local - hour * 3_600_000;
  byHour.set(hour, off);
  return off;
}

/** The UTC instant of a wall-clock time in `zone` (two passes settle daylight-saving edges). */
export function localToUtc(localMs: number, zone: string): number {
  const first = localMs - zoneOffsetMs(zone, localMs);
  return localMs - zoneOffsetMs(zone, first);
}

/** Throws a RangeError when the zone is not an IANA zone Node knows. */
export function checkZone(zone: string): void {
  new Intl.DateTimeFormat('en-GB', { timeZone: zone });
}

const scratch = new Uint8Array(128);

/** The same parser for a JS string (XES attribute values, Parquet strings). */
export function parseTimestampString(s: string, format: TimestampFormat): number {
  const n = Math.min(s.length, scratch.length);
  for (let k = 0; k < n; k++) scratch[k] = s.charCodeAt(k) & 0xff;
  return s.length > scratch.length ? Number.NaN : parseTimestampBytes(scratch, 0, n, format);
}

/**
 * Chooses the date order from sample values: ISO when they start with a four-digit year;
 * otherwise day-first unless some first number is above 12 only in second place.
 * Returns `ambiguous` when no sample decides it (UK practice, day first, is then used).
 */
export function detectDateOrder(samples: readonly string[]): { order: DateOrder; ambiguous: boolean } {
  let dayFirst = false;
  let monthFirst = false;
  let iso = 0;
  let dayMonth = 0;
  for (const s of samples) {
    const t = s.trim();
    if (/^\d{4}[-/]\d{2}[-/]\d{2}/.test(t)) {
      iso++;
      continue;
    }
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}/.exec(t);
    if (!m) continue;
    dayMonth++;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (iso > 0 && !dayFirst && !monthFirst) return { order: 'iso', ambiguous: false };
  if (monthFirst && !dayFirst) return { order: 'mdy', ambiguous: false };
  // ambiguous only when there were dates such as 03/04/2025 and none of them told which comes first (a file
  // with no such dates, or no rows at all, is read day first without a warning: there is nothing to misread)
  return { order: 'dmy', ambiguous: dayMonth > 0 && !dayFirst };
}

/** Year, month and day of a day count since 1970-01-01 (inverse of daysFromCivil). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
