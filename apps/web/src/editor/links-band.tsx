import type { Journey, Link } from '@waymark/core';
import { t, type MessageId } from '../i18n';

/** The words for each kind of link, and how each is drawn besides its colour: a dash and a start mark. */
export const linkKindWords: Record<Link['kind'], MessageId> = {
  'feedback-loop': 'links.kind.feedbackLoop',
  'outside-request': 'links.kind.outsideRequest',
  'hand-off': 'links.kind.handOff',
};

export const linkKindName = (kind: Link['kind']): string => t(linkKindWords[kind]);

/** A step's name for a sentence: its label, or "Step 3" if it has none. */
export function stepName(journey: Pick<Journey, 'columns'>, columnId: string): string {
  const i = journey.columns.findIndex((c) => c.id === columnId);
  const label = journey.columns[i]?.label.trim();
  return label || t('links.stepNumber', { number: i < 0 ? '?' : i + 1 });
}

/** Whom a link goes to when it is not a step: "Customer" or the organisation's name. */
export function stopName(journey: Pick<Journey, 'organisations'>, link: Link): string | null {
  if (link.to.kind === 'customer') return t('links.target.customerStop');
  if (link.to.kind === 'organisation') {
    const id = link.to.organisationId;
    return journey.organisations.find((o) => o.id === id)?.name ?? t('links.target.someOrganisation');
  }
  return null;
}

/**
 * Words for a link, read by screen readers and listed in the side panel: kind, from which step to where, where
 * it comes back, label — "Feedback loop from Assessment to the customer: asks for documents".
 */
export function linkText(journey: Pick<Journey, 'columns' | 'organisations'>, link: Link): string {
  const kind = linkKindName(link.kind);
  const from = stepName(journey, link.from.columnId);
  let text =
    link.to.kind === 'column'
      ? t('links.describe.toStep', { kind, from, to: stepName(journey, link.to.columnId) })
      : link.to.kind === 'customer'
        ? t('links.describe.toCustomer', { kind, from })
        : t('links.describe.toOrganisation', { kind, from, to: stopName(journey, link) ?? '' });
  if (link.returnsTo)
    text = t('links.describe.comesBack', { text, back: stepName(journey, link.returnsTo.columnId) });
  if (link.waitDays !== undefined) text = t('links.describe.wait', { text, days: link.waitDays });
  if (link.label) text = t('links.describe.withLabel', { text, label: link.label });
  return text;
}
