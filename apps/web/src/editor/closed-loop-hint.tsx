import type { Journey } from '@waymark/core';
import { detectClosedLoop } from '@waymark/measure';
import { useMemo, useState } from 'react';
import { t } from '../i18n';

/**
 * Closing the loop (seed 000; issue 13 item 4): when a map has touchpoints but nothing tells the customer the
 * service was delivered and asks if it was OK, the editor says so, naming the delivery step. A hint, not an
 * error: it can be hidden for the visit.
 */
export function ClosedLoopHint({ journey }: { journey: Journey }) {
  const [hidden, setHidden] = useState(false);
  const loop = useMemo(() => detectClosedLoop(journey), [journey]);
  const hasTouchpoints = journey.cards.some((c) => c.kind === 'touchpoint');
  if (hidden || loop.closed || !hasTouchpoints) return null;
  return (
    <div className="notice editor-tip" data-testid="closed-loop-hint">
      <p>
        {loop.deliveryLabel === null
          ? t('evidence.hint.closedLoopMissingNoSteps')
          : t('evidence.hint.closedLoopMissing', { step: loop.deliveryLabel })}
      </p>
      <button type="button" className="link-button" onClick={() => setHidden(true)}>
        {t('evidence.hint.hide')}
      </button>
    </div>
  );
}
