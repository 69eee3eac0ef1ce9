import { Fragment, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { formatDateTime } from '../app/format';
import { useSession } from '../app/session';
import { formatList, t } from '../i18n';
import { useOneAtATime } from '../state/one-at-a-time';
import { errorText } from '../ui/field';
import {
  excerpt,
  groupThreads,
  isOnTarget,
  mentionsIn,
  type CommentThread,
  type EditorComment,
  type MentionRef,
} from './comments';
import { MentionTextarea } from './comments-mention';
import { useEditorContext } from './editor-context';
import { cardLabel } from './quick-entry';
import './comments.css';

type Target = { columnId?: string; cardId?: string };

interface CommentsPanelProps {
  readonly ws: string;
  readonly journeyId: string;
  readonly target: Target | null;
  readonly onTarget: (target: Target | null) => void;
  /** Reads the journey's comments again (after a change here, and when the panel opens). */
  readonly onChanged: () => void;
  /** A thread to show and mark as seen, e.g. opened from someone's things to look at (`?comment=`). */
  readonly focusThreadId?: string | null;
  readonly error: string | null;
}

/**
 * Comment threads on a step or a card (decision 0018): read them, start one, reply, mention members with "@",
 * resolve or reopen a thread (commenters and up). Resolved threads are folded away but stay in the list.
 */
export function CommentsPanel(props: CommentsPanelProps) {
  const { ws, journeyId, target, onTarget, onChanged, focusThreadId, error } = props;
  const { api } = useSession();
  const { journey, comments, canComment } = useEditorContext();
  const [members, setMembers] = useState<readonly MentionRef[]>([]);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    onChanged();
    // A guest cannot list the workspace's members: they write without the picker.
    if (!canComment) return;
    let live = true;
    api
      .members(ws)
      .then((r) => live && setMembers(r.items.map((m) => ({ id: m.userId, name: m.name }))))
      .catch(() => live && setMembers([]));
    return () => {
      live = false;
    };
    // On opening only (onChanged is left out: its identity changes with each render of the editor).
  }, [api, ws, canComment]);

  // Opening a thread from things to look at counts as seeing it.
  const seenFor = useRef<string | null>(null);
  useEffect(() => {
    if (!focusThreadId || seenFor.current === focusThreadId) return;
    if (!comments.some((c) => c.id === focusThreadId)) return;
    seenFor.current = focusThreadId;
    api.markThreadSeen(ws, journeyId, focusThreadId).catch(() => undefined);
    document.getElementById(`thread-${focusThreadId}`)?.focus();
  }, [api, ws, journeyId, focusThreadId, comments]);

  const where = (c: { target: Target }) => {
    if (c.target.cardId) {
      const card = journey.cards.find((x) => x.id === c.target.cardId);
      return card ? t('comments.on.card', { label: cardLabel(journey, card) }) : t('comments.on.deletedCard');
    }
    const step = journey.columns.find((x) => x.id === c.target.columnId);
    return t('comments.on.step', { label: step?.label ?? c.target.columnId ?? '' });
  };
  const showing = (tg: Target) => {
    if (tg.cardId) {
      const card = journey.cards.find((x) => x.id === tg.cardId);
      return card
        ? t('comments.showing.card', { label: cardLabel(journey, card) })
        : t('comments.showing.deletedCard');
    }
    const step = journey.columns.find((x) => x.id === tg.columnId);
    return t('comments.showing.step', { label: step?.label ?? tg.columnId ?? '' });
  };
  const newLabel = (tg: Target) => {
    if (tg.cardId) {
      const card = journey.cards.find((x) => x.id === tg.cardId);
      return card
        ? t('comments.new.card', { label: cardLabel(journey, card) })
        : t('comments.new.deletedCard');
    }
    const step = journey.columns.find((x) => x.id === tg.columnId);
    return t('comments.new.step', { label: step?.label ?? tg.columnId ?? '' });
  };

  const threads = groupThreads(comments.filter((c) => isOnTarget(c, target)));
  const open = threads.filter((th) => !th.resolved);
  const resolved = threads.filter((th) => th.resolved);

  const resolve = async (thread: CommentThread, to: boolean) => {
    try {
      await api.resolveComment(ws, journeyId, thread.root.id, to);
      setActionError(null);
      onChanged();
    } catch (e) {
      setActionError(errorText(e));
    }
  };
  const threadView = (thread: CommentThread) => (
    <ThreadView
      key={thread.root.id}
      ws={ws}
      journeyId={journeyId}
      thread={thread}
      where={target ? null : where(thread.root)}
      members={members}
      canComment={canComment}
      focused={thread.root.id === focusThreadId}
      onResolve={(to) => void resolve(thread, to)}
      onChanged={onChanged}
    />
  );

  return (
    <div className="comments-panel">
      {error || actionError ? (
        <p className="error-message" role="alert">
          {actionError ?? error}
        </p>
      ) : null}
      <p>
        {target ? showing(target) : t('comments.showing.all')}{' '}
        {target ? (
          <button type="button" className="link-button" onClick={() => onTarget(null)}>
            {t('comments.showAll')}
          </button>
        ) : null}
      </p>
      {threads.length === 0 ? (
        <p>{t('comments.none')}</p>
      ) : (
        <p className="hint">{t('comments.openCount', { open: open.length, resolved: resolved.length })}</p>
      )}
      {open.length ? <ul className="comment-threads">{open.map(threadView)}</ul> : null}
      {resolved.length ? (
        <section aria-labelledby="resolved-threads-heading" className="comment-threads__resolved">
          <h3 id="resolved-threads-heading">{t('comments.thread.resolvedHeading')}</h3>
          <p className="hint">{t('comments.thread.resolvedHint')}</p>
          <ul className="comment-threads">{resolved.map(threadView)}</ul>
        </section>
      ) : null}
      {canComment && target ? (
        <NewCommentForm
          key={`${target.columnId ?? ''}|${target.cardId ?? ''}`}
          label={newLabel(target)}
          members={members}
          onSubmit={async (body, mentions) => {
            await api.addComment(ws, journeyId, target, body, mentions);
            onChanged();
          }}
        />
      ) : canComment ? (
        <p className="hint">{t('comments.howTo')}</p>
      ) : null}
    </div>
  );
}

/** A comment's text with each mention of a member in bold (the text itself still says "@Name"). */
function Body({ comment }: { comment: EditorComment }) {
  const names = comment.mentions.map((m) => `@${m.name}`).filter((n) => comment.body.includes(n));
  if (names.length === 0) return <p className="comment__body">{comment.body}</p>;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = comment.body.split(new RegExp(`(${escaped.join('|')})`, 'g'));
  return (
    <p className="comment__body">
      {parts.map((part, i) =>
        names.includes(part) ? (
          <strong key={i} className="comment__mention">
            {part}
          </strong>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </p>
  );
}

function CommentText({ comment, children }: { comment: EditorComment; children?: ReactNode }) {
  return (
    <>
      <p className="comment__meta">
        {t('comments.comment.meta', { author: comment.author, time: formatDateTime(comment.createdAt) })}
        {children}
      </p>
      <Body comment={comment} />
      {comment.mentions.length ? (
        <p className="comment__mentions">
          {t('comments.comment.mentions', { names: formatList(comment.mentions.map((m) => m.name)) })}
        </p>
      ) : null}
    </>
  );
}

function ThreadView(props: {
  ws: string;
  journeyId: string;
  thread: CommentThread;
  where: string | null;
  members: readonly MentionRef[];
  canComment: boolean;
  focused: boolean;
  onResolve: (resolved: boolean) => void;
  onChanged: () => void;
}) {
  const { ws, journeyId, thread, where, members, canComment, focused, onResolve, onChanged } = props;
  const { api } = useSession();
  const { root, replies, resolved } = thread;
  const id = `thread-${root.id}`;
  const content = (
    <>
      {focused ? <p className="comment-thread__focused">{t('comments.focused')}</p> : null}
      <CommentText comment={root}>{where ? <> · {where}</> : null}</CommentText>
      <p className="comment-thread__state">
        {resolved
          ? t('comments.thread.resolved', {
              name: root.resolvedBy ?? '',
              time: formatDateTime(root.resolvedAt),
            })
          : t('comments.thread.open')}
        {' · '}
        {t('comments.thread.replies', { count: replies.length })}
      </p>
      {replies.length ? (
        <ol className="comment-thread__replies">
          {replies.map((r) => (
            <li key={r.id} className="comment comment--reply">
              <CommentText comment={r} />
            </li>
          ))}
        </ol>
      ) : null}
      {canComment && !resolved ? (
        <ReplyForm
          threadId={root.id}
          author={root.author}
          members={members}
          onSubmit={async (body, mentions) => {
            await api.replyToComment(ws, journeyId, root.id, body, mentions);
            onChanged();
          }}
        />
      ) : null}
      {canComment ? (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onResolve(!resolved)}
        >
          {resolved ? t('comments.reopen') : t('comments.resolve')}
        </button>
      ) : null}
    </>
  );
  return (
    <li className={resolved ? 'comment-thread comment-thread--resolved' : 'comment-thread'}>
      <article
        id={id}
        tabIndex={-1}
        aria-label={t('comments.thread.label', { author: root.author })}
        className={focused ? 'comment-thread__body comment-thread__body--focused' : 'comment-thread__body'}
      >
        {resolved ? (
          <details open={focused}>
            <summary>
              {t('comments.thread.resolvedSummary', {
                author: root.author,
                excerpt: excerpt(root.body, 60),
                count: replies.length,
              })}
            </summary>
            {content}
          </details>
        ) : (
          content
        )}
      </article>
    </li>
  );
}

/** Text, the members picked while typing, and a submit that sends only mentions still in the text. */
function useCommentDraft(onSubmit: (body: string, mentions: string[]) => Promise<void>, emptyError: string) {
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<readonly MentionRef[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { busy: sending, run } = useOneAtATime();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (sending) return;
    const body = text.trim();
    if (body === '') {
      setError(emptyError);
      return;
    }
    void run(async () => {
      try {
        await onSubmit(
          body,
          mentionsIn(body, picked).map((m) => m.id),
        );
        setText('');
        setPicked([]);
        setError(null);
      } catch (err) {
        setError(errorText(err));
      }
    });
  };
  return {
    text,
    setText,
    pick: (m: MentionRef) => setPicked((p) => [...p, m]),
    error,
    sending,
    submit,
  };
}

function ReplyForm(props: {
  threadId: string;
  author: string;
  members: readonly MentionRef[];
  onSubmit: (body: string, mentions: string[]) => Promise<void>;
}) {
  const draft = useCommentDraft(props.onSubmit, t('comments.reply.error'));
  return (
    <form className="comment-thread__reply" onSubmit={draft.submit} noValidate>
      <MentionTextarea
        id={`reply-${props.threadId}`}
        label={t('comments.reply.label', { author: props.author })}
        value={draft.text}
        onChange={draft.setText}
        onPick={draft.pick}
        members={props.members}
        error={draft.error}
        rows={2}
      />
      <button type="submit" className="button button--small" aria-disabled={draft.sending || undefined}>
        {draft.sending ? t('comments.sending') : t('comments.reply.submit')}
      </button>
    </form>
  );
}

function NewCommentForm(props: {
  label: string;
  members: readonly MentionRef[];
  onSubmit: (body: string, mentions: string[]) => Promise<void>;
}) {
  const draft = useCommentDraft(props.onSubmit, t('comments.new.error'));
  return (
    <form className="comment-new" onSubmit={draft.submit} noValidate>
      <MentionTextarea
        id="comment-body"
        label={props.label}
        value={draft.text}
        onChange={draft.setText}
        onPick={draft.pick}
        members={props.members}
        error={draft.error}
      />
      <button type="submit" className="button button--small" aria-disabled={draft.sending || undefined}>
        {draft.sending ? t('comments.sending') : t('comments.new.submit')}
      </button>
    </form>
  );
}
