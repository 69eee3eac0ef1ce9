import { useEffect, useState, type FormEvent } from 'react';
import { Link } from '../app/router';
import { useRole, useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { formatDateIn, t, useLocale, type MessageId } from '../i18n';
import { ErrorSummary, TextField, errorText } from '../ui/field';
import {
  deleteWorkspace,
  exportUrl,
  readRetention,
  retentionPeriods,
  saveRetention,
  type RetentionPeriod,
  type RetentionSettings,
} from './retention-api';
import { readPeriods, type RetentionProblem } from './retention-form';

const labels: Record<RetentionPeriod, { label: MessageId; hint: MessageId }> = {
  deletedJourneys: {
    label: 'retention.period.deletedJourneys.label',
    hint: 'retention.period.deletedJourneys.hint',
  },
  datasets: { label: 'retention.period.datasets.label', hint: 'retention.period.datasets.hint' },
  rawUploads: { label: 'retention.period.rawUploads.label', hint: 'retention.period.rawUploads.hint' },
  audit: { label: 'retention.period.audit.label', hint: 'retention.period.audit.hint' },
  history: { label: 'retention.period.history.label', hint: 'retention.period.history.hint' },
};

function problemWords(period: RetentionPeriod, problem: RetentionProblem): string {
  const field = t(labels[period].label);
  if (problem.kind === 'whole') return t('retention.error.whole', { field });
  if (problem.kind === 'min') return t('retention.error.min', { field, min: problem.min });
  return t('retention.error.max', { field, max: problem.max });
}

/** An owner's page: how long the workspace keeps things, its export and its deletion (issue 12 item 4). */
export function RetentionPage({ ws }: { ws: string }) {
  useTitle(t('retention.heading'));
  const { session, refresh } = useSession();
  const role = useRole(ws);
  const locale = useLocale();
  const [settings, setSettings] = useState<RetentionSettings | null>(null);
  const [typed, setTyped] = useState<Record<RetentionPeriod, string> | null>(null);
  const [problems, setProblems] = useState<Partial<Record<RetentionPeriod, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [confirmName, setConfirmName] = useState('');
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const csrfToken = session.status === 'signed-in' ? session.me.csrfToken : '';
  const name =
    session.status === 'signed-in' ? (session.me.workspaces.find((w) => w.id === ws)?.name ?? ws) : ws;

  useEffect(() => {
    if (role !== 'owner') return;
    readRetention(ws)
      .then((s) => {
        setSettings(s);
        setTyped(
          Object.fromEntries(retentionPeriods.map((p) => [p, String(s.days[p])])) as Record<
            RetentionPeriod,
            string
          >,
        );
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [ws, role]);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!settings || !typed) return;
    setSaved(false);
    setError(null);
    const read = readPeriods(typed, settings.bounds);
    if (!read.ok) {
      const words = Object.fromEntries(
        Object.entries(read.problems).map(([p, problem]) => [p, problemWords(p as RetentionPeriod, problem)]),
      );
      setProblems(words);
      setError(Object.values(words).join(' '));
      return;
    }
    setProblems({});
    try {
      setSettings(await saveRetention(ws, read.days, csrfToken));
      setSaved(true);
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function remove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setConfirmError(null);
    if (confirmName.trim() !== name.trim()) return setConfirmError(t('retention.delete.mismatch'));
    try {
      await deleteWorkspace(ws, confirmName, csrfToken);
      setDeleted(name);
      await refresh();
    } catch (e) {
      setConfirmError(errorText(e));
    }
  }

  if (deleted !== null)
    return (
      <div className="narrow">
        <h1>{t('retention.deleted.heading')}</h1>
        <p role="status">{t('retention.deleted.body', { name: deleted })}</p>
        <p>
          <Link to={{ page: 'start' }}>{t('retention.deleted.home')}</Link>
        </p>
      </div>
    );

  return (
    <div className="narrow">
      <p>
        <Link to={{ page: 'home', ws }}>{t('pages.backToJourneys')}</Link>
      </p>
      <h1>{t('retention.heading')}</h1>
      {role !== 'owner' ? (
        <p>{t('retention.ownersOnly')}</p>
      ) : (
        <>
          <p>{t('retention.intro')}</p>
          <ErrorSummary message={error} />
          {settings && typed ? (
            <form onSubmit={(e) => void save(e)} noValidate>
              <h2>{t('retention.periods.heading')}</h2>
              <p>
                {settings.usingDefaults
                  ? t('retention.usingDefaults')
                  : settings.updatedAt
                    ? t('retention.lastChanged', { date: formatDateIn(settings.updatedAt) })
                    : null}
              </p>
              {retentionPeriods.map((period) => (
                <TextField
                  key={period}
                  id={`retention-${period}`}
                  name={period}
                  inputMode="numeric"
                  className="input--short"
                  label={`${t(labels[period].label)} (${t('retention.periods.days')})`}
                  hint={`${t(labels[period].hint)} ${t('retention.periods.bounds', {
                    min: settings.bounds[period].min,
                    max: settings.bounds[period].max,
                    default: settings.defaults[period],
                  })}`}
                  error={problems[period] ?? null}
                  value={typed[period]}
                  onChange={(e) => setTyped({ ...typed, [period]: e.target.value })}
                />
              ))}
              <button className="button" type="submit">
                {t('retention.save')}
              </button>
              <p role="status">{saved ? t('retention.saved') : ''}</p>
            </form>
          ) : null}
          <section aria-labelledby="retention-export">
            <h2 id="retention-export">{t('retention.export.heading')}</h2>
            <p>{t('retention.export.body')}</p>
            <a className="button" href={exportUrl(ws, locale)} download>
              {t('retention.export.download')}
            </a>
          </section>
          <form aria-labelledby="retention-delete" onSubmit={(e) => void remove(e)} noValidate>
            <h2 id="retention-delete">{t('retention.delete.heading')}</h2>
            <p>{t('retention.delete.body')}</p>
            <TextField
              id="retention-confirm-name"
              name="confirmName"
              autoComplete="off"
              label={t('retention.delete.confirmLabel', { name })}
              error={confirmError}
              value={confirmName}
              onChange={(e) => setConfirmName(e.target.value)}
            />
            <button className="button button--warning" type="submit">
              {t('retention.delete.button')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
