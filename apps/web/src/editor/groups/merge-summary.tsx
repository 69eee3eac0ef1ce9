import type { MergeLine, MergeSummary } from './group-types';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
          {s.group} has not changed anything in its copy{done ? '' : ' yet'}.
        </p>
      ) : (
        <p>
          {done ? '' : 'It will make '}
          {done
            ? `${plural(applied, 'change was', 'changes were')} made`
            : plural(applied, 'change', 'changes')}{' '}
          to “{s.into.title}”
          {s.skipped.length
            ? `; ${plural(s.skipped.length, 'change', 'changes')} ${done ? 'could' : 'can'} not be applied`
            : ''}
          .
        </p>
      )}
      <Lines title={done ? 'Added' : 'Will be added'} lines={s.added} />
      <Lines title={done ? 'Changed' : 'Will be changed'} lines={s.changed} />
      <Lines title={done ? 'Removed' : 'Will be removed'} lines={s.removed} />
      {s.skipped.length ? (
        <>
          <h5 className="merge-summary__kind">{done ? 'Not applied' : 'Cannot be applied'}</h5>
          <ul>
            {s.skipped.map((l, i) => (
              <li key={i}>
                {l.change}: {l.reason}.
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {s.renamed.length ? (
        <p className="merge-summary__note">
          {plural(s.renamed.length, 'item', 'items')} made by {s.group} got a new id, because this map had
          meanwhile used the same id.
        </p>
      ) : null}
    </div>
  );
}
