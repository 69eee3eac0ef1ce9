import { linkKinds, type Journey, type JourneyCommand, type Link, type LinkTarget } from '@waymark/core';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { t } from '../i18n';
import { ChoiceField, CommitField } from './commit-field';
import { useEditorContext } from './editor-context';
import { linkKindName, linkText, stepName } from './links-band';

const LABEL_MAX = 300;

/** A link's target as the value of one select: a step, the customer or an organisation. */
export function targetValue(to: LinkTarget): string {
  if (to.kind === 'column') return `step:${to.columnId}`;
  if (to.kind === 'organisation') return `org:${to.organisationId}`;
  return 'customer';
}

export function targetOf(value: string): LinkTarget {
  if (value.startsWith('step:')) return { kind: 'column', columnId: value.slice(5) as never };
  if (value.startsWith('org:')) return { kind: 'organisation', organisationId: value.slice(4) as never };
  return { kind: 'customer' };
}

function StepOptions({ journey }: { journey: Journey }) {
  return (
    <>
      {journey.columns.map((c) => (
        <option key={c.id} value={c.id}>
          {stepName(journey, c.id)}
        </option>
      ))}
    </>
  );
}

function TargetOptions({ journey }: { journey: Journey }) {
  return (
    <>
      <optgroup label={t('links.field.toSteps')}>
        {journey.columns.map((c) => (
          <option key={c.id} value={`step:${c.id}`}>
            {stepName(journey, c.id)}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('links.field.toOthers')}>
        <option value="customer">{t('links.field.customer')}</option>
        {journey.organisations.map((o) => (
          <option key={o.id} value={`org:${o.id}`}>
            {o.name}
          </option>
        ))}
      </optgroup>
    </>
  );
}

function KindOptions() {
  return (
    <>
      {linkKinds.map((k) => (
        <option key={k} value={k}>
          {linkKindName(k)}
        </option>
      ))}
    </>
  );
}

/** "No organisations yet": where to add the agency a request goes to, naming what is on screen. */
function NoAgencyHint({ journey, kind }: { journey: Journey; kind: Link['kind'] }) {
  if (kind !== 'outside-request' || journey.organisations.length > 0) return null;
  return <p className="hint">{t('links.hint.noOrganisations')}</p>;
}

/** Checks a typed wait: empty (no wait), or a number of days, 0 or more. */
export function parseWait(text: string): { ok: true; days: number | undefined } | { ok: false } {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, days: undefined };
  const days = Number(trimmed);
  return Number.isFinite(days) && days >= 0 ? { ok: true, days } : { ok: false };
}

/**
 * The fields of one link — kind, from, to, where it comes back, label, wait — each change one `link.update`
 * command (so undo, redo and live editing share it), and Delete. Read-only people see the words only.
 */
export function LinkFields({
  link,
  onDeleted,
  first,
}: {
  link: Link;
  onDeleted?: () => void;
  /** Marks the first field, to move focus to it when the link is chosen on the map. */
  first?: string;
}) {
  const { journey, canEdit, execute } = useEditorContext();
  const [error, setError] = useState<string | null>(null);
  if (!canEdit) return <p>{linkText(journey, link)}</p>;
  const run = (command: JourneyCommand) => {
    const ok = execute(command);
    setError(ok ? null : t('links.error.refused'));
    return ok;
  };
  const update = (patch: Record<string, unknown>, unset?: string[]) =>
    run({ type: 'link.update', id: link.id, patch, ...(unset?.length ? { unset } : {}) } as JourneyCommand);
  const to = targetValue(link.to);
  return (
    <div className="links-fields" data-first={first}>
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      <ChoiceField
        label={t('links.field.kind')}
        value={link.kind}
        onChange={(v) => update({ kind: v as Link['kind'] })}
      >
        <KindOptions />
      </ChoiceField>
      <NoAgencyHint journey={journey} kind={link.kind} />
      <ChoiceField
        label={t('links.field.from')}
        value={link.from.columnId}
        onChange={(v) => update({ from: { columnId: v } })}
      >
        <StepOptions journey={journey} />
      </ChoiceField>
      <ChoiceField
        label={t('links.field.to')}
        value={to}
        onChange={(v) => {
          const target = targetOf(v);
          update({ to: target }, target.kind === 'column' && link.returnsTo ? ['returnsTo'] : []);
        }}
      >
        <TargetOptions journey={journey} />
      </ChoiceField>
      {link.to.kind !== 'column' ? (
        <ChoiceField
          label={t('links.field.comesBack')}
          value={link.returnsTo?.columnId ?? ''}
          onChange={(v) => (v === '' ? update({}, ['returnsTo']) : update({ returnsTo: { columnId: v } }))}
        >
          <option value="">{t('links.field.doesNotComeBack')}</option>
          <StepOptions journey={journey} />
        </ChoiceField>
      ) : null}
      <CommitField
        label={t('links.field.label')}
        hint={t('links.field.labelHint')}
        value={link.label ?? ''}
        onCommit={(v) => {
          const label = v.trim();
          if (label.length > LABEL_MAX)
            return t('links.error.labelTooLong', { max: LABEL_MAX, count: label.length });
          if (label === '')
            return link.label === undefined || update({}, ['label']) ? null : t('links.error.refused');
          return update({ label }) ? null : t('links.error.refused');
        }}
      />
      <CommitField
        label={t('links.field.wait')}
        hint={t('links.field.waitHint')}
        inputMode="decimal"
        value={link.waitDays === undefined ? '' : String(link.waitDays)}
        onCommit={(v) => {
          const wait = parseWait(v);
          if (!wait.ok) return t('links.error.wait');
          if (wait.days === undefined)
            return link.waitDays === undefined || update({}, ['waitDays']) ? null : t('links.error.refused');
          return update({ waitDays: wait.days }) ? null : t('links.error.refused');
        }}
      />
      <button
        type="button"
        className="button button--warning button--small"
        onClick={() => {
          if (run({ type: 'link.remove', id: link.id })) onDeleted?.();
        }}
      >
        {t('links.delete')}
      </button>
    </div>
  );
}

/**
 * A form that adds a link: kind, from which step, to which step, the customer or an organisation, where it
 * comes back, and a label. One `link.add` command; `onAdded` gets the new link's id.
 */
export function AddLinkForm({
  fromColumnId,
  onAdded,
  actions,
}: {
  fromColumnId?: string;
  onAdded?: (id: string) => void;
  /** More buttons beside "Add link" (the map's Cancel). */
  actions?: ReactNode;
}) {
  const { journey, execute, newId } = useEditorContext();
  const labelId = useId();
  const first = fromColumnId ?? journey.columns[0]?.id ?? '';
  const next = journey.columns[journey.columns.findIndex((c) => c.id === first) + 1]?.id ?? first;
  const [kind, setKind] = useState<Link['kind']>('feedback-loop');
  const [from, setFrom] = useState<string>(first);
  const [to, setTo] = useState<string>(`step:${next}`);
  const [back, setBack] = useState<string>('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chooseKind = (k: Link['kind']) => {
    setKind(k);
    // A request to an outside agency usually goes to one: offer the first organisation.
    const org = journey.organisations[0];
    if (k === 'outside-request' && to.startsWith('step:') && org) setTo(`org:${org.id}`);
  };
  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const words = label.trim();
    if (words.length > LABEL_MAX) {
      setError(t('links.error.labelTooLong', { max: LABEL_MAX, count: words.length }));
      return;
    }
    const target = targetOf(to);
    const id = newId('link');
    const item = {
      id,
      kind,
      from: { columnId: from || first },
      to: target,
      ...(words ? { label: words } : {}),
      ...(target.kind !== 'column' && back ? { returnsTo: { columnId: back } } : {}),
    };
    if (execute({ type: 'link.add', item: item as never })) {
      setError(null);
      setLabel('');
      onAdded?.(id);
    } else setError(t('links.error.refused'));
  };
  return (
    <form onSubmit={add} className="add-form links-add-form" data-focus-step={from || first}>
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      <ChoiceField label={t('links.field.kind')} value={kind} onChange={(v) => chooseKind(v as Link['kind'])}>
        <KindOptions />
      </ChoiceField>
      <NoAgencyHint journey={journey} kind={kind} />
      <ChoiceField label={t('links.field.from')} value={from} onChange={setFrom}>
        <StepOptions journey={journey} />
      </ChoiceField>
      <ChoiceField label={t('links.field.to')} value={to} onChange={setTo}>
        <TargetOptions journey={journey} />
      </ChoiceField>
      {!to.startsWith('step:') ? (
        <ChoiceField label={t('links.field.comesBack')} value={back} onChange={setBack}>
          <option value="">{t('links.field.doesNotComeBack')}</option>
          <StepOptions journey={journey} />
        </ChoiceField>
      ) : null}
      <div className="field">
        <label htmlFor={labelId}>{t('links.field.label')}</label>
        <p className="hint" id={`${labelId}-hint`}>
          {t('links.field.labelHint')}
        </p>
        <input
          id={labelId}
          type="text"
          value={label}
          aria-describedby={`${labelId}-hint`}
          onChange={(e) => setLabel(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button--secondary button--small">
          {t('links.add')}
        </button>
        {actions}
      </div>
    </form>
  );
}

/** The links without the map: the list in words, each with Remove, and the form to add one. */
export function LinksPanel() {
  const { journey, canEdit, execute } = useEditorContext();
  return (
    <div>
      <p className="hint">{t('links.panel.intro')}</p>
      {journey.links.length === 0 ? <p>{t('links.none')}</p> : null}
      <ul className="item-list">
        {journey.links.map((link) => (
          <li key={link.id} data-focus-step={link.from.columnId} data-focus-card={link.from.cardId}>
            {linkText(journey, link)}
            {canEdit ? (
              <button
                type="button"
                className="button button--warning button--small"
                onClick={() => execute({ type: 'link.remove', id: link.id })}
                aria-label={t('links.removeNamed', { text: linkText(journey, link) })}
              >
                {t('links.remove')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit && journey.columns.length > 0 ? (
        <section aria-labelledby="links-panel-add">
          <h3 id="links-panel-add">{t('links.addHeading')}</h3>
          <AddLinkForm />
        </section>
      ) : null}
    </div>
  );
}
