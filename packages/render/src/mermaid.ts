import { toFivePoint, type Journey } from '@waymark/core';
import { axisLabels } from './column-labels';

/**
 * Mermaid's journey grammar ends a title at `#`, `;` or a newline and a task name also at `:`, and splits
 * actors at commas. Such characters are swapped for look-alikes that keep the text readable.
 */
export const escapeMermaid = (text: string): string =>
  text
    .replace(/[\r\n]+/g, ' ')
    .replace(/:/g, '∶')
    .replace(/;/g, ',')
    .replace(/#/g, '＃')
    .replace(/%/g, '％')
    .trim();
/** A task or section named like a keyword (`section 2`, `title deeds`) would be read as one: it gets a dash first. */
const escapeName = (text: string): string => {
  const safe = escapeMermaid(text);
  return /^(title|section|accTitle|accDescr)\b/i.test(safe) ? `– ${safe}` : safe;
};
const escapeActor = (text: string): string => escapeMermaid(text).replace(/,/g, ' ');

/**
 * A Mermaid `journey` diagram: a section per stage (or one for the axis), a task per column and persona with
 * the score mapped to 1…5; a column without a score gets 3 and a comment saying none was recorded.
 */
export function renderMermaid(journey: Journey): string {
  const axis = axisLabels[journey.axis.kind];
  const stageName = new Map(journey.stages.map((s) => [s.id as string, s.name]));
  const personaName = new Map(journey.personas.map((p) => [p.id as string, p.name]));
  const laneOf = new Map(journey.lanes.map((l) => [l.id as string, l]));
  const lines = ['journey', `  title ${escapeMermaid(journey.meta.title)}`];
  let section: string | undefined;
  for (const column of journey.columns) {
    const name =
      column.stageId === undefined ? `${axis.name}s` : (stageName.get(column.stageId) ?? column.stageId);
    if (name !== section) {
      lines.push(`  section ${escapeName(name)}`);
      section = name;
    }
    const tag = axis.tag(column);
    const task = escapeName(tag === undefined ? column.label : `${tag} ${column.label}`);
    const scores = journey.cards.flatMap((c) =>
      c.kind === 'emotion' && c.columnId === column.id ? [c] : [],
    );
    if (scores.length === 0) {
      lines.push(`    %% no score recorded for this step`, `    ${task}: 3`);
      continue;
    }
    for (const card of scores) {
      const persona = card.personaId ?? laneOf.get(card.laneId)?.personaId;
      const actor =
        persona !== undefined ? (personaName.get(persona) ?? persona) : (card.respondent ?? 'Customer');
      lines.push(`    ${task}: ${toFivePoint(card.score)}: ${escapeActor(actor)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
