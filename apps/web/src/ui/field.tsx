import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { t } from '../i18n';
import { unknownErrorWords } from '../api/error-words';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | null;
}

/** A labelled input with an optional hint and error, linked by aria-describedby (GOV.UK pattern). */
export function TextField({ label, hint, error, id, ...input }: FieldProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={fieldId}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error-message" id={errorId}>
          <span className="visually-hidden">{t('app.field.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <input
        id={fieldId}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  readonly label: string;
  readonly children: ReactNode;
}

export function SelectField({ label, id, children, ...select }: SelectProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <select id={fieldId} {...select}>
        {children}
      </select>
    </div>
  );
}

/** A labelled choice of one of `choices` (value and the words shown), telling `onChange` the chosen value. */
export function ChoiceField({
  label,
  value,
  onChange,
  choices,
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly choices: readonly { readonly value: string; readonly label: string }[];
}) {
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * A message at the top of a form that failed, focused so screen readers announce it; `items`, when given, are
 * the problems one by one under it.
 */
export function ErrorSummary({ message, items = [] }: { message: string | null; items?: readonly string[] }) {
  if (!message) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={(el) => el?.focus()}>
      <h2>{t('app.field.problem')}</h2>
      <p>{message}</p>
      {items.length > 0 ? (
        <ul>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** What went wrong, in the catalogue's words: never a library's or a programmer's message (decision 0017). */
export function errorText(error: unknown): string {
  return unknownErrorWords(error);
}
