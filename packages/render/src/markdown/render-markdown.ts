import { contentDescription, type CardOf, type Journey, type LaneKind } from '@waymark/core';
import { axisLabels } from '../column-labels';
import { linkStyles } from '../svg/links';
import { journeyTypeLabels } from '../svg/title-block';
import { markdownCards, type MarkdownNames } from './card-lines';
import { escapeMarkdown as md } from './escape-markdown';
import { formatVotes } from '../format-values';

/**
 * A readable report: a metadata table, then each step with its stage, owner and every lane's cards (scores,
 * quotes with sources, levers by category), then links and ideas.
 */
export function renderMarkdown(journey: Journey): string {
  const { meta } = journey;
  const names = new Map<string, string>([
    ...journey.stages.map((s) => [s.id as string, s.name] as const),
    ...journey.organisations.map((o) => [o.id as string, o.name] as const),
    ...journey.personas.map((p) => [p.id as string, p.name] as const),
    ...journey.leverCategories.map((c) => [c.id as string, c.label] as const),
    ...journey.sources.map((s) => [s.id as string, s.title] as const),
    ...journey.columns.map((c) => [c.id as string, c.label] as const),
  ]);
  const n: MarkdownNames = { journey, name: (id) => names.get(id) ?? id };
  const rows: Array<[string, string | undefined]> = [
    ['Journey type', journeyTypeLabels[meta.journeyType]],
    ['Segment', meta.segment],
    ['Business question', meta.businessQuestion],
    ['Objectives', meta.objectives.length > 0 ? meta.objectives.join('; ') : undefined],
    ['Scope', meta.scope],
    ['Trigger', meta.trigger],
    ['Outcome', meta.outcome],
    ['Successful customer outcome', meta.successfulCustomerOutcome],
    ['Owner', meta.owner],
    ['Status', meta.status],
    ['Review date', meta.reviewDate],
    ['Last verified', meta.lastVerified],
  ];
  const out = [`# ${md(meta.title)}`, '', '| Field | Value |', '| --- | --- |'];
  for (const [field, value] of rows) if (value !== undefined) out.push(`| ${field} | ${md(value)} |`);

  const axis = axisLabels[journey.axis.kind];
  out.push('', '## Steps');
  journey.columns.forEach((column, i) => {
    const tag = axis.tag(column);
    out.push('', `### ${i + 1}. ${md(column.label)}${tag ? ` (${tag})` : ''}`, '');
    if (column.stageId) out.push(`- Stage: ${md(n.name(column.stageId))}`);
    if (column.ownerId) out.push(`- Owner: ${md(n.name(column.ownerId))}`);
    // Template guidance is a hint in the editor, not the map's content (decision 0016).
    const description = contentDescription(column);
    if (description) out.push(`- ${md(description)}`);
    for (const lane of journey.lanes) {
      const cards = journey.cards.filter(
        (c) => c.laneId === lane.id && c.columnId === column.id && c.kind === lane.kind,
      );
      if (cards.length === 0) continue;
      const lines = (
        markdownCards[lane.kind] as (cs: readonly CardOf<LaneKind>[], names: MarkdownNames) => string[]
      )(cards, n);
      out.push('', `**${md(lane.label)}**`, '', ...lines);
    }
  });

  if (journey.links.length > 0) {
    out.push('', '## Links', '');
    for (const link of journey.links) {
      const to =
        link.to.kind === 'column'
          ? `“${md(n.name(link.to.columnId))}”`
          : link.to.kind === 'customer'
            ? 'the customer'
            : md(n.name(link.to.organisationId));
      const back = link.returnsTo ? `, returning to “${md(n.name(link.returnsTo.columnId))}”` : '';
      const wait = link.waitDays === undefined ? '' : `, wait ${link.waitDays} days`;
      out.push(
        `- ${linkStyles[link.kind].label} from “${md(n.name(link.from.columnId))}” to ${to}${back}${wait}${link.label ? `: ${md(link.label)}` : ''}`,
      );
    }
  }
  if (journey.ideas.length > 0) {
    out.push('', '## Ideas', '');
    for (const idea of journey.ideas) {
      const refs = [...idea.leverCardIds, ...idea.painPointCardIds]
        .map((id) => journey.cards.find((c) => c.id === id))
        .filter((c) => c !== undefined);
      const about =
        refs.length > 0
          ? `; addresses: ${refs.map((c) => md('text' in c && c.text ? c.text : c.id)).join('; ')}`
          : '';
      out.push(
        `- **${md(idea.title)}** (${idea.status}${idea.votes === undefined ? '' : `, ${formatVotes(idea.votes)}`})${idea.description ? `: ${md(idea.description)}` : ''}${about}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
