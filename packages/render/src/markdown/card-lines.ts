import { laneKinds, metricKinds, type CardOf, type Journey, type LaneKind } from '@waymark/core';
import { formatFigure, formatScore, formatVotes } from '../format-values';
import { escapeMarkdown as md } from './escape-markdown';

/** Names for ids, for the Markdown of cards. */
export interface MarkdownNames {
  readonly journey: Journey;
  readonly name: (id: string) => string;
}

type CardLines<K extends LaneKind> = (cards: readonly CardOf<K>[], names: MarkdownNames) => string[];

/** ` (3 votes)` after a pain point, moment of truth or idea that got votes in dot-voting. */
export const votesSuffix = (item: { readonly votes?: number | undefined }): string =>
  item.votes === undefined ? '' : ` (${formatVotes(item.votes)})`;

const bySummary =
  <K extends LaneKind>(): CardLines<K> =>
  (cards) =>
    cards.map((c) => `- ${md(laneKinds[c.kind].summary(c))}`);

/** The Markdown lines of one lane's cards in one column, per lane kind: a new kind must be added here. */
export const markdownCards: { readonly [K in LaneKind]: CardLines<K> } = {
  step: (cards) => cards.map((c) => `- **${md(c.text)}**${c.description ? `: ${md(c.description)}` : ''}`),
  touchpoint: bySummary(),
  'baton-change': (cards, n) =>
    cards.map((c) => `- ${md(n.name(c.from))} → ${md(n.name(c.to))}${c.text ? `: ${md(c.text)}` : ''}`),
  feeling: (cards, n) =>
    cards.map((c) => {
      const source = c.source ?? (c.sourceId ? n.name(c.sourceId) : undefined);
      return c.quote
        ? `- “${md(c.text)}”${source ? ` (${md(source)})` : ''}`
        : `- ${c.mode}: ${md(c.text)}${source ? ` (${md(source)})` : ''}`;
    }),
  emotion: (cards, n) =>
    cards.map((c) => {
      const who = c.personaId ? n.name(c.personaId) : (c.respondent ?? 'score');
      return `- ${md(who)}: ${formatScore(c.score)}${c.estimate ? ' (estimate)' : ''}`;
    }),
  'moment-of-truth': (cards) =>
    cards.map((c) => `- ★ **${md(c.text)}**${c.why ? `: ${md(c.why)}` : ''}${votesSuffix(c)}`),
  'pain-point': (cards) => cards.map((c) => `- ${md(laneKinds[c.kind].summary(c))}${votesSuffix(c)}`),
  lever: (cards, n) => {
    const order = n.journey.leverCategories.map((c) => c.id as string);
    const categories = [...new Set(cards.map((c) => c.category as string))].sort(
      (a, b) => order.indexOf(a) - order.indexOf(b),
    );
    return categories.map(
      (cat) =>
        `- **${md(n.name(cat))}**: ${cards
          .filter((c) => c.category === cat)
          .map((c) => md(c.text))
          .join('; ')}`,
    );
  },
  metric: (cards) =>
    cards.map(
      (c) =>
        `- ${metricKinds[c.metric].label}: ${formatFigure(c.value, metricKinds[c.metric].unit)} (${c.origin})`,
    ),
  text: bySummary(),
};
