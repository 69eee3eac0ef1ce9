/** "17:00", "17:00 tomorrow" or "17:00 on Fri 5 Dec": when a guest's time on a map ends, in the reader's clock. */
export function untilText(expiresAt: string, now: Date): string {
  const end = new Date(expiresAt);
  const time = end.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const day = (d: Date) => d.toLocaleDateString('en-GB');
  if (day(end) === day(now)) return time;
  const tomorrow = new Date(now.getTime() + 86_400_000);
  if (day(end) === day(tomorrow)) return `${time} tomorrow`;
  const date = end.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
  return `${time} on ${date}`;
}
