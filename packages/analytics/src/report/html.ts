import type { Bin } from '../metrics/histogram';
import { formatDuration, percent, pounds, round } from './format';
import type { JsonReport } from './json';
import { evidenceFigures } from './evidence-figures';
import { renderProcessMap } from './process-map';
import type { ReportWords } from './words';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const style = `body{font-family:system-ui,Arial,sans-serif;margin:2rem;color:#0b0c0c;max-width:1200px}h1{font-size:1.8rem}h2{margin-top:2.2rem;border-bottom:2px solid #b1b4b6}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px}.figure{border-left:5px solid #1d70b8;padding:8px 12px;background:#f3f2f1}.figure b{display:block;font-size:1.5rem}
table{border-collapse:collapse;margin:1rem 0}th,td{border-bottom:1px solid #b1b4b6;padding:4px 10px;text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow:auto;border:1px solid #b1b4b6}.map .edge path{fill:none;stroke:#505a5f;opacity:.75}.map .edge text{font-size:11px;fill:#0b0c0c;text-anchor:middle}
.map .node rect{fill:#d2e2f1;stroke:#1d70b8}.map .node text{font-size:12px;text-anchor:middle}.bar{fill:#1d70b8}.hist text{font-size:11px}.warn{background:#fff7bf;padding:8px}`;

function histogramSvg(
  bins: readonly Bin[],
  label: string,
  unit: (x: number) => string,
  w: ReportWords,
): string {
  if (bins.length === 0) return `<p>${esc(w('eventlog.report.noData'))}</p>`;
  const max = Math.max(...bins.map((b) => b.count));
  const bw = Math.max(8, Math.floor(600 / bins.length));
  const h = 160;
  const bars = bins.map((b, i) => {
    const bh = max ? (b.count / max) * h : 0;
    const title = w('eventlog.report.histogramBar', { from: unit(b.from), to: unit(b.to), count: b.count });
    return `<rect class="bar" x="${40 + i * bw}" y="${10 + h - bh}" width="${bw - 2}" height="${bh}"><title>${esc(title)}</title></rect>`;
  });
  const first = bins[0] as Bin;
  const last = bins[bins.length - 1] as Bin;
  return `<svg class="hist" role="img" aria-label="${esc(label)}" width="${60 + bins.length * bw}" height="${h + 40}">${bars.join('')}<text x="40" y="${h + 28}">${esc(unit(first.from))}</text><text x="${40 + bins.length * bw}" y="${h + 28}" text-anchor="end">${esc(unit(last.to))}</text><text x="0" y="14">${max}</text></svg>`;
}

/**
 * One self-contained HTML file: key figures, process map, variants, histograms; no scripts, no external files. In
 * the reader's words (`w`, the catalogue's `eventlog.report.*`), its `lang` theirs; the log's warnings are written
 * as the report has them: give them in the reader's words too.
 */
export function renderHtmlReport(r: JsonReport, title: string, w: ReportWords): string {
  const l = r.log;
  const dur = (s: number | null | undefined) => formatDuration(s, w);
  const fig = (label: string, value: string): string =>
    `<div class="figure">${esc(label)}<b>${esc(value)}</b></div>`;
  const th = (...ids: Parameters<ReportWords>[0][]) => ids.map((id) => `<th>${esc(w(id))}</th>`).join('');
  const h2 = (id: Parameters<ReportWords>[0]) => `<h2>${esc(w(id))}</h2>`;
  const figures = [
    fig(w('eventlog.report.cases'), round(l.cases, 0)),
    fig(w('eventlog.report.events'), round(l.events, 0)),
    fig(w('eventlog.report.contactsPerCaseMedian'), round(r.cases.contactsPerCase.median)),
    fig(w('eventlog.report.endToEndMedian'), dur(r.cases.durationSeconds.median)),
    fig(w('eventlog.report.variants'), round(r.variants.count, 0)),
    ...(r.handoffs ? [fig(w('eventlog.report.handOffsPerCase'), round(r.handoffs.perCase.mean))] : []),
    fig(w('eventlog.report.rework'), percent(r.rework.shareOfCases)),
    fig(
      w('eventlog.report.silentShare', { duration: dur(r.silences.thresholdSeconds) }),
      percent(r.silences.shareOverThreshold),
    ),
    fig(
      w('eventlog.report.avoidable'),
      w('eventlog.report.avoidableRange', {
        percent: round(r.avoidable.ni14Percent, 1),
        low: round(r.avoidable.interval.low, 1),
        high: round(r.avoidable.interval.high, 1),
      }),
    ),
    ...(r.firstContactResolution
      ? [fig(w('eventlog.report.firstContactResolution'), percent(r.firstContactResolution.rate))]
      : []),
    ...(r.channels ? [fig(w('eventlog.report.costPerJourney'), pounds(r.channels.costPerJourney.mean))] : []),
    ...evidenceFigures(r, w).map(([k, v]) => fig(k, v)),
    fig(w('eventlog.report.rejectedRows'), round(l.rejectedRows, 0)),
  ];
  const variants = r.variants.top
    .slice(0, 10)
    .map(
      (v, i) =>
        `<tr><td class="n">${i + 1}</td><td class="n">${v.cases}</td><td class="n">${esc(percent(v.coverage))}</td><td>${esc(v.activities.join(' → '))}</td></tr>`,
    )
    .join('');
  const batons = (r.handoffs?.matrix ?? [])
    .slice(0, 15)
    .map((b) => `<tr><td>${esc(b.from)}</td><td>${esc(b.to)}</td><td class="n">${b.count}</td></tr>`)
    .join('');
  const channels = (r.channels?.channels ?? [])
    .map(
      (c) =>
        `<tr><td>${esc(c.channel)}</td><td class="n">${c.contacts}</td><td class="n">${esc(percent(c.share))}</td><td class="n">${esc(pounds(c.unitCost))}</td></tr>`,
    )
    .join('');
  const warnings = l.warnings.length
    ? `<div class="warn"><strong>${esc(w('eventlog.report.warnings'))}</strong><ul>${l.warnings.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></div>`
    : '';
  const heading = esc(w('eventlog.report.title', { title }));
  const readLine = w('eventlog.report.readLine', {
    start: l.start ?? '–',
    end: l.end ?? '–',
    format: l.format,
    rows: round(l.rows, 0),
    rejected: round(l.rejectedRows, 0),
  });
  const unitCosts = r.channels?.table
    ? `<p>${esc(w('eventlog.report.unitCosts', { source: r.channels.table.source, year: String(r.channels.table.year) }))}</p>`
    : '';
  return `<!doctype html>
<html lang="${esc(w('eventlog.report.languageTag'))}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${heading}</title><style>${style}</style></head>
<body><main>
<h1>${heading}</h1>
<p>${esc(readLine)}</p>
${warnings}
${h2('eventlog.report.keyFigures')}<div class="figures">${figures.join('')}</div>
${h2('eventlog.report.processMap')}<p>${esc(w('eventlog.report.processMapIntro'))}</p><div class="scroll">${renderProcessMap(r.dfg.edges, r.dfg.startActivities, w)}</div>
${h2('eventlog.report.variants')}<table><thead><tr><th>#</th>${th('eventlog.report.cases', 'eventlog.report.coverage', 'eventlog.report.activities')}</tr></thead><tbody>${variants}</tbody></table>
${h2('eventlog.report.contactsHeading')}${histogramSvg(r.histograms.contactsPerCase, w('eventlog.report.contactsHistogram'), (x) => round(x, 0), w)}
${h2('eventlog.report.endToEndHeading')}${histogramSvg(r.histograms.durationDays, w('eventlog.report.endToEndHistogram'), (x) => w('eventlog.report.duration.daysShort', { value: round(x, 1) }), w)}
${batons ? `${h2('eventlog.report.batonChanges')}<table><thead><tr>${th('eventlog.report.from', 'eventlog.report.to', 'eventlog.report.count')}</tr></thead><tbody>${batons}</tbody></table>` : ''}
${channels ? `${h2('eventlog.report.channelMix')}<table><thead><tr>${th('eventlog.report.channel', 'eventlog.report.contacts', 'eventlog.report.share', 'eventlog.report.poundsPerContact')}</tr></thead><tbody>${channels}</tbody></table>${unitCosts}` : ''}
</main></body></html>
`;
}
