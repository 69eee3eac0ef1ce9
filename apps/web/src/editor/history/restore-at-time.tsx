import { useId, useState, type FormEvent } from 'react';
import { versionAt, type HistoryVersion } from './group-history';
import { formatDateIn, t } from '../../i18n';
import type { RestoreTarget } from './restore-confirm';

const when = (at: string) =>
  formatDateIn(at, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

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
    if (value === '' || Number.isNaN(time)) return setProblem(t('history.atTime.enterTime'));
    const found = versionAt(versions, time);
    if (found === 'none') return setProblem(t('history.atTime.notLoaded'));
    if (found === 'before')
      return setProblem(hasEarlier ? t('history.atTime.earlier') : t('history.atTime.beforeMap'));
    if (found.version === current) return setProblem(t('history.atTime.unchanged'));
    setProblem(null);
    onRestore({ version: found.version, when: when(new Date(time).toISOString()) });
  };
  return (
    <form className="restore-at-time" onSubmit={find} noValidate>
      <label htmlFor={id}>{t('history.atTime.label')}</label>
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
          {t('history.atTime.find')}
        </button>
      </div>
    </form>
  );
}
