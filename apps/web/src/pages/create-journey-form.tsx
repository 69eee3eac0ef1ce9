import { useState, type FormEvent } from 'react';
import { journeyTypes } from '@waymark/core';
import { randomSuffix } from '../app/format';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import type { TemplateName } from '@waymark/core';
import { buildFromTemplate, slugify, templateHint, templateIds, templateLabel } from '../templates/templates';
import { useOneAtATime } from '../state/one-at-a-time';
import { ErrorSummary, SelectField, TextField, errorText } from '../ui/field';
import { t } from '../i18n';

/** Create a journey from a template, or import a JSON or YAML file. */
export function CreateJourneyForm({ ws }: { ws: string }) {
  const { api } = useSession();
  const { navigate } = useRouter();
  const [error, setError] = useState<string | null>(null);
  // Creating and importing share one gate: neither starts while either is on its way.
  const { busy, run } = useOneAtATime();

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const title = String(form.get('title')).trim();
    if (title === '') {
      setError(t('pages.create.titleMissing'));
      return;
    }
    const chosen = String(form.get('template'));
    const made = buildFromTemplate(
      (templateIds as readonly string[]).includes(chosen) ? (chosen as TemplateName) : 'melton',
      {
        id: slugify(title, randomSuffix()),
        title,
        journeyType: String(form.get('journeyType')) as (typeof journeyTypes)[number],
        startMonth: new Date().toISOString().slice(0, 7),
      },
    );
    if (!made.ok) {
      setError(t('pages.create.templateProblem', { problem: made.message }));
      return;
    }
    const journey = made.journey;
    void run(async () => {
      setError(null);
      try {
        const created = await api.createJourney(ws, journey);
        navigate({ page: 'editor', ws, id: created.id });
      } catch (e) {
        setError(errorText(e));
      }
    });
  }

  function importFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const input = event.currentTarget.elements.namedItem('file') as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) {
      setError(t('pages.create.fileMissing'));
      return;
    }
    const yaml = /\.ya?ml$/i.test(file.name);
    void run(async () => {
      setError(null);
      try {
        const created = await api.importFile(
          ws,
          await file.text(),
          yaml ? 'application/yaml' : 'application/json',
        );
        navigate({ page: 'editor', ws, id: created.id });
      } catch (e) {
        setError(t('pages.create.fileProblem', { file: file.name, problem: errorText(e) }));
      }
    });
  }

  return (
    <section className="panel" aria-labelledby="create-heading">
      <h2 id="create-heading">{t('pages.create.heading')}</h2>
      <ErrorSummary message={error} />
      <div className="two-columns">
        <form onSubmit={create}>
          <TextField label={t('pages.create.title')} name="title" hint={t('pages.create.titleHint')} />
          <SelectField label={t('pages.create.journeyType')} name="journeyType" defaultValue="current">
            {journeyTypes.map((type) => (
              <option key={type} value={type}>
                {t(`model.journeyType.${type}`)}
              </option>
            ))}
          </SelectField>
          <fieldset className="field">
            <legend>{t('pages.create.template')}</legend>
            {templateIds.map((id, i) => (
              <div className="radio" key={id}>
                <input
                  type="radio"
                  id={`template-${id}`}
                  name="template"
                  value={id}
                  defaultChecked={i === 0}
                />
                <label htmlFor={`template-${id}`}>
                  {templateLabel(id)}
                  <span className="hint"> {templateHint(id)}</span>
                </label>
              </div>
            ))}
          </fieldset>
          <button className="button" type="submit" aria-disabled={busy || undefined}>
            {t('pages.create.submit')}
          </button>
        </form>
        <form onSubmit={importFile}>
          <TextField
            label={t('pages.create.importLabel')}
            name="file"
            type="file"
            accept=".json,.yaml,.yml,application/json"
            hint={t('pages.create.importHint')}
          />
          <button className="button button--secondary" type="submit" aria-disabled={busy || undefined}>
            {t('pages.create.import')}
          </button>
        </form>
      </div>
    </section>
  );
}
