import { linkKinds, type Link } from '@waymark/core';
import { useState, type FormEvent } from 'react';
import { ChoiceField } from './commit-field';
import { useEditorContext } from './editor-context';
import { linkText } from './links-band';

/** Arrows between steps without a mouse: the list with remove buttons, and a form to add one. */
export function LinksPanel() {
  const { journey, canEdit, execute, newId } = useEditorContext();
  const first = journey.columns[0]?.id ?? '';
  const [kind, setKind] = useState<Link['kind']>('feedback-loop');
  const [from, setFrom] = useState<string>(first);
  const [to, setTo] = useState<string>(journey.columns[1]?.id ?? first);
  const [org, setOrg] = useState<string>(journey.organisations[0]?.id ?? '');
  const [back, setBack] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const steps = journey.columns.map((c) => (
    <option key={c.id} value={c.id}>
      {c.label}
    </option>
  ));
  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const label = (e.currentTarget.elements.namedItem('link-label') as HTMLInputElement).value.trim();
    if (kind === 'outside-request' && !org) {
      setError('Outside agency: add the agency under Structure → Organisations first');
      return;
    }
    const item = {
      id: newId('link'),
      kind,
      from: { columnId: from || first },
      to:
        kind === 'outside-request'
          ? { kind: 'organisation', organisationId: org }
          : { kind: 'column', columnId: to || first },
      ...(label ? { label } : {}),
      ...(kind === 'outside-request' && back ? { returnsTo: { columnId: back } } : {}),
    };
    setError(
      execute({ type: 'link.add', item: item as never })
        ? null
        : 'That arrow was refused: see the message at the top',
    );
  };
  return (
    <div>
      {journey.links.length === 0 ? <p>No arrows yet.</p> : null}
      <ul className="item-list">
        {journey.links.map((link) => (
          <li key={link.id} data-focus-step={link.from.columnId} data-focus-card={link.from.cardId}>
            {linkText(journey, link)}
            {canEdit ? (
              <button
                type="button"
                className="button button--warning button--small"
                onClick={() => execute({ type: 'link.remove', id: link.id })}
                aria-label={`Remove arrow: ${linkText(journey, link)}`}
              >
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit && journey.columns.length > 0 ? (
        <form onSubmit={add} className="add-form" data-focus-step={from || first}>
          <h3>Add an arrow</h3>
          {error ? (
            <p className="error-message" role="alert">
              {error}
            </p>
          ) : null}
          <ChoiceField label="Kind" value={kind} onChange={(v) => setKind(v as Link['kind'])}>
            {linkKinds.map((k) => (
              <option key={k} value={k}>
                {k === 'feedback-loop'
                  ? 'Feedback loop'
                  : k === 'outside-request'
                    ? 'Request to an outside agency'
                    : 'Hand-off'}
              </option>
            ))}
          </ChoiceField>
          <ChoiceField label="From step" value={from} onChange={setFrom}>
            {steps}
          </ChoiceField>
          {kind === 'outside-request' ? (
            <>
              <ChoiceField label="Outside agency" value={org} onChange={setOrg}>
                {journey.organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </ChoiceField>
              <ChoiceField label="Comes back at step" value={back} onChange={setBack}>
                <option value="">(does not come back)</option>
                {steps}
              </ChoiceField>
            </>
          ) : (
            <ChoiceField label="To step" value={to} onChange={setTo}>
              {steps}
            </ChoiceField>
          )}
          <div className="field">
            <label htmlFor="link-label">Label (optional)</label>
            <input id="link-label" name="link-label" type="text" />
          </div>
          <button type="submit" className="button button--secondary button--small">
            Add arrow
          </button>
        </form>
      ) : null}
    </div>
  );
}
