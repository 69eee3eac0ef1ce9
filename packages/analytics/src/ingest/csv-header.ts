import {
  describeUnsafeCharacter,
  findUnsafeCharacter,
  textEncodingOf,
  zeroByteProblem,
} from '@waymark/core/text';
import type { MappedField } from './columns';
import type { CsvEncoding } from './csv-dialect';
import { CsvError, MAX_FIELDS } from './csv-reader';
import { ImportError, type SaidWarning } from './import-result';

/**
 * The checks on a CSV's first line that the preview (at upload) and the import (API and CLI) share, so a
 * header is refused for what is actually wrong with it, with the line, rather than "no header row found".
 */

const HEADER = 'line 1 (the header)';

/** Refuses what the first bytes say the file cannot be read as (see @waymark/core's decoding rule). */
export function checkEncoding(
  head: Uint8Array,
  sniffed: { encoding: CsvEncoding; bom: number },
  explicit: CsvEncoding | undefined,
): void {
  if (explicit !== undefined) return;
  if (sniffed.encoding !== 'utf-8' && textEncodingOf(head).bom === 0) {
    const p = zeroByteProblem(head, Math.max(0, head.indexOf(0)));
    throw new ImportError(p.code as 'utf16_without_bom', p.message, undefined, {
      line: p.line,
      byte: p.byteOffset + 1,
    });
  }
  if (sniffed.encoding === 'utf-8') {
    const zero = head.indexOf(0);
    if (zero >= 0) {
      const p = zeroByteProblem(head, zero);
      throw new ImportError(
        p.code as 'not_text',
        `${p.message} (expected a CSV file, an XES file or a Parquet file)`,
        p.line,
        { line: p.line, byte: p.byteOffset + 1 },
      );
    }
  }
}

/**
 * The header when the sample has one; otherwise why not: too many columns, a quote never closed, or a first
 * line longer than the sample (no line break in it).
 */
export function headerOrWhyNot(
  header: readonly string[] | undefined,
  sampleError: unknown,
  sampleBytes: number,
  sampleLimit: number,
): readonly string[] {
  if (sampleError instanceof CsvError && sampleError.line === 1) {
    if (sampleError.code === 'record_too_long')
      throw new ImportError(
        'too_many_columns',
        `${HEADER} has more than ${MAX_FIELDS.toLocaleString('en-GB')} columns, the most Waymark reads; check that the file is a CSV with the right delimiter, or remove the columns you do not need`,
        1,
        { limit: MAX_FIELDS },
      );
    throw new ImportError(sampleError.code, sampleError.message, 1, { ...sampleError.values, line: 1 });
  }
  if (header && !header.every((h) => h.trim() === '')) return header;
  if (header === undefined && sampleBytes >= sampleLimit)
    throw new ImportError(
      'header_too_long',
      `${HEADER} runs past ${Math.round(sampleLimit / 1024)} KB without a line break; expected a short row of column names (is this a CSV file?)`,
      1,
      { limitKb: Math.round(sampleLimit / 1024) },
    );
  throw new ImportError('empty_file', 'no header row found (expected column names on line 1)', 1, {
    reason: 'noHeader',
  });
}

const quoted = (s: string) => JSON.stringify(s);

/** Column names as the messages list them: "case", "activity", "when". */
export const quotedList = (names: readonly string[]): string => names.map(quoted).join(', ');

/**
 * Refuses a header that cannot be mapped safely and returns warnings for what can be read around:
 * one column only, a control character or a second byte-order mark in a name, two mapped columns of the same
 * name are errors; empty names and other repeated names are warnings (those columns are not read).
 */
export function checkHeader(
  header: readonly string[],
  mapped: Partial<Record<MappedField, number>> = {},
): SaidWarning[] {
  if (header.length === 1)
    throw new ImportError(
      'one_column',
      `${HEADER} has one column, ${quoted(header[0] ?? '')}; an event log needs at least a case, an activity and a time in separate columns, separated by commas, semicolons, tabs or bars`,
      1,
      { name: header[0] ?? '' },
    );
  header.forEach((name, i) => {
    if (name.includes('\uFEFF'))
      throw new ImportError(
        'unsafe_character',
        `${HEADER}: the name of column ${i + 1} holds an invisible byte-order mark (U+FEFF), so the file was probably saved with a second one; save it again as UTF-8`,
        1,
        { column: i + 1, character: 'bom', codePoint: 'U+FEFF', position: name.indexOf('\uFEFF') + 1 },
      );
    const bad = findUnsafeCharacter(name);
    if (bad)
      throw new ImportError(
        'unsafe_character',
        `${HEADER}: the name of column ${i + 1} ${describeUnsafeCharacter(bad)}`,
        1,
        {
          column: i + 1,
          character: bad.what === 'a control character' ? 'control' : 'surrogate',
          codePoint: bad.codePoint,
          position: bad.index + 1,
        },
      );
  });
  const warnings: SaidWarning[] = [];
  const firstAt = new Map<string, number>();
  const mappedColumns = new Set(Object.values(mapped));
  header.forEach((name, i) => {
    if (name.trim() === '') {
      warnings.push({
        code: 'column_without_name',
        values: { column: i + 1 },
        message: `${HEADER}: column ${i + 1} has no name, so it is not read`,
      });
      return;
    }
    const first = firstAt.get(name);
    if (first === undefined) {
      firstAt.set(name, i);
      return;
    }
    if (mappedColumns.has(first))
      throw new ImportError(
        'duplicate_column',
        `${HEADER}: columns ${first + 1} and ${i + 1} are both named ${quoted(name)}, so which one to read is unclear; rename one of them`,
        1,
        { first: first + 1, second: i + 1, name },
      );
    warnings.push({
      code: 'column_name_repeated',
      values: { first: first + 1, second: i + 1, name },
      message: `${HEADER}: columns ${first + 1} and ${i + 1} are both named ${quoted(name)}; only column ${first + 1} can be chosen`,
    });
  });
  return warnings;
}
