import { useEffect, useState, type ReactNode } from 'react';
import { Link } from '../app/router';
import { formatDateIn, getLocale, t, tRich, type MessageId } from '../i18n';
import { readLegal, type Bilingual, type LegalPageName, type LegalSettings, type Stored } from './legal-api';

/** One message whose arguments may be elements (a link, a placeholder) as well as tags. */
export const richText = (
  id: MessageId,
  values: Record<string, ReactNode | ((chunks: ReactNode[]) => ReactNode)>,
): ReactNode => tRich(id, values as never);

/** A tag's function that makes its words a link to an outside page. */
export const linkTo = (href: string) => (chunks: ReactNode[]) => <a href={href}>{chunks}</a>;

/** The words that name a missing detail in its placeholder: `legal.what.<field>`. */
export type What =
  | 'organisationName'
  | 'contactEmail'
  | 'contactPhone'
  | 'responseDays'
  | 'date'
  | 'controllerName'
  | 'controllerAddress'
  | 'controllerEmail'
  | 'dpoName'
  | 'dpoEmail'
  | 'recipients'
  | 'retention'
  | 'transfers';

/** "[name of the organisation: not filled in yet]": a detail the administrator has still to fill in. */
export function Placeholder({ what }: { what: What }) {
  return (
    <span className="legal-placeholder">
      {t('legal.placeholder', { what: t(`legal.what.${what}` as MessageId) })}
    </span>
  );
}

/** A single detail (an email, a name), or its placeholder. */
export function Detail({ value, what }: { value: string; what: What }) {
  return value.trim() === '' ? <Placeholder what={what} /> : <>{value}</>;
}

/** An email address as a mailto link, or its placeholder. */
export function Email({ value, what }: { value: string; what: What }) {
  return value.trim() === '' ? <Placeholder what={what} /> : <a href={`mailto:${value}`}>{value}</a>;
}

/** A date kept as 2026-03-31, in the reader's language, or its placeholder. */
export function DateText({ value }: { value: string }) {
  return value === '' ? (
    <Placeholder what="date" />
  ) : (
    <time dateTime={value}>{formatDateIn(`${value}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' })}</time>
  );
}

/**
 * The organisation's text in the reader's language; else the other language's, marked with its `lang` and said to
 * be in that language only; else null.
 */
export function inLanguage(value: Bilingual): { text: string; lang: 'en' | 'cy' | null } | null {
  const locale = getLocale();
  const other = locale === 'en' ? 'cy' : 'en';
  if (value[locale].trim() !== '') return { text: value[locale], lang: null };
  if (value[other].trim() !== '') return { text: value[other], lang: other };
  return null;
}

/** A short bilingual detail inline (an organisation's name), or its placeholder. */
export function Name({ value, what }: { value: Bilingual; what: What }) {
  const shown = inLanguage(value);
  if (!shown) return <Placeholder what={what} />;
  if (shown.lang === null) return <>{shown.text}</>;
  return <span lang={shown.lang}>{shown.text}</span>;
}

/** A bilingual detail as plain text, for places that take a string (a title); empty when not filled in. */
export const nameText = (value: Bilingual): string => inLanguage(value)?.text ?? '';

/** Longer bilingual text as paragraphs (split at blank lines); a placeholder or nothing when empty. */
export function Paragraphs({ value, what }: { value: Bilingual; what?: What }): ReactNode {
  const shown = inLanguage(value);
  if (!shown) return what ? <p>{<Placeholder what={what} />}</p> : null;
  const paragraphs = shown.text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <>
      <div lang={shown.lang ?? undefined}>
        {paragraphs.map((p, i) => (
          <p key={i} className="legal-own-text">
            {p}
          </p>
        ))}
      </div>
      {shown.lang ? <p className="hint">{t(`legal.onlyIn.${shown.lang}`)}</p> : null}
    </>
  );
}

export type LegalState<P extends LegalPageName> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly stored: Stored<LegalSettings[P]> }
  | { readonly status: 'failed' };

/** Loads the organisation's details for one page; anyone may, signed in or not. */
export function useLegal<P extends LegalPageName>(page: P): LegalState<P> {
  const [state, setState] = useState<LegalState<P>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    readLegal(page).then(
      (stored) => live && setState({ status: 'ready', stored }),
      () => live && setState({ status: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [page]);
  return state;
}

/** Under a legal page's heading: the way to edit it, for an instance administrator, or that it could not load. */
export function LegalPageNotes({ state }: { state: LegalState<LegalPageName> }) {
  if (state.status === 'failed') return <p className="error-message">{t('legal.loadFailed')}</p>;
  if (state.status !== 'ready' || !state.stored.canEdit) return null;
  return (
    <p>
      <Link to={{ page: 'legal-admin' }}>{t('legal.editThis')}</Link>
    </p>
  );
}
