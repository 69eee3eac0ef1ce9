import { useEffect, useId, useState } from 'react';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { formatDateTime } from '../app/format';
import { t, type MessageId } from '../i18n';
import { errorText } from '../ui/field';
import {
  makeToken,
  readGroups,
  readToken,
  revokeToken,
  saveGroupRoles,
  type GroupRoles,
  type Role,
  type TokenStatus,
} from './provisioning-api';

const roleChoices: readonly Role[] = ['viewer', 'commenter', 'editor', 'owner'];
const roleWord = (role: Role) => t(`model.role.${role}` as MessageId);

/**
 * Provisioning as an instance administrator manages it (decision 0026): the instance's SCIM token (made or replaced,
 * its secret shown once; revoked) and the workspace roles each group from the directory gives.
 */
export function ProvisioningPage() {
  useTitle(t('scim.title'));
  const { session } = useSession();
  const [token, setToken] = useState<TokenStatus | null>(null);
  const [groups, setGroups] = useState<readonly GroupRoles[] | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'forbidden' | 'failed'>('loading');
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');
  useEffect(() => {
    Promise.all([readToken(), readGroups()]).then(
      ([status, list]) => {
        setToken(status);
        setGroups(list.groups);
        setState('ready');
      },
      (error: unknown) => setState((error as { status?: number }).status === 403 ? 'forbidden' : 'failed'),
    );
  }, []);
  if (session.status !== 'signed-in') return null;
  const csrf = session.me.csrfToken;
  if (state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state !== 'ready' || !token || !groups)
    return (
      <div className="narrow">
        <h1>{t('scim.title')}</h1>
        <p>{t(state === 'forbidden' ? 'scim.notAdmin' : 'scim.loadFailed')}</p>
      </div>
    );
  const act = async (work: () => Promise<void>) => {
    setProblem('');
    setMessage('');
    try {
      await work();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const endpoint = `${window.location.origin}${token.endpoint}`;
  const made = token.token;
  return (
    <div className="narrow">
      <h1>{t('scim.title')}</h1>
      <p>{t('scim.intro')}</p>
      <h2>{t('scim.token.heading')}</h2>
      <p>{t('scim.token.endpoint', { url: endpoint })}</p>
      {made ? (
        <p>
          {made.createdBy
            ? t('scim.token.made', { date: formatDateTime(made.createdAt), name: made.createdBy.name })
            : t('scim.token.madeByUnknown', { date: formatDateTime(made.createdAt) })}{' '}
          {made.lastUsedAt
            ? t('scim.token.lastUsed', { date: formatDateTime(made.lastUsedAt) })
            : t('scim.token.neverUsed')}
        </p>
      ) : (
        <p>{t('scim.token.none')}</p>
      )}
      {secret && <SecretField secret={secret} />}
      {made && <p className="hint">{t('scim.token.replaceHint')}</p>}
      <p>
        <button
          className="button"
          type="button"
          onClick={() =>
            void act(async () => {
              const answer = await makeToken(csrf);
              setSecret(answer.secret);
              setToken({ endpoint: answer.endpoint, token: answer.token });
            })
          }
        >
          {t(made ? 'scim.token.replace' : 'scim.token.make')}
        </button>{' '}
        {made && (
          <button
            className="button button--secondary"
            type="button"
            onClick={() =>
              void act(async () => {
                await revokeToken(csrf);
                setSecret(null);
                setToken({ ...token, token: null });
                setMessage(t('scim.token.revoked'));
              })
            }
          >
            {t('scim.token.revoke')}
          </button>
        )}
      </p>
      <p role="status">{message}</p>
      {problem && (
        <p className="error-message" role="alert">
          {problem}
        </p>
      )}
      <h2>{t('scim.groups.heading')}</h2>
      <p>{t('scim.groups.intro')}</p>
      {groups.length === 0 ? (
        <p>{t('scim.groups.none')}</p>
      ) : (
        groups.map((group) => (
          <GroupRolesForm
            key={group.id}
            group={group}
            workspaces={session.me.workspaces}
            onSave={(roles) =>
              act(async () => {
                await saveGroupRoles(group.id, roles, csrf);
                setGroups(groups.map((g) => (g.id === group.id ? { ...g, roles } : g)));
                setMessage(t('scim.groups.saved', { group: group.displayName }));
              })
            }
          />
        ))
      )}
    </div>
  );
}

function SecretField({ secret }: { secret: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('scim.token.secretLabel')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('scim.token.secretHint')}
      </p>
      <input
        id={id}
        className="input"
        readOnly
        value={secret}
        aria-describedby={`${id}-hint`}
        onFocus={(e) => e.currentTarget.select()}
      />
    </div>
  );
}

function GroupRolesForm(props: {
  group: GroupRoles;
  workspaces: readonly { readonly id: string; readonly name: string }[];
  onSave: (roles: GroupRoles['roles']) => Promise<void>;
}) {
  const { group, workspaces } = props;
  const id = useId();
  const [workspaceId, setWorkspaceId] = useState(workspaces[0]?.id ?? '');
  const current = group.roles.find((r) => r.workspaceId === workspaceId)?.role ?? '';
  const [role, setRole] = useState<Role | ''>(current);
  useEffect(() => setRole(current), [current, workspaceId]);
  const nameOf = (ws: string) => workspaces.find((w) => w.id === ws)?.name ?? ws;
  return (
    <section aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>{group.displayName}</h3>
      <dl>
        <dt>{t('scim.groups.members')}</dt>
        <dd>{group.memberCount}</dd>
        <dt>{t('scim.groups.roles')}</dt>
        <dd>
          {group.roles.length === 0
            ? t('scim.groups.noRoles')
            : group.roles
                .map((r) =>
                  t('scim.groups.roleIn', { role: roleWord(r.role), workspace: nameOf(r.workspaceId) }),
                )
                .join('; ')}
        </dd>
      </dl>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const others = group.roles.filter((r) => r.workspaceId !== workspaceId);
          void props.onSave(role ? [...others, { workspaceId, role }] : others);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-ws`}>{t('scim.groups.workspaceLabel', { group: group.displayName })}</label>
          <select
            id={`${id}-ws`}
            className="select"
            value={workspaceId}
            onChange={(e) => setWorkspaceId(e.target.value)}
          >
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('scim.groups.roleLabel')}</label>
          <select
            id={`${id}-role`}
            className="select"
            value={role}
            onChange={(e) => setRole(e.target.value as Role | '')}
          >
            <option value="">{t('scim.groups.noRole')}</option>
            {roleChoices.map((r) => (
              <option key={r} value={r}>
                {roleWord(r)}
              </option>
            ))}
          </select>
        </div>
        <button className="button" type="submit">
          {t('scim.groups.save', { group: group.displayName })}
        </button>
      </form>
    </section>
  );
}
