import { useEffect, useState } from 'react';
import { Link } from '../app/router';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { t } from '../i18n';
import { LegalForm } from './legal-admin-form';
import { readLegal, type LegalSettings, type Stored } from './legal-api';
import './legal.css';

type Loaded = { [P in keyof LegalSettings]: Stored<LegalSettings[P]> };

/** Where an instance administrator fills in the organisation's parts of the accessibility statement and privacy notice. */
export function LegalAdminPage() {
  useTitle(t('legal.admin.title'));
  const { session } = useSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    Promise.all([readLegal('accessibility'), readLegal('privacy')]).then(
      ([accessibility, privacy]) => setLoaded({ accessibility, privacy }),
      () => setFailed(true),
    );
  }, []);
  if (session.status !== 'signed-in') return null;
  if (failed) return <p className="error-message">{t('legal.loadFailed')}</p>;
  if (!loaded) return <p role="status">{t('common.loading')}</p>;
  if (!loaded.accessibility.canEdit)
    return (
      <div className="narrow">
        <h1>{t('legal.admin.title')}</h1>
        <p>{t('legal.admin.notAdmin')}</p>
      </div>
    );
  return (
    <div className="narrow legal-page">
      <h1>{t('legal.admin.title')}</h1>
      <p>{t('legal.admin.intro')}</p>
      <h2 id="legal-accessibility-heading">{t('legal.admin.accessibility.heading')}</h2>
      <p>
        <Link to={{ page: 'accessibility' }}>{t('legal.admin.view')}</Link>
      </p>
      <LegalForm
        page="accessibility"
        stored={loaded.accessibility}
        csrfToken={session.me.csrfToken}
        onSaved={(accessibility) => setLoaded({ ...loaded, accessibility })}
      />
      <h2 id="legal-privacy-heading">{t('legal.admin.privacy.heading')}</h2>
      <p>
        <Link to={{ page: 'privacy' }}>{t('legal.admin.view')}</Link>
      </p>
      <LegalForm
        page="privacy"
        stored={loaded.privacy}
        csrfToken={session.me.csrfToken}
        onSaved={(privacy) => setLoaded({ ...loaded, privacy })}
      />
    </div>
  );
}
