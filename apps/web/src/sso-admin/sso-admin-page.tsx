import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { formatDateIn, t, type MessageId } from '../i18n';
import { ErrorSummary, TextField, errorText } from '../ui/field';
import {
  ssoAdminApi,
  type AccountMode,
  type GroupRole,
  type Invitation,
  type Role,
  type SettingField,
  type SsoAdminView,
  type WorkspaceChoice,
} from './sso-admin-api';

const roleChoices: readonly Role[] = ['viewer', 'commenter', 'editor', 'owner'];
const roleWord = (role: Role) => t(`model.role.${role}` as MessageId);
const domainPattern = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const fieldLabels: Record<SettingField, MessageId> = {
  issuer: 'ssoAdmin.issuer.label',
  clientId: 'ssoAdmin.clientId.label',
  clientSecret: 'ssoAdmin.secret.label',
  providerName: 'ssoAdmin.providerName.label',
  allowedDomains: 'ssoAdmin.domains.label',
  accounts: 'ssoAdmin.accounts.legend',
  groupClaim: 'ssoAdmin.groupClaim.label',
  groupRoles: 'ssoAdmin.groups.heading',
  passwordSignIn: 'ssoAdmin.passwords.legend',
};

/** A failed save in words that name the field (and the row of a group role), and which field it was. */
export function saveProblem(error: unknown): {
  field: SettingField | null;
  row: number | null;
  text: string;
} {
  const message = errorText(error);
  if (!(error instanceof ApiError)) return { field: null, row: null, text: message };
  const problems = (error.body as { problems?: { path?: unknown }[] } | null)?.problems;
  const path = typeof problems?.[0]?.path === 'string' ? problems[0].path : error.path;
  const match = /^([A-Za-z]+)(?:[.[](\d+))?/.exec(path ?? '');
  const field = match && match[1]! in fieldLabels ? (match[1] as SettingField) : null;
  if (!field) return { field: null, row: null, text: message };
  const row = match?.[2] === undefined ? null : Number(match[2]) + 1;
  if (field === 'groupRoles' && row !== null)
    return { field, row, text: t('ssoAdmin.error.groupRow', { row, message }) };
  return { field, row, text: t('ssoAdmin.error.field', { field: t(fieldLabels[field]), message }) };
}

interface Draft {
  issuer: string;
  clientId: string;
  providerName: string;
  domains: string;
  accounts: AccountMode;
  groupClaim: string;
  groupRoles: GroupRole[];
  passwordSignIn: boolean;
  secret: string;
  removeSecret: boolean;
}

const draftOf = (view: SsoAdminView): Draft => ({
  issuer: view.settings?.issuer ?? '',
  clientId: view.settings?.clientId ?? '',
  // The default name (Microsoft, Google, the host) is shown on the sign-in page; here only a chosen one.
  providerName: view.fromEnvironment.includes('providerName') ? (view.settings?.providerName ?? '') : '',
  domains: (view.settings?.allowedDomains ?? []).join(', '),
  accounts: view.settings?.accounts ?? 'just_in_time',
  groupClaim: view.settings?.groupClaim ?? 'groups',
  groupRoles: [...(view.settings?.groupRoles ?? [])],
  passwordSignIn: view.settings?.passwordSignIn ?? true,
  secret: '',
  removeSecret: false,
});

/**
 * Single sign-on as an instance administrator manages it (decision 0029): the provider, the client secret
 * (write-only), allowed domains, accounts just in time or by invitation, group roles, password sign-in, and
 * invitations. What the environment sets is shown read-only, naming its variable.
 */
export function SsoAdminPage() {
  useTitle(t('ssoAdmin.title'));
  const { session } = useSession();
  const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
  const [view, setView] = useState<SsoAdminView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [invitations, setInvitations] = useState<readonly Invitation[]>([]);
  const [workspaces, setWorkspaces] = useState<readonly WorkspaceChoice[]>([]);
  const [state, setState] = useState<'loading' | 'ready' | 'forbidden' | 'failed'>('loading');
  const [problem, setProblem] = useState<ReturnType<typeof saveProblem> | null>(null);
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    const api = ssoAdminApi(csrf);
    const [read, listed, spaces] = await Promise.all([api.read(), api.invitations(), api.workspaces()]);
    setView(read);
    setDraft(draftOf(read));
    setInvitations(listed.invitations);
    setWorkspaces(spaces.items.filter((w) => w.archivedAt === null));
  }, [csrf]);
  useEffect(() => {
    load().then(
      () => setState('ready'),
      (error: unknown) => setState((error as { status?: number }).status === 403 ? 'forbidden' : 'failed'),
    );
  }, [load]);

  if (state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state !== 'ready' || !view || !draft)
    return (
      <div className="narrow">
        <h1>{t('ssoAdmin.title')}</h1>
        <p>{t(state === 'forbidden' ? 'ssoAdmin.notAdmin' : 'ssoAdmin.loadFailed')}</p>
      </div>
    );

  const api = ssoAdminApi(csrf);
  const fixed = (field: SettingField) => view.fromEnvironment.includes(field);
  // The API lists the variables in the order of the fields they set.
  const variableOf = (field: SettingField) =>
    view.environmentVariables[view.fromEnvironment.indexOf(field)] ?? null;
  const envHint = (field: SettingField, hint: string) => {
    const variable = fixed(field) ? variableOf(field) : null;
    return variable ? t('ssoAdmin.environment.field', { variable }) : hint;
  };
  const change = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const errorFor = (field: SettingField) => (problem?.field === field ? problem.text : null);
  const workspaceName = (id: string) => workspaces.find((w) => w.id === id)?.name ?? id;

  const act = async (work: () => Promise<string>) => {
    setProblem(null);
    setNotice('');
    try {
      setNotice(await work());
    } catch (error) {
      setProblem(saveProblem(error));
    }
  };

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const d = draft!;
    const domains = d.domains
      .split(/[,\s]+/)
      .map((x) => x.trim().toLowerCase())
      .filter(Boolean);
    const wrong = domains.find((x) => !domainPattern.test(x));
    if (wrong !== undefined) {
      setNotice('');
      setProblem({ field: 'allowedDomains', row: null, text: t('ssoAdmin.error.domain', { domain: wrong }) });
      return;
    }
    const empty = d.groupRoles.findIndex((g) => g.group.trim() === '');
    if (empty >= 0) {
      setNotice('');
      setProblem({
        field: 'groupRoles',
        row: empty + 1,
        text: t('ssoAdmin.error.groupEmpty', { row: empty + 1 }),
      });
      return;
    }
    void act(async () => {
      const saved = await api.save({
        issuer: d.issuer.trim(),
        clientId: d.clientId.trim(),
        providerName: d.providerName.trim(),
        allowedDomains: domains,
        accounts: d.accounts,
        groupClaim: d.groupClaim.trim() || 'groups',
        groupRoles: d.groupRoles.map((g) => ({ ...g, group: g.group.trim() })),
        passwordSignIn: d.passwordSignIn,
        ...(d.removeSecret ? { clientSecret: null } : d.secret !== '' ? { clientSecret: d.secret } : {}),
      });
      setView(saved);
      setDraft(draftOf(saved));
      return t('ssoAdmin.saved');
    });
  }

  function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    const email = String(form.get('email') ?? '').trim();
    void act(async () => {
      const made = await api.invite({
        email,
        workspaceId: String(form.get('workspaceId')),
        role: String(form.get('role')) as Role,
      });
      target.reset();
      setInvitations((await api.invitations()).invitations);
      return t('ssoAdmin.invitations.added', { email: made.invitation.email });
    });
  }

  const secretStatus =
    view.clientSecret === 'set'
      ? t('ssoAdmin.secret.set')
      : view.clientSecret === 'unreadable'
        ? t('ssoAdmin.secret.unreadable')
        : t('ssoAdmin.secret.notSet');
  const defaultWorkspace = workspaces[0]?.id ?? '';

  return (
    <div className="narrow">
      <h1>{t('ssoAdmin.title')}</h1>
      <p>{t('ssoAdmin.intro')}</p>
      <p>
        {view.settings
          ? t('ssoAdmin.status.on', { provider: view.settings.providerName })
          : t('ssoAdmin.status.off')}
      </p>
      <p>{t('ssoAdmin.redirectUri', { uri: view.redirectUri })}</p>
      {view.environmentVariables.length > 0 ? (
        <div className="notice">
          <h2>{t('ssoAdmin.environment.heading')}</h2>
          <p>{t('ssoAdmin.environment.intro', { variables: view.environmentVariables.join(', ') })}</p>
        </div>
      ) : null}
      <ErrorSummary message={problem?.text ?? null} />
      <p className={notice ? 'notice' : undefined} role="status">
        {notice}
      </p>
      <form onSubmit={save} noValidate>
        <h2>{t('ssoAdmin.provider.heading')}</h2>
        <TextField
          label={t('ssoAdmin.issuer.label')}
          hint={envHint('issuer', t('ssoAdmin.issuer.hint'))}
          error={errorFor('issuer')}
          name="issuer"
          type="url"
          value={draft.issuer}
          readOnly={fixed('issuer')}
          onChange={(e) => change({ issuer: e.target.value })}
        />
        <TextField
          label={t('ssoAdmin.clientId.label')}
          hint={envHint('clientId', t('ssoAdmin.clientId.hint'))}
          error={errorFor('clientId')}
          name="clientId"
          value={draft.clientId}
          readOnly={fixed('clientId')}
          autoComplete="off"
          onChange={(e) => change({ clientId: e.target.value })}
        />
        <TextField
          label={t('ssoAdmin.providerName.label')}
          hint={envHint('providerName', t('ssoAdmin.providerName.hint'))}
          error={errorFor('providerName')}
          name="providerName"
          value={draft.providerName}
          readOnly={fixed('providerName')}
          onChange={(e) => change({ providerName: e.target.value })}
        />

        <h2>{t('ssoAdmin.secret.heading')}</h2>
        <p>{fixed('clientSecret') ? envHint('clientSecret', '') : secretStatus}</p>
        {fixed('clientSecret') ? null : (
          <>
            <TextField
              label={t('ssoAdmin.secret.label')}
              hint={t('ssoAdmin.secret.hint')}
              error={errorFor('clientSecret')}
              name="clientSecret"
              type="password"
              autoComplete="new-password"
              value={draft.secret}
              disabled={draft.removeSecret}
              onChange={(e) => change({ secret: e.target.value })}
            />
            {view.clientSecret === 'not_set' ? null : (
              <div className="checkbox">
                <input
                  id="sso-remove-secret"
                  type="checkbox"
                  checked={draft.removeSecret}
                  onChange={(e) => change({ removeSecret: e.target.checked, secret: '' })}
                />
                <label htmlFor="sso-remove-secret">{t('ssoAdmin.secret.remove')}</label>
              </div>
            )}
          </>
        )}

        <h2>{t('ssoAdmin.accounts.legend')}</h2>
        <TextField
          label={t('ssoAdmin.domains.label')}
          hint={envHint('allowedDomains', t('ssoAdmin.domains.hint'))}
          error={errorFor('allowedDomains')}
          name="allowedDomains"
          value={draft.domains}
          readOnly={fixed('allowedDomains')}
          onChange={(e) => change({ domains: e.target.value })}
        />
        <fieldset className="field" disabled={fixed('accounts')}>
          <legend>{t('ssoAdmin.accounts.legend')}</legend>
          {fixed('accounts') ? <p className="hint">{envHint('accounts', '')}</p> : null}
          {(['just_in_time', 'invitation'] as const).map((mode) => (
            <div className="radio" key={mode}>
              <input
                id={`sso-accounts-${mode}`}
                type="radio"
                name="accounts"
                value={mode}
                checked={draft.accounts === mode}
                onChange={() => change({ accounts: mode })}
              />
              <label htmlFor={`sso-accounts-${mode}`}>
                {t(mode === 'just_in_time' ? 'ssoAdmin.accounts.justInTime' : 'ssoAdmin.accounts.invitation')}
              </label>
            </div>
          ))}
        </fieldset>

        <h2>{t('ssoAdmin.groups.heading')}</h2>
        <p>{t('ssoAdmin.groups.intro')}</p>
        <TextField
          label={t('ssoAdmin.groupClaim.label')}
          hint={t('ssoAdmin.groupClaim.hint')}
          error={errorFor('groupClaim')}
          name="groupClaim"
          value={draft.groupClaim}
          onChange={(e) => change({ groupClaim: e.target.value })}
        />
        {problem?.field === 'groupRoles' ? (
          <p className="error-message" id="sso-group-error">
            {problem.text}
          </p>
        ) : null}
        {draft.groupRoles.length === 0 ? (
          <p>{t('ssoAdmin.groups.none')}</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">{t('ssoAdmin.groups.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ssoAdmin.groups.group')}</th>
                <th scope="col">{t('ssoAdmin.groups.workspace')}</th>
                <th scope="col">{t('ssoAdmin.groups.role')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('ssoAdmin.groups.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.groupRoles.map((g, i) => {
                const row = i + 1;
                const set = (patch: Partial<GroupRole>) =>
                  change({ groupRoles: draft.groupRoles.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
                const wrong = problem?.field === 'groupRoles' && problem.row === row;
                return (
                  <tr key={i}>
                    <td>
                      <input
                        className="input"
                        aria-label={t('ssoAdmin.groups.groupRow', { row })}
                        aria-invalid={wrong || undefined}
                        aria-describedby={wrong ? 'sso-group-error' : undefined}
                        value={g.group}
                        onChange={(e) => set({ group: e.target.value })}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={t('ssoAdmin.groups.workspaceRow', { row })}
                        value={g.workspaceId}
                        onChange={(e) => set({ workspaceId: e.target.value })}
                      >
                        {workspaces.some((w) => w.id === g.workspaceId) ? null : (
                          <option value={g.workspaceId}>{g.workspaceId}</option>
                        )}
                        {workspaces.map((w) => (
                          <option key={w.id} value={w.id}>
                            {w.name}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <select
                        aria-label={t('ssoAdmin.groups.roleRow', { row })}
                        value={g.role}
                        onChange={(e) => set({ role: e.target.value as Role })}
                      >
                        {roleChoices.map((r) => (
                          <option key={r} value={r}>
                            {roleWord(r)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <button
                        className="button button--small button--secondary"
                        type="button"
                        onClick={() => change({ groupRoles: draft.groupRoles.filter((_, j) => j !== i) })}
                      >
                        {t('ssoAdmin.groups.remove', { row })}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p>
          <button
            className="button button--secondary"
            type="button"
            disabled={workspaces.length === 0}
            onClick={() =>
              change({
                groupRoles: [
                  ...draft.groupRoles,
                  { group: '', workspaceId: defaultWorkspace, role: 'viewer' },
                ],
              })
            }
          >
            {t('ssoAdmin.groups.add')}
          </button>
        </p>

        <fieldset className="field">
          <legend>{t('ssoAdmin.passwords.legend')}</legend>
          <p className="hint" id="sso-passwords-warning">
            {t('ssoAdmin.passwords.warning')}
          </p>
          <div className="checkbox">
            <input
              id="sso-password-sign-in"
              type="checkbox"
              aria-describedby="sso-passwords-warning"
              checked={draft.passwordSignIn}
              onChange={(e) => change({ passwordSignIn: e.target.checked })}
            />
            <label htmlFor="sso-password-sign-in">{t('ssoAdmin.passwords.label')}</label>
          </div>
        </fieldset>
        <button className="button" type="submit">
          {t('ssoAdmin.save')}
        </button>
      </form>

      <h2>{t('ssoAdmin.invitations.heading')}</h2>
      <p>{t('ssoAdmin.invitations.intro')}</p>
      {invitations.length === 0 ? (
        <p>{t('ssoAdmin.invitations.none')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('ssoAdmin.invitations.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ssoAdmin.invitations.email')}</th>
              <th scope="col">{t('ssoAdmin.invitations.workspace')}</th>
              <th scope="col">{t('ssoAdmin.invitations.role')}</th>
              <th scope="col">{t('ssoAdmin.invitations.invited')}</th>
              <th scope="col">{t('ssoAdmin.invitations.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('ssoAdmin.invitations.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.email}</th>
                <td>{workspaceName(i.workspaceId)}</td>
                <td>{roleWord(i.role)}</td>
                <td>{formatDateIn(i.createdAt)}</td>
                <td>
                  {i.acceptedAt
                    ? t('ssoAdmin.invitations.accepted', { date: formatDateIn(i.acceptedAt) })
                    : t('ssoAdmin.invitations.waiting')}
                </td>
                <td>
                  <button
                    className="button button--small button--warning"
                    type="button"
                    onClick={() =>
                      void act(async () => {
                        await api.withdraw(i.id);
                        setInvitations((await api.invitations()).invitations);
                        return t('ssoAdmin.invitations.withdrawn', { email: i.email });
                      })
                    }
                  >
                    {t('ssoAdmin.invitations.withdraw', { email: i.email })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={invite} className="panel">
        <h3>{t('ssoAdmin.invitations.addHeading')}</h3>
        <TextField
          label={t('ssoAdmin.invitations.email')}
          name="email"
          type="email"
          autoComplete="off"
          required
        />
        <div className="field">
          <label htmlFor="sso-invite-workspace">{t('ssoAdmin.invitations.workspace')}</label>
          <select id="sso-invite-workspace" name="workspaceId" defaultValue={defaultWorkspace}>
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sso-invite-role">{t('ssoAdmin.invitations.role')}</label>
          <select id="sso-invite-role" name="role" defaultValue="viewer">
            {roleChoices.map((r) => (
              <option key={r} value={r}>
                {roleWord(r)}
              </option>
            ))}
          </select>
        </div>
        <button className="button" type="submit">
          {t('ssoAdmin.invitations.add')}
        </button>
      </form>
    </div>
  );
}
