import { escapeMarkdown } from '@waymark/core/text';
import { formatDuration, percent, pounds, round } from './format';
import type { JsonReport } from './json';
import { evidenceFigures } from './evidence-figures';
import type { ReportWords } from './words';

/** User text (titles, activities, teams, reasons) made literal: no HTML, link or table break (decision 0011). */
const cell = escapeMarkdown;

/**
 * The report as Markdown: key figures first, then the process, variants, hand-offs and avoidable contact, in the
 * reader's words (`w`, the catalogue's `eventlog.report.*`). The log's warnings and rejection reasons are written
 * as the report has them: give them in the reader's words too.
 */
export function renderMarkdownReport(r: JsonReport, title: string, w: ReportWords): string {
  const l = r.log;
  const dur = (s: number | null | undefined) => formatDuration(s, w);
  const head = (...ids: Parameters<ReportWords>[0][]) => `| ${ids.map((id) => w(id)).join(' | ')} |`;
  const out: string[] = [`# ${w('eventlog.report.title', { title: cell(title) })}`, ''];
  out.push(
    `## ${w('eventlog.report.keyFigures')}`,
    '',
    head('eventlog.report.figure', 'eventlog.report.value'),
    '|---|---|',
  );
  const row = (k: string, v: string): number => out.push(`| ${k} | ${v} |`);
  row(w('eventlog.report.cases'), round(l.cases, 0));
  row(w('eventlog.report.events'), round(l.events, 0));
  row(w('eventlog.report.activities'), round(l.activities, 0));
  row(w('eventlog.report.period'), w('eventlog.report.fromTo', { start: l.start ?? '–', end: l.end ?? '–' }));
  row(
    w('eventlog.report.rejectedRows'),
    w('eventlog.report.rejectedOf', { rejected: round(l.rejectedRows, 0), rows: round(l.rows, 0) }),
  );
  row(
    w('eventlog.report.contactsPerCase'),
    `${round(r.cases.contactsPerCase.mean)} / ${round(r.cases.contactsPerCase.median)} / ${round(r.cases.contactsPerCase.p90)} / ${round(r.cases.contactsPerCase.max)}`,
  );
  row(
    w('eventlog.report.endToEnd'),
    `${dur(r.cases.durationSeconds.mean)} / ${dur(r.cases.durationSeconds.median)}`,
  );
  row(w('eventlog.report.variants'), round(r.variants.count, 0));
  if (r.handoffs) row(w('eventlog.report.handOffsPerCase'), round(r.handoffs.perCase.mean));
  row(w('eventlog.report.rework'), percent(r.rework.shareOfCases));
  row(
    w('eventlog.report.silentCases', { duration: dur(r.silences.thresholdSeconds) }),
    `${round(r.silences.casesOverThreshold, 0)} (${percent(r.silences.shareOverThreshold)})`,
  );
  row(
    w('eventlog.report.avoidable'),
    w('eventlog.report.avoidableValue', {
      percent: round(r.avoidable.ni14Percent, 1),
      low: round(r.avoidable.interval.low, 1),
      high: round(r.avoidable.interval.high, 1),
    }),
  );
  if (r.firstContactResolution)
    row(w('eventlog.report.firstContactResolution'), percent(r.firstContactResolution.rate));
  if (r.channels) row(w('eventlog.report.costPerJourney'), pounds(r.channels.costPerJourney.mean));
  for (const [k, v] of evidenceFigures(r, w)) row(cell(k), v);
  if (l.warnings.length > 0)
    out.push('', `**${w('eventlog.report.warnings')}**`, '', ...l.warnings.map((x) => `- ${cell(x)}`));
  if (l.rejections.length > 0)
    out.push(
      '',
      `**${w('eventlog.report.firstRejected')}**`,
      '',
      ...l.rejections.slice(0, 10).map(
        (x) =>
          `- ${w('eventlog.report.rejectedLine', {
            line: String(x.line),
            hasColumn: x.field ? 'yes' : 'no',
            column: cell(x.field ?? ''),
            why: cell(x.reason),
          })}`,
      ),
    );
  out.push(
    '',
    `## ${w('eventlog.report.dfg')}`,
    '',
    head(
      'eventlog.report.from',
      'eventlog.report.to',
      'eventlog.report.count',
      'eventlog.report.median',
      'eventlog.report.mean',
    ),
    '|---|---|---:|---:|---:|',
  );
  for (const e of [...r.dfg.edges].sort((a, b) => b.count - a.count).slice(0, 25))
    out.push(
      `| ${cell(e.from)} | ${cell(e.to)} | ${e.count} | ${dur(e.medianSeconds)} | ${dur(e.meanSeconds)} |`,
    );
  out.push(
    '',
    `## ${w('eventlog.report.topVariants')}`,
    '',
    `| # ${head('eventlog.report.cases', 'eventlog.report.coverage', 'eventlog.report.activities')}`,
    '|---:|---:|---:|---|',
  );
  r.variants.top
    .slice(0, 10)
    .forEach((v, i) =>
      out.push(`| ${i + 1} | ${v.cases} | ${percent(v.coverage)} | ${cell(v.activities.join(' → '))} |`),
    );
  if (r.handoffs && r.handoffs.matrix.length > 0) {
    out.push(
      '',
      `## ${w('eventlog.report.batonChanges')}`,
      '',
      head('eventlog.report.from', 'eventlog.report.to', 'eventlog.report.count'),
      '|---|---|---:|',
    );
    for (const b of r.handoffs.matrix.slice(0, 15))
      out.push(`| ${cell(b.from)} | ${cell(b.to)} | ${b.count} |`);
  }
  if (r.channels) {
    out.push(
      '',
      `## ${w('eventlog.report.channelMix')}`,
      '',
      head(
        'eventlog.report.channel',
        'eventlog.report.contacts',
        'eventlog.report.share',
        'eventlog.report.poundsPerContact',
      ),
      '|---|---:|---:|---:|',
    );
    for (const c of r.channels.channels)
      out.push(`| ${cell(c.channel)} | ${c.contacts} | ${percent(c.share)} | ${pounds(c.unitCost)} |`);
    if (r.channels.table)
      out.push(
        '',
        w('eventlog.report.unitCosts', {
          source: r.channels.table.source,
          year: String(r.channels.table.year),
        }),
      );
  }
  out.push(
    '',
    `## ${w('eventlog.report.avoidableByCategory')}`,
    '',
    head('eventlog.report.category', 'eventlog.report.contacts'),
    '|---|---:|',
  );
  for (const [k, n] of Object.entries(r.avoidable.byCategory)) out.push(`| ${cell(k)} | ${n} |`);
  out.push('');
  return out.join('\n');
}
