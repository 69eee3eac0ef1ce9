import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { readProblem } from '@waymark/analytics/log';
import { channelIds, err, ok, type Result } from '@waymark/core';
import { decodeText } from '@waymark/core/text';
import type { MessageValues } from '@waymark/i18n/cli';
import {
  costBasisLabel,
  costTables,
  defaultCostTableId,
  isPriceYear,
  maxDeflatorCsvBytes,
  parseCostModel,
  parseDeflatorCsv,
  publishedCostModels,
  resolveCostModel,
  shippedDeflator,
  type CostTable,
  type DeflatorProblem,
  type DeflatorSeries,
  type InputError,
  type ResolvedCostModel,
} from '@waymark/measure';
import type { Said } from '../usage-error';
import { jsonPlaceValues } from './json-place';

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

/** The catalogue's words for what a file's problems are: one or more, each naming the option, file and place. */
export type CostProblems = readonly [Said, ...Said[]];

const one = (id: Said['id'], values?: Said['values']): CostProblems => [
  values === undefined ? { id } : { id, values },
];

/** The file's bytes as UTF-8 text, or what is wrong with them in the catalogue's words. */
async function readTextFile(
  path: string,
  file: string,
  maxBytes: number,
  said: {
    readonly tooLarge: Said;
    readonly cannotRead: (values: MessageValues) => Said;
    readonly notText: (values: MessageValues) => Said;
  },
): Promise<Result<{ text: string; changed: Date }, CostProblems>> {
  let bytes: Uint8Array;
  let changed: Date;
  try {
    const st = await stat(path);
    if (st.size > maxBytes) return err([said.tooLarge]);
    changed = st.mtime;
    bytes = await readFile(path);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err([said.cannotRead({ file, problem: readProblem(e), reason })]);
  }
  // the one decoding rule (decision 0011): bytes that are not UTF-8 are refused, not read as U+FFFD
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const { code, line, column } = decoded.error;
    return err([said.notText({ file, problem: code, line, column })]);
  }
  return ok({ text: decoded.value, changed });
}

/** A problem parseDeflatorCsv found, by its code and values, as the catalogue's deflator.problem words. */
function deflatorProblem(file: string, p: DeflatorProblem): Said {
  if (p.reason === 'too_large') return { id: 'cli.deflator.tooLarge', values: { file, ...p.values } };
  const line = 'line' in p.values ? p.values.line : undefined;
  return {
    id: 'cli.deflator.problem',
    values: {
      file,
      hasLine: line === undefined ? 'no' : 'yes',
      line: line ?? 0,
      // 'bad_index' → 'badIndex', the catalogue's select key
      problem: p.reason.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
      got: '',
      ...p.values,
    },
  };
}

/**
 * The GDP deflator series in a CSV file (header `year,index`, one year a line), named after the file and dated
 * by its last change; every problem names the option, the file and the line, in the catalogue's words.
 */
export async function readDeflatorFile(
  cwd: string,
  file: string,
): Promise<Result<DeflatorSeries, CostProblems>> {
  const read = await readTextFile(resolve(cwd, file), file, maxDeflatorCsvBytes, {
    tooLarge: { id: 'cli.deflator.tooLarge', values: { file, limitKb: maxDeflatorCsvBytes / 1024 } },
    cannotRead: (values) => ({ id: 'cli.deflator.cannotRead', values }),
    notText: (values) => ({ id: 'cli.deflator.notText', values }),
  });
  if (!read.ok) return read;
  const parsed = parseDeflatorCsv(read.value.text, {
    title: `GDP deflator series from ${basename(file)}`,
    published: read.value.changed.toISOString().slice(0, 10),
    url: shippedDeflator.url,
  });
  if (!parsed.ok) {
    const [first, ...rest] = parsed.error.map((p) => deflatorProblem(file, p));
    return err([first!, ...rest]);
  }
  return ok(parsed.value);
}

/** What a cost model field must be, by the field's name (as the web app's cost model form says it). */
const fieldExpected: Readonly<Record<string, string>> = {
  name: 'name',
  priceYear: 'priceYear',
  lines: 'lines',
  scope: 'scope',
  key: 'key',
  method: 'method',
  staffMinutes: 'staffMinutes',
  annualSalary: 'annualSalary',
  onCostsPercent: 'percent',
  overheadsPercent: 'percent',
  hoursPerYear: 'hoursPerYear',
  nonStaffCost: 'nonStaffCost',
  unitCost: 'unitCost',
  note: 'note',
};

/** The value at a problem's path (`lines[0].hoursPerYear`) in the file's JSON, if there is one. */
function valueAt(json: unknown, path: string): { found: boolean; value?: unknown } {
  let at: unknown = json;
  for (const step of path.match(/[^.[\]]+/g) ?? []) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, step)) return { found: false };
    at = (at as Record<string, unknown>)[step];
  }
  return { found: true, value: at };
}

/** A problem parseCostModel found, as the catalogue's costModel.field or unknownField values. */
function costModelProblem(file: string, json: unknown, p: InputError): Said {
  const unknown = /^Unrecognized keys?: (.*)$/s.exec(p.message);
  if (unknown)
    return {
      id: 'cli.costModel.unknownField',
      values: {
        file,
        atTop: p.path === '' ? 'yes' : 'no',
        field: p.path,
        keys: unknown[1]!,
        count: unknown[1]!.split(', ').length,
      },
    };
  const field = /[^.[\]]+$/.exec(p.path)?.[0] ?? '';
  const expected = /is repeated$/.test(p.message)
    ? 'repeated'
    : /^expected a channel:/.test(p.message)
      ? 'channel'
      : (fieldExpected[field] ?? 'other');
  const at = valueAt(json, p.path);
  const got = at.found ? JSON.stringify(at.value) : undefined;
  return {
    id: 'cli.costModel.field',
    values: {
      file,
      field: p.path || '(file)',
      expected,
      key: expected === 'repeated' && typeof at.value === 'string' ? at.value : '',
      channels: channelIds.join(', '),
      reason: p.message,
      // a repeated key or an unknown channel is the value itself; saying it again adds nothing
      found: got !== undefined && got.length <= 80 && expected !== 'repeated' ? 'yes' : 'no',
      got: got ?? '',
    },
  };
}

const costModelExample = '{"name": "Desk 2024", "priceYear": "2024", "lines": [...]}';

/**
 * The cost model the options name, in the price year asked for: a workspace model from a JSON file, or a
 * published table (Socitm 2011 by default). Fails with the catalogue's words naming the option, file and field.
 */
export async function resolveCostOptions(
  cwd: string,
  o: CostOptions,
): Promise<Result<ResolvedCostModel, CostProblems>> {
  if (o.costs !== undefined && o.costModel !== undefined) return err(one('cli.costs.both'));
  let model = publishedCostModels.find((m) => m.id === (o.costs ?? defaultCostTableId));
  if (o.costModel !== undefined) {
    const file = o.costModel;
    const read = await readTextFile(resolve(cwd, file), file, maxCostModelBytes, {
      tooLarge: { id: 'cli.costModel.tooLarge', values: { file } },
      cannotRead: (values) => ({
        id: 'eventlog.analyse.optionFile.cannotRead',
        values: { option: 'cost-model', ...values },
      }),
      notText: (values) => ({
        id: 'eventlog.analyse.optionFile.notText',
        values: { option: 'cost-model', ...values },
      }),
    });
    if (!read.ok) return read;
    let json: unknown;
    try {
      json = JSON.parse(read.value.text);
    } catch (e) {
      return err(
        one('eventlog.analyse.optionFile.notJson', {
          option: 'cost-model',
          file,
          ...jsonPlaceValues(read.value.text, e),
        }),
      );
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      return err(one('cli.costModel.notObject', { file, example: costModelExample }));
    const parsed = parseCostModel(json);
    if (!parsed.ok) {
      const [first, ...rest] = parsed.error.map((p) => costModelProblem(file, json, p));
      return err([first!, ...rest]);
    }
    model = { ...parsed.value, id: file, kind: 'workspace' };
  }
  if (!model)
    return err(
      one('cli.costs.unknownTable', { value: o.costs ?? '', tables: costTables.map((t) => t.id).join(', ') }),
    );
  if (o.priceYear !== undefined && !isPriceYear(o.priceYear))
    return err(one('cli.priceYear.bad', { value: o.priceYear }));
  let deflator: DeflatorSeries | undefined;
  if (o.deflator !== undefined) {
    if (o.priceYear === undefined) return err(one('cli.deflator.needsPriceYear', { file: o.deflator }));
    const read = await readDeflatorFile(cwd, o.deflator);
    if (!read.ok) return read;
    deflator = read.value;
  }
  const resolved = resolveCostModel(model, {
    ...(o.priceYear === undefined ? {} : { toPriceYear: o.priceYear }),
    ...(deflator ? { deflator } : {}),
  });
  if (!resolved.ok) {
    const to = o.priceYear ?? model.priceYear;
    if (model.priceYear === '') return err(one('cli.priceYear.noModelYear', { model: model.name, year: to }));
    const series = deflator ?? shippedDeflator;
    const years = Object.keys(series.index).sort();
    // the model's own year is missing from the series only when the year asked for is in it
    const modelYearMissing = series.index[model.priceYear] === undefined;
    return err(
      one('cli.priceYear.notInSeries', {
        to,
        series: series.title,
        first: years[0] ?? '',
        last: years[years.length - 1] ?? '',
        which: modelYearMissing ? 'model' : 'asked',
        year: modelYearMissing ? model.priceYear : to,
        model: model.name,
      }),
    );
  }
  return ok(resolved.value);
}

/** The resolved table with its source saying the model and price base, for reports that print the source. */
export const labelledTable = (r: ResolvedCostModel): CostTable => ({
  ...r.table,
  source: costBasisLabel(r.basis),
});
