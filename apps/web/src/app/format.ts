import type { journeyStatuses, journeyTypes, MetricKind } from '@waymark/core';
import { formatDateIn, formatDateTimeIn, t, type MessageId } from '../i18n';
import type { Role } from '../api/types';

type JourneyType = (typeof journeyTypes)[number];
type JourneyStatus = (typeof journeyStatuses)[number];

/** A calendar date in the chosen language: 23 Nov 2026 / 23 Tach 2026. Missing values become ''. */
export function formatDate(value: string | null | undefined): string {
  return formatDateIn(value);
}

/** A date and time in the chosen language (the browser's time zone). */
export function formatDateTime(value: string | null | undefined): string {
  return formatDateTimeIn(value);
}

/** What a journey type is called, in the chosen language (an unknown type comes back as it is). */
export function journeyTypeLabel(type: string): string {
  return type in journeyTypeIds ? t(journeyTypeIds[type as JourneyType]) : type;
}

/** What a journey's status is called, in the chosen language (an unknown status comes back as it is). */
export function statusLabel(status: string): string {
  return status in statusIds ? t(statusIds[status as JourneyStatus]) : status;
}

/** A metric card's figure with its unit once and the right plural: `1 contact`, `£8.62 a contact`, `0.42 hand-offs`. */
export function metricFigure(metric: MetricKind, value: number): string {
  return t(`eventlog.metricValue.${metric}`, { value });
}

/** A metric card as words: `Contacts: 1 contact`, `Unit cost: £8.62 a contact` (never `1 contacts` or `8.62 £`). */
export function metricText(metric: MetricKind, value: number): string {
  return `${t(`model.metric.${metric}`)}: ${metricFigure(metric, value)}`;
}

/** A role's name ("Editor"), in the chosen language. */
export function roleLabel(role: Role): string {
  return t(`model.role.${role}`);
}

/** A role with what it may do ("Editor: edits journeys, imports, shares"), in the chosen language. */
export function roleDescription(role: Role): string {
  return t(`model.roleDescription.${role}`);
}

const journeyTypeIds: Record<JourneyType, MessageId> = {
  current: 'model.journeyType.current',
  desired: 'model.journeyType.desired',
  case: 'model.journeyType.case',
  'life-course': 'model.journeyType.life-course',
};
const statusIds: Record<JourneyStatus, MessageId> = {
  draft: 'model.status.draft',
  'in-review': 'model.status.in-review',
  published: 'model.status.published',
  archived: 'model.status.archived',
};

/** A short random suffix for ids the browser mints (not secret; uniqueness within one journey). */
export function randomSuffix(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 8);
}
