import { useEffect, useState } from 'react';
import { t } from '../i18n';

/** Kept for the sign-in page that follows a sign-out: whether to offer the provider's sign-out too. */
const NOTE = 'waymark.signedOut';

interface SignOutNote {
  /** The provider's name when this session began there and it has a sign-out page; else null. */
  readonly provider: string | null;
}

/**
 * Asks, before the session ends, whether it began at the organisation's provider and the provider has a
 * sign-out page (GET /api/auth/sso), and keeps the answer for the sign-in page. Never stops the sign-out.
 */
export async function noteSignOut(): Promise<void> {
  let provider: string | null = null;
  try {
    const res = await fetch('/api/auth/sso', { credentials: 'same-origin' });
    const info = res.ok
      ? ((await res.json()) as { providerSignOut?: boolean; providerName?: string | null })
      : null;
    if (info?.providerSignOut && info.providerName) provider = info.providerName;
  } catch {
    provider = null;
  }
  try {
    sessionStorage.setItem(NOTE, JSON.stringify({ provider } satisfies SignOutNote));
  } catch {
    // A browser that keeps nothing: the sign-in page just does not say it.
  }
}

function readNote(): SignOutNote | null {
  try {
    const text = sessionStorage.getItem(NOTE);
    if (!text) return null;
    const note = JSON.parse(text) as Partial<SignOutNote>;
    return { provider: typeof note.provider === 'string' ? note.provider : null };
  } catch {
    return null;
  }
}

/**
 * On the sign-in page after signing out: "You have signed out of Waymark", and when the session began at the
 * provider, "Also sign out of <provider>" (GET /api/auth/sso/sign-out sends the browser to its sign-out page).
 */
export function SignedOutNotice() {
  const [note] = useState(readNote);
  useEffect(() => {
    try {
      sessionStorage.removeItem(NOTE);
    } catch {
      // nothing kept, nothing to forget
    }
  }, []);
  if (!note) return null;
  return (
    <div className="notice" role="status">
      <p>{t('ssoAdmin.signOut.done')}</p>
      {note.provider ? (
        <>
          <p>{t('ssoAdmin.signOut.providerHint', { provider: note.provider })}</p>
          <p>
            <a className="button button--secondary" href="/api/auth/sso/sign-out">
              {t('ssoAdmin.signOut.provider', { provider: note.provider })}
            </a>
          </p>
        </>
      ) : null}
    </div>
  );
}
