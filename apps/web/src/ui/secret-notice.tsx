import { useState, type ReactNode } from 'react';
import { formatDateIn, t, tRich } from '../i18n';

/**
 * A secret shown once (a one-time password, an API token) with a button that copies it, and a sentence on
 * what to do with it. Announced politely to screen readers.
 */
export function SecretNotice({
  label,
  secret,
  children,
}: {
  label: string;
  secret: string;
  children: ReactNode;
}) {
  const [copied, setCopied] = useState<boolean | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="notice" role="status">
      <p>{children}</p>
      <p>
        {label}: <code data-testid="secret">{secret}</code>{' '}
        <button className="button button--small" type="button" onClick={() => void copy()}>
          {tRich('app.secret.copy', {
            name: label.toLowerCase(),
            hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
          })}
        </button>{' '}
        {copied === true ? <span>{t('app.secret.copied')}</span> : null}
        {copied === false ? <span>{t('app.secret.copyFailed')}</span> : null}
      </p>
    </div>
  );
}

/** "4 December 2026 at 09:00" ("4 Rhagfyr 2026 am 09:00") in the browser's time zone. */
export const untilText = (iso: string) => formatDateIn(iso, { dateStyle: 'long', timeStyle: 'short' });
