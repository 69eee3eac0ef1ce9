import type { WorkshopAction, WorkshopGroup, WorkshopGroups } from '@waymark/api';
import type { Journey } from '@waymark/core';
import { useId, useState, type FormEvent } from 'react';
import type { ApiClient } from '../../api/client';
import { useOneAtATime } from '../../state/one-at-a-time';
import { errorText } from '../../ui/field';
import { assignable, nextGroupName, placeWords } from './group-model';
import type { MergeResult, MergeSummary } from './group-types';
import { MergeSummaryView } from './merge-summary';
import './groups.css';
import { formatList, t, tRich } from '../../i18n';

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
    <section className="groups-panel" aria-label={t('groups.region')}>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {count ? t('groups.buttonCount', { count }) : t('groups.split')}
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
            {t('groups.letChoose')}
          </label>
          <ul className="groups-panel__list" aria-label={t('groups.list')}>
            {work.groups.map((g) => (
              <GroupItem key={g.id} group={g} everyone={everyone} {...props} journey={journey} />
            ))}
          </ul>
          {ending ? (
            <div className="notice groups-panel__confirm" role="alert">
              <p>
                {t('groups.end.unmerged', {
                  count: unmerged.length,
                  names: formatList(unmerged.map((g) => g.name)),
                })}
              </p>
              <button
                type="button"
                className="button button--small"
                onClick={() => send({ type: 'groups.end' })}
              >
                {t('groups.end.withoutMerging')}
              </button>{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setEnding(false)}
              >
                {t('groups.end.goBack')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="button button--small"
              onClick={() => (unmerged.length ? setEnding(true) : send({ type: 'groups.end' }))}
            >
              {t('groups.end.button')}
            </button>
          )}
        </>
      ) : (
        <p className="groups-panel__hint">{t('groups.none')}</p>
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
  const { busy, run } = useOneAtATime();
  const suggested = nextGroupName(work);
  const columns = journey.columns;
  const validFrom = columns.some((c) => c.id === from) ? from : (columns[0]?.id ?? '');
  const validTo = columns.some((c) => c.id === to) ? to : (columns[0]?.id ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const groupName = name.trim() || suggested;
    if (work?.groups.some((g) => g.name.toLowerCase() === groupName.toLowerCase()))
      return setProblem(t('groups.add.taken', { name: groupName }));
    if (kind === 'steps') {
      if (!validFrom) return setProblem(t('groups.add.noSteps'));
      setProblem(null);
      send({
        type: 'groups.add',
        name: groupName,
        place: { kind: 'steps', fromColumnId: validFrom, toColumnId: validTo },
      });
      setName('');
      return;
    }
    void run(async () => {
      try {
        const copy = await api.makeGroupCopy(ws, journeyId, groupName);
        send({ type: 'groups.add', name: groupName, place: { kind: 'copy', journeyId: copy.id } });
        setProblem(null);
        setName('');
      } catch (err) {
        setProblem(t('groups.add.copyFailed', { name: groupName, error: errorText(err) }));
      }
    });
  };

  return (
    <form className="groups-panel__add" onSubmit={submit} aria-labelledby={`${ids}-legend`}>
      <h3 id={`${ids}-legend`} className="groups-panel__title">
        {t('groups.add.heading')}
      </h3>
      <label htmlFor={`${ids}-name`}>{t('groups.add.name')}</label>
      <input
        id={`${ids}-name`}
        value={name}
        placeholder={suggested}
        maxLength={60}
        onChange={(e) => setName(e.target.value)}
      />
      <fieldset className="groups-panel__kind">
        <legend>{t('groups.add.worksOn')}</legend>
        <label>
          <input
            type="radio"
            name={`${ids}-kind`}
            checked={kind === 'steps'}
            onChange={() => setKind('steps')}
          />{' '}
          {t('groups.add.someSteps')}
        </label>
        <label>
          <input
            type="radio"
            name={`${ids}-kind`}
            checked={kind === 'copy'}
            onChange={() => setKind('copy')}
          />{' '}
          {t('groups.add.ownCopy')}
        </label>
      </fieldset>
      {kind === 'steps' ? (
        <span className="groups-panel__steps">
          <label htmlFor={`${ids}-from`}>{t('groups.add.fromStep')}</label>
          <select id={`${ids}-from`} value={validFrom} onChange={(e) => setFrom(e.target.value)}>
            {columns.map((c, i) => (
              <option key={c.id} value={c.id}>
                {i + 1}. {c.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${ids}-to`}>{t('groups.add.toStep')}</label>
          <select id={`${ids}-to`} value={validTo} onChange={(e) => setTo(e.target.value)}>
            {columns.map((c, i) => (
              <option key={c.id} value={c.id}>
                {i + 1}. {c.label}
              </option>
            ))}
          </select>
        </span>
      ) : null}
      <button type="submit" className="button button--small" aria-disabled={busy || undefined}>
        {busy ? t('groups.add.making') : t('groups.add.submit')}
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
  const { busy, run } = useOneAtATime();
  const copyId = group.place.kind === 'copy' ? group.place.journeyId : null;
  const person = others.find((p) => p.id === chosen) ?? others[0];

  // Check and merge share one gate: neither starts while either is on its way.
  const check = () => {
    if (!copyId) return;
    void run(async () => {
      try {
        setPreview(await api.groupMergePreview(ws, copyId));
        setProblem(null);
      } catch (err) {
        setProblem(t('groups.checkFailed', { name: group.name, error: errorText(err) }));
      }
    });
  };
  const merge = () => {
    if (!copyId) return;
    void run(async () => {
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
        setProblem(t('groups.mergeFailed', { name: group.name, error: errorText(err) }));
      }
    });
  };

  return (
    <li className="groups-panel__group" aria-labelledby={`${ids}-name`}>
      <h3 id={`${ids}-name`} className="groups-panel__title">
        {t('groups.option', { name: group.name, place: placeWords(journey, group.place) })}
      </h3>
      {group.members.length ? (
        <ul className="groups-panel__members" aria-label={t('groups.people', { name: group.name })}>
          {group.members.map((m) => (
            <li key={m.id}>
              {m.name}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => send({ type: 'groups.assign', groupId: null, person: m })}
              >
                {tRich('groups.takeOut', {
                  person: m.name,
                  group: group.name,
                  hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                })}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="groups-panel__empty">{t('groups.empty')}</p>
      )}
      {person ? (
        <span className="groups-panel__assign">
          <label htmlFor={`${ids}-person`}>{t('groups.putIn', { name: group.name })}</label>
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
            aria-label={t('groups.putInName', { person: person.name, group: group.name })}
            onClick={() => send({ type: 'groups.assign', groupId: group.id, person })}
          >
            {t('groups.putInButton')}
          </button>
        </span>
      ) : null}
      <span className="groups-panel__actions">
        {copyId ? (
          <>
            <button type="button" className="link-button" onClick={() => openCopy(copyId)}>
              {t('groups.openCopy', { name: group.name })}
            </button>
            {group.merged ? (
              <span>
                {group.merged.skipped
                  ? t('groups.mergedSkipped', { count: group.merged.applied, skipped: group.merged.skipped })
                  : t('groups.merged', { count: group.merged.applied })}
              </span>
            ) : (
              <button
                type="button"
                className="button button--secondary button--small"
                aria-disabled={busy || undefined}
                onClick={check}
              >
                {t('groups.check', { name: group.name })}
              </button>
            )}
          </>
        ) : null}
        <button
          type="button"
          className="link-button"
          onClick={() => send({ type: 'groups.remove', groupId: group.id })}
        >
          {t('groups.remove', { name: group.name })}
        </button>
      </span>
      {preview ? (
        <div className="groups-panel__preview">
          <MergeSummaryView summary={preview} heading={t('groups.previewHeading', { name: group.name })} />
          <button
            type="button"
            className="button button--small"
            aria-disabled={busy || undefined}
            onClick={merge}
          >
            {t('groups.merge', { name: group.name })}
          </button>{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setPreview(null)}
          >
            {t('groups.notNow')}
          </button>
        </div>
      ) : null}
      {result ? (
        <div role="status" className="groups-panel__result">
          <MergeSummaryView summary={result} heading={t('groups.mergedHeading', { name: group.name })} done />
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
