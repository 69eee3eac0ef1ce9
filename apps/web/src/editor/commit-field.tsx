import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** A pause in typing this long commits what was typed, so a field left focused is still saved. */
export const IDLE_COMMIT_MS = 1200;

interface CommitFieldProps {
  readonly label: string;
  readonly value: string;
  /** Returns an error message, or null when the value was taken. */
  readonly onCommit: (value: string) => string | null;
  readonly multiline?: boolean;
  readonly readOnly?: boolean;
  readonly hint?: string;
  readonly inputMode?: 'numeric' | 'decimal' | 'text';
}

/**
 * A field that keeps what is typed to itself and commits it as one command when the user leaves it, presses
 * Enter (Ctrl+Enter in a text area) or pauses typing: typing stays instant, and undo takes back an edit, not
 * a letter (autosave coalesces the pauses of one field into one update).
 */
export function CommitField({
  label,
  value,
  onCommit,
  multiline,
  readOnly,
  hint,
  inputMode,
}: CommitFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ draft, value, onCommit });
  latest.current = { draft, value, onCommit };
  const commit = () => {
    const { draft: typed, value: stored, onCommit: take } = latest.current;
    if (typed === null || typed === stored) {
      setDraft(null);
      return;
    }
    const problem = take(typed);
    setError(problem);
    if (!problem) setDraft(null);
  };
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (idle.current && clearTimeout(idle.current)), []);
  const typed = (text: string) => {
    setDraft(text);
    if (idle.current) clearTimeout(idle.current);
    idle.current = text.trim() === '' ? null : setTimeout(commit, IDLE_COMMIT_MS);
  };
  const common = {
    id,
    value: draft ?? value,
    readOnly,
    'aria-invalid': error ? true : undefined,
    'aria-describedby':
      [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
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
        setDraft(null);
        setError(null);
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
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type="text" inputMode={inputMode} {...common} />
      )}
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
