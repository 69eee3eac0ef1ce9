import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Member } from '../api/types';
import { Link } from '../app/router';
import { useRole, useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { formatDateTimeIn, t } from '../i18n';
import { ErrorSummary, SelectField, TextField, errorText } from '../ui/field';
import { TableHead } from '../ui/table-head';
import { adminApi, type AuditFilters, type AuditItem } from './admin-api';

/** The workspace's audit trail for its owners: filter by person, action, object and dates; download as CSV. */
export function AuditPage({ ws }: { ws: string }) {
  useTitle(t('admin.audit.heading'));
  const { api, session } = useSession();
  const role = useRole(ws);
  const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
  const [filters, setFilters] = useState<AuditFilters>({});
  const [items, setItems] = useState<readonly AuditItem[]>([]);
  const [actions, setActions] = useState<readonly string[]>([]);
  const [members, setMembers] = useState<readonly Member[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    async (before?: number) => {
      setError(null);
      try {
        const page = await adminApi(csrf).audit(ws, filters, before);
        setItems((old) => (before ? [...old, ...page.items] : page.items));
        setActions(page.actions);
        setMore(page.items.length === 100);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [csrf, ws, filters],
  );
  useEffect(() => {
    if (role === 'owner') void load();
  }, [role, load]);
  useEffect(() => {
    if (role === 'owner')
      void api
        .members(ws)
        .then((r) => setMembers(r.items))
        .catch(() => undefined);
  }, [api, ws, role]);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setFilters({
      actor: text('actor'),
      action: text('action'),
      target: text('target'),
      from: text('from'),
      to: text('to'),
    });
  }

  if (role !== 'owner')
    return (
      <div className="narrow">
        <h1>{t('admin.audit.heading')}</h1>
        <p>{t('admin.audit.ownersOnly')}</p>
      </div>
    );
  return (
    <>
      <p>
        <Link to={{ page: 'home', ws }}>{t('pages.backToJourneys')}</Link>
      </p>
      <h1>{t('admin.audit.heading')}</h1>
      <p>{t('admin.audit.intro')}</p>
      <ErrorSummary message={error} />
      <form className="panel filters" onSubmit={apply} aria-labelledby="audit-filters">
        <h2 id="audit-filters">{t('admin.audit.filters')}</h2>
        <SelectField label={t('admin.audit.person')} name="actor" defaultValue="">
          <option value="">{t('admin.audit.anyone')}</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('admin.audit.action')} name="action" defaultValue="">
          <option value="">{t('admin.audit.anyAction')}</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </SelectField>
        <TextField label={t('admin.audit.object')} hint={t('admin.audit.objectHint')} name="target" />
        <TextField label={t('admin.audit.from')} hint={t('admin.audit.dateHint')} name="from" type="date" />
        <TextField label={t('admin.audit.to')} hint={t('admin.audit.dateHint')} name="to" type="date" />
        <button className="button" type="submit">
          {t('admin.audit.apply')}
        </button>{' '}
        <button className="button button--secondary" type="reset" onClick={() => setFilters({})}>
          {t('admin.audit.clear')}
        </button>
      </form>
      <p>
        <a className="button button--secondary" href={adminApi(csrf).auditCsvUrl(ws, filters)} download>
          {t('admin.audit.download')}
        </a>
      </p>
      <p role="status">
        {items.length === 0 ? t('admin.audit.none') : t('admin.audit.count', { count: items.length })}
      </p>
      {items.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{t('admin.audit.heading')}</caption>
          <TableHead
            columns={[
              t('admin.audit.when'),
              t('admin.audit.who'),
              t('admin.audit.what'),
              t('admin.audit.on'),
              t('admin.audit.address'),
            ]}
          />
          <tbody>
            {items.map((e) => (
              <tr key={e.seq}>
                <th scope="row">{formatDateTimeIn(e.at)}</th>
                <td>{e.actorName ?? (e.actorId ? e.actorId : t('admin.audit.nobody'))}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>{e.target ?? ''}</td>
                <td>{e.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {more ? (
        <button
          className="button button--secondary"
          type="button"
          onClick={() => void load(items.at(-1)?.seq)}
        >
          {t('admin.audit.more')}
        </button>
      ) : null}
    </>
  );
}
