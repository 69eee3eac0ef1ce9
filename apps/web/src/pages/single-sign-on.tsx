import { useEffect, useState } from 'react';
import type { MessageId } from '@waymark/i18n';
import { t } from '../i18n';

interface SsoInfo {
  readonly enabled: boolean;
  readonly providerName: string | null;
  readonly passwordSignIn: boolean;
}

const errorCodes = [
  'not_configured',
  'provider_unreachable',
  'provider_refused',
  'state_mismatch',
  'sign_in_expired',
  'code_refused',
  'wrong_issuer',
  'token_invalid',
  'no_email',
  'email_unverified',
  'domain_not_allowed',
  'not_invited',
  'account_suspended',
];

/** The words for a refused single sign-on (`?sso_error=<code>` on the sign-in page), or null. */
export function ssoRefusal(search: string): string | null {
  const code = new URLSearchParams(search).get('sso_error');
  if (!code || !errorCodes.includes(code)) return null;
  const camel = code.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return t(`sso.error.${camel}` as MessageId);
}

/** "Sign in with <provider>" when single sign-on is set up (decision 0029); nothing otherwise. */
export function SingleSignOn() {
  const [info, setInfo] = useState<SsoInfo | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/auth/sso')
      .then((res) => (res.ok ? (res.json() as Promise<SsoInfo>) : null))
      .then((found) => {
        if (live) setInfo(found);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!info?.enabled || !info.providerName) return null;
  return (
    <div className="single-sign-on">
      <p>
        <a className="button" href="/api/auth/sso/start">
          {t('sso.signInWith', { provider: info.providerName })}
        </a>
      </p>
      <h2>{t('sso.orPassword')}</h2>
    </div>
  );
}
