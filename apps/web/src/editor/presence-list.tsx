import type { Participant } from '@waymark/api';
import type { Journey } from '@waymark/core';
import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n';
import type { LiveSelf } from '../state/live-sync';
import { useEditorContext } from './editor-context';

/** One entry per person, however many tabs they have open, in the order they came. */
export function peopleOf(participants: readonly Participant[]): Participant[] {
  const seen = new Map<string, Participant>();
  for (const p of participants) if (!seen.has(p.user.id)) seen.set(p.user.id, p);
  return [...seen.values()];
}

/** "Bob joined", "Ann left": what changed between two lists of people, in words. */
export function presenceChanges(before: readonly Participant[], after: readonly Participant[]): string {
  const ids = (list: readonly Participant[]) => new Set(list.map((p) => p.user.id));
  const was = ids(before);
  const now = ids(after);
  return [
    ...after
      .filter((p) => !was.has(p.user.id))
      .map((p) => t('editor.presence.joined', { name: p.user.name })),
    ...before.filter((p) => !now.has(p.user.id)).map((p) => t('editor.presence.left', { name: p.user.name })),
  ].join(t('editor.presence.separator'));
}

/**
 * What the polite region says when the people on the map change, or '' for nothing: other people's joins and
 * leaves. `before` is null for the first list this tab hears after connecting: those people were already here
 * (the list shows them), so they are not announced as arriving. You (`youId`, in any of your tabs) are never
 * announced, nor is your own connection dropping and coming back.
 */
export function presenceAnnouncement(
  before: readonly Participant[] | null,
  after: readonly Participant[],
  youId: string,
): string {
  if (before === null) return '';
  const others = (list: readonly Participant[]) => list.filter((p) => p.user.id !== youId);
  return presenceChanges(others(before), others(after));
}

/** Where a person is on the map, in words ("at Outcome", "on a card at Outcome"), or '' when nowhere. */
export function whereIs(journey: Journey, p: Participant): string {
  const card = p.focus?.cardId ? journey.cards.find((c) => c.id === p.focus?.cardId) : undefined;
  const columnId = card?.columnId ?? p.focus?.columnId;
  const step = columnId ? journey.columns.find((c) => c.id === columnId) : undefined;
  if (!step) return '';
  return card
    ? t('editor.presence.onCard', { step: step.label })
    : t('editor.presence.at', { step: step.label });
}

/**
 * Who is on the map now (live co-editing): names with their colour, and where each is (read by screen readers
 * when they come to the list, never announced). Screen readers hear other people's joins and leaves politely
 * (presenceAnnouncement), never focus or typing, never their own, nor who was here when they came.
 */
export function PresenceList(props: { participants: readonly Participant[]; you: LiveSelf | null }) {
  const { journey } = useEditorContext();
  const people = peopleOf(props.participants);
  /** Who was here at the last list heard; null until this tab has heard one since it connected. */
  const previous = useRef<Participant[] | null>(null);
  const [said, setSaid] = useState('');
  const key = people.map((p) => p.user.id).join(',');
  const youId = props.you?.user.id ?? null;
  useEffect(() => {
    // Until the server has welcomed this tab and said who is here (a list that always has this tab in it),
    // there is nothing to compare with.
    if (youId === null || people.length === 0) return;
    const change = presenceAnnouncement(previous.current, people, youId);
    previous.current = people;
    if (change) setSaid(change);
    // Only a change of who is here is announced.
  }, [key, youId]);
  return (
    <section className="presence" aria-label={t('editor.presence.region')}>
      {/* A line kept for the list before the server has said who is here, so the map below does not jump. */}
      <ul
        className="presence-list"
        style={{
          display: 'flex',
          gap: '0.75rem',
          listStyle: 'none',
          margin: 0,
          padding: 0,
          minHeight: '1lh',
        }}
      >
        {people.map((p) => (
          <li key={p.user.id} style={{ display: 'flex', alignItems: 'center', gap: '0.3rem' }}>
            <span
              aria-hidden="true"
              style={{ width: '0.8rem', height: '0.8rem', borderRadius: '50%', background: p.colour }}
            />
            <span style={{ color: p.colour, fontWeight: 600 }}>{p.user.name}</span>
            {whereIs(journey, p) ? <span className="presence-where">{whereIs(journey, p)}</span> : null}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </section>
  );
}
