import { escapeMarkdown } from '@waymark/core/text';
import { formatDuration, percent, pounds, round } from './format';
import type { JsonReport } from './json';
import { evidenceFigures } from './evidence-figures';

/** User text (titles, activities, teams, reasons) made literal: no HTML, link or table break (decision 0011). */
const cell = escapeMarkdown;

/** The report as Markdown: key figures first, then the process, variants, hand-offs and avoidable contact. */
export function renderMarkdownReport(r: JsonReport, title: string): string {
  const l = r.log;
  const out: string[] = [`# Event log analysis: ${cell(title)}`, ''];
  out.push('## Key figures', '', '| Figure | Value |', '|---|---|');
  const row = (k: string, v: string): number => out.push(`| ${k} | ${v} |`);
  row('Cases', round(l.cases, 0));
  row('Events', round(l.events, 0));
  row('Activities', round(l.activities, 0));
  row('Period', `${l.start ?? '–'} to ${l.end ?? '–'}`);
  row('Rejected rows', `${round(l.rejectedRows, 0)} of ${round(l.rows, 0)}`);
  row(
    'Contacts per case (mean / median / p90 / max)',
    `${round(r.cases.contactsPerCase.mean)} / ${round(r.cases.contactsPerCase.median)} / ${round(r.cases.contactsPerCase.p90)} / ${round(r.cases.contactsPerCase.max)}`,
  );
  row(
    'End-to-end time (mean / median)',
    `${formatDuration(r.cases.durationSeconds.mean)} / ${formatDuration(r.cases.durationSeconds.median)}`,
  );
  row('Variants', round(r.variants.count, 0));
  if (r.handoffs) row('Hand-offs per case (mean, from the log)', round(r.handoffs.perCase.mean));
  row('Cases with rework', percent(r.rework.shareOfCases));
  row(
    `Cases silent for over ${formatDuration(r.silences.thresholdSeconds)}`,
    `${round(r.silences.casesOverThreshold, 0)} (${percent(r.silences.shareOverThreshold)})`,
  );
  row(
    'Avoidable contact (NI14)',
    `${round(r.avoidable.ni14Percent, 1)} % (95 % CI ${round(r.avoidable.interval.low, 1)}–${round(r.avoidable.interval.high, 1)} %)`,
  );
  if (r.firstContactResolution) row('First-contact resolution', percent(r.firstContactResolution.rate));
  if (r.channels) row('Cost per journey (mean)', pounds(r.channels.costPerJourney.mean));
  for (const [k, v] of evidenceFigures(r)) row(cell(k), v);
  if (l.warnings.length > 0) out.push('', '**Warnings**', '', ...l.warnings.map((w) => `- ${cell(w)}`));
  if (l.rejections.length > 0)
    out.push(
      '',
      '**First rejected rows**',
      '',
      ...l.rejections
        .slice(0, 10)
        .map((x) => `- line ${x.line}${x.field ? ` (${cell(x.field)})` : ''}: ${cell(x.reason)}`),
    );
  out.push(
    '',
    '## Directly-follows graph (most frequent steps)',
    '',
    '| From | To | Count | Median | Mean |',
    '|---|---|---:|---:|---:|',
  );
  for (const e of [...r.dfg.edges].sort((a, b) => b.count - a.count).slice(0, 25))
    out.push(
      `| ${cell(e.from)} | ${cell(e.to)} | ${e.count} | ${formatDuration(e.medianSeconds)} | ${formatDuration(e.meanSeconds)} |`,
    );
  out.push('', '## Top variants', '', '| # | Cases | Coverage | Activities |', '|---:|---:|---:|---|');
  r.variants.top
    .slice(0, 10)
    .forEach((v, i) =>
      out.push(`| ${i + 1} | ${v.cases} | ${percent(v.coverage)} | ${cell(v.activities.join(' → '))} |`),
    );
  if (r.handoffs && r.handoffs.matrix.length > 0) {
    out.push('', '## Baton changes', '', '| From | To | Count |', '|---|---|---:|');
    for (const b of r.handoffs.matrix.slice(0, 15))
      out.push(`| ${cell(b.from)} | ${cell(b.to)} | ${b.count} |`);
  }
  if (r.channels) {
    out.push(
      '',
      '## Channel mix',
      '',
      '| Channel | Contacts | Share | £ per contact |',
      '|---|---:|---:|---:|',
    );
    for (const c of r.channels.channels)
      out.push(`| ${cell(c.channel)} | ${c.contacts} | ${percent(c.share)} | ${pounds(c.unitCost)} |`);
    if (r.channels.table) out.push('', `Unit costs: ${r.channels.table.source} (${r.channels.table.year}).`);
  }
  out.push('', '## Avoidable contact by category', '', '| Category | Contacts |', '|---|---:|');
  for (const [k, n] of Object.entries(r.avoidable.byCategory)) out.push(`| ${cell(k)} | ${n} |`);
  out.push('');
  return out.join('\n');
}
