import { useId, useState, type FormEvent } from 'react';
import { t } from '../i18n';
import { ChoiceField } from './commit-field';

/** Move back, move forward and delete buttons for one item of a list, named after it. */
export function ItemActions(props: {
  name: string;
  canBack: boolean;
  canForward: boolean;
  back: string;
  forward: string;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <div className="button-row">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={!props.canBack}
        onClick={() => props.onMove(-1)}
        aria-label={t('links.structure.actionNamed', { action: props.back, name: props.name })}
      >
        {props.back}
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={!props.canForward}
        onClick={() => props.onMove(1)}
        aria-label={t('links.structure.actionNamed', { action: props.forward, name: props.name })}
      >
        {props.forward}
      </button>
      <button
        type="button"
        className="button button--warning button--small"
        onClick={props.onRemove}
        aria-label={t('links.structure.deleteNamed', { name: props.name })}
      >
        {t('links.structure.delete')}
      </button>
    </div>
  );
}

/** A one-field form that adds an item by name and clears itself when the item was added. */
export function AddForm({
  label,
  button,
  onAdd,
}: {
  label: string;
  button: string;
  onAdd: (name: string) => boolean;
}) {
  const id = useId();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem('name') as HTMLInputElement;
    if (input.value.trim() !== '' && onAdd(input.value.trim())) input.value = '';
  };
  return (
    <form onSubmit={submit} className="add-form">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} name="name" type="text" />
      </div>
      <button type="submit" className="button button--secondary button--small">
        {button}
      </button>
    </form>
  );
}

/** A form that adds an item of a chosen kind with a name (a lane, a source); clears the name when added. */
export function KindNameForm(props: {
  kindLabel: string;
  kinds: readonly { id: string; label: string }[];
  nameLabel: string;
  button: string;
  /** The name may be empty: the caller decides whether that is allowed. */
  onAdd: (kind: string, name: string) => boolean;
}) {
  const id = useId();
  const [kind, setKind] = useState(props.kinds[0]?.id ?? '');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem('name') as HTMLInputElement;
    if (props.onAdd(kind, input.value.trim())) input.value = '';
  };
  return (
    <form onSubmit={submit} className="add-form">
      <ChoiceField label={props.kindLabel} value={kind} onChange={setKind}>
        {props.kinds.map((k) => (
          <option key={k.id} value={k.id}>
            {k.label}
          </option>
        ))}
      </ChoiceField>
      <div className="field">
        <label htmlFor={id}>{props.nameLabel}</label>
        <input id={id} name="name" type="text" />
      </div>
      <button type="submit" className="button button--secondary button--small">
        {props.button}
      </button>
    </form>
  );
}
