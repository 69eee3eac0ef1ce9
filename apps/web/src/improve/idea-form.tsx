import { channelIds, ideaStatuses, type Idea, type Journey } from '@waymark/core';
import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n';

interface Props {
  readonly journey: Journey;
  readonly idea: Idea | undefined;
  /** A new idea's first draft, e.g. already linked to the voted pain point it starts from. */
  readonly draft?: Idea | undefined;
  readonly onSave: (idea: Idea) => void;
  readonly onCancel: () => void;
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'idea';

/** Add or edit one idea; parking asks for the reason (kept for a later project). */
export function IdeaForm({ journey, idea, draft: seed, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<Idea>(
    idea ??
      seed ??
      ({ id: '', title: '', leverCardIds: [], painPointCardIds: [], status: 'proposed' } as unknown as Idea),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  // Started from a voted card: the title is what is asked for next.
  useEffect(() => {
    if (seed) titleRef.current?.focus();
  }, [seed]);
  const set = (patch: Partial<Idea>) => setDraft((d) => ({ ...d, ...patch }) as Idea);
  const effect = draft.expectedEffect ?? {};
  const setEffect = (
    key: 'contactsRemovedPerJourney' | 'daysSaved' | 'avoidablePercentReduction',
    v: number | undefined,
  ) => {
    const next: Record<string, unknown> = { ...effect, [key]: v };
    if (v === undefined) delete next[key];
    set({
      expectedEffect: Object.keys(next).length > 0 ? (next as Idea['expectedEffect']) : undefined,
    } as Partial<Idea>);
  };
  // A moment of truth an idea answers (started from a dot-voting result) is listed with the pain points.
  const cardsOf = (kind: string) =>
    journey.cards.filter(
      (c) => c.kind === kind || (kind === 'pain-point' && draft.painPointCardIds.includes(c.id)),
    );
  const toggle = (key: 'painPointCardIds' | 'leverCardIds', cardId: string, on: boolean) =>
    set({ [key]: on ? [...draft[key], cardId] : draft[key].filter((x) => x !== cardId) } as Partial<Idea>);
  const submit = () => {
    if (draft.title.trim() === '') return setProblem(t('business.idea.titleMissing'));
    if (draft.status === 'parked' && (draft.parkedReason ?? '').trim() === '')
      return setProblem(t('business.idea.parkedMissing'));
    const taken = new Set(journey.ideas.map((i) => i.id as string));
    let newId = draft.id as string;
    if (!idea)
      for (let n = 1, base = slug(draft.title); !newId || taken.has(newId); n++)
        newId = n === 1 ? base : `${base}-${n}`;
    const clean = Object.fromEntries(
      Object.entries({ ...draft, id: newId }).filter(([, v]) => v !== undefined && v !== ''),
    ) as unknown as Idea;
    onSave(clean);
  };
  const select = (
    label: string,
    id: string,
    value: number | undefined,
    onChange: (n: number | undefined) => void,
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(num(e.target.value))}>
        <option value="">{t('business.idea.notScored')}</option>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      className="improve-form"
      aria-label={idea ? t('business.idea.editLabel', { title: idea.title }) : t('business.idea.addLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="idea-title">{t('business.idea.title')}</label>
        <input
          ref={titleRef}
          id="idea-title"
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="idea-owner">{t('business.idea.owner')}</label>
        <input
          id="idea-owner"
          value={draft.owner ?? ''}
          onChange={(e) => set({ owner: e.target.value || undefined } as Partial<Idea>)}
        />
      </div>
      <div className="improve-row">
        {select(t('business.idea.value'), 'idea-value', draft.value, (value) =>
          set({ value } as Partial<Idea>),
        )}
        {select(t('business.idea.effort'), 'idea-effort', draft.effort, (effort) =>
          set({ effort } as Partial<Idea>),
        )}
        <div className="field">
          <label htmlFor="idea-status">{t('business.idea.status')}</label>
          <select
            id="idea-status"
            value={draft.status}
            onChange={(e) => set({ status: e.target.value as Idea['status'] })}
          >
            {ideaStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`model.ideaStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {draft.status === 'parked' ? (
        <div className="field">
          <label htmlFor="idea-parked">{t('business.idea.whyParked')}</label>
          <input
            id="idea-parked"
            value={draft.parkedReason ?? ''}
            onChange={(e) => set({ parkedReason: e.target.value })}
          />
        </div>
      ) : null}
      {(['pain-point', 'lever'] as const).map((kind) => (
        <fieldset key={kind}>
          <legend>{t(kind === 'pain-point' ? 'business.idea.painPoints' : 'business.idea.levers')}</legend>
          {cardsOf(kind).length === 0 ? <p className="hint">{t('business.idea.noneOnJourney')}</p> : null}
          {cardsOf(kind).map((c) => {
            const key = kind === 'pain-point' ? 'painPointCardIds' : 'leverCardIds';
            const text = 'text' in c ? String(c.text) : c.id;
            return (
              <div className="checkbox" key={c.id}>
                <input
                  type="checkbox"
                  id={`idea-${c.id}`}
                  checked={draft[key].includes(c.id)}
                  onChange={(e) => toggle(key, c.id, e.target.checked)}
                />
                <label htmlFor={`idea-${c.id}`}>{text}</label>
              </div>
            );
          })}
        </fieldset>
      ))}
      <fieldset>
        <legend>{t('business.idea.effect')}</legend>
        <div className="improve-row">
          {(
            [
              ['contactsRemovedPerJourney', 'business.idea.contactsRemoved'],
              ['daysSaved', 'business.idea.daysSaved'],
              ['avoidablePercentReduction', 'business.idea.avoidableReduced'],
            ] as const
          ).map(([key, label]) => (
            <div className="field" key={key}>
              <label htmlFor={`idea-${key}`}>{t(label)}</label>
              <input
                id={`idea-${key}`}
                type="number"
                min={0}
                step="any"
                value={effect[key] ?? ''}
                onChange={(e) => setEffect(key, num(e.target.value))}
              />
            </div>
          ))}
        </div>
        <ChannelShiftFields
          value={effect.channelShift}
          onChange={(channelShift) => {
            const next: Record<string, unknown> = { ...effect, channelShift };
            if (!channelShift) delete next['channelShift'];
            set({
              expectedEffect: Object.keys(next).length > 0 ? (next as Idea['expectedEffect']) : undefined,
            } as Partial<Idea>);
          }}
        />
      </fieldset>
      <button type="submit" className="button">
        {t('business.idea.save')}
      </button>{' '}
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

type Shift = NonNullable<NonNullable<Idea['expectedEffect']>['channelShift']>;

/** Channel shift: a share of one channel's contacts expected to move to another (e.g. 30 % of calls to web). */
function ChannelShiftFields({
  value,
  onChange,
}: {
  value: Shift | undefined;
  onChange: (v: Shift | undefined) => void;
}) {
  const from = value?.from ?? '';
  const update = (patch: Partial<Shift>) => {
    const next = { from: 'telephone', to: 'web', percent: 0, ...value, ...patch };
    onChange(next.from === '' ? undefined : next);
  };
  return (
    <div className="improve-row">
      <div className="field">
        <label htmlFor="idea-shift-from">{t('business.idea.shiftFrom')}</label>
        <select
          id="idea-shift-from"
          value={from}
          onChange={(e) => (e.target.value === '' ? onChange(undefined) : update({ from: e.target.value }))}
        >
          <option value="">{t('business.idea.noShift')}</option>
          {channelIds.map((c) => (
            <option key={c} value={c}>
              {t(`model.channel.${c}`)}
            </option>
          ))}
        </select>
      </div>
      {value ? (
        <>
          <div className="field">
            <label htmlFor="idea-shift-to">{t('business.idea.shiftTo')}</label>
            <select id="idea-shift-to" value={value.to} onChange={(e) => update({ to: e.target.value })}>
              {channelIds.map((c) => (
                <option key={c} value={c}>
                  {t(`model.channel.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="idea-shift-percent">{t('business.idea.shiftPercent')}</label>
            <input
              id="idea-shift-percent"
              type="number"
              min={0}
              max={100}
              step="any"
              value={value.percent}
              onChange={(e) => update({ percent: Number(e.target.value) })}
            />
          </div>
        </>
      ) : null}
    </div>
  );
}
