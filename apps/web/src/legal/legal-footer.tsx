import { Link } from '../app/router';
import { useSession } from '../app/session';
import { t } from '../i18n';
import { isInstanceAdmin } from './instance-admin';
import './legal.css';

/** The footer of every page: the accessibility statement and privacy notice, and for instance administrators where to edit them. */
export function LegalFooter() {
  const { session } = useSession();
  return (
    <footer className="legal-footer">
      <nav aria-label={t('legal.footer.label')}>
        <ul>
          <li>
            <Link to={{ page: 'accessibility' }}>{t('legal.footer.accessibility')}</Link>
          </li>
          <li>
            <Link to={{ page: 'privacy' }}>{t('legal.footer.privacy')}</Link>
          </li>
          {session.status === 'signed-in' && isInstanceAdmin(session.me) ? (
            <li>
              <Link to={{ page: 'legal-admin' }}>{t('legal.footer.admin')}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </footer>
  );
}
