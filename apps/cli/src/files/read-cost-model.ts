import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { err, ok, type Result } from '@waymark/core';
import {
  costBasisLabel,
  costTables,
  defaultCostTableId,
  maxDeflatorCsvBytes,
  parseCostModel,
  parseDeflatorCsv,
  publishedCostModels,
  resolveCostModel,
  shippedDeflator,
  type CostTable,
  type DeflatorSeries,
  type ResolvedCostModel,
} from '@waymark/measure';

/** A cost model file is a few kilobytes; anything much bigger is not one. */
const maxCostModelBytes = 1024 * 1024;

export interface CostOptions {
  /** --costs: a published table's id. */
  readonly costs?: string | undefined;
  /** --cost-model: a JSON file {name, priceYear, lines}. */
  readonly costModel?: string | undefined;
  /** --price-year: the prices to show costs in, uprated with the GDP deflator. */
  readonly priceYear?: string | undefined;
  /** --deflator: a newer GDP deflator series, a CSV "year,index", instead of the one Waymark ships. */
  readonly deflator?: string | undefined;
}

/**
 * The GDP deflator series in a CSV file (header `year,index`, one year a line), named after the file and dated
 * by its last change; every problem names the option, the file and the line.
 */
export async function readDeflatorFile(cwd: string, file: string): Promise<Result<DeflatorSeries, string>> {
  const path = resolve(cwd, file);
  let text: string;
  let changed: Date;
  try {
    const st = await stat(path);
    if (st.size > maxDeflatorCsvBytes)
      return err(`--deflator ${file}: expected a CSV file of at most ${maxDeflatorCsvBytes / 1024} KB`);
    changed = st.mtime;
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    return err(
      `--deflator ${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`}`,
    );
  }
  const parsed = parseDeflatorCsv(text, {
    title: `GDP deflator series from ${basename(file)}`,
    published: changed.toISOString().slice(0, 10),
    url: shippedDeflator.url,
  });
  if (!parsed.ok)
    return err(`--deflator ${file}:\n${parsed.error.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return ok(parsed.value);
}

/**
 * The cost model the options name, in the price year asked for: a workspace model from a JSON file, or a
 * published table (Socitm 2011 by default). Fails with a message naming the option, file and field.
 */
export async function resolveCostOptions(
  cwd: string,
  o: CostOptions,
): Promise<Result<ResolvedCostModel, string>> {
  if (o.costs !== undefined && o.costModel !== undefined)
    return err('give --costs (a published table) or --cost-model (your own file), not both');
  let model = publishedCostModels.find((m) => m.id === (o.costs ?? defaultCostTableId));
  if (o.costModel !== undefined) {
    const path = resolve(cwd, o.costModel);
    let text: string;
    try {
      if ((await stat(path)).size > maxCostModelBytes)
        return err(`--cost-model ${o.costModel}: expected a JSON file of at most 1 MB`);
      text = await readFile(path, 'utf8');
    } catch (e) {
      const code = (e as { code?: string }).code;
      return err(
        `--cost-model ${o.costModel}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`}`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return err(
        `--cost-model ${o.costModel}: expected JSON (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    const parsed = parseCostModel(json);
    if (!parsed.ok)
      return err(
        `--cost-model ${o.costModel}:\n${parsed.error.map((p) => `  ${p.path || '(file)'}: ${p.message}`).join('\n')}`,
      );
    model = { ...parsed.value, id: o.costModel, kind: 'workspace' };
  }
  if (!model)
    return err(`unknown cost table "${o.costs}"; expected one of ${costTables.map((t) => t.id).join(', ')}`);
  let deflator: DeflatorSeries | undefined;
  if (o.deflator !== undefined) {
    if (o.priceYear === undefined)
      return err(`--deflator ${o.deflator}: give --price-year too, the year whose prices to uprate to`);
    const read = await readDeflatorFile(cwd, o.deflator);
    if (!read.ok) return read;
    deflator = read.value;
  }
  const resolved = resolveCostModel(model, {
    ...(o.priceYear === undefined ? {} : { toPriceYear: o.priceYear }),
    ...(deflator ? { deflator } : {}),
  });
  if (!resolved.ok)
    return err(`--price-year ${o.priceYear ?? ''}: ${resolved.error.map((p) => p.message).join('; ')}`);
  return ok(resolved.value);
}

/** The resolved table with its source saying the model and price base, for reports that print the source. */
export const labelledTable = (r: ResolvedCostModel): CostTable => ({
  ...r.table,
  source: costBasisLabel(r.basis),
});
