import type { Journey } from '@waymark/core';
import { callJson } from '../api/call-json';
import { figureKeys } from '@waymark/measure';
import { t, type MessageId } from '../i18n';
import type { LinkKind } from './hierarchy-api';

export interface TargetChoice {
  readonly value: string;
  readonly label: string;
}

const w = (ws: string, id: string) =>
  `/api/workspaces/${encodeURIComponent(ws)}/journeys/${encodeURIComponent(id)}`;

/** Cards worth gathering first: pain points and moments of truth, then quotes and measures. */
const cardOrder = [
  'pain-point',
  'moment-of-truth',
  'feeling',
  'metric',
  'touchpoint',
  'step',
  'lever',
  'text',
];

/** What a link of `kind` can point at in a journey: its cards, steps or ideas (pure). */
export function targetsInJourney(journey: Journey, kind: LinkKind): TargetChoice[] {
  const stepLabel = (id: string) => journey.columns.find((c) => c.id === id)?.label ?? id;
  if (kind === 'step') return journey.columns.map((c) => ({ value: c.id, label: c.label }));
  if (kind === 'idea') return journey.ideas.map((i) => ({ value: i.id, label: i.title }));
  if (kind === 'card')
    return journey.cards
      .filter((c) => 'text' in c && typeof c.text === 'string' && cardOrder.includes(c.kind))
      .sort((a, b) => cardOrder.indexOf(a.kind) - cardOrder.indexOf(b.kind))
      .map((c) => ({
        value: c.id,
        label: `${stepLabel(c.columnId)}: ${(c as { text: string }).text}`,
      }));
  return [];
}

/** The choices for a link of `kind` on journey `id`: read from the journey or its business cases and indicators. */
export async function loadTargets(ws: string, id: string, kind: LinkKind): Promise<TargetChoice[]> {
  if (kind === 'business-case') {
    const { items } = await callJson<{ items: { id: string; data: { input?: { title?: string } } }[] }>(
      'GET',
      `${w(ws, id)}/artifacts/business-case`,
    );
    return items.map((a) => ({ value: a.id, label: a.data.input?.title ?? a.id }));
  }
  if (kind === 'indicator') {
    const { items } = await callJson<{
      items: { id: string; data: { indicators?: { key: string; label: string }[] } }[];
    }>('GET', `${w(ws, id)}/artifacts/indicators`);
    return items.flatMap((a) =>
      (a.data.indicators ?? []).map((i) => ({ value: `${a.id}/${i.key}`, label: i.label })),
    );
  }
  if (kind === 'figure') return figureChoices();
  const { journey } = await callJson<{ journey: Journey }>('GET', w(ws, id));
  return targetsInJourney(journey, kind);
}

/** The journey figures an opportunity can point at as evidence (the built-in indicators' figures). */
const namedFigures: readonly string[] = [
  figureKeys.avoidablePercent,
  figureKeys.contactsPerResolvedRequest,
  figureKeys.endToEndDays,
  figureKeys.satisfaction,
  figureKeys.costPerJourney,
  figureKeys.closedLoopPercent,
];
export const figureChoices = (): TargetChoice[] =>
  namedFigures.map((key) => ({ value: key, label: figureWords(key) }));

/** A figure's name in the person's language; a team's own figure key as it was written. */
export const figureWords = (key: string): string =>
  namedFigures.includes(key) ? t(`measure.indicator.${key}` as MessageId) : key;
