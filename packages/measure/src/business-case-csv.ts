import { appraise } from './appraisal';
import type { BusinessCase } from './business-case';
import { toCsv, type CsvCell } from './csv';
import { poundsToPence, penceToDecimalString, type Pence } from './money';
import { englishWords, type Words } from './words';

const money = (p: Pence): string => penceToDecimalString(p);

/** The yearly table as CSV: pounds with two decimals, no currency signs, a total and a present-value row. */
export function renderBusinessCaseCsv(bc: BusinessCase, w: Words = englishWords): string {
  const header: CsvCell[] = (
    [
      'year',
      'calendarYear',
      'journeys',
      'cashReleasing',
      'timeReleased',
      'benefits',
      'costsBeforeBias',
      'optimismBias',
      'costs',
      'net',
      'discountFactor',
      'pvBenefits',
      'pvCosts',
      'pvNet',
    ] as const
  ).map((k) => w.t(`measure.csv.${k}`));
  const rows: CsvCell[][] = bc.years.map((y) => [
    y.year,
    y.calendarYear,
    y.volume,
    money(y.cashReleasing),
    money(y.timeReleased),
    money(y.benefits),
    money(y.costsBeforeOptimismBias),
    money(y.optimismBias),
    money(y.costs),
    money(y.net),
    Number(y.discountFactor.toFixed(6)),
    money(y.pvBenefits),
    money(y.pvCosts),
    money(y.pvNet),
  ]);
  const pv = bc.pv;
  rows.push([
    w.t('measure.csv.presentValue'),
    null,
    null,
    money(pv.cashReleasing),
    money(pv.timeReleased),
    money(pv.benefits),
    money(pv.costsBeforeOptimismBias),
    money(pv.optimismBias),
    money(pv.costs),
    money(bc.npsv),
    null,
    money(pv.benefits),
    money(pv.costs),
    money(bc.npsv),
  ]);
  return toCsv([header, ...rows]);
}

/** One row per saving and cost line with its amount in each year (optimism bias shown on its own line). */
export function renderBusinessCaseLinesCsv(bc: BusinessCase, w: Words = englishWords): string {
  const { input } = bc;
  const years = bc.years.map((y) => y.year);
  const only = (patch: Partial<typeof input>) =>
    appraise({ ...input, savings: [], costs: [], ...patch }, bc.schedule).years;
  const rows: CsvCell[][] = [
    [
      w.t('measure.csv.line'),
      w.t('measure.csv.label'),
      w.t('measure.csv.kind'),
      ...years.map((y) => w.t('measure.csv.yearColumn', { year: String(y) })),
    ],
  ];
  for (const s of input.savings) {
    const flows = only({ savings: [s] });
    rows.push([
      s.id,
      s.label,
      s.kind,
      ...flows.map((y) => money(poundsToPence(y.cashReleasing + y.timeReleased))),
    ]);
  }
  for (const c of input.costs) {
    const flows = only({ costs: [c] });
    rows.push([c.id, c.label, c.kind, ...flows.map((y) => money(poundsToPence(y.costsBeforeOptimismBias)))]);
    if (flows.some((y) => y.optimismBias > 0))
      rows.push([
        `${c.id}.optimism-bias`,
        w.t('measure.csv.optimismBiasOf', { label: c.label }),
        'optimism-bias',
        ...flows.map((y) => money(poundsToPence(y.optimismBias))),
      ]);
  }
  return toCsv(rows);
}
