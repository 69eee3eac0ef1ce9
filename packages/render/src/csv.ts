import { laneKinds, textIn, type Card, type ContentLanguage, type Journey } from '@waymark/core';
import { contentFor, type RenderOptions } from './content';

export const csvHeader = [
  'journeyId',
  'columnId',
  'columnLabel',
  'stage',
  'laneId',
  'laneLabel',
  'kind',
  'summary',
  'score',
  'channel',
  'direction',
  'from',
  'to',
  'category',
  'metric',
  'value',
  'source',
  'personaId',
  'estimate',
  'votes',
  'flags',
  'note',
] as const;

type Cell = string | number | boolean | undefined;

/**
 * One CSV cell: numbers stay numbers (a score of −80 is `-80`); text that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) gets a leading `'`; quoted per RFC 4180 when needed.
 */
export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const field = <K extends string>(card: Card, key: K): Cell => {
  const value = (card as Partial<Record<K, unknown>>)[key];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : undefined;
};

/** The extra columns a bilingual journey's CSV has for each language besides the primary: `text (cy)` etc. */
export const csvTranslatedColumns = ['columnLabel', 'laneLabel', 'text'] as const;
const translatedHeader = (lang: ContentLanguage) => csvTranslatedColumns.map((c) => `${c} (${lang})`);

/**
 * One row per card, in card order, with a header row; CRLF line ends as RFC 4180 asks. A bilingual journey
 * gets, after the usual columns, `columnLabel (cy)`, `laneLabel (cy)` and `text (cy)` for each other language
 * shown (decision 0023); the usual columns hold the primary language.
 */
export function renderCsv(journey: Journey, options: RenderOptions = {}): string {
  const content = contentFor(journey, options);
  const others = content.languages.filter((l) => l !== content.primary);
  const column = new Map(journey.columns.map((c) => [c.id as string, c]));
  const lane = new Map(journey.lanes.map((l) => [l.id as string, l]));
  const name = new Map<string, string>([
    ...journey.stages.map((s) => [s.id as string, s.name] as const),
    ...journey.organisations.map((o) => [`org:${o.id}`, o.name] as const),
    ...journey.leverCategories.map((c) => [`cat:${c.id}`, c.label] as const),
    ...journey.sources.map((s) => [`src:${s.id}`, s.title] as const),
  ]);
  const named = (prefix: string, id: Cell) =>
    typeof id === 'string' ? (name.get(`${prefix}${id}`) ?? id) : undefined;
  const rows = journey.cards.map((card) => {
    const col = column.get(card.columnId);
    return [
      journey.id,
      card.columnId,
      col?.label,
      col?.stageId === undefined ? undefined : (name.get(col.stageId) ?? col.stageId),
      card.laneId,
      lane.get(card.laneId)?.label,
      card.kind,
      laneKinds[card.kind].summary(card),
      field(card, 'score'),
      field(card, 'channel'),
      field(card, 'direction'),
      named('org:', field(card, 'from')),
      named('org:', field(card, 'to')),
      named('cat:', field(card, 'category')),
      field(card, 'metric'),
      field(card, 'value'),
      field(card, 'source') ?? named('src:', card.sourceId),
      field(card, 'personaId'),
      field(card, 'estimate'),
      field(card, 'votes'),
      card.flags?.join(';'),
      card.note,
      ...others.flatMap((lang) => [
        col ? textIn(col, 'label', lang, content.primary) : undefined,
        textIn(lane.get(card.laneId) ?? {}, 'label', lang, content.primary),
        textIn(card, 'text', lang, content.primary),
      ]),
    ];
  });
  const header = [...csvHeader, ...others.flatMap(translatedHeader)];
  return [header, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
