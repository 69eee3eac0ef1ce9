import { Fragment } from 'react';
import { cardTranslatableFields, type JourneyCommand } from '@waymark/core';
import { t } from '../i18n';
import { ContentText, primaryLang, TranslationFields } from './bilingual-content';
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
  if (!card) return <p>{t('cards.panel.gone')}</p>;
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
    return execute(command) ? null : t('cards.panel.refused');
  };
  const { fields, choices, checks } = fieldsOf(card, ctx.journey);
  const record = card as unknown as Record<string, unknown>;
  return (
    <div className="card-panel">
      <p className="hint">
        <ContentText journey={journey} item={lane} field="label" /> ·{' '}
        <ContentText journey={journey} item={column} field="label" />
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
          {c.optional ? <option value="">{t('cards.panel.none')}</option> : null}
          {c.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </ChoiceField>
      ))}
      {fields.map((f) => {
        const translatable = (cardTranslatableFields[card.kind] as readonly string[]).includes(f.key);
        return (
          <Fragment key={`${card.id}-${f.key}`}>
            <CommitField
              label={f.label}
              hint={f.hint}
              multiline={f.multiline}
              readOnly={!canEdit}
              inputMode={f.number ? 'decimal' : undefined}
              maxLength={f.maxLength}
              lang={translatable ? primaryLang(journey) : undefined}
              value={record[f.key] === undefined ? '' : String(record[f.key])}
              onCommit={(v) => {
                const text = v.trim();
                if (text === '')
                  return f.required ? t('cards.panel.expectedText', { field: f.label }) : update({}, [f.key]);
                if (f.key === 'score') {
                  const s = parseScore(text);
                  return s.ok ? update({ score: s.score }) : `${f.label}: ${s.message}`;
                }
                if (f.number) {
                  const n = Number(text);
                  return Number.isFinite(n)
                    ? update({ [f.key]: n })
                    : t('cards.panel.expectedNumber', { field: f.label, text });
                }
                return update({ [f.key]: text });
              }}
            />
            {translatable ? (
              <TranslationFields
                item={card}
                target={{ kind: 'card', id: card.id }}
                field={f.key}
                label={f.label}
                multiline={f.multiline}
                readOnly={!canEdit}
              />
            ) : null}
          </Fragment>
        );
      })}
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
            onChange={(v) =>
              void (flag
                ? setFlag(v)
                : // unticking "closes the loop" hands the decision back to the touchpoint's words
                  c.key === 'confirmsDelivery' && !v
                  ? update({}, ['confirmsDelivery'])
                  : update({ [c.key]: v }))
            }
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
              {t('cards.panel.movePrevious')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={colIndex === journey.columns.length - 1}
              onClick={() =>
                execute({ type: 'card.move', id: card.id, columnId: journey.columns[colIndex + 1]!.id })
              }
            >
              {t('cards.panel.moveNext')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={pos <= 0}
              onClick={() => execute({ type: 'card.move', id: card.id, toIndex: pos - 1 })}
            >
              {t('cards.panel.moveUp')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={pos >= inCell.length - 1}
              onClick={() => execute({ type: 'card.move', id: card.id, toIndex: pos + 1 })}
            >
              {t('cards.panel.moveDown')}
            </button>
          </>
        ) : null}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => openComments({ cardId: card.id })}
        >
          {t('cards.panel.comments')}
        </button>
        {canEdit ? (
          <button
            type="button"
            className="button button--warning button--small"
            onClick={() => {
              if (execute({ type: 'card.remove', id: card.id })) selectCard(null);
            }}
          >
            {t('cards.panel.delete')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
