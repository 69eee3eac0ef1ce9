import type { Idea } from '@waymark/core';
import { useState } from 'react';
import { ErrorSummary } from '../ui/field';
import { IdeaForm } from './idea-form';
import { ideaCommand, ideaMatrix, quadrantLabels } from './ideas-model';
import type { ImproveViewProps } from './improve-page';
import { useJourney } from './use-journey';
import { VotedCards } from './voted-cards';
import { ideaDraftFrom, ideaOrderLabels, sortIdeas, type IdeaOrder } from './voted-model';

const statusLabel = (s: Idea['status']) => s.replace('-', ' ');

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
        {error ? null : <p role="status">Loading…</p>}
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
    if (!cmd || (await send([cmd], `Idea “${after.title}” saved.`))) setEditing(null);
  };
  const cell = (q: keyof typeof quadrantLabels) => (
    <td className={`improve-quadrant improve-quadrant--${q}`}>
      <strong>{quadrantLabels[q].title}</strong> <span className="hint">({quadrantLabels[q].advice})</span>
      {m.quadrants[q].length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {m.quadrants[q].map((i) => (
            <li key={i.id}>
              {i.title} (value {i.value}, effort {i.effort})
            </li>
          ))}
        </ul>
      )}
    </td>
  );
  return (
    <section aria-labelledby="ideas-heading">
      <h1 id="ideas-heading">Improvement ideas</h1>
      <ErrorSummary message={error} />
      <p role="status" className="improve-status">
        {status}
      </p>
      <div className="field improve-sort">
        <label htmlFor="ideas-order">Sort ideas</label>
        <select id="ideas-order" value={order} onChange={(e) => setOrder(e.target.value as IdeaOrder)}>
          {Object.entries(ideaOrderLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <table className="improve-table">
        <caption>Ideas, with the pain points they answer and the levers they use</caption>
        <thead>
          <tr>
            <th scope="col">Idea</th>
            <th scope="col">Pain points</th>
            <th scope="col">Levers</th>
            <th scope="col">Owner</th>
            <th scope="col">Value</th>
            <th scope="col">Effort</th>
            <th scope="col">Status</th>
            <th scope="col">Votes</th>
            <th scope="col">Expected effect</th>
            {canEdit ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {journey.ideas.length === 0 ? (
            <tr>
              <td colSpan={canEdit ? 10 : 9}>No ideas yet.</td>
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
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => setEditing(i)}
                  >
                    Edit<span className="visually-hidden"> {i.title}</span>
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() =>
                      void send([{ type: 'idea.remove', id: i.id }], `Idea “${i.title}” removed.`)
                    }
                  >
                    Remove<span className="visually-hidden"> {i.title}</span>
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && editing === null ? (
        <button type="button" className="button" onClick={() => startNew()}>
          Add an idea
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
      <h2>Value against effort</h2>
      <table className="improve-table improve-matrix">
        <caption>Ideas by value (rows) and effort (columns), on 1 to 5 where 3 and above is high</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">Low effort (1–2)</th>
            <th scope="col">High effort (3–5)</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">High value (3–5)</th>
            {cell('quick-win')}
            {cell('major-project')}
          </tr>
          <tr>
            <th scope="row">Low value (1–2)</th>
            {cell('fill-in')}
            {cell('thankless-task')}
          </tr>
        </tbody>
      </table>
      {m.unscored.length > 0 ? (
        <p>Not yet scored for value and effort: {m.unscored.map((i) => i.title).join(', ')}.</p>
      ) : null}
      <h2>Parked for a later project</h2>
      {m.parked.length === 0 ? (
        <p>None.</p>
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
    e.contactsRemovedPerJourney !== undefined ? `${e.contactsRemovedPerJourney} fewer contacts` : null,
    e.daysSaved !== undefined ? `${e.daysSaved} days saved` : null,
    e.avoidablePercentReduction !== undefined
      ? `avoidable share −${e.avoidablePercentReduction} points`
      : null,
    e.channelShift ? `${e.channelShift.percent} % from ${e.channelShift.from} to ${e.channelShift.to}` : null,
  ].filter(Boolean);
  return parts.join('; ') || '—';
}
