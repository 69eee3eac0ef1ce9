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

const numberPattern = /^\d+(?:\.\d+)?$/;
const unquote = (cell: string) =>
  cell
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();

/**
 * A deflator series from a CSV with the header `year,index` and one row a year: `2011,70.834` or
 * `2011-12,71.2`. Every problem names its line and what was expected; nothing is half-loaded.
 */
export function parseDeflatorCsv(
  text: string,
  meta: DeflatorMeta,
): Result<DeflatorSeries, readonly InputError[]> {
  if (new TextEncoder().encode(text).length > maxDeflatorCsvBytes)
    return err([inputError('file', `expected a file of at most ${maxDeflatorCsvBytes / 1024} KB`)]);
  const errors: InputError[] = [];
  if (meta.title.trim() === '') errors.push(inputError('title', 'expected the title of the publication'));
  if (!/^\d{4}-\d{2}(?:-\d{2})?$/.test(meta.published.trim()))
    errors.push(inputError('published', 'expected the publication date as YYYY-MM or YYYY-MM-DD'));
  if (!/^https:\/\/\S+$/.test(meta.url.trim()))
    errors.push(inputError('url', 'expected the https:// address the file was published at'));
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  if (lines.length === 0) return err([...errors, inputError('file', 'expected a header line "year,index"')]);
  const header = lines[0]!.split(',').map((c) => unquote(c).toLowerCase());
  if (header.length !== 2 || header[0] !== 'year' || header[1] !== 'index') {
    return err([
      ...errors,
      inputError('line 1', `expected the header "year,index"; got "${lines[0]!.slice(0, 80)}"`),
    ]);
  }
  const rows = lines.slice(1);
  if (rows.length < 2) errors.push(inputError('file', 'expected at least two years after the header'));
  if (rows.length > maxDeflatorRows)
    return err([...errors, inputError('file', `expected at most ${maxDeflatorRows} years`)]);
  const index: Record<string, number> = {};
  let kind: 'calendar' | 'financial' | null = null;
  rows.forEach((line, i) => {
    const where = `line ${i + 2}`;
    const cells = line.split(',').map(unquote);
    if (cells.length !== 2) {
      errors.push(inputError(where, `expected two values, a year and an index; got ${cells.length}`));
      return;
    }
    const [year, value] = cells as [string, string];
    if (!isPriceYear(year)) {
      errors.push(inputError(where, `expected a year such as 2024 or 2024-25; got "${year.slice(0, 40)}"`));
      return;
    }
    const rowKind = year.length === 4 ? 'calendar' : 'financial';
    if (kind !== null && rowKind !== kind)
      errors.push(inputError(where, `expected only ${kind} years, as on the lines above; got "${year}"`));
    kind ??= rowKind;
    const n = Number(value);
    if (!numberPattern.test(value) || !(n > 0) || !Number.isFinite(n))
      errors.push(
        inputError(where, `expected an index above zero such as 70.834; got "${value.slice(0, 40)}"`),
      );
    else if (index[year] !== undefined)
      errors.push(inputError(where, `expected each year once; ${year} is repeated`));
    else index[year] = n;
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
