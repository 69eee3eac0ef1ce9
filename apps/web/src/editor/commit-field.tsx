import { useId, useState, type ReactNode } from 'react';

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
 * A field that keeps what is typed to itself and commits it as one command when the user leaves it or presses
 * Enter (Ctrl+Enter in a text area): typing stays instant, and undo takes back a whole edit, not a letter.
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
  const commit = () => {
    if (draft === null || draft === value) {
      setDraft(null);
      return;
    }
    const problem = onCommit(draft);
    setError(problem);
    if (!problem) setDraft(null);
  };
  const common = {
    id,
    value: draft ?? value,
    readOnly,
    'aria-invalid': error ? true : undefined,
    'aria-describedby':
      [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        commit();
      } else if (e.key === 'Escape' && draft !== null) {
        e.stopPropagation();
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
