import { contentDescription, type CardOf, type Journey, type LaneKind } from '@waymark/core';
import type { MessageId } from '@waymark/i18n';
import { axisLabelsIn } from '../column-labels';
import { contentFor, type RenderOptions } from '../content';
import { linkStyles } from '../svg/links';
import { journeyTypeLabels } from '../svg/title-block';
import { markdownCards, type MarkdownNames } from './card-lines';
import { escapeMarkdown as md } from './escape-markdown';
import { formatVotes } from '../format-values';

/**
 * A readable report: a metadata table, then each step with its stage, owner and every lane's cards (scores,
 * quotes with sources, levers by category), then links and ideas.
 */
export function renderMarkdown(journey: Journey, options: RenderOptions = {}): string {
  const { meta } = journey;
  const content = contentFor(journey, options);
  const { t } = content.tr;
  const names = new Map<string, string>([
    ...journey.stages.map((s) => [s.id as string, content.joined(s, 'name')] as const),
    ...journey.organisations.map((o) => [o.id as string, o.name] as const),
    ...journey.personas.map((p) => [p.id as string, p.name] as const),
    ...journey.leverCategories.map((c) => [c.id as string, c.label] as const),
    ...journey.sources.map((s) => [s.id as string, s.title] as const),
    ...journey.columns.map((c) => [c.id as string, content.joined(c, 'label')] as const),
  ]);
  const n: MarkdownNames = { journey, name: (id) => names.get(id) ?? id, content };
  const rows: Array<[MessageId, string | undefined]> = [
    ['export.md.journeyType', t(journeyTypeLabels[meta.journeyType])],
    ['export.md.segment', meta.segment],
    ['export.md.businessQuestion', meta.businessQuestion],
    ['export.md.objectives', meta.objectives.length > 0 ? meta.objectives.join('; ') : undefined],
    ['export.md.scope', meta.scope],
    ['export.md.trigger', meta.trigger],
    ['export.md.outcome', meta.outcome],
    ['export.md.successfulCustomerOutcome', meta.successfulCustomerOutcome],
    ['export.md.owner', meta.owner],
    ['export.md.status', t(`model.status.${meta.status}`)],
    ['export.md.reviewDate', meta.reviewDate],
    ['export.md.lastVerified', meta.lastVerified],
    [
      'export.md.languages',
      content.languages.length > 1
        ? content.tr.list(content.languages.map((l) => t(`model.language.${l}`)))
        : undefined,
    ],
  ];
  const out = [
    `# ${md(content.joined(meta, 'title'))}`,
    '',
    `| ${t('export.md.field')} | ${t('export.md.value')} |`,
    '| --- | --- |',
  ];
  for (const [field, value] of rows) if (value !== undefined) out.push(`| ${t(field)} | ${md(value)} |`);

  const axis = axisLabelsIn(content.tr.locale)[journey.axis.kind];
  out.push('', `## ${t('export.md.steps')}`);
  journey.columns.forEach((column, i) => {
    const tag = axis.tag(column);
    out.push('', `### ${i + 1}. ${md(content.joined(column, 'label'))}${tag ? ` (${tag})` : ''}`, '');
    if (column.stageId) out.push(`- ${t('export.md.stage', { stage: md(n.name(column.stageId)) })}`);
    if (column.ownerId) out.push(`- ${t('export.md.owner.line', { owner: md(n.name(column.ownerId)) })}`);
    // Template guidance is a hint in the editor, not the map's content (decision 0016).
    const description = contentDescription(column) ? content.joined(column, 'description') : undefined;
    if (description) out.push(`- ${md(description)}`);
    for (const lane of journey.lanes) {
      const cards = journey.cards.filter(
        (c) => c.laneId === lane.id && c.columnId === column.id && c.kind === lane.kind,
      );
      if (cards.length === 0) continue;
      const lines = (
        markdownCards[lane.kind] as (cs: readonly CardOf<LaneKind>[], names: MarkdownNames) => string[]
      )(cards, n);
      out.push('', `**${md(content.joined(lane, 'label'))}**`, '', ...lines);
    }
  });

  if (journey.links.length > 0) {
    out.push('', `## ${t('export.md.links')}`, '');
    for (const link of journey.links) {
      const to =
        link.to.kind === 'column'
          ? `“${md(n.name(link.to.columnId))}”`
          : link.to.kind === 'customer'
            ? t('export.md.linkToCustomer')
            : md(n.name(link.to.organisationId));
      const back = link.returnsTo
        ? t('export.md.returning', { column: md(n.name(link.returnsTo.columnId)) })
        : '';
      const wait = link.waitDays === undefined ? '' : t('export.md.wait', { days: link.waitDays });
      const line = t('export.md.link', {
        kind: t(linkStyles[link.kind].label),
        from: md(n.name(link.from.columnId)),
        to,
      });
      out.push(`- ${line}${back}${wait}${link.label ? `: ${md(link.label)}` : ''}`);
    }
  }
  if (journey.ideas.length > 0) {
    out.push('', `## ${t('export.md.ideas')}`, '');
    for (const idea of journey.ideas) {
      const refs = [...idea.leverCardIds, ...idea.painPointCardIds]
        .map((id) => journey.cards.find((c) => c.id === id))
        .filter((c) => c !== undefined);
      const about =
        refs.length > 0
          ? t('export.md.addresses', {
              cards: refs.map((c) => md('text' in c && c.text ? content.joined(c, 'text') : c.id)).join('; '),
            })
          : '';
      out.push(
        `- **${md(idea.title)}** (${t(`model.ideaStatus.${idea.status}`)}${idea.votes === undefined ? '' : `, ${formatVotes(idea.votes, content.tr)}`})${idea.description ? `: ${md(idea.description)}` : ''}${about}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
