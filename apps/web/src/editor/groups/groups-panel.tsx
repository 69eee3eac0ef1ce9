import type { WorkshopAction, WorkshopGroup, WorkshopGroups } from '@waymark/api';
import type { Journey } from '@waymark/core';
import { useId, useState, type FormEvent } from 'react';
import type { ApiClient } from '../../api/client';
import { errorText } from '../../ui/field';
import { assignable, nextGroupName, placeWords } from './group-model';
import type { MergeResult, MergeSummary } from './group-types';
import { MergeSummaryView } from './merge-summary';
import './groups.css';

interface Person {
  readonly id: string;
  readonly name: string;
}

/**
 * The facilitator's groups panel (decision 0014, "Groups"): add groups (a stretch of steps, or a copy of the
 * map made at once), put people in them or let them choose, check and merge each copy's work, and end the
 * group work. Shown under the workshop strip, behind a "Groups" button.
 */
export function GroupsPanel(props: {
  api: ApiClient;
  ws: string;
  journeyId: string;
  journey: Journey;
  work: WorkshopGroups | null;
  people: readonly { readonly user: Person }[];
  facilitatorId: string;
  send: (action: WorkshopAction) => void;
  openCopy: (copyId: string) => void;
}) {
  const { work } = props;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const count = work?.groups.length ?? 0;
  return (
    <section className="groups-panel" aria-label="Groups">
      <button
        type="button"
        className="button button--secondary button--small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {count ? `Groups (${count})` : 'Split into groups'}
      </button>
      <div id={panelId} hidden={!open} className="groups-panel__body">
        {open ? <GroupsBody {...props} /> : null}
      </div>
    </section>
  );
}

function GroupsBody(props: Parameters<typeof GroupsPanel>[0]) {
  const { work, send, journey, people, facilitatorId } = props;
  const [ending, setEnding] = useState(false);
  const everyone = assignable(people, facilitatorId);
  const unmerged = (work?.groups ?? []).filter((g) => g.place.kind === 'copy' && !g.merged);
  return (
    <>
      <AddGroupForm {...props} />
      {work ? (
        <>
          <label className="groups-panel__choose">
            <input
              type="checkbox"
              checked={work.choosing}
              onChange={(e) => send({ type: 'groups.choosing', allowed: e.target.checked })}
            />{' '}
            Let people choose their own group
          </label>
          <ul className="groups-panel__list" aria-label="Groups in this workshop">
            {work.groups.map((g) => (
              <GroupItem key={g.id} group={g} everyone={everyone} {...props} journey={journey} />
            ))}
          </ul>
          {ending ? (
            <div className="notice groups-panel__confirm" role="alert">
              <p>
                {unmerged.map((g) => g.name).join(' and ')} {unmerged.length === 1 ? 'has' : 'have'} not been
                merged yet. If you end the group work now, their work stays in their copies and is not added
                to this map.
              </p>
              <button
                type="button"
                className="button button--small"
                onClick={() => send({ type: 'groups.end' })}
              >
                End without merging
              </button>{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setEnding(false)}
              >
                Go back
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="button button--small"
              onClick={() => (unmerged.length ? setEnding(true) : send({ type: 'groups.end' }))}
            >
              End group work: everyone back to the main map
            </button>
          )}
        </>
      ) : (
        <p className="groups-panel__hint">
          No groups yet. Give each group a stretch of steps to work on here, or its own copy of the map to
          merge back when they have finished.
        </p>
      )}
    </>
  );
}

function AddGroupForm(props: Parameters<typeof GroupsPanel>[0]) {
  const { api, ws, journeyId, journey, work, send } = props;
  const ids = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'steps' | 'copy'>('steps');
  const [from, setFrom] = useState(journey.columns[0]?.id ?? '');
  const [to, setTo] = useState(journey.columns[0]?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const suggested = nextGroupName(work);
  const columns = journey.columns;
  const validFrom = columns.some((c) => c.id === from) ? from : (columns[0]?.id ?? '');
  const validTo = columns.some((c) => c.id === to) ? to : (columns[0]?.id ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const groupName = name.trim() || suggested;
    if (work?.groups.some((g) => g.name.toLowerCase() === groupName.toLowerCase()))
      return setProblem(`There is already a group called “${groupName}”. Give this one another name.`);
    if (kind === 'steps') {
      if (!validFrom)
        return setProblem('This map has no steps yet. Add steps, or give the group its own copy.');
      setProblem(null);
      send({
        type: 'groups.add',
        name: groupName,
        place: { kind: 'steps', fromColumnId: validFrom, toColumnId: validTo },
      });
      setName('');
      return;
    }
    setBusy(true);
    try {
      const copy = await api.makeGroupCopy(ws, journeyId, groupName);
      send({ type: 'groups.add', name: groupName, place: { kind: 'copy', journeyId: copy.id } });
      setProblem(null);
      setName('');
    } catch (err) {
      setProblem(`The copy for ${groupName} could not be made. ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="groups-panel__add" onSubmit={submit} aria-labelledby={`${ids}-legend`}>
      <h3 id={`${ids}-legend`} className="groups-panel__title">
        Add a group
      </h3>
      <label htmlFor={`${ids}-name`}>Name</label>
      <input
        id={`${ids}-name`}
        value={name}
        placeholder={suggested}
        maxLength={60}
        onChange={(e) => setName(e.target.value)}
      />
      <fieldset className="groups-panel__kind">
        <legend>The group works on</legend>
        <label>
          <input
            type="radio"
            name={`${ids}-kind`}
            checked={kind === 'steps'}
            onChange={() => setKind('steps')}
          />{' '}
          some steps of this map
        </label>
        <label>
          <input
            type="radio"
            name={`${ids}-kind`}
            checked={kind === 'copy'}
            onChange={() => setKind('copy')}
          />{' '}
          its own copy of the map, merged back at the end
        </label>
      </fieldset>
      {kind === 'steps' ? (
        <span className="groups-panel__steps">
          <label htmlFor={`${ids}-from`}>From step</label>
          <select id={`${ids}-from`} value={validFrom} onChange={(e) => setFrom(e.target.value)}>
            {columns.map((c, i) => (
              <option key={c.id} value={c.id}>
                {i + 1}. {c.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${ids}-to`}>to step</label>
          <select id={`${ids}-to`} value={validTo} onChange={(e) => setTo(e.target.value)}>
            {columns.map((c, i) => (
              <option key={c.id} value={c.id}>
                {i + 1}. {c.label}
              </option>
            ))}
          </select>
        </span>
      ) : null}
      <button type="submit" className="button button--small" disabled={busy}>
        {busy ? 'Making the copy…' : 'Add group'}
      </button>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

function GroupItem(props: Parameters<typeof GroupsPanel>[0] & { group: WorkshopGroup; everyone: Person[] }) {
  const { group, everyone, send, journey, api, ws, openCopy } = props;
  const ids = useId();
  const others = everyone.filter((p) => !group.members.some((m) => m.id === p.id));
  const [chosen, setChosen] = useState('');
  const [preview, setPreview] = useState<MergeSummary | null>(null);
  const [result, setResult] = useState<MergeResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const copyId = group.place.kind === 'copy' ? group.place.journeyId : null;
  const person = others.find((p) => p.id === chosen) ?? others[0];

  const check = async () => {
    if (!copyId) return;
    setBusy(true);
    try {
      setPreview(await api.groupMergePreview(ws, copyId));
      setProblem(null);
    } catch (err) {
      setProblem(`${group.name}’s work could not be checked. ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };
  const merge = async () => {
    if (!copyId) return;
    setBusy(true);
    try {
      const merged = await api.mergeGroupCopy(ws, copyId);
      setResult(merged);
      setPreview(null);
      setProblem(null);
      send({
        type: 'groups.merged',
        groupId: group.id,
        version: merged.version,
        applied: merged.added.length + merged.changed.length + merged.removed.length,
        skipped: merged.skipped.length,
      });
    } catch (err) {
      setProblem(`${group.name}’s work could not be merged. ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="groups-panel__group" aria-labelledby={`${ids}-name`}>
      <h3 id={`${ids}-name`} className="groups-panel__title">
        {group.name}: {placeWords(journey, group.place)}
      </h3>
      {group.members.length ? (
        <ul className="groups-panel__members" aria-label={`People in ${group.name}`}>
          {group.members.map((m) => (
            <li key={m.id}>
              {m.name}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => send({ type: 'groups.assign', groupId: null, person: m })}
              >
                Take {m.name} out<span className="visually-hidden"> of {group.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="groups-panel__empty">Nobody in this group yet.</p>
      )}
      {person ? (
        <span className="groups-panel__assign">
          <label htmlFor={`${ids}-person`}>Put in {group.name}</label>
          <select id={`${ids}-person`} value={person.id} onChange={(e) => setChosen(e.target.value)}>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Put in group: ${person.name} in ${group.name}`}
            onClick={() => send({ type: 'groups.assign', groupId: group.id, person })}
          >
            Put in group
          </button>
        </span>
      ) : null}
      <span className="groups-panel__actions">
        {copyId ? (
          <>
            <button type="button" className="link-button" onClick={() => openCopy(copyId)}>
              Open {group.name}’s copy
            </button>
            {group.merged ? (
              <span>
                Merged: {group.merged.applied} {group.merged.applied === 1 ? 'change' : 'changes'} added
                {group.merged.skipped ? `, ${group.merged.skipped} could not be applied` : ''}.
              </span>
            ) : (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={busy}
                onClick={check}
              >
                Check what {group.name}’s work will change
              </button>
            )}
          </>
        ) : null}
        <button
          type="button"
          className="link-button"
          onClick={() => send({ type: 'groups.remove', groupId: group.id })}
        >
          Remove {group.name}
        </button>
      </span>
      {preview ? (
        <div className="groups-panel__preview">
          <MergeSummaryView summary={preview} heading={`What merging ${group.name}’s work will do`} />
          <button type="button" className="button button--small" disabled={busy} onClick={merge}>
            Merge {group.name}’s work
          </button>{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setPreview(null)}
          >
            Not now
          </button>
        </div>
      ) : null}
      {result ? (
        <div role="status" className="groups-panel__result">
          <MergeSummaryView summary={result} heading={`${group.name}’s work was merged into this map`} done />
        </div>
      ) : null}
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
    </li>
  );
}
