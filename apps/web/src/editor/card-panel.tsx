import {
  channelIds,
  channels,
  directions,
  metricKindIds,
  metricKinds,
  metricOrigins,
  type Card,
  type Journey,
  type JourneyCommand,
} from '@waymark/core';
import { CheckField, ChoiceField, CommitField } from './commit-field';
import { useEditorContext } from './editor-context';
import { parseScore } from './emotion-geometry';
import { cardLabel } from './quick-entry';

type Field = {
  key: string;
  label: string;
  multiline?: boolean;
  number?: boolean;
  required?: boolean;
  hint?: string;
};
type Choice = {
  key: string;
  label: string;
  options: readonly { id: string; label: string }[];
  optional?: boolean;
};

const opts = (ids: readonly string[], label: (id: string) => string = (id) => id) =>
  ids.map((id) => ({ id, label: label(id) }));

/** The details of the selected card, editable field by field for its kind; move, delete and comment on it. */
export function CardPanel({ cardId }: { cardId: string }) {
  const ctx = useEditorContext();
  const { journey, canEdit, execute, selectCard, openComments } = ctx;
  const card = journey.cards.find((c) => c.id === cardId);
  if (!card) return <p>This card is no longer on the map (it was deleted or undone).</p>;
  const lane = journey.lanes.find((l) => l.id === card.laneId)!;
  const colIndex = journey.columns.findIndex((c) => c.id === card.columnId);
  const column = journey.columns[colIndex]!;
  const inCell = journey.cards.filter((c) => c.laneId === card.laneId && c.columnId === card.columnId);
  const pos = inCell.findIndex((c) => c.id === card.id);
  const update = (patch: Record<string, unknown>, unset: string[] = []): string | null => {
    const command: JourneyCommand = {
      type: 'card.update',
      id: card.id,
      patch,
      ...(unset.length ? { unset } : {}),
    };
    return execute(command) ? null : 'that value was refused (see the message at the top)';
  };
  const { fields, choices, checks } = fieldsOf(card, ctx.journey);
  const record = card as unknown as Record<string, unknown>;
  return (
    <div className="card-panel">
      <p className="hint">
        {lane.label} · {column.label}
      </p>
      <p className="card-panel__summary">{cardLabel(journey, card)}</p>
      {choices.map((c) => (
        <ChoiceField
          key={`${card.id}-${c.key}`}
          label={c.label}
          value={record[c.key] === undefined ? '' : String(record[c.key])}
          disabled={!canEdit}
          onChange={(v) =>
            void (v === '' ? update({}, [c.key]) : update({ [c.key]: c.key === 'severity' ? Number(v) : v }))
          }
        >
          {c.optional ? <option value="">(none)</option> : null}
          {c.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </ChoiceField>
      ))}
      {fields.map((f) => (
        <CommitField
          key={`${card.id}-${f.key}`}
          label={f.label}
          hint={f.hint}
          multiline={f.multiline}
          readOnly={!canEdit}
          inputMode={f.number ? 'decimal' : undefined}
          value={record[f.key] === undefined ? '' : String(record[f.key])}
          onCommit={(v) => {
            const text = v.trim();
            if (text === '') return f.required ? `${f.label}: expected some text` : update({}, [f.key]);
            if (f.key === 'score') {
              const s = parseScore(text);
              return s.ok ? update({ score: s.score }) : `${f.label}: ${s.message}`;
            }
            if (f.number) {
              const n = Number(text);
              return Number.isFinite(n)
                ? update({ [f.key]: n })
                : `${f.label}: expected a number; got “${text}”`;
            }
            return update({ [f.key]: text });
          }}
        />
      ))}
      {checks.map((c) => (
        <CheckField
          key={`${card.id}-${c.key}`}
          label={c.label}
          checked={record[c.key] === true}
          disabled={!canEdit}
          onChange={(v) => void update({ [c.key]: v })}
        />
      ))}
      <div className="button-row">
        {canEdit ? (
          <>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={colIndex === 0}
              onClick={() =>
                execute({ type: 'card.move', id: card.id, columnId: journey.columns[colIndex - 1]!.id })
              }
            >
              Move to previous step
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={colIndex === journey.columns.length - 1}
              onClick={() =>
                execute({ type: 'card.move', id: card.id, columnId: journey.columns[colIndex + 1]!.id })
              }
            >
              Move to next step
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={pos <= 0}
              onClick={() => execute({ type: 'card.move', id: card.id, toIndex: pos - 1 })}
            >
              Move up in the cell
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={pos >= inCell.length - 1}
              onClick={() => execute({ type: 'card.move', id: card.id, toIndex: pos + 1 })}
            >
              Move down in the cell
            </button>
          </>
        ) : null}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => openComments({ cardId: card.id })}
        >
          Comments on this card
        </button>
        {canEdit ? (
          <button
            type="button"
            className="button button--warning button--small"
            onClick={() => {
              if (execute({ type: 'card.remove', id: card.id })) selectCard(null);
            }}
          >
            Delete card
          </button>
        ) : null}
      </div>
    </div>
  );
}

function fieldsOf(card: Card, journey: Journey) {
  const fields: Field[] = [];
  const choices: Choice[] = [];
  const checks: { key: string; label: string }[] = [];
  const text = (label = 'Text') => fields.push({ key: 'text', label, multiline: true, required: true });
  const orgs = journey.organisations.map((o) => ({ id: o.id as string, label: o.name }));
  const personas = journey.personas.map((p) => ({ id: p.id as string, label: p.name }));
  switch (card.kind) {
    case 'step':
      text('What the customer experiences');
      fields.push({ key: 'description', label: 'Description', multiline: true });
      break;
    case 'touchpoint':
      choices.push({
        key: 'channel',
        label: 'Channel',
        options: opts(channelIds, (c) => channels[c as keyof typeof channels].label),
      });
      choices.push({ key: 'direction', label: 'Direction', options: opts(directions) });
      text('What happens');
      fields.push(
        { key: 'actor', label: 'Who handles it' },
        { key: 'contacts', label: 'Contacts', number: true },
        { key: 'handlingMinutes', label: 'Handling minutes', number: true },
      );
      break;
    case 'baton-change':
      choices.push({ key: 'from', label: 'From', options: orgs }, { key: 'to', label: 'To', options: orgs });
      fields.push({ key: 'text', label: 'What is handed over', multiline: true });
      break;
    case 'feeling':
      choices.push({
        key: 'mode',
        label: 'Does, thinks, feels or says',
        options: opts(['does', 'thinks', 'feels', 'says']),
      });
      text('Words');
      checks.push({ key: 'quote', label: 'A quote in the customer’s own words' });
      fields.push({
        key: 'source',
        label: 'Source of the quote',
        hint: 'Who said it or where it is from, e.g. “Victim interview 3”.',
      });
      if (personas.length)
        choices.push({ key: 'personaId', label: 'Persona', options: personas, optional: true });
      break;
    case 'emotion':
      fields.push({ key: 'score', label: 'Score (−100 poor … +100 great)', number: true, required: true });
      checks.push({ key: 'estimate', label: 'An estimate (no customer gave this number)' });
      if (personas.length)
        choices.push({ key: 'personaId', label: 'Persona (curve)', options: personas, optional: true });
      fields.push({ key: 'respondent', label: 'Respondent' });
      break;
    case 'moment-of-truth':
      text('Moment of truth');
      fields.push({ key: 'why', label: 'Why it matters', multiline: true });
      break;
    case 'pain-point':
      text('Pain point');
      choices.push({
        key: 'type',
        label: 'Type',
        options: opts(['silence', 'delay', 'repeat', 'confusion', 'hand-off', 'other']),
        optional: true,
      });
      choices.push({
        key: 'severity',
        label: 'Severity',
        options: opts(['1', '2', '3'], (s) => `${s} of 3`),
        optional: true,
      });
      break;
    case 'lever':
      choices.push({
        key: 'category',
        label: 'Category',
        options: journey.leverCategories.map((c) => ({ id: c.id as string, label: c.label })),
      });
      text('Lever');
      fields.push(
        { key: 'owner', label: 'Owner' },
        { key: 'expectedEffect', label: 'Expected effect', multiline: true },
      );
      break;
    case 'metric':
      choices.push({
        key: 'metric',
        label: 'Figure',
        options: opts(
          metricKindIds,
          (m) =>
            `${metricKinds[m as keyof typeof metricKinds].label} (${metricKinds[m as keyof typeof metricKinds].unit})`,
        ),
      });
      fields.push({ key: 'value', label: 'Value', number: true, required: true });
      choices.push({ key: 'origin', label: 'Where the figure came from', options: opts(metricOrigins) });
      break;
    case 'text':
      text();
      break;
  }
  fields.push({ key: 'note', label: 'Note', multiline: true });
  return { fields, choices, checks };
}
