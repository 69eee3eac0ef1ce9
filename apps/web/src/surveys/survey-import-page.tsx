import { questionKinds, surveyScaleIds, type QuestionKind, type SurveyScale } from '@waymark/measure';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { Link } from '../app/router';
import { useRole, useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { t, type MessageId } from '../i18n';
import { useJourney } from '../improve/use-journey';
import { useOneAtATime } from '../state/one-at-a-time';
import { ErrorSummary, SelectField, TextField, errorText } from '../ui/field';
import {
  fileAsBase64,
  surveysApi,
  type StepEvidence,
  type SurveyEvidence,
  type SurveyMappingDraft,
  type SurveyPreview,
  type SurveyProblem,
} from './surveys-api';
import { makeIdFactory } from '../editor/editor-context';
import { quoteCardCommand } from './quote-card';
import { StepSurveyFigures } from './step-survey-figures';
import { forgetSurveyEvidence } from './use-survey-evidence';

const kindWords: Record<QuestionKind, MessageId> = {
  rating: 'survey.kind.rating',
  ces: 'survey.kind.ces',
  nps: 'survey.kind.nps',
  text: 'survey.kind.text',
};

/** A problem of the file in the person's language, from its code, row, column and numbers. */
export function problemWords(p: SurveyProblem): string {
  const id = `survey.problem.${p.code}` as MessageId;
  const words = t(id, {
    row: p.row ?? 0,
    column: p.column ?? 0,
    columnName: p.columnName ?? '',
    found: p.found ?? '',
    min: 0,
    max: 0,
    count: 0,
    width: 0,
    reason: '',
    limitMb: 0,
    ...p.values,
  });
  return words === id ? t('survey.problem.other', { row: p.row ?? 0 }) : words;
}

/** Upload a survey export, map its columns to questions and steps, preview, and import (issue 13 item 3). */
export function SurveyImportPage({ ws, id }: { ws: string; id: string }) {
  useTitle(t('survey.title'));
  const { session } = useSession();
  const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
  const { journey, error: journeyError, status: quoteStatus, send } = useJourney(ws, id);
  const role = useRole(ws);
  const canEdit = role === 'owner' || role === 'editor';
  const [newId] = useState(() => makeIdFactory());
  const [name, setName] = useState('');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<SurveyPreview | null>(null);
  const [mapping, setMapping] = useState<SurveyMappingDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly SurveyProblem[]>([]);
  // Reading the file and importing it share one gate: neither starts while either is on its way.
  const { busy, run } = useOneAtATime();
  const [evidence, setEvidence] = useState<SurveyEvidence | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    surveysApi
      .evidence(ws, id)
      .then(setEvidence)
      .catch(() => setEvidence(null));
  }, [ws, id, done]);

  const failed = (e: unknown) => {
    setError(errorText(e));
    const body = e instanceof ApiError ? (e.body as { problems?: SurveyProblem[] } | null) : null;
    setProblems(body?.problems ?? []);
  };

  function read(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const input = event.currentTarget.elements.namedItem('survey-file') as HTMLInputElement | null;
    const chosen = input?.files?.[0];
    if (!chosen) {
      setError(t('survey.upload.noFile'));
      return;
    }
    void run(async () => {
      setError(null);
      setProblems([]);
      setDone(null);
      try {
        const base64 = await fileAsBase64(chosen);
        const p = await surveysApi.preview(ws, id, base64, chosen.name, csrf);
        setFile({ name: chosen.name, base64 });
        setPreview(p);
        setMapping(p.mapping);
        if (name.trim() === '') setName(chosen.name.replace(/\.(csv|xlsx)$/i, ''));
      } catch (e) {
        failed(e);
      }
    });
  }

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !file || !mapping) return;
    if (name.trim() === '') {
      setError(t('survey.name.missing'));
      return;
    }
    void run(async () => {
      setError(null);
      setProblems([]);
      try {
        const made = await surveysApi.importSurvey(
          ws,
          id,
          { name: name.trim(), fileName: file.name, file: file.base64, mapping },
          csrf,
        );
        forgetSurveyEvidence();
        setDone(t('survey.done', { responses: made.responses }));
        setPreview(null);
        setMapping(null);
        setFile(null);
      } catch (e) {
        failed(e);
      }
    });
  }

  const setQuestion = (i: number, change: Partial<SurveyMappingDraft['questions'][number]>) =>
    setMapping((m) => {
      if (!m) return m;
      const questions = m.questions.map((q, k) => {
        if (k !== i) return q;
        const next = { ...q, ...change };
        if (next.kind === 'text') delete next.scale;
        else if (next.scale === undefined) next.scale = next.kind === 'nps' ? '0-10' : '1-5';
        if (next.stepId === '') delete next.stepId;
        return next;
      });
      return { ...m, questions };
    });
  const setRole = (role: 'respondent' | 'date' | 'consent', column: string) =>
    setMapping((m) => {
      if (!m) return m;
      const next = { ...m };
      if (column === '') delete next[role];
      else next[role] = column;
      return next;
    });

  const stepName = (stepId: string) => journey?.columns.find((c) => c.id === stepId)?.label ?? stepId;
  const withSurvey: readonly StepEvidence[] = evidence?.steps ?? [];

  return (
    <div className="improve-page survey-page">
      <p>
        <Link to={{ page: 'editor', ws, id }}>{t('survey.backToMap')}</Link>
      </p>
      <h1>{t('survey.title')}</h1>
      <p>{t('survey.intro')}</p>
      <ErrorSummary message={error ?? (journeyError ? journeyError : null)} />
      {problems.length > 0 ? (
        <div className="survey-problems" role="region" aria-label={t('survey.problems.title')}>
          <h2>{t('survey.problems.title')}</h2>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{problemWords(p)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {done ? (
        <p className="status" role="status">
          {done}
        </p>
      ) : null}
      <p className="status" role="status" data-testid="quote-status">
        {quoteStatus}
      </p>

      <form onSubmit={read} aria-labelledby="survey-upload-heading">
        <h2 id="survey-upload-heading">{t('survey.upload.title')}</h2>
        <div className="field">
          <label htmlFor="survey-file">{t('survey.upload.file')}</label>
          <p className="hint" id="survey-file-hint">
            {t('survey.upload.hint')}
          </p>
          <input
            id="survey-file"
            name="survey-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="survey-file-hint"
          />
        </div>
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t('survey.upload.read')}
        </button>
      </form>

      {preview && mapping ? (
        <form onSubmit={confirm} aria-labelledby="survey-map-heading">
          <h2 id="survey-map-heading">{t('survey.map.title')}</h2>
          <p>{t(`survey.source.${preview.source}` as MessageId)}</p>
          <TextField
            label={t('survey.name.label')}
            hint={t('survey.name.hint')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          {(['respondent', 'date', 'consent'] as const).map((role) => (
            <SelectField
              key={role}
              label={t(`survey.map.${role}` as MessageId)}
              value={mapping[role] ?? ''}
              onChange={(e) => setRole(role, e.target.value)}
            >
              <option value="">{t('survey.map.none')}</option>
              {preview.header.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </SelectField>
          ))}
          <table className="improve-table">
            <caption>{t('survey.map.questions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('survey.map.column')}</th>
                <th scope="col">{t('survey.map.kind')}</th>
                <th scope="col">{t('survey.map.scale')}</th>
                <th scope="col">{t('survey.map.step')}</th>
              </tr>
            </thead>
            <tbody>
              {mapping.questions.map((q, i) => (
                <tr key={`${q.column}-${i}`}>
                  <th scope="row">{q.column}</th>
                  <td>
                    <select
                      aria-label={t('survey.map.kindOf', { column: q.column })}
                      value={q.kind}
                      onChange={(e) => setQuestion(i, { kind: e.target.value as QuestionKind })}
                    >
                      {questionKinds.map((k) => (
                        <option key={k} value={k}>
                          {t(kindWords[k])}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {q.kind === 'text' ? (
                      t('survey.map.noScale')
                    ) : (
                      <select
                        aria-label={t('survey.map.scaleOf', { column: q.column })}
                        value={q.scale ?? '1-5'}
                        onChange={(e) => setQuestion(i, { scale: e.target.value as SurveyScale })}
                      >
                        {surveyScaleIds.map((s) => (
                          <option key={s} value={s}>
                            {s}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td>
                    <select
                      aria-label={t('survey.map.stepOf', { column: q.column })}
                      value={q.stepId ?? ''}
                      onChange={(e) => setQuestion(i, { stepId: e.target.value })}
                    >
                      <option value="">{t('survey.map.noStep')}</option>
                      {(journey?.columns ?? []).map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="survey-preview">
            <table className="improve-table">
              <caption>{t('survey.preview.caption', { rows: preview.rows.length })}</caption>
              <thead>
                <tr>
                  {preview.header.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r, i) => (
                  <tr key={i}>
                    {preview.header.map((h, k) => (
                      <td key={h}>{r[k] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">{t('survey.confirm.hint')}</p>
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {t('survey.confirm.button')}
          </button>
        </form>
      ) : null}

      <section aria-labelledby="survey-steps-heading">
        <h2 id="survey-steps-heading">{t('survey.steps.title')}</h2>
        {withSurvey.length === 0 ? (
          <p>{t('survey.steps.none')}</p>
        ) : (
          withSurvey.map((s) => (
            <div key={s.stepId} className="survey-step">
              <h3>{stepName(s.stepId)}</h3>
              <StepSurveyFigures
                step={s}
                journey={journey}
                onAddQuote={
                  canEdit && journey
                    ? (q) => {
                        const made = quoteCardCommand(journey, s.stepId, q, newId);
                        if ('refused' in made)
                          return setError(
                            t('valueAdded.quoteCard.refused', { why: made.refused.replace('-', '_') }),
                          );
                        void send(
                          [made.command],
                          t('valueAdded.quoteCard.added', { step: stepName(s.stepId) }),
                        );
                      }
                    : undefined
                }
              />
            </div>
          ))
        )}
      </section>
    </div>
  );
}
