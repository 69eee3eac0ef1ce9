import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../app/format';
import type { EditorComment } from './comments';
import { useEditorContext } from './editor-context';
import { cardLabel } from './quick-entry';

interface CommentsPanelProps {
  readonly target: { columnId?: string; cardId?: string } | null;
  readonly onAdd: (target: { columnId?: string; cardId?: string }, body: string) => Promise<string | null>;
  readonly onResolve: (comment: EditorComment, resolved: boolean) => Promise<void>;
  readonly onTarget: (target: { columnId?: string; cardId?: string } | null) => void;
  readonly error: string | null;
}

/** Comments on a step or a card: read them, add one (commenters and up), resolve or reopen them. */
export function CommentsPanel({ target, onAdd, onResolve, onTarget, error }: CommentsPanelProps) {
  const { journey, comments, canComment } = useEditorContext();
  const [showResolved, setShowResolved] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const describe = (t: { columnId?: string; cardId?: string }) => {
    if (t.cardId) {
      const card = journey.cards.find((c) => c.id === t.cardId);
      return card ? `card “${cardLabel(journey, card)}”` : 'a deleted card';
    }
    return `step “${journey.columns.find((c) => c.id === t.columnId)?.label ?? t.columnId}”`;
  };
  const shown = comments.filter(
    (c) =>
      (showResolved || !c.resolved) &&
      (!target ||
        (target.cardId
          ? c.target.cardId === target.cardId
          : c.target.columnId === target.columnId && !c.target.cardId)),
  );
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!target) return;
    const form = e.currentTarget;
    const box = form.elements.namedItem('comment') as HTMLTextAreaElement;
    if (box.value.trim() === '') {
      setFormError('Comment: expected some text');
      return;
    }
    const problem = await onAdd(target, box.value.trim());
    setFormError(problem);
    if (!problem) box.value = '';
  };
  return (
    <div>
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      <p>
        {target ? <>Showing comments on the {describe(target)}. </> : 'All comments on this journey. '}
        {target ? (
          <button type="button" className="link-button" onClick={() => onTarget(null)}>
            Show all comments
          </button>
        ) : null}
      </p>
      <div className="checkbox">
        <input
          id="show-resolved"
          type="checkbox"
          checked={showResolved}
          onChange={(e) => setShowResolved(e.target.checked)}
        />
        <label htmlFor="show-resolved">Show resolved comments</label>
      </div>
      {shown.length === 0 ? <p>No comments here yet.</p> : null}
      <ul className="comment-list">
        {shown.map((c) => (
          <li key={c.id} className={c.resolved ? 'comment comment--resolved' : 'comment'}>
            <p className="comment__meta">
              {c.author}, {formatDateTime(c.createdAt)}
              {target ? null : <> on the {describe(c.target)}</>}
              {c.resolved ? ' · resolved' : ''}
            </p>
            <p className="comment__body">{c.body}</p>
            {canComment ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => void onResolve(c, !c.resolved)}
              >
                {c.resolved ? 'Reopen' : 'Resolve'}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canComment && target ? (
        <form onSubmit={(e) => void submit(e)}>
          <div className={`field${formError ? ' field--error' : ''}`}>
            <label htmlFor="comment-body">Comment on the {describe(target)}</label>
            {formError ? <p className="error-message">{formError}</p> : null}
            <textarea id="comment-body" name="comment" rows={3} />
          </div>
          <button type="submit" className="button button--small">
            Add comment
          </button>
        </form>
      ) : canComment ? (
        <p className="hint">
          To comment, choose a step’s comments button or a card’s “Comments on this card”.
        </p>
      ) : null}
    </div>
  );
}
