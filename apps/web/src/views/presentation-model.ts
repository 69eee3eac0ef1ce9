import { contentDescription, type CardOf, type Channel, type Journey } from '@waymark/core';
import { axisLabels } from '@waymark/render';
import { metricText } from '../app/format';
import { localeTag, t } from '../i18n';

/** Point shapes of the emotion curves, in the poster's order: colour is never the only cue. */
export const seriesShapes = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;
export type SeriesShape = (typeof seriesShapes)[number];

export interface SlideQuote {
  readonly text: string;
  readonly mode: 'does' | 'thinks' | 'feels' | 'says';
  readonly source: string | null;
}
export interface SlideScore {
  readonly seriesKey: string;
  readonly label: string;
  readonly score: number;
  readonly estimate: boolean;
  readonly shape: SeriesShape;
}

/** What one step of the journey shows in presentation mode and in the share view's step list. */
export interface Slide {
  readonly index: number;
  readonly columnId: string;
  readonly title: string;
  /** The date or age of the column on a dated or age axis. */
  readonly tag: string | null;
  readonly stage: string | null;
  readonly description: string | null;
  readonly owner: string | null;
  readonly steps: readonly string[];
  readonly does: readonly string[];
  readonly thinks: readonly string[];
  readonly feels: readonly string[];
  readonly says: readonly string[];
  readonly quotes: readonly SlideQuote[];
  readonly touchpoints: readonly { text: string; channel: string; channelId: Channel; direction: string }[];
  readonly painPoints: readonly { text: string; severity: number | null }[];
  readonly momentsOfTruth: readonly { text: string; why: string | null }[];
  readonly batonChanges: readonly { from: string; to: string; text: string | null }[];
  readonly levers: readonly { category: string; text: string }[];
  /** Figures on the step, e.g. "Contacts: 3 (measured)". */
  readonly metrics: readonly string[];
  readonly scores: readonly SlideScore[];
}

/** One emotion curve: a persona's (or respondent's, or lane's) score at each slide that has one. */
export interface CurveSeries {
  readonly key: string;
  readonly label: string;
  readonly shape: SeriesShape;
  readonly points: readonly { readonly index: number; readonly score: number; readonly estimate: boolean }[];
}

const named = <T extends { id: string }>(list: readonly T[], name: (t: T) => string) => {
  const map = new Map(list.map((x) => [x.id as string, name(x)]));
  return (id: string | undefined) => (id === undefined ? null : (map.get(id) ?? id));
};

/** The emotion curves of a journey: one per emotion lane and persona (or respondent), in the poster's order. */
export function curveSeries(journey: Journey): CurveSeries[] {
  const columnIndex = new Map(journey.columns.map((c, i) => [c.id as string, i]));
  const persona = named(journey.personas, (p) => p.name);
  const groups = new Map<string, { label: string; points: CurveSeries['points'][number][] }>();
  for (const lane of journey.lanes.filter((l) => l.kind === 'emotion')) {
    for (const card of journey.cards) {
      if (card.kind !== 'emotion' || card.laneId !== lane.id) continue;
      const index = columnIndex.get(card.columnId);
      if (index === undefined) continue;
      const personaId = card.personaId ?? lane.personaId;
      const [key, label] =
        personaId !== undefined
          ? [`${lane.id}:persona:${personaId}`, persona(personaId) ?? personaId]
          : card.respondent !== undefined
            ? [`${lane.id}:respondent:${card.respondent}`, card.respondent]
            : [`${lane.id}:lane`, lane.label];
      const group = groups.get(key) ?? { label, points: [] };
      group.points.push({ index, score: card.score, estimate: card.estimate });
      groups.set(key, group);
    }
  }
  return [...groups.entries()].map(([key, g], i) => ({
    key,
    label: g.label,
    shape: seriesShapes[i % seriesShapes.length]!,
    points: [...g.points].sort((a, b) => a.index - b.index),
  }));
}

/** Every column of the journey as a slide, its cards sorted into what a facilitator talks through. */
export function presentationSlides(journey: Journey): Slide[] {
  const stage = named(journey.stages, (s) => s.name);
  const organisation = named(journey.organisations, (o) => o.name);
  const sourceTitle = named(journey.sources, (s) => s.title);
  const category = named(journey.leverCategories, (c) => c.label);
  const series = curveSeries(journey);
  const tagOf = axisLabels[journey.axis.kind].tag;
  const cardsIn = new Map<string, Journey['cards'][number][]>();
  for (const card of journey.cards) cardsIn.set(card.columnId, [...(cardsIn.get(card.columnId) ?? []), card]);
  return journey.columns.map((column, index) => {
    const cards = cardsIn.get(column.id) ?? [];
    const of = <K extends Journey['cards'][number]['kind']>(kind: K) =>
      cards.filter((c): c is CardOf<K> => c.kind === kind);
    const feelings = of('feeling');
    const plain = (mode: SlideQuote['mode']) =>
      feelings.filter((f) => !f.quote && f.mode === mode).map((f) => f.text);
    return {
      index,
      columnId: column.id,
      title: column.label,
      tag: tagOf(column) ?? null,
      stage: stage(column.stageId),
      // Template guidance is a hint in the editor, never content on a slide (decision 0016).
      description: contentDescription(column) ?? null,
      owner: organisation(column.ownerId),
      steps: of('step').map((s) => (s.description ? `${s.text}: ${s.description}` : s.text)),
      does: plain('does'),
      thinks: plain('thinks'),
      feels: plain('feels'),
      says: plain('says'),
      quotes: feelings
        .filter((f) => f.quote)
        .map((f) => ({ text: f.text, mode: f.mode, source: f.source ?? sourceTitle(f.sourceId) })),
      touchpoints: of('touchpoint').map((tp) => ({
        text: tp.text,
        channel: t(`model.channel.${tp.channel}`),
        channelId: tp.channel,
        direction: tp.direction,
      })),
      painPoints: of('pain-point').map((p) => ({ text: p.text, severity: p.severity ?? null })),
      momentsOfTruth: of('moment-of-truth').map((m) => ({ text: m.text, why: m.why ?? null })),
      batonChanges: of('baton-change').map((b) => ({
        from: organisation(b.from) ?? b.from,
        to: organisation(b.to) ?? b.to,
        text: b.text ?? null,
      })),
      levers: of('lever').map((l) => ({ category: category(l.category) ?? l.category, text: l.text })),
      metrics: of('metric').map(
        (m) =>
          `${metricText(m.metric, m.value)} (${t(`model.metricOrigin.${m.origin}`).toLocaleLowerCase(localeTag())})`,
      ),
      scores: series.flatMap((s) =>
        s.points
          .filter((p) => p.index === index)
          .map((p) => ({
            seriesKey: s.key,
            label: s.label,
            score: p.score,
            estimate: p.estimate,
            shape: s.shape,
          })),
      ),
    };
  });
}

/** A score as a word and a symbol as well as a number and a height: good ▲, mixed ◆, poor ▼. */
export function scoreMood(score: number): { word: 'good' | 'mixed' | 'poor'; symbol: '▲' | '◆' | '▼' } {
  if (score >= 34) return { word: 'good', symbol: '▲' };
  if (score <= -34) return { word: 'poor', symbol: '▼' };
  return { word: 'mixed', symbol: '◆' };
}

/** −60 → "−60", 40 → "+40": the minus sign a screen reader says as minus. */
export const formatScore = (score: number): string =>
  score > 0 ? `+${score}` : score < 0 ? `−${Math.abs(score)}` : '0';

export type Navigation = { readonly kind: 'go'; readonly index: number } | { readonly kind: 'leave' };

/**
 * What a key does in presentation mode: → ↓ PageDown Space next; ← ↑ PageUp Shift+Space previous; Home first;
 * End last; Escape leaves. Null for other keys, and at either end for a step past it.
 */
export function navigationFor(key: string, shift: boolean, index: number, count: number): Navigation | null {
  const go = (to: number) =>
    to < 0 || to >= count || to === index ? null : { kind: 'go' as const, index: to };
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return go(index + 1);
    case ' ':
    case 'Spacebar':
      return go(shift ? index - 1 : index + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return go(index - 1);
    case 'Home':
      return go(0);
    case 'End':
      return go(count - 1);
    case 'Escape':
      return { kind: 'leave' };
    default:
      return null;
  }
}

/** What a screen reader hears when the step changes: where we are, the step, the scores, moments of truth. */
export function slideAnnouncement(slide: Slide, count: number): string {
  const scores = slide.scores.map((s) => {
    const values = {
      label: s.label,
      score: formatScore(s.score),
      mood: scoreMood(s.score).word,
      estimate: s.estimate ? 'yes' : 'no',
    };
    return slide.scores.length > 1 ? t('views.announce.scoreOf', values) : t('views.announce.score', values);
  });
  const truths = slide.momentsOfTruth.map((m) => t('views.announce.momentOfTruth', { text: m.text }));
  return [
    t('views.announce.step', { step: slide.index + 1, count, title: slide.title }),
    ...scores,
    ...truths,
  ].join(' ');
}
