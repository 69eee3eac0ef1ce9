import { journeyStatuses, sourceKinds, type JourneyCommand, type Meta } from '@waymark/core';

import { statusLabels } from '../app/format';
import { ChoiceField, CommitField } from './commit-field';
import { KindNameForm } from './structure-parts';
import { useEditorContext } from './editor-context';

type TextKey =
  'businessQuestion' | 'scope' | 'segment' | 'trigger' | 'outcome' | 'successfulCustomerOutcome' | 'owner';
const textFields: readonly [TextKey, string, boolean][] = [
  ['businessQuestion', 'Business question', true],
  ['scope', 'Scope', true],
  ['segment', 'Customer segment', false],
  ['trigger', 'Trigger (what starts the journey)', true],
  ['outcome', 'Outcome (how it ends today)', true],
  ['successfulCustomerOutcome', 'Successful customer outcome', true],
  ['owner', 'Owner', false],
];
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The journey's own details (meta) and its evidence sources; read-only for viewers. */
export function DetailsPanel() {
  const { journey, canEdit, execute, newId } = useEditorContext();
  const meta = journey.meta;
  const set = (patch: Partial<Meta>, unset: (keyof Meta)[] = []) =>
    execute({ type: 'meta.update', patch, ...(unset.length ? { unset } : {}) } as JourneyCommand);
  const setText = (key: keyof Meta, what: string) => (v: string) =>
    (v.trim() === '' ? set({}, [key]) : set({ [key]: v.trim() })) ? null : `${what}: refused`;
  const setList = (key: 'objectives' | 'tags', split: RegExp) => (v: string) =>
    set({
      [key]: v
        .split(split)
        .map((x) => x.trim())
        .filter(Boolean),
    })
      ? null
      : 'refused';
  const setDate = (key: 'reviewDate' | 'lastVerified', what: string) => (v: string) => {
    if (v.trim() === '') return set({}, [key]) ? null : 'refused';
    return isoDate.test(v.trim()) && set({ [key]: v.trim() })
      ? null
      : `${what}: expected a date as YYYY-MM-DD`;
  };
  return (
    <div>
      <CommitField
        label="Title"
        value={meta.title}
        readOnly={!canEdit}
        onCommit={(v) => (v.trim() === '' ? 'Title: expected some text' : setText('title', 'Title')(v))}
      />
      <ChoiceField
        label="Status"
        value={meta.status}
        disabled={!canEdit}
        onChange={(v) => set({ status: v as Meta['status'] })}
      >
        {journeyStatuses.map((s) => (
          <option key={s} value={s}>
            {statusLabels[s]}
          </option>
        ))}
      </ChoiceField>
      {textFields.map(([key, label, multiline]) => (
        <CommitField
          key={key}
          label={label}
          multiline={multiline}
          readOnly={!canEdit}
          value={meta[key] ?? ''}
          onCommit={setText(key, label)}
        />
      ))}
      <CommitField
        label="Objectives"
        hint="One per line."
        multiline
        readOnly={!canEdit}
        value={meta.objectives.join('\n')}
        onCommit={setList('objectives', /\n/)}
      />
      <CommitField
        label="Review date"
        hint="YYYY-MM-DD"
        readOnly={!canEdit}
        value={meta.reviewDate ?? ''}
        onCommit={setDate('reviewDate', 'Review date')}
      />
      <CommitField
        label="Tags"
        hint="Separated by commas."
        readOnly={!canEdit}
        value={meta.tags.join(', ')}
        onCommit={setList('tags', /,/)}
      />
      <SourcesSection canEdit={canEdit} execute={execute} newId={newId} />
    </div>
  );
}

function SourcesSection({
  canEdit,
  execute,
  newId,
}: {
  canEdit: boolean;
  execute: (c: JourneyCommand) => boolean;
  newId: (prefix: string) => string;
}) {
  const { journey } = useEditorContext();
  return (
    <section aria-labelledby="details-sources">
      <h3 id="details-sources">Evidence sources ({journey.sources.length})</h3>
      <p className="hint">
        Interviews, workshops, surveys and extracts the cards draw on; a card names its source.
      </p>
      <ul className="item-list">
        {journey.sources.map((s) => (
          <li key={s.id}>
            {s.title} <span className="card__meta">({s.kind})</span>{' '}
            {canEdit ? (
              <button
                type="button"
                className="button button--warning button--small"
                onClick={() => execute({ type: 'source.remove', id: s.id })}
                aria-label={`Remove source ${s.title}`}
              >
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <KindNameForm
          kindLabel="New source kind"
          kinds={sourceKinds.map((k) => ({ id: k, label: k }))}
          nameLabel="New source title"
          button="Add source"
          onAdd={(kind, title) =>
            title !== '' &&
            execute({ type: 'source.add', item: { id: newId('source'), kind, title } } as JourneyCommand)
          }
        />
      ) : null}
    </section>
  );
}
