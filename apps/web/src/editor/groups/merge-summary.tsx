import type { MergeLine, MergeSummary } from './group-types';
import { t } from '../../i18n';

function Lines(props: { title: string; lines: readonly MergeLine[] }) {
  if (props.lines.length === 0) return null;
  return (
    <>
      <h5 className="merge-summary__kind">{props.title}</h5>
      <ul>
        {props.lines.map((l, i) => (
          <li key={i}>{l.change}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * What merging a group's copy adds, changes and removes on the main map, and what cannot be applied and why
 * (before the merge: what it will do; after it: what it did).
 */
export function MergeSummaryView(props: { summary: MergeSummary; heading: string; done?: boolean }) {
  const { summary: s, heading, done } = props;
  const applied = s.added.length + s.changed.length + s.removed.length;
  return (
    <div className="merge-summary">
      <h4 className="merge-summary__heading">{heading}</h4>
      {applied === 0 && s.skipped.length === 0 ? (
        <p>
          {done
            ? t('groups.merge.nothing', { group: s.group })
            : t('groups.merge.nothingYet', { group: s.group })}
        </p>
      ) : (
        <p>
          {t(
            done
              ? s.skipped.length
                ? 'groups.merge.madeSkipped'
                : 'groups.merge.made'
              : s.skipped.length
                ? 'groups.merge.willMakeSkipped'
                : 'groups.merge.willMake',
            { count: applied, title: s.into.title, skipped: s.skipped.length },
          )}
        </p>
      )}
      <Lines title={done ? t('groups.merge.added') : t('groups.merge.willAdd')} lines={s.added} />
      <Lines title={done ? t('groups.merge.changed') : t('groups.merge.willChange')} lines={s.changed} />
      <Lines title={done ? t('groups.merge.removed') : t('groups.merge.willRemove')} lines={s.removed} />
      {s.skipped.length ? (
        <>
          <h5 className="merge-summary__kind">
            {done ? t('groups.merge.notApplied') : t('groups.merge.cannotApply')}
          </h5>
          <ul>
            {s.skipped.map((l, i) => (
              <li key={i}>{t('groups.merge.skippedLine', { change: l.change, reason: l.reason })}</li>
            ))}
          </ul>
        </>
      ) : null}
      {s.renamed.length ? (
        <p className="merge-summary__note">
          {t('groups.merge.renamed', { count: s.renamed.length, group: s.group })}
        </p>
      ) : null}
    </div>
  );
}
