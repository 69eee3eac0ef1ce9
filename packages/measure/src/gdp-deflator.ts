import { err, ok, type Result } from '@waymark/core';
import { hmtGdpDeflatorDecember2025 } from './gdp-deflator-data';
import { inputError, type InputError } from './input-error';

/** A GDP deflator series: an index by year ('2024' or '2024-25'), with where it was published. */
export interface DeflatorSeries {
  readonly id: string;
  readonly title: string;
  /** When the publisher issued it: 'YYYY-MM' or 'YYYY-MM-DD'. */
  readonly published: string;
  readonly url: string;
  /** The year whose index is 100, or '' when none is. */
  readonly base: string;
  readonly index: Readonly<Record<string, number>>;
}

/** The series Waymark ships (gdp-deflator-data.ts says where each figure comes from). */
export const shippedDeflator: DeflatorSeries = hmtGdpDeflatorDecember2025;

/** A calendar year ('2024') or a financial year ('2024-25'). */
export const priceYearPattern = /^(\d{4})(?:-(\d{2}))?$/;

/** True for '2024' and for '2024-25' (the second part one year on); false for '2024-26' or 'soon'. */
export function isPriceYear(year: string): boolean {
  const m = priceYearPattern.exec(year);
  if (!m) return false;
  return m[2] === undefined || Number(m[2]) === (Number(m[1]) + 1) % 100;
}

/** Largest CSV an administrator may load: the Treasury's series is a few kilobytes. */
export const maxDeflatorCsvBytes = 64 * 1024;
/** Most rows: the Treasury's financial-year series runs from 1955-56, about 80 rows. */
export const maxDeflatorRows = 400;

/**
 * The multiplier taking pounds in `from` prices to `to` prices: index(to) / index(from). Both years must be
 * in the series; a year it lacks is refused (naming it and the years it has), never guessed.
 */
export function upratingFactor(
  series: DeflatorSeries,
  from: string,
  to: string,
): Result<number, readonly InputError[]> {
  const years = Object.keys(series.index).sort();
  const range = years.length === 0 ? 'none' : `${years[0]} to ${years[years.length - 1]}`;
  const errors: InputError[] = [];
  for (const [field, year] of [
    ['priceYear', from],
    ['toPriceYear', to],
  ] as const) {
    if (series.index[year] === undefined)
      errors.push(inputError(field, `expected a year in the deflator series (${range}); got "${year}"`));
  }
  if (errors.length > 0) return err(errors);
  return ok((series.index[to] as number) / (series.index[from] as number));
}

/** The metadata an administrator gives with a loaded CSV. */
export interface DeflatorMeta {
  readonly title: string;
  readonly published: string;
  readonly url: string;
}

/**
 * What can be wrong with a deflator CSV or its publication details, by a stable code and the values its words
 * need (a screen says these from its catalogue; `message` keeps the English for the API and logs). `line` is the
 * file's line, from 1 for the header.
 */
export type DeflatorProblemDetail =
  /** The file is larger than maxDeflatorCsvBytes. */
  | { readonly reason: 'too_large'; readonly values: { readonly limitKb: number } }
  /** The publication's title is blank. */
  | { readonly reason: 'no_title'; readonly values: Record<string, never> }
  /** The publication date is not YYYY-MM or YYYY-MM-DD. */
  | { readonly reason: 'bad_published'; readonly values: { readonly got: string } }
  /** The address does not start https://. */
  | { readonly reason: 'bad_url'; readonly values: { readonly got: string } }
  /** The file is empty: not even a header. */
  | { readonly reason: 'no_header'; readonly values: Record<string, never> }
  /** The first line is not `year,index`. */
  | { readonly reason: 'bad_header'; readonly values: { readonly line: 1; readonly got: string } }
  /** Fewer than two years after the header. */
  | { readonly reason: 'few_years'; readonly values: { readonly count: number } }
  /** More than maxDeflatorRows years. */
  | { readonly reason: 'too_many_years'; readonly values: { readonly max: number; readonly count: number } }
  /** A line without exactly two values. */
  | { readonly reason: 'value_count'; readonly values: { readonly line: number; readonly count: number } }
  /** A year not like 2024 or 2024-25. */
  | { readonly reason: 'bad_year'; readonly values: { readonly line: number; readonly got: string } }
  /** A financial year among calendar years, or the other way round; `kind` is what the lines above have. */
  | {
      readonly reason: 'mixed_years';
      readonly values: {
        readonly line: number;
        readonly kind: 'calendar' | 'financial';
        readonly got: string;
      };
    }
  /** An index that is not a number above zero. */
  | { readonly reason: 'bad_index'; readonly values: { readonly line: number; readonly got: string } }
  /** A year given again; `firstLine` is where it was first. */
  | {
      readonly reason: 'repeated_year';
      readonly values: { readonly line: number; readonly year: string; readonly firstLine: number };
    };

/** A problem parseDeflatorCsv found: the InputError's path and English, with its code and values. */
export type DeflatorProblem = InputError & DeflatorProblemDetail;
export type DeflatorProblemReason = DeflatorProblem['reason'];

const problem = (path: string, message: string, detail: DeflatorProblemDetail): DeflatorProblem => ({
  ...inputError(path, message),
  ...detail,
});

const numberPattern = /^\d+(?:\.\d+)?$/;
const unquote = (cell: string) =>
  cell
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();

/**
 * A deflator series from a CSV with the header `year,index` and one row a year: `2011,70.834` or
 * `2011-12,71.2`. Every problem names its line and what was expected, by code and values as well as in
 * English; nothing is half-loaded.
 */
export function parseDeflatorCsv(
  text: string,
  meta: DeflatorMeta,
): Result<DeflatorSeries, readonly DeflatorProblem[]> {
  if (new TextEncoder().encode(text).length > maxDeflatorCsvBytes) {
    const limitKb = maxDeflatorCsvBytes / 1024;
    return err([
      problem('file', `expected a file of at most ${limitKb} KB`, {
        reason: 'too_large',
        values: { limitKb },
      }),
    ]);
  }
  const errors: DeflatorProblem[] = [];
  if (meta.title.trim() === '')
    errors.push(
      problem('title', 'expected the title of the publication', { reason: 'no_title', values: {} }),
    );
  if (!/^\d{4}-\d{2}(?:-\d{2})?$/.test(meta.published.trim()))
    errors.push(
      problem('published', 'expected the publication date as YYYY-MM or YYYY-MM-DD', {
        reason: 'bad_published',
        values: { got: meta.published.trim().slice(0, 40) },
      }),
    );
  if (!/^https:\/\/\S+$/.test(meta.url.trim()))
    errors.push(
      problem('url', 'expected the https:// address the file was published at', {
        reason: 'bad_url',
        values: { got: meta.url.trim().slice(0, 80) },
      }),
    );
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  if (lines.length === 0)
    return err([
      ...errors,
      problem('file', 'expected a header line "year,index"', { reason: 'no_header', values: {} }),
    ]);
  const header = lines[0]!.split(',').map((c) => unquote(c).toLowerCase());
  if (header.length !== 2 || header[0] !== 'year' || header[1] !== 'index') {
    const got = lines[0]!.slice(0, 80);
    return err([
      ...errors,
      problem('line 1', `expected the header "year,index"; got "${got}"`, {
        reason: 'bad_header',
        values: { line: 1, got },
      }),
    ]);
  }
  const rows = lines.slice(1);
  if (rows.length < 2)
    errors.push(
      problem('file', 'expected at least two years after the header', {
        reason: 'few_years',
        values: { count: rows.length },
      }),
    );
  if (rows.length > maxDeflatorRows)
    return err([
      ...errors,
      problem('file', `expected at most ${maxDeflatorRows} years`, {
        reason: 'too_many_years',
        values: { max: maxDeflatorRows, count: rows.length },
      }),
    ]);
  const index: Record<string, number> = {};
  const lineOf: Record<string, number> = {};
  let kind: 'calendar' | 'financial' | null = null;
  rows.forEach((row, i) => {
    const line = i + 2;
    const where = `line ${line}`;
    const cells = row.split(',').map(unquote);
    if (cells.length !== 2) {
      errors.push(
        problem(where, `expected two values, a year and an index; got ${cells.length}`, {
          reason: 'value_count',
          values: { line, count: cells.length },
        }),
      );
      return;
    }
    const [year, value] = cells as [string, string];
    if (!isPriceYear(year)) {
      const got = year.slice(0, 40);
      errors.push(
        problem(where, `expected a year such as 2024 or 2024-25; got "${got}"`, {
          reason: 'bad_year',
          values: { line, got },
        }),
      );
      return;
    }
    const rowKind = year.length === 4 ? 'calendar' : 'financial';
    if (kind !== null && rowKind !== kind)
      errors.push(
        problem(where, `expected only ${kind} years, as on the lines above; got "${year}"`, {
          reason: 'mixed_years',
          values: { line, kind, got: year },
        }),
      );
    kind ??= rowKind;
    const n = Number(value);
    if (!numberPattern.test(value) || !(n > 0) || !Number.isFinite(n)) {
      const got = value.slice(0, 40);
      errors.push(
        problem(where, `expected an index above zero such as 70.834; got "${got}"`, {
          reason: 'bad_index',
          values: { line, got },
        }),
      );
    } else if (index[year] !== undefined)
      errors.push(
        problem(where, `expected each year once; ${year} is repeated`, {
          reason: 'repeated_year',
          values: { line, year, firstLine: lineOf[year]! },
        }),
      );
    else {
      index[year] = n;
      lineOf[year] = line;
    }
  });
  if (errors.length > 0) return err(errors.slice(0, 20));
  const base = Object.keys(index).find((y) => index[y] === 100) ?? '';
  return ok({
    id: `loaded-${meta.published.trim()}`,
    title: meta.title.trim(),
    published: meta.published.trim(),
    url: meta.url.trim(),
    base,
    index,
  });
}

/** The series as a CSV that parseDeflatorCsv reads back. */
export function deflatorToCsv(series: DeflatorSeries): string {
  const years = Object.keys(series.index).sort();
  return `year,index\n${years.map((y) => `${y},${series.index[y]}`).join('\n')}\n`;
}
