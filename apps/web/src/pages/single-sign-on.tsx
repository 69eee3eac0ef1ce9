import { useEffect, useState } from 'react';
import { namespaces, type MessageId } from '@waymark/i18n';
import { t } from '../i18n';

interface SsoInfo {
  readonly enabled: boolean;
  readonly providerName: string | null;
  readonly passwordSignIn: boolean;
}

/** The refusals the catalogue has words for (`sso.error.<code>`): the server's `ssoErrorCodes`, each tested to have them. */
const known = namespaces.sso.en as Record<string, string>;

/** The words for a refused single sign-on (`?sso_error=<code>` on the sign-in page), or null. */
export function ssoRefusal(search: string): string | null {
  const code = new URLSearchParams(search).get('sso_error');
  if (!code || !/^[a-z_]+$/.test(code)) return null;
  const id = `sso.error.${code.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}`;
  return id in known ? t(id as MessageId) : null;
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
