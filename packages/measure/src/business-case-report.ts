import type { BusinessCase } from './business-case';
import type { CaseSection } from './five-case';
import { formatMoney, sumPence, type Pence } from './money';
import { escapeHtml as esc, formatFigureValue, formatNumber, formatYears } from './report-format';
import type { ScorecardRow } from './scorecard';
import type { TornadoBar } from './sensitivity';
import type { SwitchingValue } from './switching-value';
import { scheduleLabel } from './green-book';
import { englishWords, type Words } from './words';

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

function summary(bc: BusinessCase, w: Words): string {
  return table(
    w.t('measure.report.summary'),
    [t(w.t('measure.report.measure')), n(w.t('measure.report.value'))],
    [
      [t(w.t('measure.figure.pvBenefits')), m(bc.pv.benefits)],
      [t(w.t('measure.figure.pvCosts')), m(bc.pv.costs)],
      [t(w.t('measure.figure.npsv')), m(bc.npsv)],
      [
        t(w.t('measure.figure.bcr')),
        n(bc.bcr === null ? w.t('measure.value.noCosts') : formatNumber(bc.bcr, 2)),
      ],
      [t(w.t('measure.figure.simplePayback')), n(formatYears(bc.simplePaybackYears, w))],
      [t(w.t('measure.figure.discountedPayback')), n(formatYears(bc.discountedPaybackYears, w))],
    ],
  );
}

function fiveCase(sections: readonly CaseSection[], w: Words): string {
  return sections
    .map((s) => {
      const text =
        s.text.trim() === ''
          ? `<p><em>${esc(w.t('measure.report.toBeWritten'))}</em></p>`
          : s.text
              .split(/\n{2,}/)
              .map((p) => `<p>${esc(p)}</p>`)
              .join('\n');
      const figures =
        s.figures.length === 0
          ? ''
          : table(
              w.t('measure.report.figuresOf', { section: s.title }),
              [t(w.t('measure.report.figure')), n(w.t('measure.report.value'))],
              s.figures.map((f) => [t(f.label), n(formatFigureValue(f.value, w))]),
            );
      return `<h3>${esc(s.title)}</h3>\n<p><strong>${esc(s.question)}</strong></p>\n${text}\n${figures}`;
    })
    .join('\n');
}

function yearly(bc: BusinessCase, w: Words): string {
  const total = (pick: (y: BusinessCase['years'][number]) => Pence) => m(sumPence(bc.years.map(pick)));
  const rows = bc.years.map((y) => [
    t(
      y.calendarYear === null
        ? String(y.year)
        : w.t('measure.report.yearWithCalendar', {
            year: String(y.year),
            calendarYear: String(y.calendarYear),
          }),
    ),
    n(y.volume === null ? '' : formatNumber(y.volume)),
    m(y.cashReleasing),
    m(y.timeReleased),
    m(y.costs),
    m(y.net),
    n(y.discountFactor.toFixed(4)),
    m(y.pvNet),
  ]);
  rows.push([
    t(w.t('measure.report.total')),
    n(''),
    total((y) => y.cashReleasing),
    total((y) => y.timeReleased),
    total((y) => y.costs),
    total((y) => y.net),
    n(''),
    m(bc.npsv),
  ]);
  return table(
    w.t('measure.report.byYearCaption'),
    [
      t(w.t('measure.report.year')),
      n(w.t('measure.report.journeys')),
      n(w.t('measure.report.cashReleasing')),
      n(w.t('measure.report.timeReleased')),
      n(w.t('measure.report.costsWithBias')),
      n(w.t('measure.report.net')),
      n(w.t('measure.report.discountFactor')),
      n(w.t('measure.report.presentValue')),
    ],
    rows,
  );
}

function sensitivity(
  bars: readonly TornadoBar[] | undefined,
  sv: SwitchingValue | undefined,
  w: Words,
): string {
  const parts: string[] = [];
  if (bars !== undefined && bars.length > 0) {
    parts.push(
      table(
        w.t('measure.report.tornadoCaption'),
        [
          t(w.t('measure.report.assumption')),
          n(w.t('measure.report.lowValue')),
          n(w.t('measure.report.npsvAtLow')),
          n(w.t('measure.report.highValue')),
          n(w.t('measure.report.npsvAtHigh')),
          n(w.t('measure.report.swing')),
        ],
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
        ? w.t('measure.report.noSwitchingValue', { label: sv.label })
        : w.t('measure.report.switchingValue', {
            label: sv.label,
            value: formatNumber(sv.value, 2),
            base: formatNumber(sv.baseValue, 2),
            percent: formatNumber(sv.changePercent!, 1),
          });
    parts.push(`<p>${esc(text)}</p>`);
  }
  return parts.length === 0 ? '' : `<h2>${esc(w.t('measure.report.sensitivity'))}</h2>\n${parts.join('\n')}`;
}

function scorecard(rows: readonly ScorecardRow[] | undefined, w: Words): string {
  if (rows === undefined) return '';
  const body = rows.flatMap((r) =>
    r.benefits.map((b) => [
      t(r.label),
      t(b.description),
      t(b.figureKey ?? ''),
      n(b.current === null ? '' : formatNumber(b.current, 2)),
      n(b.expected === undefined ? '' : formatNumber(b.expected, 2)),
      t(w.t(b.quantified ? 'measure.report.isQuantified' : 'measure.report.notQuantified')),
      t(w.t(`measure.money.${b.money}`)),
    ]),
  );
  const head = [
    t(w.t('measure.report.perspective')),
    t(w.t('measure.report.benefit')),
    t(w.t('measure.report.journeyFigure')),
    n(w.t('measure.report.now')),
    n(w.t('measure.report.expected')),
    t(w.t('measure.report.quantified')),
    t(w.t('measure.report.money')),
  ];
  return `<h2>${esc(w.t('measure.report.scorecard'))}</h2>\n${table(w.t('measure.report.scorecardCaption'), head, body)}`;
}

/** A complete HTML document: semantic tables, inline styles, no scripts; prints on A4 and pastes into a word processor. */
export function renderBusinessCaseHtml(report: BusinessCaseReport, w: Words = englishWords): string {
  const bc = report.businessCase;
  const meta = [
    report.organisation,
    w.t('measure.report.produced', {
      date: w.date(report.generatedOn, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    }),
    w.t('measure.report.discountRates', { label: scheduleLabel(bc.schedule, w), id: bc.schedule.id }),
  ]
    .filter((x) => x !== undefined)
    .join(' · ');
  return `<!DOCTYPE html>
<html lang="${w.tag}">
<head><meta charset="utf-8"><title>${esc(report.title)}</title><style>${printCss}</style></head>
<body>
<h1>${esc(report.title)}</h1>
<p style="${S.note}">${esc(meta)}</p>
<h2>${esc(w.t('measure.report.summary'))}</h2>
${summary(bc, w)}
<h2>${esc(w.t('measure.report.fiveCase'))}</h2>
${fiveCase(report.fiveCase, w)}
<h2>${esc(w.t('measure.report.appraisalByYear'))}</h2>
${yearly(bc, w)}
${sensitivity(report.tornado, report.switching, w)}
${scorecard(report.scorecard, w)}
<h2>${esc(w.t('measure.report.notes'))}</h2>
<p style="${S.note}">${esc(w.t('measure.report.notesText', { source: bc.schedule.source, date: bc.schedule.effectiveFrom }))}</p>
</body>
</html>
`;
}
