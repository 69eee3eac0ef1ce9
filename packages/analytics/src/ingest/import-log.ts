import { stat } from 'node:fs/promises';
import type { CsvEncoding } from './csv-dialect';
import { importCsv } from './csv-import';
import { ImportError, type ImportedLog, type ImportOptions } from './import-result';
import { importParquet } from './parquet';
import { caseTooLong, defaultImportLimits } from './limits';
import { detectFormat, fileTooLarge, gzipSizeHint, readFileChunks } from './read-source';
import { checkZone } from './timestamps';
import { importXesSplit, type XesSplitOptions } from './xes-split';

export interface ImportFileOptions extends ImportOptions {
  readonly delimiter?: string;
  readonly encoding?: CsvEncoding;
  /** When an XES log is read on two threads (tests set it to split small logs). */
  readonly xesSplit?: XesSplitOptions;
}

/**
 * Imports a CSV, XES, XES.gz, CSV.gz or Parquet log from disk; the file itself is not kept. What is read and
 * kept is bounded by `options.limits` (see limits.ts): a file or decompressed stream over the size limit, or a
 * log over the events or distinct-values limits, is refused with an ImportError naming the limit.
 */
export async function importLogFile(path: string, options: ImportFileOptions = {}): Promise<ImportedLog> {
  if (options.zone !== undefined) {
    try {
      checkZone(options.zone);
    } catch {
      throw new ImportError(
        'unknown_zone',
        `unknown time zone "${options.zone}" (expected an IANA name such as Europe/London or UTC)`,
        undefined,
        { zone: options.zone },
      );
    }
  }
  let detected;
  try {
    detected = await detectFormat(path);
  } catch (e) {
    throw new ImportError(
      'io',
      `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`,
      undefined,
      {
        file: path,
        problem: readProblem(e),
      },
    );
  }
  const limits = options.limits ?? defaultImportLimits;
  const size = (await stat(path)).size;
  if (!detected.gzip && size > limits.expandedBytes) throw fileTooLarge(size, limits.expandedBytes);
  if (detected.format === 'parquet')
    return withinCaseLimit(await importParquet(path, options), limits.maxCaseEvents);
  const chunks = readFileChunks(path, detected.gzip, undefined, {
    limits,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  // a gzip file's trailer gives its expanded size (a hint only, for sizing the columns once; see gzipSizeHint)
  const gzipHint = detected.gzip ? await gzipSizeHint(path, size, limits) : undefined;
  const sized = detected.gzip
    ? { ...options, ...(gzipHint !== undefined ? { sizeHint: gzipHint } : {}) }
    : { ...options, sizeHint: size, file: { path, size } };
  return withinCaseLimit(
    await (detected.format === 'xes'
      ? importXesSplit(
          chunks,
          sized,
          () => readFileChunks(path, detected.gzip, undefined, { limits }),
          options.xesSplit,
        )
      : importCsv(chunks, sized)),
    limits.maxCaseEvents,
  );
}

/** The import, unless one case has more events than the limit (checked before anything is analysed). */
function withinCaseLimit(imported: ImportedLog, limit: number): ImportedLog {
  const { store } = imported;
  const over = caseTooLong(store.caseOf, store.size, store.cases.size, limit);
  if (over)
    throw new ImportError('too_many_events', over.message, undefined, {
      at: 'case',
      caseNumber: over.caseNumber,
      event: over.event,
      limit: over.limit,
      what: 'caseEvents',
      variable: 'WAYMARK_MAX_CASE_EVENTS',
    });
  return imported;
}

/** What went wrong reading a file, as a word the catalogue selects on (Node's own words are not passed on). */
export function readProblem(e: unknown): 'noFile' | 'denied' | 'isFolder' | 'other' {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'noFile';
  if (code === 'EACCES' || code === 'EPERM') return 'denied';
  if (code === 'EISDIR') return 'isFolder';
  return 'other';
}
