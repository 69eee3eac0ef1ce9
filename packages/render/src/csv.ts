import { laneKinds, type Card, type Journey } from '@waymark/core';

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

/** One row per card, in card order, with a header row; CRLF line ends as RFC 4180 asks. */
export function renderCsv(journey: Journey): string {
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
    ];
  });
  return [csvHeader, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
