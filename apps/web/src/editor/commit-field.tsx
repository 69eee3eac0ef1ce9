import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { t } from '../i18n';
import { refusalWords, takeRefusal } from '../state/refusal';
import { clearUnsaved, markUnsaved } from '../state/unsaved-fields';

/** A pause in typing this long commits what was typed, so a field left focused is still saved. */
export const IDLE_COMMIT_MS = 1200;
/** The character count shows from this share of the limit on (GOV.UK's character count threshold). */
const COUNT_FROM = 0.75;

interface CommitFieldProps {
  readonly label: string;
  readonly value: string;
  /** Returns an error message, or null when the value was taken. */
  readonly onCommit: (value: string) => string | null;
  readonly multiline?: boolean;
  readonly readOnly?: boolean;
  readonly hint?: string;
  readonly inputMode?: 'numeric' | 'decimal' | 'text';
  /** The most characters the field takes; a count shows near it and longer text is not sent. */
  readonly maxLength?: number | null;
  /** The language of the text typed, when it is not the page's (a Welsh translation: `cy`). */
  readonly lang?: string | undefined;
}

/**
 * A field that keeps what is typed to itself and commits it as one command when the user leaves it, presses
 * Enter (Ctrl+Enter in a text area) or pauses typing: typing stays instant, and undo takes back an edit, not
 * a letter (autosave coalesces the pauses of one field into one update).
 *
 * Text that is not taken (longer than `maxLength`, or refused by the map's rules) stays in the field for the
 * person to fix, with the reason beside it in the catalogue's words, and the save status says "Not saved:
 * <label>" until it is fixed or put back with Escape (decision 0017, "Error messages"): the screen never shows
 * unsaved text under "All changes saved". A limit the field was not told of is learnt from the first refusal.
 */
export function CommitField({
  label,
  value,
  onCommit,
  multiline,
  readOnly,
  hint,
  inputMode,
  maxLength,
  lang,
}: CommitFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [learnt, setLearnt] = useState<number | null>(null);
  const limit = maxLength ?? learnt;
  const latest = useRef({ draft, value, onCommit, limit, label });
  latest.current = { draft, value, onCommit, limit, label };
  useEffect(() => () => clearUnsaved(id), [id]);
  const taken = () => {
    setDraft(null);
    setError(null);
    clearUnsaved(id);
  };
  const commit = () => {
    const { draft: typed, value: stored, onCommit: take, limit: most, label: name } = latest.current;
    if (typed === null || typed === stored) return taken();
    if (most !== null && typed.length > most) {
      setError(t('errors.tooLong', { field: name, max: most, count: typed.length }));
      markUnsaved(id, name);
      return;
    }
    takeRefusal();
    const problem = take(typed);
    if (!problem) return taken();
    const refusal = takeRefusal();
    const issue = refusal?.issue;
    if (issue?.code === 'too_big' && issue.origin === 'string' && issue.maximum !== undefined)
      setLearnt(Number(issue.maximum));
    setError(refusal ? refusalWords(refusal, name) : problem);
    markUnsaved(id, name);
  };
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (idle.current && clearTimeout(idle.current)), []);
  const typed = (text: string) => {
    setDraft(text);
    if (idle.current) clearTimeout(idle.current);
    idle.current = text.trim() === '' ? null : setTimeout(commit, IDLE_COMMIT_MS);
  };
  const shown = draft ?? value;
  const showCount = limit !== null && !readOnly && shown.length >= limit * COUNT_FROM;
  const over = limit !== null && shown.length > limit;
  const common = {
    id,
    value: shown,
    readOnly,
    lang,
    'aria-invalid': error || over ? true : undefined,
    'aria-describedby':
      [hint ? `${id}-hint` : '', error ? `${id}-error` : '', showCount ? `${id}-count` : '']
        .filter(Boolean)
        .join(' ') || undefined,
    // app.css borders only an input in error; a text area gets the same border here.
    style: error || over ? { borderColor: 'var(--error)' } : undefined,
    onChange: (e: { target: { value: string } }) => typed(e.target.value),
    onBlur: () => {
      if (idle.current) clearTimeout(idle.current);
      commit();
    },
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        if (idle.current) clearTimeout(idle.current);
        commit();
      } else if (e.key === 'Escape' && draft !== null) {
        e.stopPropagation();
        if (idle.current) clearTimeout(idle.current);
        taken();
      }
    },
  };
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">{t('errors.prefix')} </span>
          {error}
        </p>
      ) : null}
      {multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type="text" inputMode={inputMode} {...common} />
      )}
      {showCount ? (
        <p
          className={`hint character-count${over ? ' character-count--over' : ''}`}
          id={`${id}-count`}
          style={over ? { color: 'var(--error)', fontWeight: 600 } : undefined}
          data-testid="character-count"
        >
          {over
            ? t('errors.count.tooMany', { count: shown.length - limit })
            : t('errors.count.remaining', { count: limit - shown.length })}
        </p>
      ) : null}
    </div>
  );
}

/** A select that commits on change. */
export function ChoiceField({
  label,
  value,
  onChange,
  disabled,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

/** A checkbox that commits on change. */
export function CheckField({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
