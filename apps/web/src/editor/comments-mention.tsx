import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../i18n';
import { insertMention, mentionChoices, type MentionRef } from './comments';

interface MentionTextareaProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** A member chosen from the list (their "@Name" is now in the text). */
  readonly onPick: (member: MentionRef) => void;
  /** Who may be mentioned: the workspace's members (empty when the list could not be read, e.g. for a guest). */
  readonly members: readonly MentionRef[];
  readonly error?: string | null;
  readonly rows?: number;
}

/**
 * A comment box where typing "@" and the start of a name offers the workspace's members (decision 0018). The
 * text box keeps focus throughout: it names the list (aria-controls) and the highlighted member
 * (aria-activedescendant), arrows move, Enter or Tab chooses, Escape closes, and a polite status says how many
 * match — the combobox pattern as far as a multi-line text box allows (a textarea may not take the combobox
 * role).
 */
export function MentionTextarea(props: MentionTextareaProps) {
  const { id, label, value, onChange, onPick, members, error, rows = 3 } = props;
  const box = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const moveCaretTo = useRef<number | null>(null);

  const choices = mentionChoices(value, caret, members);
  const query = choices;
  const open = query !== null && query.start !== dismissed;
  const matches = open ? query.matches : [];
  const listId = `${id}-mentions`;
  const optionId = (i: number) => `${id}-mention-${i}`;
  const current = Math.min(active, Math.max(0, matches.length - 1));

  useEffect(() => {
    setActive(0);
  }, [query?.start, query?.query]);
  useEffect(() => {
    if (!open) return;
    setAnnounce(t('comments.mention.status', { count: matches.length, query: query.query }));
  }, [open, matches.length, query?.query]);
  useEffect(() => {
    // The box is uncontrolled (a controlled textarea mirrors its value into its text content, which then reads
    // as if it were a posted comment): the draft is written into it when it changes from outside, e.g. cleared.
    if (box.current && box.current.value !== value) box.current.value = value;
  }, [value]);
  useEffect(() => {
    // After a pick, the caret goes just after the inserted name.
    const at = moveCaretTo.current;
    if (at === null || !box.current) return;
    moveCaretTo.current = null;
    box.current.setSelectionRange(at, at);
    setCaret(at);
  }, [value]);

  const pick = (member: MentionRef) => {
    if (!query) return;
    const next = insertMention(value, query.start, caret, member);
    moveCaretTo.current = next.caret;
    setDismissed(query.start);
    onChange(next.text);
    onPick(member);
    setAnnounce(t('comments.mention.picked', { name: member.name }));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (e.key === 'Escape') {
      // Closes the list only; the panel stays open.
      e.preventDefault();
      e.stopPropagation();
      setDismissed(query.start);
      return;
    }
    if (matches.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + matches.length) % matches.length);
    } else if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Tab') {
      e.preventDefault();
      pick(matches[current]!);
    }
  };
  const track = () => setCaret(box.current?.selectionStart ?? value.length);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');

  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {members.length ? (
        <p id={`${id}-hint`} className="hint">
          {t('comments.mention.hint')}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="error-message">
          {error}
        </p>
      ) : null}
      <div className="mention-box">
        <textarea
          ref={box}
          id={id}
          rows={rows}
          aria-describedby={members.length ? describedBy : error ? `${id}-error` : undefined}
          aria-autocomplete={members.length ? 'list' : undefined}
          aria-controls={open && matches.length ? listId : undefined}
          aria-activedescendant={open && matches.length ? optionId(current) : undefined}
          onChange={(e) => {
            onChange(e.target.value);
            setCaret(e.target.selectionStart);
            setDismissed(null);
          }}
          onSelect={track}
          onClick={track}
          onKeyUp={track}
          onKeyDown={onKeyDown}
          onBlur={() => query && setDismissed(query.start)}
        />
        {open && matches.length ? (
          <ul role="listbox" id={listId} className="mention-list" aria-label={t('comments.mention.list')}>
            {matches.map((m, i) => (
              <li
                key={m.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === current}
                className={
                  i === current ? 'mention-list__option mention-list__option--active' : 'mention-list__option'
                }
                // Keeps focus in the text box, so the pick lands where the caret is.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(m)}
              >
                {m.name}
              </li>
            ))}
          </ul>
        ) : open ? (
          <p className="mention-list mention-list--empty">
            {t('comments.mention.none', { query: query.query })}
          </p>
        ) : null}
      </div>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
    </div>
  );
}
