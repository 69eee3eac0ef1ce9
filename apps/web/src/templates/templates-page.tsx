import {
  insertTemplateCommands,
  journeyFromTemplateBody,
  starterIn,
  starterTemplates,
  type TemplateBody,
  type TemplatePart,
} from '@waymark/core';
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { randomSuffix } from '../app/format';
import { Link, useRouter } from '../app/router';
import { useRole, useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { ApiError } from '../api/api-error';
import type { JourneySummary } from '../api/types';
import { formatDateIn, t, useLocale, type MessageId } from '../i18n';
import { useOneAtATime } from '../state/one-at-a-time';
import { ChoiceField, ErrorSummary, TextField, errorText } from '../ui/field';
import { packProblemsOf, packProblemWords } from './pack-problems';
import { slugify } from './templates';
import {
  copyJourney,
  createJourney,
  deleteTemplate,
  importPack,
  listJourneys,
  listTemplates,
  packUrl,
  readJourney,
  readTemplate,
  saveTemplate,
  sendCommands,
  type RemovedPersonalData,
  type TemplateSummary,
} from './templates-api';
import './templates.css';

/** Codes the API answers a file in the wrong encoding with (decodeBody), before the pack is read. */
const encodingCodes = new Set(['not_utf8', 'not_text', 'utf16_without_bom', 'invalid_utf16']);

const kindWords: Record<TemplateBody['kind'], MessageId> = {
  map: 'templates.kind.map',
  lanes: 'templates.kind.lanes',
  persona: 'templates.kind.persona',
};

const removedWords: Record<keyof RemovedPersonalData, MessageId> = {
  quoteSources: 'templates.removed.quoteSources',
  respondents: 'templates.removed.respondents',
  ownerNames: 'templates.removed.ownerNames',
  notes: 'templates.removed.notes',
  researchSources: 'templates.removed.researchSources',
};

/** What a template holds: the steps of a map, the lanes of a lane set, or a persona. */
function Preview({ body }: { body: TemplateBody }) {
  if (body.kind === 'persona')
    return (
      <dl className="template-preview">
        <dt>{t('templates.preview.persona')}</dt>
        <dd>{body.persona.name}</dd>
        {body.persona.description ? <dd>{body.persona.description}</dd> : null}
      </dl>
    );
  if (body.kind === 'lanes')
    return (
      <div className="template-preview">
        <h4>{t('templates.preview.lanes')}</h4>
        <ul>
          {body.lanes.map((lane) => (
            <li key={lane.id}>{lane.label}</li>
          ))}
        </ul>
      </div>
    );
  const j = body.journey;
  return (
    <div className="template-preview">
      <p>
        {t('templates.preview.counts', {
          steps: j.columns.length,
          lanes: j.lanes.length,
          cards: j.cards.length,
        })}
      </p>
      <h4>{t('templates.preview.steps')}</h4>
      {j.columns.length === 0 ? (
        <p>{t('templates.preview.none')}</p>
      ) : (
        <ol>
          {j.columns.map((column) => {
            const step = j.cards.find((c) => c.columnId === column.id && c.kind === 'step');
            return (
              <li key={column.id}>
                <strong>{column.label}</strong>
                {step && 'text' in step && step.text ? `: ${step.text}` : null}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

/** "Start a map from X": asks for the new map's title, makes the map and opens it. */
function StartMap(props: { ws: string; name: string; body: () => Promise<TemplateBody> }) {
  const { navigate } = useRouter();
  const { session } = useSession();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(props.name);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useOneAtATime();
  if (!open)
    return (
      <button className="button button--small" type="button" onClick={() => setOpen(true)}>
        {t('templates.start.button', { name: props.name })}
      </button>
    );
  function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (title.trim() === '') return setError(t('templates.start.noTitle'));
    void run(async () => {
      setError(null);
      try {
        const body = await props.body();
        if (body.kind !== 'map') return;
        const made = journeyFromTemplateBody(body, {
          id: slugify(title, randomSuffix()),
          title: title.trim(),
        });
        if (!made.ok) return setError(t('errors.code.invalidJourney'));
        const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
        const stored = await createJourney(props.ws, made.value, csrf);
        navigate({ page: 'editor', ws: props.ws, id: stored.id });
      } catch (e) {
        setError(errorText(e));
      }
    });
  }
  return (
    <form className="template-action" onSubmit={start}>
      <TextField
        label={t('templates.start.title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={error}
        maxLength={200}
        autoFocus
      />
      <button className="button button--small" type="submit" aria-disabled={busy || undefined}>
        {t('templates.start.submit')}
      </button>{' '}
      <button className="button button--small button--secondary" type="button" onClick={() => setOpen(false)}>
        {t('templates.start.cancel')}
      </button>
    </form>
  );
}

/** "Add X to the map": puts a lane set or a persona into a map of the workspace, as an edit that can be undone. */
function InsertPart(props: {
  ws: string;
  template: TemplateSummary;
  journeys: readonly JourneySummary[];
  onDone: (message: ReactNode) => void;
}) {
  const { session } = useSession();
  const [target, setTarget] = useState(props.journeys[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  if (props.journeys.length === 0) return <p>{t('templates.insert.noMaps')}</p>;
  async function insert(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    try {
      const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
      const { template } = await readTemplate(props.ws, props.template.id);
      if (template.body.kind === 'map') return;
      const current = await readJourney(props.ws, target);
      await sendCommands(
        props.ws,
        target,
        current.version,
        insertTemplateCommands(current.journey, template.body),
        csrf,
      );
      const title = current.journey.meta.title;
      props.onDone(
        <>
          {t('templates.insert.done', { name: props.template.name, title })}{' '}
          <Link to={{ page: 'editor', ws: props.ws, id: target }}>
            {t('templates.insert.open', { title })}
          </Link>
        </>,
      );
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <form className="template-action" onSubmit={(e) => void insert(e)}>
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      <ChoiceField
        label={t('templates.insert.map')}
        value={target}
        onChange={setTarget}
        choices={props.journeys.map((j) => ({ value: j.id, label: j.title }))}
      />
      <button className="button button--small" type="submit">
        {t('templates.insert.button', { name: props.template.name })}
      </button>
    </form>
  );
}

/** One of the workspace's templates: its kind, who saved it, a preview loaded when opened, and what can be done. */
function WorkspaceTemplate(props: {
  ws: string;
  template: TemplateSummary;
  canEdit: boolean;
  journeys: readonly JourneySummary[];
  onChanged: (message: ReactNode) => void;
}) {
  const { session } = useSession();
  const { template } = props;
  const [body, setBody] = useState<TemplateBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const read = await readTemplate(props.ws, template.id);
    setBody(read.template.body);
    return read.template.body;
  }, [props.ws, template.id]);
  async function remove() {
    try {
      const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
      await deleteTemplate(props.ws, template.id, csrf);
      props.onChanged(t('templates.deleted', { name: template.name }));
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <li className="template-card">
      <h3>{template.name}</h3>
      <p className="template-card__meta">
        {t(kindWords[template.kind])} ·{' '}
        {template.createdByName
          ? t('templates.savedBy', { name: template.createdByName, date: formatDateIn(template.createdAt) })
          : t('templates.savedOn', { date: formatDateIn(template.createdAt) })}
      </p>
      {template.description ? <p>{template.description}</p> : null}
      {template.source ? (
        <details>
          <summary>{t('templates.source')}</summary>
          <p className="template-source">{template.source}</p>
        </details>
      ) : null}
      <details
        onToggle={(e) => {
          if ((e.target as HTMLDetailsElement).open && !body)
            load().catch((x: unknown) => setError(errorText(x)));
        }}
      >
        <summary>
          {t('templates.preview')} <span className="visually-hidden">{template.name}</span>
        </summary>
        {body ? <Preview body={body} /> : <p role="status">{t('common.loading')}</p>}
      </details>
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      {props.canEdit ? (
        <div className="template-card__actions">
          {template.kind === 'map' ? (
            <StartMap
              ws={props.ws}
              name={template.name}
              body={() => (body ? Promise.resolve(body) : load())}
            />
          ) : (
            <InsertPart
              ws={props.ws}
              template={template}
              journeys={props.journeys}
              onDone={props.onChanged}
            />
          )}
          <button
            className="button button--small button--warning"
            type="button"
            onClick={() => void remove()}
          >
            {t('templates.delete.button', { name: template.name })}
          </button>
        </div>
      ) : null}
    </li>
  );
}

function RemovedList({ removed }: { removed: RemovedPersonalData }) {
  const taken = (Object.keys(removedWords) as (keyof RemovedPersonalData)[]).filter((k) => removed[k] > 0);
  if (taken.length === 0) return <p>{t('templates.removed.nothing')}</p>;
  return (
    <>
      <p>{t('templates.removed.heading')}</p>
      <ul>
        {taken.map((k) => (
          <li key={k}>{t(removedWords[k], { count: removed[k] })}</li>
        ))}
      </ul>
    </>
  );
}

/** Save a map, some of its lanes or one of its personas as a template, saying what personal data was taken out. */
function SaveForm(props: {
  ws: string;
  journeys: readonly JourneySummary[];
  /** The map chosen when the page was opened from it (`?map=`). */
  chosen: string | null;
  onSaved: (message: ReactNode) => void;
}) {
  const { session } = useSession();
  const [journeyId, setJourneyId] = useState(
    props.journeys.find((j) => j.id === props.chosen)?.id ?? props.journeys[0]?.id ?? '',
  );
  const [lanes, setLanes] = useState<{ id: string; label: string }[]>([]);
  const [personas, setPersonas] = useState<{ id: string; name: string }[]>([]);
  const [kind, setKind] = useState<TemplatePart['kind']>('map');
  const [laneIds, setLaneIds] = useState<string[]>([]);
  const [personaId, setPersonaId] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (journeyId === '') return;
    readJourney(props.ws, journeyId)
      .then((j) => {
        setLanes(j.journey.lanes.map((l) => ({ id: l.id, label: l.label })));
        setPersonas(j.journey.personas.map((p) => ({ id: p.id, name: p.name })));
        setPersonaId(j.journey.personas[0]?.id ?? '');
        setLaneIds([]);
        setName((n) => (n === '' ? j.journey.meta.title : n));
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [props.ws, journeyId]);
  if (props.journeys.length === 0) return <p>{t('templates.save.noMaps')}</p>;
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (name.trim() === '') return setError(t('templates.save.noName'));
    if (kind === 'lanes' && laneIds.length === 0) return setError(t('templates.save.pickLanes'));
    if (kind === 'persona' && personaId === '') return setError(t('templates.save.noPersonas'));
    const part: TemplatePart =
      kind === 'map' ? { kind } : kind === 'lanes' ? { kind, laneIds } : { kind, personaId };
    try {
      const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
      const saved = await saveTemplate(
        props.ws,
        {
          journeyId,
          name: name.trim(),
          ...(description.trim() ? { description: description.trim() } : {}),
          part,
        },
        csrf,
      );
      props.onSaved(
        <>
          <p>{t('templates.save.done', { name: saved.template.name })}</p>
          <RemovedList removed={saved.removed} />
        </>,
      );
      setName('');
      setDescription('');
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <form className="panel" onSubmit={(e) => void save(e)} aria-labelledby="save-template-heading">
      <ErrorSummary message={error} />
      <p>{t('templates.save.privacy')}</p>
      <ChoiceField
        label={t('templates.save.map')}
        value={journeyId}
        onChange={setJourneyId}
        choices={props.journeys.map((j) => ({ value: j.id, label: j.title }))}
      />
      <fieldset className="field">
        <legend>{t('templates.save.part')}</legend>
        {(['map', 'lanes', 'persona'] as const).map((k) => (
          <div key={k} className="radio">
            <input
              type="radio"
              id={`save-part-${k}`}
              name="save-part"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            <label htmlFor={`save-part-${k}`}>{t(`templates.save.part.${k}` as MessageId)}</label>
          </div>
        ))}
      </fieldset>
      {kind === 'lanes' ? (
        <fieldset className="field">
          <legend>{t('templates.save.lanes')}</legend>
          {lanes.map((lane) => (
            <div key={lane.id} className="checkbox">
              <input
                type="checkbox"
                id={`save-lane-${lane.id}`}
                checked={laneIds.includes(lane.id)}
                onChange={(e) =>
                  setLaneIds((ids) =>
                    e.target.checked ? [...ids, lane.id] : ids.filter((id) => id !== lane.id),
                  )
                }
              />
              <label htmlFor={`save-lane-${lane.id}`}>{lane.label}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {kind === 'persona' ? (
        personas.length === 0 ? (
          <p>{t('templates.save.noPersonas')}</p>
        ) : (
          <ChoiceField
            label={t('templates.save.persona')}
            value={personaId}
            onChange={setPersonaId}
            choices={personas.map((p) => ({ value: p.id, label: p.name }))}
          />
        )
      ) : null}
      <TextField
        label={t('templates.save.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={200}
      />
      <TextField
        label={t('templates.save.description')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        maxLength={2000}
      />
      <button className="button" type="submit">
        {t('templates.save.submit')}
      </button>
    </form>
  );
}

/** Download the workspace's templates as a pack, and import a pack from another council. */
function SharePacks(props: {
  ws: string;
  canEdit: boolean;
  count: number;
  onImported: (message: ReactNode) => void;
}) {
  const { session } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblems([]);
    setError(null);
    if (!file) return setError(t('templates.import.chooseFile'));
    try {
      const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
      const done = await importPack(props.ws, file, csrf);
      props.onImported(
        <>
          <p>{t('templates.import.done', { count: done.imported.length })}</p>
          <RemovedList removed={done.removed} />
        </>,
      );
    } catch (e) {
      setError(errorText(e));
      if (e instanceof ApiError) {
        // The file's own encoding problems come as the error itself; the pack's as a list naming each field.
        const listed = packProblemsOf(e.body);
        const problems =
          listed.length > 0 || !encodingCodes.has(e.code) ? listed : [{ code: e.code, path: '' }];
        setProblems(problems.slice(0, 20).map(packProblemWords));
      }
    }
  }
  return (
    <>
      <p>{t('templates.share.intro')}</p>
      {props.count > 0 ? (
        <p>
          <a className="button button--secondary" href={packUrl(props.ws)} download>
            {t('templates.export.link')}
          </a>
        </p>
      ) : (
        <p>{t('templates.export.none')}</p>
      )}
      {props.canEdit ? (
        <form className="panel" onSubmit={(e) => void submit(e)}>
          <ErrorSummary message={error} />
          {problems.length > 0 ? (
            <div className="template-problems">
              <h3>{t('templates.import.problems')}</h3>
              <ul>
                {problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="template-pack-file">{t('templates.import.file')}</label>
            <p className="hint" id="template-pack-file-hint">
              {t('templates.import.hint')}
            </p>
            <input
              id="template-pack-file"
              type="file"
              accept=".json,application/json"
              aria-describedby="template-pack-file-hint"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <button className="button" type="submit">
            {t('templates.import.submit')}
          </button>
        </form>
      ) : null}
    </>
  );
}

/** Copy a map into another workspace where the person edits; the copy keeps its provenance. */
function CopyForm(props: { ws: string; journeys: readonly JourneySummary[] }) {
  const { session } = useSession();
  const targets =
    session.status === 'signed-in'
      ? session.me.workspaces.filter((w) => w.id !== props.ws && (w.role === 'editor' || w.role === 'owner'))
      : [];
  const [journeyId, setJourneyId] = useState(props.journeys[0]?.id ?? '');
  const [to, setTo] = useState(targets[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ workspace: string; id: string; title: string; name: string } | null>(
    null,
  );
  if (targets.length === 0) return <p>{t('templates.copy.none')}</p>;
  if (props.journeys.length === 0) return <p>{t('templates.save.noMaps')}</p>;
  async function copy(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setDone(null);
    try {
      const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
      const made = await copyJourney(props.ws, journeyId, to, csrf);
      setDone({
        workspace: made.workspace,
        id: made.id,
        title: props.journeys.find((j) => j.id === journeyId)?.title ?? journeyId,
        name: targets.find((w) => w.id === to)?.name ?? to,
      });
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <form className="panel" onSubmit={(e) => void copy(e)}>
      <ErrorSummary message={error} />
      {done ? (
        <div className="notice" role="status">
          <p>
            {t('templates.copy.done', { title: done.title, workspace: done.name })}{' '}
            <Link to={{ page: 'editor', ws: done.workspace, id: done.id }}>{t('templates.copy.open')}</Link>
          </p>
        </div>
      ) : null}
      <ChoiceField
        label={t('templates.copy.map')}
        value={journeyId}
        onChange={setJourneyId}
        choices={props.journeys.map((j) => ({ value: j.id, label: j.title }))}
      />
      <ChoiceField
        label={t('templates.copy.to')}
        value={to}
        onChange={setTo}
        choices={targets.map((w) => ({ value: w.id, label: w.name }))}
      />
      <button className="button" type="submit">
        {t('templates.copy.submit')}
      </button>
    </form>
  );
}

/** The templates page of a workspace (issue 14 item 5, decision 0036). */
export function TemplatesPage({ ws }: { ws: string }) {
  useTitle(t('templates.heading'));
  // The starters in the person's language: in Welsh, each one's Welsh twin (names, stages, steps and lanes).
  const locale = useLocale();
  const starters = starterTemplates.map((en) => starterIn(en, locale));
  const role = useRole(ws);
  const canEdit = role === 'editor' || role === 'owner';
  const { search } = useRouter();
  const chosen = search.get('map');
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [journeys, setJourneys] = useState<JourneySummary[] | null>(null);
  const [message, setMessage] = useState<ReactNode>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    listTemplates(ws)
      .then((r) => setTemplates(r.items))
      .catch((e: unknown) => setError(errorText(e)));
    listJourneys(ws)
      .then((r) => setJourneys(r.items))
      .catch((e: unknown) => setError(errorText(e)));
  }, [ws]);
  useEffect(reload, [reload]);
  const changed = (words: ReactNode) => {
    setMessage(words);
    reload();
  };
  return (
    <div className="templates-page">
      <h1>{t('templates.heading')}</h1>
      <p>{t('templates.intro')}</p>
      {canEdit ? null : <p>{t('templates.viewersOnly')}</p>}
      <ErrorSummary message={error} />
      {message ? (
        <div className="notice" role="status">
          {message}
        </div>
      ) : null}

      <section aria-labelledby="workspace-templates-heading">
        <h2 id="workspace-templates-heading">{t('templates.workspace.heading')}</h2>
        {templates === null || journeys === null ? (
          <p role="status">{t('common.loading')}</p>
        ) : templates.length === 0 ? (
          <p>{t('templates.workspace.none')}</p>
        ) : (
          <ul className="template-list">
            {templates.map((tpl) => (
              <WorkspaceTemplate
                key={tpl.id}
                ws={ws}
                template={tpl}
                canEdit={canEdit}
                journeys={journeys}
                onChanged={changed}
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="starter-templates-heading">
        <h2 id="starter-templates-heading">{t('templates.starters.heading')}</h2>
        <p>{t('templates.starters.intro')}</p>
        <ul className="template-list">
          {starters.map((s) => (
            <li key={s.id} className="template-card">
              <h3>{s.name}</h3>
              <p>{s.description}</p>
              <details>
                <summary>
                  {t('templates.preview')} <span className="visually-hidden">{s.name}</span>
                </summary>
                <Preview body={s.body} />
              </details>
              <details>
                <summary>
                  {t('templates.source')} <span className="visually-hidden">{s.name}</span>
                </summary>
                <ul className="template-source">
                  {s.source.split('\n').map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </details>
              {canEdit ? <StartMap ws={ws} name={s.name} body={() => Promise.resolve(s.body)} /> : null}
            </li>
          ))}
        </ul>
      </section>

      {canEdit && journeys !== null ? (
        <section aria-labelledby="save-template-heading">
          <h2 id="save-template-heading">{t('templates.save.heading')}</h2>
          <SaveForm ws={ws} journeys={journeys} chosen={chosen} onSaved={changed} />
        </section>
      ) : null}

      <section aria-labelledby="share-templates-heading">
        <h2 id="share-templates-heading">{t('templates.share.heading')}</h2>
        <SharePacks ws={ws} canEdit={canEdit} count={templates?.length ?? 0} onImported={changed} />
      </section>

      {journeys !== null ? (
        <section aria-labelledby="copy-map-heading">
          <h2 id="copy-map-heading">{t('templates.copy.heading')}</h2>
          <p>{t('templates.copy.intro')}</p>
          <CopyForm ws={ws} journeys={journeys} />
        </section>
      ) : null}
    </div>
  );
}
