import type { Comparison } from '@waymark/measure';
import { t } from '../i18n';

/**
 * Where Compare's hand-offs came from (the map or the log) and whether each journey closes the loop (issue 13
 * items 1 and 4), one sentence a side, in the chosen language.
 */
export function CompareEvidence({ comparison: c }: { comparison: Comparison }) {
  const sides = [c.current, c.desired] as const;
  return (
    <section aria-labelledby="evidence-heading" data-testid="compare-evidence">
      <h2 id="evidence-heading">{t('evidence.compare.heading')}</h2>
      <ul>
        {sides.map((s, i) => (
          <li key={`h${i}`}>
            {t('evidence.compare.handOffs', {
              title: s.title,
              count: s.totals.handOffs,
              source: s.handOffs?.source ?? 'map',
            })}
            {s.handOffs && s.handOffs.stated !== null && s.handOffs.stated !== s.totals.handOffs
              ? ` ${t('evidence.handOffs.stated', { title: s.title, stated: s.handOffs.stated, count: s.totals.handOffs })}`
              : null}
          </li>
        ))}
        {sides.map((s, i) =>
          s.closedLoop ? (
            <li key={`l${i}`} data-closed={s.closedLoop.closed}>
              {s.closedLoop.deliveryLabel === null
                ? t('evidence.closedLoop.noSteps', { title: s.title })
                : t(s.closedLoop.closed ? 'evidence.closedLoop.closed' : 'evidence.closedLoop.open', {
                    title: s.title,
                    step: s.closedLoop.deliveryLabel,
                  })}
            </li>
          ) : null,
        )}
      </ul>
    </section>
  );
}
