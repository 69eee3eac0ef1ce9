import { useId, useState, type FormEvent } from 'react';
import { useOneAtATime } from '../state/one-at-a-time';
import { ErrorSummary, TextField, errorText } from '../ui/field';
import { formatDateTimeIn, t, type MessageId } from '../i18n';
import { saveLegal, type Bilingual, type LegalPageName, type LegalSettings, type Stored } from './legal-api';

/** One field of a legal page's form: how it is entered and checked. */
export type FieldKind = 'name' | 'longText' | 'email' | 'phone' | 'days' | 'date' | 'text';
export interface FieldSpec {
  readonly key: string;
  readonly kind: FieldKind;
  /** `legal.admin.field.<key>Hint` exists. */
  readonly hint?: boolean;
}

/** The fields of each page's form, in the order the page shows them. */
export const formFields: Record<LegalPageName, readonly FieldSpec[]> = {
  accessibility: [
    { key: 'organisationName', kind: 'name' },
    { key: 'contactEmail', kind: 'email' },
    { key: 'contactPhone', kind: 'phone' },
    { key: 'responseDays', kind: 'days', hint: true },
    { key: 'knownIssues', kind: 'longText', hint: true },
    { key: 'preparedOn', kind: 'date' },
    { key: 'reviewedOn', kind: 'date' },
  ],
  privacy: [
    { key: 'controllerName', kind: 'name' },
    { key: 'controllerAddress', kind: 'longText' },
    { key: 'controllerEmail', kind: 'email' },
    { key: 'dpoName', kind: 'text' },
    { key: 'dpoEmail', kind: 'email' },
    { key: 'lawfulBasis', kind: 'longText', hint: true },
    { key: 'recipients', kind: 'longText' },
    { key: 'retention', kind: 'longText' },
    { key: 'transfers', kind: 'longText' },
    { key: 'reviewedOn', kind: 'date' },
  ],
};

const maxLength: Record<FieldKind, number> = {
  name: 200,
  text: 200,
  longText: 5000,
  email: 320,
  phone: 40,
  days: 2,
  date: 10,
};

const label = (key: string) => t(`legal.admin.field.${key}` as MessageId);
const hintOf = (spec: FieldSpec) =>
  spec.hint ? t(`legal.admin.field.${spec.key}Hint` as MessageId) : undefined;
const bilingualKinds: readonly FieldKind[] = ['name', 'longText'];

/**
 * Reads the form into the settings the API takes, or the first problem (naming the field as the form labels it).
 * Pure, so its rules are tested without a browser.
 */
export function readForm(
  fields: readonly FieldSpec[],
  value: (name: string) => string,
): { settings: Record<string, unknown> } | { problem: { field: string; message: string } } {
  const settings: Record<string, unknown> = {};
  for (const spec of fields) {
    if (bilingualKinds.includes(spec.kind)) {
      const both: Bilingual = { en: value(`${spec.key}.en`).trim(), cy: value(`${spec.key}.cy`).trim() };
      for (const lang of ['en', 'cy'] as const)
        if (both[lang].length > maxLength[spec.kind])
          return {
            problem: {
              field: `${spec.key}.${lang}`,
              message: t('legal.admin.error.tooLong', {
                field: t(lang === 'en' ? 'legal.admin.inEnglish' : 'legal.admin.inWelsh', {
                  field: label(spec.key),
                }),
                max: maxLength[spec.kind],
              }),
            },
          };
      settings[spec.key] = both;
      continue;
    }
    const text = value(spec.key).trim();
    const field = label(spec.key);
    const problem = (id: MessageId) => ({
      problem: { field: spec.key, message: t(id, { field, max: maxLength[spec.kind] }) },
    });
    if (spec.kind === 'email' && text !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text))
      return problem('legal.admin.error.email');
    if (spec.kind === 'phone' && !/^[0-9 +()-]*$/.test(text)) return problem('legal.admin.error.phone');
    if (spec.kind === 'date' && text !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(text))
      return problem('legal.admin.error.date');
    if (spec.kind === 'days') {
      if (text === '') {
        settings[spec.key] = null;
        continue;
      }
      const days = Number(text);
      if (!/^\d+$/.test(text) || days < 1 || days > 60) return problem('legal.admin.error.days');
      settings[spec.key] = days;
      continue;
    }
    if (text.length > maxLength[spec.kind]) return problem('legal.admin.error.tooLong');
    settings[spec.key] = text;
  }
  return { settings };
}

/** A labelled multi-line field (GOV.UK pattern: label, hint, error, linked by aria-describedby). */
function TextArea(props: {
  name: string;
  label: string;
  hint: string | undefined;
  error: string | null;
  defaultValue: string;
  lang: 'en' | 'cy';
}) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <div className={`field${props.error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="error-message" id={errorId}>
          <span className="visually-hidden">{t('app.field.errorPrefix')} </span>
          {props.error}
        </p>
      ) : null}
      <textarea
        id={id}
        name={props.name}
        rows={4}
        lang={props.lang}
        defaultValue={props.defaultValue}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={props.error ? true : undefined}
        className="legal-textarea"
      />
    </div>
  );
}

/** One page's form: the organisation's details, saved as a whole. */
export function LegalForm<P extends LegalPageName>(props: {
  page: P;
  stored: Stored<LegalSettings[P]>;
  csrfToken: string;
  onSaved: (stored: Stored<LegalSettings[P]>) => void;
}) {
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);
  const { busy, run } = useOneAtATime();
  const [saved, setSaved] = useState(false);
  const current = props.stored.settings as unknown as Record<string, unknown>;
  const fields = formFields[props.page];
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const read = readForm(fields, (name) => String(form.get(name) ?? ''));
    setSaved(false);
    if ('problem' in read) {
      setProblem(read.problem);
      return;
    }
    void run(async () => {
      setProblem(null);
      try {
        const stored = await saveLegal(
          props.page,
          read.settings as unknown as LegalSettings[P],
          props.csrfToken,
        );
        props.onSaved(stored);
        setSaved(true);
      } catch (error) {
        setProblem({ field: null, message: errorText(error) });
      }
    });
  }
  const errorFor = (name: string) => (problem?.field === name ? problem.message : null);
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`legal-${props.page}-heading`}>
      <ErrorSummary message={problem?.message ?? null} />
      {fields.map((spec) => {
        if (bilingualKinds.includes(spec.kind)) {
          const value = current[spec.key] as Bilingual;
          return (['en', 'cy'] as const).map((lang) => {
            const name = `${spec.key}.${lang}`;
            const fieldLabel = t(lang === 'en' ? 'legal.admin.inEnglish' : 'legal.admin.inWelsh', {
              field: label(spec.key),
            });
            return spec.kind === 'longText' ? (
              <TextArea
                key={name}
                name={name}
                label={fieldLabel}
                hint={hintOf(spec)}
                error={errorFor(name)}
                defaultValue={value[lang]}
                lang={lang}
              />
            ) : (
              <TextField
                key={name}
                name={name}
                label={fieldLabel}
                hint={hintOf(spec)}
                error={errorFor(name)}
                defaultValue={value[lang]}
                lang={lang}
                maxLength={maxLength[spec.kind]}
              />
            );
          });
        }
        const value = current[spec.key];
        return (
          <TextField
            key={spec.key}
            name={spec.key}
            label={label(spec.key)}
            hint={hintOf(spec)}
            error={errorFor(spec.key)}
            defaultValue={value === null || value === undefined ? '' : String(value)}
            type={
              spec.kind === 'email'
                ? 'email'
                : spec.kind === 'date'
                  ? 'date'
                  : spec.kind === 'phone'
                    ? 'tel'
                    : 'text'
            }
            inputMode={spec.kind === 'days' ? 'numeric' : undefined}
            autoComplete={spec.kind === 'email' ? 'email' : spec.kind === 'phone' ? 'tel' : 'off'}
          />
        );
      })}
      <button className="button" type="submit" aria-disabled={busy || undefined}>
        {busy ? t('legal.admin.saving') : t('legal.admin.save')}
      </button>
      <p role="status" className="legal-saved">
        {saved ? t('legal.admin.saved') : ''}
      </p>
      {props.stored.updatedAt && props.stored.updatedBy ? (
        <p className="hint">
          {t('legal.admin.lastSaved', {
            name: props.stored.updatedBy,
            date: formatDateTimeIn(props.stored.updatedAt),
          })}
        </p>
      ) : null}
    </form>
  );
}
