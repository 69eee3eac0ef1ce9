import type { Idea } from '@waymark/core';
import { useState } from 'react';
import { formatNumber, t } from '../i18n';
import { ErrorSummary } from '../ui/field';
import { IdeaForm } from './idea-form';
import { ideaCommand, ideaMatrix, quadrantLabels } from './ideas-model';
import type { ImproveViewProps } from './improve-page';
import { useJourney } from './use-journey';
import { VotedCards } from './voted-cards';
import { ideaDraftFrom, ideaOrderLabels, sortIdeas, type IdeaOrder } from './voted-model';

const statusLabel = (s: Idea['status']) => t(`model.ideaStatus.${s}`);

/** Improvement ideas: pain points → levers → ideas, the value-against-effort matrix, and parked ideas. */
export function IdeasView({ ws, id, canEdit }: ImproveViewProps) {
  const { journey, error, status, send } = useJourney(ws, id);
  const [editing, setEditing] = useState<Idea | 'new' | null>(null);
  /** A new idea's first draft when it starts from a voted card ("Start an idea from this"). */
  const [seed, setSeed] = useState<Idea | undefined>(undefined);
  const [order, setOrder] = useState<IdeaOrder>('map');
  if (!journey)
    return (
      <>
        <ErrorSummary message={error} />
        {error ? null : <p role="status">{t('common.loading')}</p>}
      </>
    );
  const textOf = (cardId: string) => {
    const c = journey.cards.find((x) => x.id === cardId);
    return c && 'text' in c ? String(c.text) : cardId;
  };
  const m = ideaMatrix(journey.ideas);
  const startNew = (from?: Idea) => {
    setSeed(from);
    setEditing('new');
  };
  const save = async (before: Idea | undefined, after: Idea) => {
    const cmd = ideaCommand(before, after);
    if (!cmd || (await send([cmd], t('improve.ideas.saved', { title: after.title })))) setEditing(null);
  };
  const cell = (q: keyof typeof quadrantLabels) => (
    <td className={`improve-quadrant improve-quadrant--${q}`}>
      <strong>{quadrantLabels[q].title()}</strong>{' '}
      <span className="hint">({quadrantLabels[q].advice()})</span>
      {m.quadrants[q].length === 0 ? (
        <p>{t('improve.ideas.none')}</p>
      ) : (
        <ul>
          {m.quadrants[q].map((i) => (
            <li key={i.id}>
              {t('improve.ideas.scored', { title: i.title, value: i.value ?? 0, effort: i.effort ?? 0 })}
            </li>
          ))}
        </ul>
      )}
    </td>
  );
  return (
    <section aria-labelledby="ideas-heading">
      <h1 id="ideas-heading">{t('improve.ideas.heading')}</h1>
      <ErrorSummary message={error} />
      <p role="status" className="improve-status">
        {status}
      </p>
      <div className="field improve-sort">
        <label htmlFor="ideas-order">{t('improve.ideas.sort')}</label>
        <select id="ideas-order" value={order} onChange={(e) => setOrder(e.target.value as IdeaOrder)}>
          {Object.entries(ideaOrderLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label()}
            </option>
          ))}
        </select>
      </div>
      <table className="improve-table">
        <caption>{t('improve.ideas.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('improve.ideas.idea')}</th>
            <th scope="col">{t('improve.ideas.painPoints')}</th>
            <th scope="col">{t('improve.ideas.levers')}</th>
            <th scope="col">{t('improve.ideas.owner')}</th>
            <th scope="col">{t('improve.ideas.value')}</th>
            <th scope="col">{t('improve.ideas.effort')}</th>
            <th scope="col">{t('improve.ideas.status')}</th>
            <th scope="col">{t('improve.ideas.votes')}</th>
            <th scope="col">{t('improve.ideas.expectedEffect')}</th>
            {canEdit ? <th scope="col">{t('improve.ideas.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {journey.ideas.length === 0 ? (
            <tr>
              <td colSpan={canEdit ? 10 : 9}>{t('improve.ideas.noIdeas')}</td>
            </tr>
          ) : null}
          {sortIdeas(journey.ideas, order).map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.title}</th>
              <td>{i.painPointCardIds.map(textOf).join('; ') || '—'}</td>
              <td>{i.leverCardIds.map(textOf).join('; ') || '—'}</td>
              <td>{i.owner ?? '—'}</td>
              <td className="num">{i.value ?? '—'}</td>
              <td className="num">{i.effort ?? '—'}</td>
              <td>{statusLabel(i.status)}</td>
              <td className="num">{i.votes ?? '—'}</td>
              <td>{effectText(i)}</td>
              {canEdit ? (
                <td>
                  <div className="improve-actions">
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => setEditing(i)}
                    >
                      {t('common.edit')}
                      <span className="visually-hidden"> {i.title}</span>
                    </button>
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() =>
                        void send(
                          [{ type: 'idea.remove', id: i.id }],
                          t('improve.ideas.removed', { title: i.title }),
                        )
                      }
                    >
                      {t('common.remove')}
                      <span className="visually-hidden"> {i.title}</span>
                    </button>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && editing === null ? (
        <button type="button" className="button" onClick={() => startNew()}>
          {t('improve.ideas.add')}
        </button>
      ) : null}
      {editing !== null ? (
        <IdeaForm
          key={editing === 'new' ? 'new' : editing.id}
          journey={journey}
          idea={editing === 'new' ? undefined : editing}
          draft={editing === 'new' ? seed : undefined}
          onCancel={() => setEditing(null)}
          onSave={(after) => void save(editing === 'new' ? undefined : editing, after)}
        />
      ) : null}
      <VotedCards
        journey={journey}
        canEdit={canEdit && editing === null}
        onStart={(cardId) => startNew(ideaDraftFrom(cardId))}
      />
      <h2>{t('improve.ideas.matrixHeading')}</h2>
      <table className="improve-table improve-matrix">
        <caption>{t('improve.ideas.matrixCaption')}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('improve.ideas.lowEffort')}</th>
            <th scope="col">{t('improve.ideas.highEffort')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('improve.ideas.highValue')}</th>
            {cell('quick-win')}
            {cell('major-project')}
          </tr>
          <tr>
            <th scope="row">{t('improve.ideas.lowValue')}</th>
            {cell('fill-in')}
            {cell('thankless-task')}
          </tr>
        </tbody>
      </table>
      {m.unscored.length > 0 ? (
        <p>{t('improve.ideas.unscored', { titles: m.unscored.map((i) => i.title).join(', ') })}</p>
      ) : null}
      <h2>{t('improve.ideas.parkedHeading')}</h2>
      {m.parked.length === 0 ? (
        <p>{t('improve.ideas.none')}</p>
      ) : (
        <ul>
          {m.parked.map((i) => (
            <li key={i.id}>
              <strong>{i.title}</strong>: {i.parkedReason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function effectText(i: Idea): string {
  const e = i.expectedEffect;
  if (!e) return '—';
  const parts = [
    e.contactsRemovedPerJourney !== undefined
      ? t('improve.ideas.fewerContacts', { count: e.contactsRemovedPerJourney })
      : null,
    e.daysSaved !== undefined ? t('improve.ideas.daysSaved', { count: e.daysSaved }) : null,
    e.avoidablePercentReduction !== undefined
      ? t('improve.ideas.avoidableDown', { points: formatNumber(e.avoidablePercentReduction) })
      : null,
    e.channelShift
      ? t('improve.ideas.channelShift', {
          percent: formatNumber(e.channelShift.percent),
          from: e.channelShift.from,
          to: e.channelShift.to,
        })
      : null,
  ].filter(Boolean);
  return parts.join('; ') || '—';
}
