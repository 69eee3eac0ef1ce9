import {
  buildUp,
  costModelSchema,
  poundsToPence,
  penceToPounds,
  type CostModel,
  type CostModelInput,
} from '@waymark/measure';
import { formatMoney, formatNumber, t, type MessageId } from '../i18n';

/** One line of the form as typed: every number a string until it is read. */
export interface LineDraft {
  readonly scope: 'channel' | 'activity';
  readonly key: string;
  readonly method: 'built-up' | 'direct';
  readonly staffMinutes: string;
  readonly annualSalary: string;
  readonly onCostsPercent: string;
  readonly overheadsPercent: string;
  readonly hoursPerYear: string;
  readonly nonStaffCost: string;
  readonly unitCost: string;
}

export interface ModelDraft {
  readonly name: string;
  readonly priceYear: string;
  readonly lines: readonly LineDraft[];
}

export const builtUpFields = [
  'staffMinutes',
  'annualSalary',
  'onCostsPercent',
  'overheadsPercent',
  'hoursPerYear',
  'nonStaffCost',
] as const;

export const emptyLine = (): LineDraft => ({
  scope: 'channel',
  key: 'telephone',
  method: 'built-up',
  staffMinutes: '',
  annualSalary: '',
  onCostsPercent: '',
  overheadsPercent: '',
  hoursPerYear: '',
  nonStaffCost: '0',
  unitCost: '',
});

export const emptyModel = (year: string): ModelDraft => ({ name: '', priceYear: year, lines: [emptyLine()] });

export function draftOf(model: CostModel): ModelDraft {
  return {
    name: model.name,
    priceYear: model.priceYear,
    lines: model.lines.map((l) =>
      l.method === 'direct'
        ? { ...emptyLine(), scope: l.scope, key: l.key, method: 'direct', unitCost: String(l.unitCost) }
        : {
            ...emptyLine(),
            scope: l.scope,
            key: l.key,
            method: 'built-up',
            staffMinutes: String(l.staffMinutes),
            annualSalary: String(l.annualSalary),
            onCostsPercent: String(l.onCostsPercent),
            overheadsPercent: String(l.overheadsPercent),
            hoursPerYear: String(l.hoursPerYear),
            nonStaffCost: String(l.nonStaffCost),
          },
    ),
  };
}

/** A typed number: '26,000' and '£26000' read as 26000; blank or words as NaN (refused by the schema). */
export const readNumber = (text: string): number => {
  const clean = text.replace(/[£,%\s]/g, '');
  return clean === '' ? Number.NaN : Number(clean);
};

function lineInput(l: LineDraft) {
  const base = { scope: l.scope, key: l.key.trim(), method: l.method };
  if (l.method === 'direct') return { ...base, unitCost: readNumber(l.unitCost) };
  return Object.fromEntries([
    ...Object.entries(base),
    ...builtUpFields.map((f) => [f, f === 'nonStaffCost' && l[f].trim() === '' ? 0 : readNumber(l[f])]),
  ]);
}

/** The catalogue's words for a problem at `path` (`lines[2].annualSalary`). */
function problemWords(path: string, message: string): MessageId {
  const field =
    path
      .split('.')
      .pop()
      ?.replace(/\[\d+\]$/, '') ?? '';
  if (message.includes('repeated')) return 'costs.error.repeated';
  const known: Record<string, MessageId> = {
    name: 'costs.error.name',
    priceYear: 'costs.error.priceYear',
    key: 'costs.error.key',
    staffMinutes: 'costs.error.staffMinutes',
    annualSalary: 'costs.error.annualSalary',
    onCostsPercent: 'costs.error.percent',
    overheadsPercent: 'costs.error.percent',
    hoursPerYear: 'costs.error.hoursPerYear',
    nonStaffCost: 'costs.error.pounds',
    unitCost: 'costs.error.pounds',
  };
  return known[field] ?? 'costs.error.line';
}

export type ReadModel =
  | { readonly ok: true; readonly model: CostModelInput }
  | { readonly ok: false; readonly problems: Readonly<Record<string, MessageId>> };

/** The draft checked with the schema the API uses; each problem keyed by its field's path. */
export function readDraft(d: ModelDraft): ReadModel {
  const parsed = costModelSchema.safeParse({
    name: d.name,
    priceYear: d.priceYear.trim(),
    lines: d.lines.map(lineInput),
  });
  if (parsed.success) return { ok: true, model: parsed.data };
  const problems: Record<string, MessageId> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.reduce<string>(
      (out, k) => (typeof k === 'number' ? `${out}[${k}]` : out === '' ? String(k) : `${out}.${String(k)}`),
      '',
    );
    problems[path] ??= problemWords(path, issue.message);
  }
  return { ok: false, problems };
}

const percent = (n: number) => formatNumber(n, { maximumFractionDigits: 2 });

/** The build-up of a line in words, or null while a number is missing: what the officer checks by eye. */
export function workingOf(l: LineDraft): string | null {
  if (l.method === 'direct') {
    const cost = readNumber(l.unitCost);
    return Number.isFinite(cost) && cost >= 0
      ? t('costs.working.direct', { unitCost: formatMoney(cost) })
      : null;
  }
  const [staffMinutes, annualSalary, onCostsPercent, overheadsPercent, hoursPerYear] = builtUpFields
    .slice(0, 5)
    .map((f) => readNumber(l[f])) as [number, number, number, number, number];
  const nonStaffCost = l.nonStaffCost.trim() === '' ? 0 : readNumber(l.nonStaffCost);
  if (
    ![staffMinutes, annualSalary, onCostsPercent, overheadsPercent, hoursPerYear, nonStaffCost].every(
      Number.isFinite,
    )
  )
    return null;
  if (!(hoursPerYear > 0)) return null;
  const b = buildUp({
    staffMinutes,
    annualSalary,
    onCostsPercent,
    overheadsPercent,
    hoursPerYear,
    nonStaffCost,
  });
  const pounds = (n: number) => formatMoney(penceToPounds(poundsToPence(n)));
  return t('costs.working.builtUp', {
    salary: pounds(annualSalary),
    onCosts: percent(onCostsPercent),
    overheads: percent(overheadsPercent),
    hours: formatNumber(hoursPerYear),
    rate: pounds(b.loadedHourlyRate),
    minutes: formatNumber(staffMinutes),
    staffCost: pounds(b.staffCost),
    nonStaff: pounds(nonStaffCost),
    unitCost: formatMoney(penceToPounds(b.unitCostPence)),
  });
}

/** A saved line's unit cost, to the penny, as shown in the lists. */
export const unitCostOf = (line: CostModel['lines'][number]): string =>
  formatMoney(
    penceToPounds(line.method === 'direct' ? poundsToPence(line.unitCost) : buildUp(line).unitCostPence),
  );
