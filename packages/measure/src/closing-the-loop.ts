import type { CardId, ColumnId, Journey } from '@waymark/core';

/**
 * Closing the loop on a map (seed 000: "have you told them the service has been delivered and asked if it was
 * ok?"; docs/worked-checks/closing-the-loop.md). The loop is closed when an OUTBOUND touchpoint that confirms
 * delivery comes at or after the delivery step. A confirmation is an outbound touchpoint the user has marked
 * `confirmsDelivery`, or, unmarked, whose words ask whether it was OK. The delivery step is the last step whose
 * label, step cards or touchpoints say the service was delivered, leaving out steps that hold a confirmation;
 * when no step says so, the last step without a confirmation.
 */
export const mapConfirmationWords =
  /was it ok|were you (happy|satisfied)|satisf|feedback|follow[- ]?up|confirm|call[- ]?back|check(s|ed)?[- ]?(in|back)|how (did|was) (we|it)|asks? (if|whether)|survey/i;
export const mapDeliveryWords =
  /deliver|complet|install|fitted|issued|\bpaid\b|granted|approved|decisions? (sent|made|letter)|closed|resolved|done|finished|service provided|updated|repaired|collected/i;

export interface ClosedLoopOnMap {
  readonly closed: boolean;
  /** The step taken as delivery, and whether its words said so (else: the last step). */
  readonly deliveryColumnId: ColumnId | null;
  readonly deliveryLabel: string | null;
  readonly deliveryFound: 'words' | 'last-step' | 'none';
  /** The outbound confirmation touchpoints at or after delivery. */
  readonly confirmations: readonly CardId[];
}

type Touchpoint = Extract<Journey['cards'][number], { kind: 'touchpoint' }>;

const isConfirmation = (c: Touchpoint): boolean =>
  c.direction === 'outbound' && (c.confirmsDelivery ?? mapConfirmationWords.test(c.text));

export function detectClosedLoop(journey: Journey): ClosedLoopOnMap {
  const cols = journey.columns;
  const touchpoints = journey.cards.filter((c): c is Touchpoint => c.kind === 'touchpoint');
  const confirmingColumns = new Set<string>(touchpoints.filter(isConfirmation).map((c) => c.columnId));
  const says = (i: number): boolean => {
    const col = cols[i]!;
    if (confirmingColumns.has(col.id)) return false;
    if (mapDeliveryWords.test(col.label)) return true;
    return journey.cards.some(
      (c) =>
        c.columnId === col.id &&
        (c.kind === 'step' || c.kind === 'touchpoint') &&
        mapDeliveryWords.test(c.text),
    );
  };
  let at = -1;
  let found: ClosedLoopOnMap['deliveryFound'] = 'none';
  for (let i = cols.length - 1; i >= 0 && at < 0; i--) if (says(i)) [at, found] = [i, 'words'];
  if (at < 0)
    for (let i = cols.length - 1; i >= 0 && at < 0; i--)
      if (!confirmingColumns.has(cols[i]!.id)) [at, found] = [i, 'last-step'];
  const position = new Map(cols.map((c, i) => [c.id as string, i]));
  const confirmations = touchpoints
    .filter((c) => isConfirmation(c) && (position.get(c.columnId) ?? -1) >= Math.max(at, 0))
    .map((c) => c.id);
  return {
    closed: confirmations.length > 0,
    deliveryColumnId: at >= 0 ? cols[at]!.id : null,
    deliveryLabel: at >= 0 ? cols[at]!.label : null,
    deliveryFound: found,
    confirmations,
  };
}
