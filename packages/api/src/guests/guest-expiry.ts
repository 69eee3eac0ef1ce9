/** A workshop link works for at least an hour and at most a week (decision 0015). */
export const MIN_GUEST_MS = 3_600_000;
export const MAX_GUEST_MS = 7 * 86_400_000;
/** The people Waymark is for work in the UK: "the end of tomorrow" is by the clock on their wall. */
const ZONE = 'Europe/London';

/** Minutes the zone is ahead of UTC at `instant` (0 in winter, 60 in summer for London). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((wall - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The default expiry: one minute before midnight at the end of tomorrow, UK time. */
export function endOfTomorrow(now: Date, timeZone = ZONE): Date {
  const local = new Date(now.getTime() + offsetMinutes(now.getTime(), timeZone) * 60_000);
  const wall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1, 23, 59);
  // The wall-clock time of that day, as an instant: its own offset (a clock change may fall in between).
  return new Date(wall - offsetMinutes(wall, timeZone) * 60_000);
}

/** Null when `expires` is within the allowed window from `now`, else what is wrong in words. */
export function expiryProblem(now: Date, expires: Date): string | null {
  const ms = expires.getTime() - now.getTime();
  if (ms < MIN_GUEST_MS - 60_000) return 'expiresAt: a workshop link must work for at least an hour';
  if (ms > MAX_GUEST_MS + 60_000) return 'expiresAt: a workshop link can work for at most 7 days';
  return null;
}
