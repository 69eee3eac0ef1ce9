import type { Journey, Link } from '@waymark/core';

const ROW = 34;
const kindNames: Record<Link['kind'], string> = {
  'feedback-loop': 'Feedback loop',
  'outside-request': 'Request to an outside agency',
  'hand-off': 'Hand-off',
};

/** Words for a link: kind, from which step to where, label. Shared by the band's description and the panel. */
export function linkText(journey: Journey, link: Link): string {
  const step = (id: string) => journey.columns.find((c) => c.id === id)?.label ?? id;
  const to =
    link.to.kind === 'column'
      ? step(link.to.columnId)
      : link.to.kind === 'customer'
        ? 'the customer'
        : (journey.organisations.find(
            (o) => link.to.kind === 'organisation' && o.id === link.to.organisationId,
          )?.name ?? 'an organisation');
  const back = link.returnsTo ? `, returning to ${step(link.returnsTo.columnId)}` : '';
  return `${kindNames[link.kind]} from ${step(link.from.columnId)} to ${to}${back}${link.label ? `: ${link.label}` : ''}`;
}

/**
 * Feedback loops, outside-agency requests and hand-offs drawn as arrows between the step columns, under the
 * lanes. The drawing is one image whose accessible name lists every arrow in words.
 */
export function LinksBand({
  journey,
  columnWidth,
  offset,
}: {
  journey: Journey;
  columnWidth: number;
  offset: number;
}) {
  if (journey.links.length === 0) return null;
  const index = new Map(journey.columns.map((c, i) => [c.id as string, i]));
  const cx = (id: string) => offset + (index.get(id) ?? 0) * columnWidth + columnWidth / 2;
  const width = offset + journey.columns.length * columnWidth;
  const height = (journey.links.length + 1) * ROW + 8;
  return (
    <div className="links-band">
      <span className="links-band__title">Arrows</span>
      <svg
        role="img"
        aria-label={`Arrows between steps: ${journey.links.map((l) => linkText(journey, l)).join('; ')}`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
      >
        <defs>
          <marker
            id="arrow-head"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#0b0c0c" />
          </marker>
        </defs>
        {journey.links.map((link, i) => {
          const y = (i + 1) * ROW;
          const x1 = cx(link.from.columnId);
          const target =
            link.to.kind === 'column'
              ? cx(link.to.columnId)
              : link.returnsTo
                ? cx(link.returnsTo.columnId)
                : x1 + columnWidth / 2;
          const dash = link.kind === 'feedback-loop' ? '' : link.kind === 'outside-request' ? '8 4' : '2 4';
          const label =
            link.label ??
            (link.to.kind === 'organisation'
              ? linkText(journey, link).split(' to ')[1]
              : kindNames[link.kind]);
          return (
            <g key={link.id}>
              <path
                d={`M ${x1} 0 V ${y} H ${target} V 4`}
                fill="none"
                stroke="#0b0c0c"
                strokeWidth="2"
                strokeDasharray={dash}
                markerEnd="url(#arrow-head)"
              />
              <text x={Math.min(x1, target) + 8} y={y - 6} className="links-band__label">
                {label}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
