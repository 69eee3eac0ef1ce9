import { useId, useState, type FormEvent } from 'react';
import { versionAt, type HistoryVersion } from './group-history';
import type { RestoreTarget } from './restore-confirm';

const when = (at: string) =>
  new Date(at).toLocaleString('en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

/** "Restore the map as it was at a time": finds the version of that minute among the loaded history. */
export function RestoreAtTime(props: {
  versions: readonly HistoryVersion[];
  hasEarlier: boolean;
  current: number;
  onRestore: (target: RestoreTarget) => void;
}) {
  const { versions, hasEarlier, current, onRestore } = props;
  const id = useId();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const find = (event: FormEvent) => {
    event.preventDefault();
    const time = new Date(value).getTime();
    if (value === '' || Number.isNaN(time))
      return setProblem('Enter a date and a time, for example 3 December at 10:42.');
    const found = versionAt(versions, time);
    if (found === 'none') return setProblem('The history has not loaded yet. Try again in a moment.');
    if (found === 'before')
      return setProblem(
        hasEarlier
          ? 'That is earlier than the changes shown. Choose “Show earlier changes” at the end of the list, then try again.'
          : 'The map did not exist yet at that time. Choose a later time.',
      );
    if (found.version === current)
      return setProblem('The map has not changed since then: there is nothing to restore.');
    setProblem(null);
    onRestore({ version: found.version, when: when(new Date(time).toISOString()) });
  };
  return (
    <form className="restore-at-time" onSubmit={find} noValidate>
      <label htmlFor={id}>Restore the map as it was at a time</label>
      {problem ? (
        <p className="error-message" id={`${id}-problem`}>
          {problem}
        </p>
      ) : null}
      <div className="restore-at-time__row">
        <input
          id={id}
          type="datetime-local"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-describedby={problem ? `${id}-problem` : undefined}
          aria-invalid={problem ? true : undefined}
        />
        <button type="submit" className="button button--secondary button--small">
          Find that moment
        </button>
      </div>
    </form>
  );
}
