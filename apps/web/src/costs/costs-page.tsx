import { channelIds } from '@waymark/core';
import { costBasisLabel, type CostModel } from '@waymark/measure';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from '../app/router';
import { useRole, useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { getTranslator, t, type MessageId } from '../i18n';
import { ErrorSummary, SelectField, TextField, errorText } from '../ui/field';
import { costsApi, type CostsOverview } from './costs-api';
import { deflatorFailure, type DeflatorFailure } from './deflator-words';
import {
  builtUpFields,
  draftOf,
  emptyLine,
  emptyModel,
  readDraft,
  unitCostOf,
  workingOf,
  type LineDraft,
  type ModelDraft,
} from './costs-form';

const fieldLabel: Record<(typeof builtUpFields)[number] | 'unitCost', MessageId> = {
  staffMinutes: 'costs.field.staffMinutes',
  annualSalary: 'costs.field.annualSalary',
  onCostsPercent: 'costs.field.onCostsPercent',
  overheadsPercent: 'costs.field.overheadsPercent',
  hoursPerYear: 'costs.field.hoursPerYear',
  nonStaffCost: 'costs.field.nonStaffCost',
  unitCost: 'costs.field.unitCost',
};

/** A channel's name in the chosen language; an unknown id as it is. */
const channelName = (channel: string): string => {
  const id = `model.channel.${channel}` as MessageId;
  const words = t(id);
  return words === id ? channel : words;
};
const lineName = (l: { scope: string; key: string }) => (l.scope === 'channel' ? channelName(l.key) : l.key);

/** A model's lines, read-only: what each costs and how. */
function LinesTable({ model }: { model: CostModel }) {
  return (
    <table className="improve-table">
      <caption>{t('costs.lines.caption', { name: model.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('costs.lines.line')}</th>
          <th scope="col">{t('costs.lines.method')}</th>
          <th scope="col">{t('costs.lines.unitCost')}</th>
        </tr>
      </thead>
      <tbody>
        {model.lines.map((l) => (
          <tr key={`${l.scope}:${l.key}`}>
            <th scope="row">
              {lineName(l)}{' '}
              <span className="hint">
                ({t(l.scope === 'channel' ? 'costs.scope.channel' : 'costs.scope.activity')})
              </span>
            </th>
            <td>
              {l.method === 'direct'
                ? t('costs.method.direct')
                : workingOf(draftOf({ ...model, lines: [l] }).lines[0]!)}
            </td>
            <td className="num">{unitCostOf(l)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The form for one line: channel or activity, built up from staff time or entered, with the working shown. */
function LineFields({
  line,
  index,
  problems,
  onChange,
  onRemove,
}: {
  line: LineDraft;
  index: number;
  problems: Readonly<Record<string, MessageId>>;
  onChange: (patch: Partial<LineDraft>) => void;
  onRemove: () => void;
}) {
  const at = (field: string) => `lines[${index}].${field}`;
  const error = (field: string) => (problems[at(field)] ? t(problems[at(field)]!) : null);
  const id = (field: string) => `cost-line-${index}-${field}`;
  const working = workingOf(line);
  return (
    <fieldset className="improve-fieldset">
      <legend>{t('costs.line.legend', { number: index + 1 })}</legend>
      <SelectField
        id={id('scope')}
        label={t('costs.line.scope')}
        value={line.scope}
        onChange={(e) => {
          const scope = e.target.value as LineDraft['scope'];
          onChange({ scope, key: scope === 'channel' ? 'telephone' : '' });
        }}
      >
        <option value="channel">{t('costs.scope.channel')}</option>
        <option value="activity">{t('costs.scope.activity')}</option>
      </SelectField>
      {line.scope === 'channel' ? (
        <SelectField
          id={id('key')}
          label={t('costs.line.channel')}
          value={line.key}
          onChange={(e) => onChange({ key: e.target.value })}
        >
          {channelIds.map((c) => (
            <option key={c} value={c}>
              {channelName(c)}
            </option>
          ))}
        </SelectField>
      ) : (
        <TextField
          id={id('key')}
          label={t('costs.line.activity')}
          hint={t('costs.line.activityHint')}
          value={line.key}
          error={error('key')}
          onChange={(e) => onChange({ key: e.target.value })}
        />
      )}
      <fieldset className="improve-fieldset">
        <legend>{t('costs.line.method')}</legend>
        {(['built-up', 'direct'] as const).map((m) => (
          <div className="radio" key={m}>
            <input
              type="radio"
              id={id(`method-${m}`)}
              name={id('method')}
              checked={line.method === m}
              onChange={() => onChange({ method: m })}
            />
            <label htmlFor={id(`method-${m}`)}>
              {t(m === 'built-up' ? 'costs.method.builtUp' : 'costs.method.direct')}
            </label>
          </div>
        ))}
      </fieldset>
      {line.method === 'built-up' ? (
        builtUpFields.map((f) => (
          <TextField
            key={f}
            id={id(f)}
            label={t(fieldLabel[f])}
            inputMode="decimal"
            className="input--short"
            value={line[f]}
            error={error(f)}
            onChange={(e) => onChange({ [f]: e.target.value })}
          />
        ))
      ) : (
        <TextField
          id={id('unitCost')}
          label={t(fieldLabel.unitCost)}
          inputMode="decimal"
          className="input--short"
          value={line.unitCost}
          error={error('unitCost')}
          onChange={(e) => onChange({ unitCost: e.target.value })}
        />
      )}
      <p className="hint" aria-live="polite" data-testid={`cost-working-${index}`}>
        {working ?? t('costs.working.incomplete')}
      </p>
      <button type="button" className="button button--secondary button--small" onClick={onRemove}>
        {t('costs.line.remove', { number: index + 1 })}
      </button>
    </fieldset>
  );
}

/** The workspace's cost models (issue 13 item 2): list, edit with the build-up shown, the default, the deflator. */
export function CostsPage({ ws }: { ws: string }) {
  useTitle(t('costs.heading'));
  const { session } = useSession();
  const role = useRole(ws);
  const canEdit = role === 'owner' || role === 'editor';
  const isAdmin = session.status === 'signed-in' && session.me.instanceAdmin === true;
  const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
  const [data, setData] = useState<CostsOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string | null; draft: ModelDraft } | null>(null);
  const [problems, setProblems] = useState<Readonly<Record<string, MessageId>>>({});
  const [choice, setChoice] = useState<{ modelId: string; priceYear: string }>({
    modelId: '',
    priceYear: '',
  });
  const [deflator, setDeflator] = useState({ file: '', title: '', published: '', url: '' });
  const [deflatorError, setDeflatorError] = useState<DeflatorFailure | null>(null);

  const load = useCallback(async () => {
    try {
      const o = await costsApi.overview(ws);
      setData(o);
      setChoice({ modelId: o.default.modelId, priceYear: o.default.priceYear ?? '' });
    } catch (e) {
      setError(errorText(e));
    }
  }, [ws]);
  useEffect(() => void load(), [load]);

  async function saveModel(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!editing) return;
    const read = readDraft(editing.draft);
    if (!read.ok) {
      setProblems(read.problems);
      setError(t('costs.error.summary', { count: Object.keys(read.problems).length }));
      return;
    }
    setProblems({});
    try {
      if (editing.id === null) await costsApi.create(ws, read.model, csrf);
      else await costsApi.update(ws, editing.id, read.model, csrf);
      setEditing(null);
      setError(null);
      await load();
      setNotice(t('costs.saved', { name: read.model.name }));
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function saveDefault(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await costsApi.setDefault(
        ws,
        choice.modelId,
        choice.priceYear.trim() === '' ? null : choice.priceYear.trim(),
        csrf,
      );
      setError(null);
      await load();
      setNotice(t('costs.default.saved'));
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function remove(model: CostModel) {
    if (!window.confirm(t('costs.delete.confirm', { name: model.name }))) return;
    try {
      await costsApi.remove(ws, model.id, csrf);
      await load();
      setNotice(t('costs.deleted', { name: model.name }));
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function loadDeflator(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDeflatorError(null);
    if (deflator.file === '') return setDeflatorError({ message: t('costs.deflator.noFile'), items: [] });
    try {
      await costsApi.loadDeflator(
        deflator.file,
        { title: deflator.title, published: deflator.published, url: deflator.url },
        csrf,
      );
      await load();
      setNotice(t('costs.deflator.loaded'));
    } catch (e) {
      setDeflatorError(deflatorFailure(e));
    }
  }

  async function resetDeflator() {
    setDeflatorError(null);
    try {
      await costsApi.resetDeflator(csrf);
      await load();
      setNotice(t('costs.deflator.resetDone'));
    } catch (e) {
      setDeflatorError({ message: errorText(e), items: [] });
    }
  }

  const setLine = (i: number, patch: Partial<LineDraft>) =>
    setEditing((ed) =>
      ed
        ? {
            ...ed,
            draft: { ...ed.draft, lines: ed.draft.lines.map((l, k) => (k === i ? { ...l, ...patch } : l)) },
          }
        : ed,
    );
  const words = getTranslator();
  const all = data ? [...data.models, ...data.published] : [];

  return (
    <div className="narrow">
      <p>
        <Link to={{ page: 'home', ws }}>{t('pages.backToJourneys')}</Link>
      </p>
      <h1>{t('costs.heading')}</h1>
      <p>{t('costs.intro')}</p>
      <ErrorSummary message={error} />
      {notice ? <p role="status">{notice}</p> : null}
      {!data ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <section aria-labelledby="costs-default-heading">
            <h2 id="costs-default-heading">{t('costs.default.heading')}</h2>
            <p data-testid="costs-default-basis">
              {data.defaultBasis ? costBasisLabel(data.defaultBasis, words) : t('costs.default.unreachable')}
            </p>
            {canEdit ? (
              <form
                className="improve-form improve-form--inline"
                onSubmit={(e) => void saveDefault(e)}
                noValidate
              >
                <SelectField
                  id="costs-default-model"
                  label={t('costs.default.model')}
                  value={choice.modelId}
                  onChange={(e) => setChoice({ ...choice, modelId: e.target.value })}
                >
                  {all.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.kind === 'published'
                        ? t('costs.published.option', { name: m.name, year: m.priceYear || '—' })
                        : m.name}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  id="costs-default-year"
                  label={t('costs.default.priceYear')}
                  hint={t('costs.default.priceYearHint', {
                    first: data.deflator.first ?? '—',
                    last: data.deflator.last ?? '—',
                  })}
                  className="input--short"
                  value={choice.priceYear}
                  onChange={(e) => setChoice({ ...choice, priceYear: e.target.value })}
                />
                <button type="submit" className="button">
                  {t('costs.default.save')}
                </button>
              </form>
            ) : null}
          </section>

          <section aria-labelledby="costs-models-heading">
            <h2 id="costs-models-heading">{t('costs.models.heading')}</h2>
            {data.models.length === 0 ? <p>{t('costs.models.none')}</p> : null}
            {data.models.map((m) => (
              <div key={m.id}>
                <h3>{t('costs.models.title', { name: m.name, year: m.priceYear })}</h3>
                <LinesTable model={m} />
                {canEdit ? (
                  <p>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => setEditing({ id: m.id, draft: draftOf(m) })}
                    >
                      {t('costs.models.edit', { name: m.name })}
                    </button>{' '}
                    <button type="button" className="button button--warning" onClick={() => void remove(m)}>
                      {t('costs.models.delete', { name: m.name })}
                    </button>
                  </p>
                ) : null}
              </div>
            ))}
            {canEdit && !editing ? (
              <button
                type="button"
                className="button"
                onClick={() => setEditing({ id: null, draft: emptyModel(data.deflator.last ?? '') })}
              >
                {t('costs.models.add')}
              </button>
            ) : null}
            {editing ? (
              <form
                className="improve-form"
                onSubmit={(e) => void saveModel(e)}
                noValidate
                aria-labelledby="costs-form-heading"
              >
                <h3 id="costs-form-heading">
                  {editing.id === null ? t('costs.form.addHeading') : t('costs.form.editHeading')}
                </h3>
                <TextField
                  id="cost-model-name"
                  label={t('costs.form.name')}
                  value={editing.draft.name}
                  error={problems['name'] ? t(problems['name']) : null}
                  onChange={(e) =>
                    setEditing({ ...editing, draft: { ...editing.draft, name: e.target.value } })
                  }
                />
                <TextField
                  id="cost-model-year"
                  label={t('costs.form.priceYear')}
                  hint={t('costs.form.priceYearHint')}
                  className="input--short"
                  value={editing.draft.priceYear}
                  error={problems['priceYear'] ? t(problems['priceYear']) : null}
                  onChange={(e) =>
                    setEditing({ ...editing, draft: { ...editing.draft, priceYear: e.target.value } })
                  }
                />
                {editing.draft.lines.map((l, i) => (
                  <LineFields
                    key={i}
                    line={l}
                    index={i}
                    problems={problems}
                    onChange={(patch) => setLine(i, patch)}
                    onRemove={() =>
                      setEditing({
                        ...editing,
                        draft: { ...editing.draft, lines: editing.draft.lines.filter((_, k) => k !== i) },
                      })
                    }
                  />
                ))}
                <p>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() =>
                      setEditing({
                        ...editing,
                        draft: { ...editing.draft, lines: [...editing.draft.lines, emptyLine()] },
                      })
                    }
                  >
                    {t('costs.form.addLine')}
                  </button>
                </p>
                <button type="submit" className="button">
                  {t('costs.form.save')}
                </button>{' '}
                <button type="button" className="button button--secondary" onClick={() => setEditing(null)}>
                  {t('costs.form.cancel')}
                </button>
              </form>
            ) : null}
          </section>

          <section aria-labelledby="costs-published-heading">
            <h2 id="costs-published-heading">{t('costs.published.heading')}</h2>
            <p>{t('costs.published.intro')}</p>
            {data.published.map((m) => (
              <div key={m.id}>
                <h3>
                  {t('costs.published.title', {
                    name: m.name,
                    year: m.priceYear || t('costs.published.noYear'),
                  })}
                </h3>
                <LinesTable model={m} />
              </div>
            ))}
          </section>

          <section aria-labelledby="costs-deflator-heading">
            <h2 id="costs-deflator-heading">{t('costs.deflator.heading')}</h2>
            <p>
              {t('costs.deflator.inForce', {
                title: data.deflator.title,
                published: data.deflator.published,
                first: data.deflator.first ?? '—',
                last: data.deflator.last ?? '—',
              })}{' '}
              <a href={data.deflator.url}>{t('costs.deflator.source')}</a>
            </p>
            {isAdmin && data.deflator.loaded ? (
              <p>
                {t('costs.deflator.resetIntro')}{' '}
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void resetDeflator()}
                >
                  {t('costs.deflator.reset')}
                </button>
              </p>
            ) : null}
            {isAdmin ? (
              <form
                className="improve-form"
                onSubmit={(e) => void loadDeflator(e)}
                noValidate
                aria-labelledby="costs-deflator-load"
              >
                <h3 id="costs-deflator-load">{t('costs.deflator.loadHeading')}</h3>
                <p>{t('costs.deflator.loadIntro')}</p>
                <ErrorSummary message={deflatorError?.message ?? null} items={deflatorError?.items ?? []} />
                <div className="field">
                  <label htmlFor="deflator-file">{t('costs.deflator.file')}</label>
                  <input
                    id="deflator-file"
                    type="file"
                    accept=".csv,text/csv"
                    onChange={(e) => {
                      const file = e.target.files?.[0];
                      if (file) void file.text().then((text) => setDeflator((d) => ({ ...d, file: text })));
                    }}
                  />
                </div>
                <TextField
                  id="deflator-title"
                  label={t('costs.deflator.title')}
                  value={deflator.title}
                  onChange={(e) => setDeflator({ ...deflator, title: e.target.value })}
                />
                <TextField
                  id="deflator-published"
                  label={t('costs.deflator.published')}
                  hint={t('costs.deflator.publishedHint')}
                  className="input--short"
                  value={deflator.published}
                  onChange={(e) => setDeflator({ ...deflator, published: e.target.value })}
                />
                <TextField
                  id="deflator-url"
                  label={t('costs.deflator.url')}
                  type="url"
                  value={deflator.url}
                  onChange={(e) => setDeflator({ ...deflator, url: e.target.value })}
                />
                <button type="submit" className="button">
                  {t('costs.deflator.load')}
                </button>
              </form>
            ) : null}
          </section>
        </>
      )}
    </div>
  );
}
