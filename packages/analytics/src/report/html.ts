import type { Bin } from '../metrics/histogram';
import { formatDuration, percent, pounds, round } from './format';
import type { JsonReport } from './json';
import { evidenceFigures } from './evidence-figures';
import { renderProcessMap } from './process-map';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const style = `body{font-family:system-ui,Arial,sans-serif;margin:2rem;color:#0b0c0c;max-width:1200px}h1{font-size:1.8rem}h2{margin-top:2.2rem;border-bottom:2px solid #b1b4b6}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px}.figure{border-left:5px solid #1d70b8;padding:8px 12px;background:#f3f2f1}.figure b{display:block;font-size:1.5rem}
table{border-collapse:collapse;margin:1rem 0}th,td{border-bottom:1px solid #b1b4b6;padding:4px 10px;text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow:auto;border:1px solid #b1b4b6}.map .edge path{fill:none;stroke:#505a5f;opacity:.75}.map .edge text{font-size:11px;fill:#0b0c0c;text-anchor:middle}
.map .node rect{fill:#d2e2f1;stroke:#1d70b8}.map .node text{font-size:12px;text-anchor:middle}.bar{fill:#1d70b8}.hist text{font-size:11px}.warn{background:#fff7bf;padding:8px}`;

function histogramSvg(bins: readonly Bin[], label: string, unit: (x: number) => string): string {
  if (bins.length === 0) return '<p>No data.</p>';
  const max = Math.max(...bins.map((b) => b.count));
  const bw = Math.max(8, Math.floor(600 / bins.length));
  const h = 160;
  const bars = bins.map((b, i) => {
    const bh = max ? (b.count / max) * h : 0;
    return `<rect class="bar" x="${40 + i * bw}" y="${10 + h - bh}" width="${bw - 2}" height="${bh}"><title>${esc(unit(b.from))}–${esc(unit(b.to))}: ${b.count} cases</title></rect>`;
  });
  const first = bins[0] as Bin;
  const last = bins[bins.length - 1] as Bin;
  return `<svg class="hist" role="img" aria-label="${esc(label)}" width="${60 + bins.length * bw}" height="${h + 40}">${bars.join('')}<text x="40" y="${h + 28}">${esc(unit(first.from))}</text><text x="${40 + bins.length * bw}" y="${h + 28}" text-anchor="end">${esc(unit(last.to))}</text><text x="0" y="14">${max}</text></svg>`;
}

/** One self-contained HTML file: key figures, process map, variants, histograms; no scripts, no external files. */
export function renderHtmlReport(r: JsonReport, title: string): string {
  const l = r.log;
  const fig = (label: string, value: string): string =>
    `<div class="figure">${esc(label)}<b>${esc(value)}</b></div>`;
  const figures = [
    fig('Cases', round(l.cases, 0)),
    fig('Events', round(l.events, 0)),
    fig('Contacts per case (median)', round(r.cases.contactsPerCase.median)),
    fig('End-to-end time (median)', formatDuration(r.cases.durationSeconds.median)),
    fig('Variants', round(r.variants.count, 0)),
    ...(r.handoffs ? [fig('Hand-offs per case (mean, from the log)', round(r.handoffs.perCase.mean))] : []),
    fig('Cases with rework', percent(r.rework.shareOfCases)),
    fig(`Silent over ${formatDuration(r.silences.thresholdSeconds)}`, percent(r.silences.shareOverThreshold)),
    fig(
      'Avoidable contact (NI14)',
      `${round(r.avoidable.ni14Percent, 1)} % (${round(r.avoidable.interval.low, 1)}–${round(r.avoidable.interval.high, 1)})`,
    ),
    ...(r.firstContactResolution
      ? [fig('First-contact resolution', percent(r.firstContactResolution.rate))]
      : []),
    ...(r.channels ? [fig('Cost per journey (mean)', pounds(r.channels.costPerJourney.mean))] : []),
    ...evidenceFigures(r).map(([k, v]) => fig(k, v)),
    fig('Rejected rows', round(l.rejectedRows, 0)),
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
    ? `<div class="warn"><strong>Warnings</strong><ul>${l.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></div>`
    : '';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Event log analysis: ${esc(title)}</title><style>${style}</style></head>
<body><main>
<h1>Event log analysis: ${esc(title)}</h1>
<p>${esc(l.start ?? '–')} to ${esc(l.end ?? '–')} · ${esc(l.format)} · ${round(l.rows, 0)} rows read, ${round(l.rejectedRows, 0)} rejected</p>
${warnings}
<h2>Key figures</h2><div class="figures">${figures.join('')}</div>
<h2>Process map</h2><p>The most frequent transitions; arrow width is frequency, labels are count · median time.</p><div class="scroll">${renderProcessMap(r.dfg.edges, r.dfg.startActivities)}</div>
<h2>Variants</h2><table><thead><tr><th>#</th><th>Cases</th><th>Coverage</th><th>Activities</th></tr></thead><tbody>${variants}</tbody></table>
<h2>Contacts per case</h2>${histogramSvg(r.histograms.contactsPerCase, 'Histogram of contacts per case', (x) => round(x, 0))}
<h2>End-to-end time</h2>${histogramSvg(r.histograms.durationDays, 'Histogram of end-to-end time in days', (x) => `${round(x, 1)} d`)}
${batons ? `<h2>Baton changes</h2><table><thead><tr><th>From</th><th>To</th><th>Count</th></tr></thead><tbody>${batons}</tbody></table>` : ''}
${channels ? `<h2>Channel mix</h2><table><thead><tr><th>Channel</th><th>Contacts</th><th>Share</th><th>£ per contact</th></tr></thead><tbody>${channels}</tbody></table>${r.channels?.table ? `<p>Unit costs: ${esc(r.channels.table.source)} (${r.channels.table.year}).</p>` : ''}` : ''}
</main></body></html>
`;
}
