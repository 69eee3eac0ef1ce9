import { t } from '../i18n';
import { Link } from '../app/router';

/** Why a view cannot be shown, with the way back. */
export function ViewProblem({
  title,
  message,
  ws,
  id,
}: {
  title: string;
  message: string;
  ws?: string;
  id?: string;
}) {
  return (
    <div className="narrow">
      <h1>{title}</h1>
      <p>{message}</p>
      {ws && id ? (
        <p>
          <Link to={{ page: 'editor', ws, id }}>{t('views.problem.backToJourney')}</Link>
        </p>
      ) : null}
      {ws ? (
        <p>
          <Link to={{ page: 'home', ws }}>{t('views.problem.backToJourneys')}</Link>
        </p>
      ) : null}
    </div>
  );
}
