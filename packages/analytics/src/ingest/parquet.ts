import { findUnsafeCharacter, firstInvalidUtf8 } from '@waymark/core/text';
import { EventStore, type DimensionName } from '../model/event-store';
import { dimensionFields, resolveColumns, type ColumnMapping, type MappedField } from './columns';
import { emptyActivity, emptyCase, parseMoney } from './csv-row';
import {
  ImportError,
  limitReached,
  RejectionLog,
  type ImportedLog,
  type ImportOptions,
} from './import-result';
import { defaultImportLimits, LimitExceeded, megabytes, storeLimits } from './limits';
import type { RejectionProblem } from './rejection-codes';
import { hexByte, unsafeCharacterProblem, valueRejection } from './text-rules';
import { quotedList } from './csv-header';
import { parseTimestampString, type TimestampFormat } from './timestamps';

/** Reads a Parquet event log, one row group at a time, reading only the mapped columns. */
export async function importParquet(path: string, options: ImportOptions = {}): Promise<ImportedLog> {
  // loaded here, not with the module: a CSV or XES import (and `waymark analyse` of one) never needs it
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } =
    await import('hyparquet');
  let file;
  let metadata;
  try {
    file = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(file);
  } catch (e) {
    throw new ImportError(
      'parquet_invalid',
      `${path}: not a readable Parquet file (${e instanceof Error ? e.message : String(e)})`,
      undefined,
      { file: path },
    );
  }
  const header = parquetSchema(metadata).children.map((c) => c.element.name);
  const { index, missing } = resolveColumns(header, options.mapping ?? {}, options.autoMap ?? true);
  const first = missing[0];
  if (first)
    throw new ImportError(
      'missing_column',
      `no column named "${first.column}" for ${first.field} (the Parquet schema has: ${header.join(', ')})`,
      undefined,
      {
        reason: 'named',
        column: first.column,
        field: first.field,
        where: 'schema',
        header: quotedList(header),
      },
    );
  for (const f of ['case', 'activity', 'timestamp'] as const) {
    if (index[f] === undefined)
      throw new ImportError(
        'missing_column',
        `no ${f} column found (choose one with --${f}; the Parquet schema has: ${header.join(', ')})`,
        undefined,
        { reason: 'notFound', field: f, where: 'schema', header: quotedList(header) },
      );
  }
  const name = (f: MappedField): string | undefined =>
    index[f] === undefined ? undefined : header[index[f] as number];
  const dims = dimensionFields.filter((f) => index[f] !== undefined) as DimensionName[];
  const limits = options.limits ?? defaultImportLimits;
  // the sizes the file declares, checked before anything is decompressed
  const totalRows = metadata.row_groups.reduce((n, g) => n + Number(g.num_rows), 0);
  if (totalRows > limits.maxEvents)
    throw limitReached(new LimitExceeded('events', 'events', limits.maxEvents), undefined);
  const expanded = metadata.row_groups.reduce((n, g) => n + Number(g.total_byte_size), 0);
  if (expanded > limits.expandedBytes)
    throw new ImportError(
      'too_large',
      `the Parquet file holds ${megabytes(expanded)} of data uncompressed, more than the ${megabytes(limits.expandedBytes)} limit set by WAYMARK_EXPANDED_LIMIT_MB; split the log into shorter periods, or ask your administrator to raise the limit`,
      undefined,
      {
        reason: 'parquet',
        size: megabytes(expanded),
        limit: megabytes(limits.expandedBytes),
        variable: 'WAYMARK_EXPANDED_LIMIT_MB',
      },
    );
  const store = new EventStore(new TextDecoder(), {
    dims,
    startTime: index.start !== undefined,
    cost: index.cost !== undefined,
    ...storeLimits(limits),
  });
  const rejections = new RejectionLog(options.maxRejectionsListed ?? 100);
  const format: TimestampFormat = { order: options.dateOrder ?? 'iso', zone: options.zone ?? 'UTC' };
  const columns = Object.values(index).map((i) => header[i as number] as string);
  let row = 0;
  let filtered = 0;
  let groupStart = 0;
  // rows become objects: a slice at a time, so a large row group is not held as objects all at once
  const SLICE = 100_000;
  const slices: [number, number][] = [];
  for (const group of metadata.row_groups) {
    const groupEnd = groupStart + Number(group.num_rows);
    for (let s = groupStart; s < groupEnd; s += SLICE) slices.push([s, Math.min(groupEnd, s + SLICE)]);
    groupStart = groupEnd;
  }
  for (const [rowStart, rowEnd] of slices) {
    const rows = (await parquetReadObjects({
      file,
      metadata,
      columns,
      rowStart,
      rowEnd,
      parsers: strictStrings,
    })) as Record<string, unknown>[];
    for (const r of rows) {
      row++;
      refuseNotUtf8(r, row);
      const c = asText(r[name('case') as string]);
      const a = asText(r[name('activity') as string]);
      const time = asTime(r[name('timestamp') as string], format);
      const refused = unsafeIn(r, name, dims);
      if (c === '') rejections.add(row, emptyCase, name('case'));
      else if (a === '') rejections.add(row, emptyActivity, name('activity'));
      else if (refused) rejections.add(row, refused.problem, refused.column);
      else if (Number.isNaN(time)) {
        const value = asText(r[name('timestamp') as string]).slice(0, 60);
        rejections.add(
          row,
          {
            code: 'bad_timestamp',
            values: { value, expected: format.order },
            reason: `"${value}" is not a date-time`,
          },
          name('timestamp'),
        );
      } else if (options.lifecycle !== undefined && asText(r[name('lifecycle') ?? '']) !== options.lifecycle)
        filtered++;
      else {
        try {
          const i = store.add(store.cases.internString(c), store.activities.internString(a), time);
          for (const d of dims) {
            const v = asText(r[name(d) as string]);
            if (v !== '') (store.dim[d] as Int32Array)[i] = store.dims[d].internString(v);
          }
          if (store.startTime) store.startTime[i] = asTime(r[name('start') as string], format);
          if (store.cost) store.cost[i] = parseMoney(asText(r[name('cost') as string]));
        } catch (e) {
          throw e instanceof LimitExceeded ? limitReached(e, row, 'row') : e;
        }
      }
    }
    // progress in bytes of the file, by the share of the rows read
    options.onProgress?.(Math.round((rowEnd / Math.max(1, totalRows)) * file.byteLength));
  }
  const mapping: Record<string, string> = {};
  for (const [f, i] of Object.entries(index)) mapping[f] = header[i as number] as string;
  return {
    store,
    report: {
      format: 'parquet',
      mapping: mapping as ColumnMapping,
      rows: row,
      rejectedRows: rejections.count,
      rejections: rejections.listed,
      filteredRows: filtered,
      warnings: [],
      warningCodes: [],
    },
  };
}

function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

function asTime(v: unknown, format: TimestampFormat): number {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string') return parseTimestampString(v, format);
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  return Number.NaN;
}

/**
 * The first kept value of a row that the text rule of @waymark/core refuses (a control character, a lone
 * surrogate), with its column: the row is rejected, like a row with a bad date (decision 0011).
 */
function unsafeIn(
  r: Record<string, unknown>,
  name: (f: MappedField) => string | undefined,
  dims: readonly MappedField[],
): { problem: RejectionProblem; column: string } | undefined {
  for (const f of ['case', 'activity', ...dims] as MappedField[]) {
    const column = name(f);
    if (column === undefined) continue;
    const found = findUnsafeCharacter(asText(r[column]));
    if (found) return { problem: valueRejection(f, unsafeCharacterProblem(found)), column };
  }
  return undefined;
}

/** A text value whose bytes are not UTF-8: kept as bytes so its row can be named, never turned into U+FFFD. */
class NotUtf8 {
  constructor(readonly bytes: Uint8Array) {}
}
const utf8Text = new TextDecoder('utf-8', { ignoreBOM: true });
/** hyparquet's string parser, replaced so bad bytes are seen (decision 0011) rather than decoded leniently. */
export const strictStrings = {
  stringFromBytes: (bytes: Uint8Array | undefined) =>
    bytes && (firstInvalidUtf8(bytes) < 0 ? utf8Text.decode(bytes) : new NotUtf8(bytes)),
};

/** Refuses the file at the first value of the row that is not UTF-8, naming the row and the column. */
export function refuseNotUtf8(r: Record<string, unknown>, row: number): void {
  for (const [column, v] of Object.entries(r)) {
    if (!(v instanceof NotUtf8)) continue;
    const at = firstInvalidUtf8(v.bytes);
    const hex = hexByte(v.bytes[at] as number);
    throw new ImportError(
      'not_utf8',
      `row ${row}, column "${column}": byte ${at + 1} of the value (${hex}) is not UTF-8 text; write the Parquet file again with its text as UTF-8`,
      row,
      { where: 'parquet', row, columnName: column, byte: at + 1, hex },
    );
  }
}
