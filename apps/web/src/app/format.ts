/** Dates as people read them in the UK: 23 Nov 2026. Invalid or missing values become an empty string. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export const journeyTypeLabels = {
  current: 'Current (as is)',
  desired: 'Desired (to be)',
  case: 'Case',
  'life-course': 'Life course',
} as const;

export const statusLabels = {
  draft: 'Draft',
  'in-review': 'In review',
  published: 'Published',
  archived: 'Archived',
} as const;

export const roleLabels = {
  owner: 'Owner: manages members, tokens and the audit log',
  editor: 'Editor: edits journeys, imports, shares',
  commenter: 'Commenter: reads and comments',
  viewer: 'Viewer: reads only',
} as const;

/** A short random suffix for ids the browser mints (not secret; uniqueness within one journey). */
export function randomSuffix(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 8);
}
