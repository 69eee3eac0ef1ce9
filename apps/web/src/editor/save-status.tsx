import type { JourneyCommand } from '@waymark/core';
import type { EditorState } from '../state/editor-state';
import { describeCommand } from './describe-command';

const words: Record<EditorState['status'], string> = {
  saved: 'All changes saved',
  unsaved: 'Saving…',
  saving: 'Saving…',
  error: 'Not saved',
  conflict: 'Not saved: someone else changed this journey',
};

/** The saved state, said in words in a live region (not only by colour or an icon). */
export function SaveStatus({ state, onRetry }: { state: EditorState; onRetry: () => void }) {
  return (
    <span className={`save-status save-status--${state.status}`}>
      <span role="status" data-testid="save-status">
        {words[state.status]}
      </span>
      {state.status === 'error' ? (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
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
      <h2 id="conflict-heading">Someone else changed this journey while you were editing</h2>
      <p>
        Your last {unsent.length === 1 ? 'change was' : `${unsent.length} changes were`} not saved. Nothing
        has been lost: choose what to do.
      </p>
      <details>
        <summary>Your unsaved changes</summary>
        <ul>
          {unsent.map((c, i) => (
            <li key={i}>{describeCommand(c)}</li>
          ))}
        </ul>
      </details>
      <div className="button-row">
        <button type="button" className="button" onClick={() => onResolve(true)}>
          Load their version and re-apply my changes
        </button>
        <button type="button" className="button button--secondary" onClick={() => onResolve(false)}>
          Load their version and discard my changes
        </button>
      </div>
    </div>
  );
}
