import type { BusinessCase } from './business-case';
import type { CaseSection } from './five-case';
import { formatMoney, sumPence, type Pence } from './money';
import { escapeHtml as esc, formatFigureValue, formatNumber, formatYears } from './report-format';
import type { ScorecardRow } from './scorecard';
import type { TornadoBar } from './sensitivity';
import type { SwitchingValue } from './switching-value';

/** Everything a printed business case shows; the date comes in (pure code has no clock). */
export interface BusinessCaseReport {
  readonly title: string;
  /** ISO date the report was produced, e.g. 2026-11-23. */
  readonly generatedOn: string;
  readonly organisation?: string;
  readonly businessCase: BusinessCase;
  readonly fiveCase: readonly CaseSection[];
  readonly scorecard?: readonly ScorecardRow[];
  readonly tornado?: readonly TornadoBar[];
  readonly switching?: SwitchingValue;
}

// Inline styles survive pasting into a word processor; the <style> block only adds print rules.
const S = {
  table: 'border-collapse:collapse;width:100%;margin:0 0 12pt 0;font-size:10pt',
  th: 'border:1px solid #505a5f;padding:3pt 5pt;background:#f3f2f1;text-align:left;vertical-align:bottom',
  td: 'border:1px solid #505a5f;padding:3pt 5pt;vertical-align:top',
  num: 'border:1px solid #505a5f;padding:3pt 5pt;text-align:right;white-space:nowrap',
  caption: 'text-align:left;font-weight:bold;padding:0 0 4pt 0',
  note: 'font-size:9pt;color:#505a5f',
};
const printCss =
  '@page{size:A4;margin:18mm 16mm}body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;color:#0b0c0c;line-height:1.35}thead{display:table-header-group}tr{break-inside:avoid}h1,h2,h3{break-after:avoid}';

type Cell = { readonly text: string; readonly numeric?: boolean };
const n = (text: string): Cell => ({ text, numeric: true });
const t = (text: string): Cell => ({ text });

function table(caption: string, head: readonly Cell[], rows: readonly (readonly Cell[])[]): string {
  const th = head
    .map(
      (c) =>
        `<th scope="col" style="${c.numeric === true ? `${S.th};text-align:right` : S.th}">${esc(c.text)}</th>`,
    )
    .join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row" style="${S.td};font-weight:normal;text-align:left">${esc(c.text)}</th>` : `<td style="${c.numeric === true ? S.num : S.td}">${esc(c.text)}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<table style="${S.table}"><caption style="${S.caption}">${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const m = (p: Pence) => n(formatMoney(p));
/** Rates such as 0.035 need more places than pounds or journeys. */
const places = (value: number) => (Math.abs(value) < 1 ? 4 : 2);

function summary(bc: BusinessCase): string {
  return table(
    'Summary',
    [t('Measure'), n('Value')],
    [
      [t('Present value of benefits'), m(bc.pv.benefits)],
      [t('Present value of costs, with optimism bias'), m(bc.pv.costs)],
      [t('Net present social value'), m(bc.npsv)],
      [t('Benefit-cost ratio'), n(bc.bcr === null ? 'no costs' : formatNumber(bc.bcr, 2))],
      [t('Simple payback (supplementary)'), n(formatYears(bc.simplePaybackYears))],
      [t('Discounted payback (supplementary)'), n(formatYears(bc.discountedPaybackYears))],
    ],
  );
}

function fiveCase(sections: readonly CaseSection[]): string {
  return sections
    .map((s) => {
      const text =
        s.text.trim() === ''
          ? '<p><em>To be written.</em></p>'
          : s.text
              .split(/\n{2,}/)
              .map((p) => `<p>${esc(p)}</p>`)
              .join('\n');
      const figures =
        s.figures.length === 0
          ? ''
          : table(
              `${s.title}: figures`,
              [t('Figure'), n('Value')],
              s.figures.map((f) => [t(f.label), n(formatFigureValue(f.value))]),
            );
      return `<h3>${esc(s.title)}</h3>\n<p><strong>${esc(s.question)}</strong></p>\n${text}\n${figures}`;
    })
    .join('\n');
}

function yearly(bc: BusinessCase): string {
  const total = (pick: (y: BusinessCase['years'][number]) => Pence) => m(sumPence(bc.years.map(pick)));
  const rows = bc.years.map((y) => [
    t(y.calendarYear === null ? String(y.year) : `${y.year} (${y.calendarYear})`),
    n(y.volume === null ? '' : formatNumber(y.volume)),
    m(y.cashReleasing),
    m(y.timeReleased),
    m(y.costs),
    m(y.net),
    n(y.discountFactor.toFixed(4)),
    m(y.pvNet),
  ]);
  rows.push([
    t('Total'),
    n(''),
    total((y) => y.cashReleasing),
    total((y) => y.timeReleased),
    total((y) => y.costs),
    total((y) => y.net),
    n(''),
    m(bc.npsv),
  ]);
  return table(
    'Costs and benefits by year (real terms)',
    [
      t('Year'),
      n('Journeys'),
      n('Cash-releasing'),
      n('Time released'),
      n('Costs with optimism bias'),
      n('Net'),
      n('Discount factor'),
      n('Present value'),
    ],
    rows,
  );
}

function sensitivity(bars: readonly TornadoBar[] | undefined, sv: SwitchingValue | undefined): string {
  const parts: string[] = [];
  if (bars !== undefined && bars.length > 0) {
    parts.push(
      table(
        'Net present social value when each assumption moves',
        [t('Assumption'), n('Low value'), n('NPSV at low'), n('High value'), n('NPSV at high'), n('Swing')],
        bars.map((b) => [
          t(b.label),
          n(formatNumber(b.lowValue, places(b.baseValue))),
          m(b.npsvAtLow),
          n(formatNumber(b.highValue, places(b.baseValue))),
          m(b.npsvAtHigh),
          m(b.swing),
        ]),
      ),
    );
  }
  if (sv !== undefined) {
    const text =
      sv.value === null
        ? `No value of ${sv.label} brings the net present social value to zero.`
        : `Switching value: the net present social value falls to zero when ${sv.label} is ${formatNumber(sv.value, 2)} (now ${formatNumber(sv.baseValue, 2)}; a change of ${formatNumber(sv.changePercent!, 1)} %).`;
    parts.push(`<p>${esc(text)}</p>`);
  }
  return parts.length === 0 ? '' : `<h2>Sensitivity</h2>\n${parts.join('\n')}`;
}

function scorecard(rows: readonly ScorecardRow[] | undefined): string {
  if (rows === undefined) return '';
  const body = rows.flatMap((r) =>
    r.benefits.map((b) => [
      t(r.label),
      t(b.description),
      t(b.figureKey ?? ''),
      n(b.current === null ? '' : formatNumber(b.current, 2)),
      n(b.expected === undefined ? '' : formatNumber(b.expected, 2)),
      t(b.quantified ? 'quantified' : 'not quantified'),
      t(b.money),
    ]),
  );
  return `<h2>Balanced Scorecard benefits</h2>\n${table('Benefits by perspective', [t('Perspective'), t('Benefit'), t('Journey figure'), n('Now'), n('Expected'), t('Quantified'), t('Money')], body)}`;
}

/** A complete HTML document: semantic tables, inline styles, no scripts; prints on A4 and pastes into a word processor. */
export function renderBusinessCaseHtml(report: BusinessCaseReport): string {
  const bc = report.businessCase;
  const meta = [
    report.organisation,
    `Produced ${report.generatedOn}`,
    `Discount rates: ${bc.schedule.label} (${bc.schedule.id})`,
  ]
    .filter((x) => x !== undefined)
    .join(' · ');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${esc(report.title)}</title><style>${printCss}</style></head>
<body>
<h1>${esc(report.title)}</h1>
<p style="${S.note}">${esc(meta)}</p>
<h2>Summary</h2>
${summary(bc)}
<h2>Five Case outline</h2>
${fiveCase(report.fiveCase)}
<h2>Appraisal by year</h2>
${yearly(bc)}
${sensitivity(report.tornado, report.switching)}
${scorecard(report.scorecard)}
<h2>Notes</h2>
<p style="${S.note}">${esc(`Real terms, discounted with ${bc.schedule.source}, effective from ${bc.schedule.effectiveFrom}; year 0 is undiscounted. Cash-releasing savings are kept apart from time released. Payback is supplementary, not a decision rule. Figures are rounded to the penny; totals may not sum because of rounding.`)}</p>
</body>
</html>
`;
}
