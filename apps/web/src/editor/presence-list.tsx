import type { Participant } from '@waymark/api';
import type { Journey } from '@waymark/core';
import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n';
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
 * when they come to the list, never announced). Screen readers hear joins and leaves politely, never focus or
 * typing.
 */
export function PresenceList(props: { participants: readonly Participant[] }) {
  const { journey } = useEditorContext();
  const people = peopleOf(props.participants);
  const previous = useRef<Participant[]>([]);
  const [said, setSaid] = useState('');
  const key = people.map((p) => p.user.id).join(',');
  useEffect(() => {
    const change = presenceChanges(previous.current, people);
    previous.current = people;
    if (change) setSaid(change);
    // Only a change of who is here is announced.
  }, [key]);
  return (
    <section className="presence" aria-label={t('editor.presence.region')}>
      <ul
        className="presence-list"
        style={{ display: 'flex', gap: '0.75rem', listStyle: 'none', margin: 0, padding: 0 }}
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
