import type { JourneyCommand } from '@waymark/core';
import { formatList, t } from '../i18n';
import type { EditorState } from '../state/editor-state';
import { useUnsavedFields } from '../state/unsaved-fields';
import { describeCommand } from './describe-command';

const words = (status: EditorState['status']): string => {
  switch (status) {
    case 'saved':
      return t('errors.save.saved');
    case 'unsaved':
    case 'saving':
      return t('errors.save.saving');
    case 'error':
      return t('errors.save.notSaved');
    case 'conflict':
      return t('errors.save.conflict');
  }
};

/**
 * "Not saved: Title" while a field on screen holds words that were not taken (too long, refused), or null:
 * the status line says so rather than "All changes saved" (decision 0017, "Error messages").
 */
export function useUnsavedWords(): string | null {
  const fields = useUnsavedFields();
  return fields.length > 0 ? t('errors.save.notSavedField', { fields: formatList(fields) }) : null;
}

/** The saved state, said in words in a live region (not only by colour or an icon). */
export function SaveStatus({ state, onRetry }: { state: EditorState; onRetry: () => void }) {
  const unsaved = useUnsavedWords();
  const shown = state.status === 'conflict' || !unsaved ? state.status : 'error';
  return (
    <span className={`save-status save-status--${shown}`}>
      <span role="status" data-testid="save-status">
        {state.status === 'conflict' || !unsaved ? words(state.status) : unsaved}
      </span>
      {state.status === 'error' ? (
        <button type="button" className="button button--small" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      ) : null}
    </span>
  );
}

/** What to do when someone else saved first: their version, then ours re-applied where it still fits, or not. */
export function ConflictBanner({
  unsent,
  onResolve,
}: {
  unsent: readonly JourneyCommand[];
  onResolve: (reapply: boolean) => void;
}) {
  return (
    <div className="conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">{t('errors.conflict.heading')}</h2>
      <p>{t('errors.conflict.body', { count: unsent.length })}</p>
      <details>
        <summary>{t('errors.conflict.unsaved')}</summary>
        <ul>
          {unsent.map((c, i) => (
            <li key={i}>{describeCommand(c)}</li>
          ))}
        </ul>
      </details>
      <div className="button-row">
        <button type="button" className="button" onClick={() => onResolve(true)}>
          {t('errors.conflict.reapply')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onResolve(false)}>
          {t('errors.conflict.discard')}
        </button>
      </div>
    </div>
  );
}
