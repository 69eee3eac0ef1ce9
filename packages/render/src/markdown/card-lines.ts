import { laneKinds, metricKinds, type CardOf, type Journey, type LaneKind } from '@waymark/core';
import type { Content } from '../content';
import { formatFigure, formatScore, formatVotes } from '../format-values';
import { escapeMarkdown as md } from './escape-markdown';

/** Names for ids and the languages shown, for the Markdown of cards. */
export interface MarkdownNames {
  readonly journey: Journey;
  readonly name: (id: string) => string;
  readonly content: Content;
}

type CardLines<K extends LaneKind> = (cards: readonly CardOf<K>[], names: MarkdownNames) => string[];

/** ` (3 votes)` after a pain point, moment of truth or idea that got votes in dot-voting. */
export const votesSuffix = (item: { readonly votes?: number | undefined }, n?: MarkdownNames): string =>
  item.votes === undefined ? '' : ` (${formatVotes(item.votes, n?.content.tr)})`;

/** A card's field in every language shown, joined with " / " and escaped. */
const text = (n: MarkdownNames, card: object, field: string): string => md(n.content.joined(card, field));

/** The card's summary line, with its text in every language shown. */
const summary = (n: MarkdownNames, card: CardOf<LaneKind>): string => {
  const plain = laneKinds[card.kind].summary(card);
  const own = 'text' in card && typeof card.text === 'string' ? card.text : undefined;
  if (own === undefined || !plain.includes(own)) return md(plain);
  return md(plain.replace(own, n.content.joined(card, 'text')));
};

/** The Markdown lines of one lane's cards in one column, per lane kind: a new kind must be added here. */
export const markdownCards: { readonly [K in LaneKind]: CardLines<K> } = {
  step: (cards, n) =>
    cards.map((c) => {
      const description = text(n, c, 'description');
      return `- **${text(n, c, 'text')}**${description ? `: ${description}` : ''}`;
    }),
  touchpoint: (cards, n) =>
    cards.map(
      (c) =>
        `- ${text(n, c, 'text')} (${n.content.tr.t(`model.channel.${c.channel}`)}, ${n.content.tr.t(`model.direction.${c.direction}`)})`,
    ),
  'baton-change': (cards, n) =>
    cards.map((c) => {
      const said = text(n, c, 'text');
      return `- ${md(n.name(c.from))} → ${md(n.name(c.to))}${said ? `: ${said}` : ''}`;
    }),
  feeling: (cards, n) =>
    cards.map((c) => {
      const source = c.source ?? (c.sourceId ? n.name(c.sourceId) : undefined);
      return c.quote
        ? `- “${text(n, c, 'text')}”${source ? ` (${md(source)})` : ''}`
        : `- ${n.content.tr.t(`model.feelingMode.${c.mode}`)}: ${text(n, c, 'text')}${source ? ` (${md(source)})` : ''}`;
    }),
  emotion: (cards, n) =>
    cards.map((c) => {
      const who = c.personaId ? n.name(c.personaId) : (c.respondent ?? n.content.tr.t('export.md.score'));
      return `- ${md(who)}: ${formatScore(c.score)}${c.estimate ? ` ${n.content.tr.t('export.md.estimate')}` : ''}`;
    }),
  'moment-of-truth': (cards, n) =>
    cards.map((c) => {
      const why = text(n, c, 'why');
      return `- ★ **${text(n, c, 'text')}**${why ? `: ${why}` : ''}${votesSuffix(c, n)}`;
    }),
  'pain-point': (cards, n) => cards.map((c) => `- ${summary(n, c)}${votesSuffix(c, n)}`),
  lever: (cards, n) => {
    const order = n.journey.leverCategories.map((c) => c.id as string);
    const categories = [...new Set(cards.map((c) => c.category as string))].sort(
      (a, b) => order.indexOf(a) - order.indexOf(b),
    );
    return categories.map(
      (cat) =>
        `- **${md(n.name(cat))}**: ${cards
          .filter((c) => c.category === cat)
          .map((c) => text(n, c, 'text'))
          .join('; ')}`,
    );
  },
  metric: (cards, n) =>
    cards.map(
      (c) =>
        `- ${n.content.tr.t(`model.metric.${c.metric}`)}: ${formatFigure(c.value, metricKinds[c.metric].unit, n.content.tr)} (${n.content.tr.t(`model.metricOrigin.${c.origin}`)})`,
    ),
  text: (cards, n) => cards.map((c) => `- ${text(n, c, 'text')}`),
};
