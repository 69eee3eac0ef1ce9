import type { JourneyCommand } from '@waymark/core';
import { fieldsOf } from './card-fields';
import { CheckField, ChoiceField, CommitField } from './commit-field';
import { useEditorContext } from './editor-context';
import { parseScore } from './emotion-geometry';
import { cardLabel } from './quick-entry';
import { ReplacedAtCard } from './live/replaced-notice';

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
      <ReplacedAtCard cardId={card.id} />
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
          maxLength={f.maxLength}
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
      {checks.map((c) => {
        const flag = c.key.startsWith('flag:') ? c.key.slice(5) : null;
        const flags = (card.flags ?? []) as readonly string[];
        const setFlag = (on: boolean) => {
          const next = on ? [...flags, flag!] : flags.filter((f) => f !== flag);
          return next.length > 0 ? update({ flags: next }) : update({}, ['flags']);
        };
        return (
          <CheckField
            key={`${card.id}-${c.key}`}
            label={c.label}
            checked={flag ? flags.includes(flag) : record[c.key] === true}
            disabled={!canEdit}
            onChange={(v) => void (flag ? setFlag(v) : update({ [c.key]: v }))}
          />
        );
      })}
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
