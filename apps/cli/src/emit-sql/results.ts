import { decodeText } from '@waymark/core';
import { figureColumns, figureIds, type FigureId } from './sql';
import type { Words } from './words';

/** Bad input in a results file: the message names the file, line and column. */
export class ResultsError extends Error {}

/** One result row: numbers where the column holds numbers, text otherwise; null for an empty (NULL) field. */
export type ResultRow = Readonly<Record<string, number | string | null>>;

export interface FigureResult {
  readonly figure: FigureId;
  readonly file: string;
  readonly rows: readonly ResultRow[];
}

/** The columns that hold text; every other column of a figure holds a number (or is empty for NULL). */
const textColumns = new Set([
  'figure',
  'from_activity',
  'to_activity',
  'activities',
  'from_owner',
  'to_owner',
  'category',
]);

interface Field {
  readonly text: string;
  readonly line: number;
  readonly column: number;
  /** True when the field was quoted. */
  readonly quoted: boolean;
}

/**
 * RFC 4180 CSV as Spark, Trino and DuckDB write it: comma-separated, fields with commas, quotes or line breaks
 * in double quotes, CRLF or LF. Each field keeps its line and column (1-based) for messages.
 */
export function readCsv(text: string, file: string, w: Words): Field[][] {
  const records: Field[][] = [];
  let record: Field[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const n = text.length;
  if (i >= n) return records;
  for (;;) {
    const column = i - lineStart + 1;
    const startLine = line;
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= n)
          throw new ResultsError(w('emitSql.import.unclosedQuote', { file, line: startLine, column }));
        const c = text[i] as string;
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') {
          line++;
          lineStart = i + 1;
        }
        value += c;
        i++;
      }
    } else {
      const start = i;
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
      value = text.slice(start, i);
    }
    record.push({ text: value, line: startLine, column, quoted });
    if (i < n && text[i] === ',') {
      i++;
      continue;
    }
    if (i < n && text[i] === '\r') i++;
    if (i < n && text[i] === '\n') i++;
    records.push(record);
    record = [];
    line++;
    lineStart = i;
    if (i >= n) break;
  }
  // a last line holding nothing (the file's final line break) is not a record
  return records.filter((r) => !(r.length === 1 && r[0]?.text === '' && !r[0].quoted));
}

const nulls = new Set(['', 'NULL', 'null', '\\N', 'NaN']);

/** The figures in one results file (bytes as read), checked against the columns each query writes. */
export function readResults(bytes: Uint8Array, file: string, w: Words): FigureResult[] {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const { line, column, message } = decoded.error;
    throw new ResultsError(w('emitSql.import.notText', { file, line, column, reason: message }));
  }
  const records = readCsv(decoded.value, file, w);
  const header = records[0];
  if (!header) throw new ResultsError(w('emitSql.import.empty', { file }));
  const names = header.map((f) => f.text.trim().toLowerCase());
  const at = names.indexOf('figure');
  if (at < 0) throw new ResultsError(w('emitSql.import.noFigureColumn', { file }));
  const byFigure = new Map<FigureId, ResultRow[]>();
  for (const record of records.slice(1)) {
    const first = record[0] as Field;
    if (record.length !== header.length)
      throw new ResultsError(
        w('emitSql.import.fieldCount', {
          file,
          line: first.line,
          got: record.length,
          expected: header.length,
        }),
      );
    const cell = record[at] as Field;
    const figure = figureIds.find((f) => f === cell.text.trim());
    if (!figure)
      throw new ResultsError(
        w('emitSql.import.unknownFigure', {
          file,
          line: cell.line,
          column: cell.column,
          value: cell.text,
          expected: figureIds.join(', '),
        }),
      );
    const wanted = figureColumns[figure];
    for (const name of wanted)
      if (!names.includes(name))
        throw new ResultsError(
          w('emitSql.import.missingColumn', { file, name, figure, expected: wanted.join(', ') }),
        );
    const row: Record<string, number | string | null> = {};
    for (const name of wanted) {
      const f = record[names.indexOf(name)] as Field;
      if (textColumns.has(name)) {
        row[name] = f.text;
        continue;
      }
      const raw = f.text.trim();
      // NULL: an empty field (Spark, DuckDB), "" (Trino's CSV quotes every value) or a NULL marker
      if (nulls.has(raw)) {
        row[name] = null;
        continue;
      }
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value))
        throw new ResultsError(
          w('emitSql.import.notNumber', { file, line: f.line, column: f.column, name, value: f.text }),
        );
      row[name] = value;
    }
    const rows = byFigure.get(figure) ?? [];
    rows.push(row);
    byFigure.set(figure, rows);
  }
  return [...byFigure].map(([figure, rows]) => ({ figure, file, rows }));
}
