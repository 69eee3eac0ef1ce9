import { toFivePoint, type Journey } from '@waymark/core';
import { axisLabelsIn } from './column-labels';
import { contentFor, type RenderOptions } from './content';

/** Look-alikes for the characters that are markup to Mermaid or to the HTML it may be rendered into. */
const lookAlike: Readonly<Record<string, string>> = {
  ':': '∶',
  ';': ',',
  '#': '＃',
  '%': '％',
  '<': '＜',
  '>': '＞',
  '&': '＆',
  '"': '＂',
  '`': 'ˋ',
  '{': '｛',
  '}': '｝',
  '\\': '＼',
};

/**
 * Mermaid's journey grammar ends a title at `#`, `;` or a newline and a task name also at `:`, splits actors at
 * commas, reads `%%` as a comment or an `%%{init}%%` directive, `#...;` as an entity and backticks as Markdown;
 * and a renderer set to "loose" puts labels into the page as HTML. So none of these characters reaches the
 * diagram as itself: each is swapped for a look-alike that keeps the text readable (decision 0011), and the
 * control characters other than line breaks are dropped (stored journeys cannot hold them anyway).
 */
export const escapeMermaid = (text: string): string =>
  text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[:;#%<>&"`{}\\]/g, (c) => lookAlike[c]!)
    .trim();
/**
 * A task or section named like a keyword (`section 2`, `title deeds`, `click here`) would be read as one: it
 * gets a dash first.
 */
const escapeName = (text: string): string => {
  const safe = escapeMermaid(text);
  return /^(title|section|accTitle|accDescr|click|call|callback|href|style|classDef|class|linkStyle|journey|direction)\b/i.test(
    safe,
  )
    ? `– ${safe}`
    : safe;
};
const escapeActor = (text: string): string => escapeMermaid(text).replace(/,/g, ' ');

/**
 * A Mermaid `journey` diagram: a section per stage (or one for the axis), a task per column and persona with
 * the score mapped to 1…5; a column without a score gets 3 and a comment saying none was recorded.
 */
export function renderMermaid(journey: Journey, options: RenderOptions = {}): string {
  const content = contentFor(journey, options);
  const axis = axisLabelsIn(content.tr.locale)[journey.axis.kind];
  const stageName = new Map(journey.stages.map((s) => [s.id as string, content.joined(s, 'name')]));
  const personaName = new Map(journey.personas.map((p) => [p.id as string, p.name]));
  const laneOf = new Map(journey.lanes.map((l) => [l.id as string, l]));
  const lines = ['journey', `  title ${escapeMermaid(content.joined(journey.meta, 'title'))}`];
  let section: string | undefined;
  for (const column of journey.columns) {
    const name =
      column.stageId === undefined ? axis.plural : (stageName.get(column.stageId) ?? column.stageId);
    if (name !== section) {
      lines.push(`  section ${escapeName(name)}`);
      section = name;
    }
    const tag = axis.tag(column);
    const label = content.joined(column, 'label');
    const task = escapeName(tag === undefined ? label : `${tag} ${label}`);
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
        persona !== undefined
          ? (personaName.get(persona) ?? persona)
          : (card.respondent ?? content.tr.t('poster.customer'));
      lines.push(`    ${task}: ${toFivePoint(card.score)}: ${escapeActor(actor)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
