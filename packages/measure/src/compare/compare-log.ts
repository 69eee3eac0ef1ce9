import { escapeMarkdown } from '@waymark/core';
import { toCsv } from '../csv';
import { englishWords, type Words } from '../words';
import { wilsonInterval } from '../wilson';
import { comparedFigures, type Comparison } from './compare';

interface Interval {
  readonly low: number;
  readonly high: number;
}

/**
 * The figures of one event log that Compare sets beside a map (issue 13 items 1, 4 and 5), taken from the
 * log's analysis (the `waymark analyse` JSON contract, as the dataset page shows it): nothing is recomputed here.
 */
export interface CompareLogSide {
  readonly dataset: { readonly id: string; readonly name: string; readonly cases: number };
  readonly closedLoop: {
    readonly delivered: number;
    readonly closed: number;
    readonly share: number | null;
    readonly interval: Interval;
  } | null;
  readonly successfulOutcome: {
    readonly rule: { readonly activity: string } | { readonly dimension: string; readonly value: string };
    readonly cases: number;
    readonly reached: number;
    readonly share: number | null;
    readonly interval: Interval;
    readonly timeToOutcomeSeconds: { readonly median: number | null; readonly p90: number | null };
    readonly ruleMatchesLog: boolean;
  } | null;
  readonly valueAdded: { readonly byCount: number; readonly byTime?: number; readonly lean: boolean } | null;
  readonly handOffs: {
    readonly total: number;
    readonly casesWithHandoff: number;
    readonly cases: number;
    readonly share: number | null;
    readonly interval: Interval;
  } | null;
}

/** The logs chosen for each side of a comparison; null when none was chosen. */
export interface CompareLogs {
  readonly current: CompareLogSide | null;
  readonly desired: CompareLogSide | null;
}

/** The part of an analysis (JSON report) Compare reads. */
export interface LogAnalysisFigures {
  readonly log: { readonly cases: number };
  readonly handoffs: { readonly total: number; readonly casesWithHandoff: number } | null;
  readonly valueAdded?: CompareLogSide['valueAdded'];
  readonly closedLoop?: CompareLogSide['closedLoop'];
  readonly successfulOutcome?: CompareLogSide['successfulOutcome'];
}

/** One log's figures for Compare, from its analysis; the hand-off share gets its Wilson interval here. */
export function compareLogSide(
  dataset: { readonly id: string; readonly name: string },
  a: LogAnalysisFigures,
): CompareLogSide {
  const h = a.handoffs;
  const cases = a.log.cases;
  const p = h && cases > 0 ? wilsonInterval(h.casesWithHandoff, cases) : null;
  return {
    dataset: { id: dataset.id, name: dataset.name, cases },
    closedLoop: a.closedLoop
      ? {
          delivered: a.closedLoop.delivered,
          closed: a.closedLoop.closed,
          share: a.closedLoop.share,
          interval: { low: a.closedLoop.interval.low, high: a.closedLoop.interval.high },
        }
      : null,
    successfulOutcome: a.successfulOutcome
      ? {
          rule: a.successfulOutcome.rule,
          cases: a.successfulOutcome.cases,
          reached: a.successfulOutcome.reached,
          share: a.successfulOutcome.share,
          interval: { low: a.successfulOutcome.interval.low, high: a.successfulOutcome.interval.high },
          timeToOutcomeSeconds: {
            median: a.successfulOutcome.timeToOutcomeSeconds.median,
            p90: a.successfulOutcome.timeToOutcomeSeconds.p90,
          },
          ruleMatchesLog: a.successfulOutcome.ruleMatchesLog,
        }
      : null,
    valueAdded: a.valueAdded ?? null,
    handOffs: h
      ? {
          total: h.total,
          casesWithHandoff: h.casesWithHandoff,
          cases,
          share: p ? p.estimate : null,
          interval: p ? { low: p.low, high: p.high } : { low: 0, high: 0 },
        }
      : null,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** A duration in the unit a person would use ("3.5 days"), in the words' language; '—' when unknown. */
export function durationWords(seconds: number | null | undefined, w: Words = englishWords): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.abs(seconds);
  if (s < 60) return w.t('eventlog.duration.seconds', { count: Math.round(seconds) });
  if (s < 3600) return w.t('eventlog.duration.minutes', { count: round1(seconds / 60) });
  if (s < 2 * 86_400) return w.t('eventlog.duration.hours', { count: round1(seconds / 3600) });
  return w.t('eventlog.duration.days', { count: round1(seconds / 86_400) });
}

/** Compare's table of log figures: a head and rows of plain text, in one language. */
export interface CompareLogTable {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** "From the log ‘name’, n cases", or "no log chosen", a side each. */
  readonly sources: readonly string[];
}

/**
 * The figures of each side's log beside its map's: closing the loop, the Successful Customer Outcome and the
 * time to it, the value-added ratio and hand-offs, each share with its 95 % interval. The web page and the
 * downloads (Markdown, HTML, CSV, PDF) all print this one table.
 */
export function compareLogTable(c: Comparison, logs: CompareLogs, w: Words = englishWords): CompareLogTable {
  const pct = (x: number | null | undefined) =>
    x === null || x === undefined || !Number.isFinite(x) ? '—' : w.percent(x, 1);
  const count = (n: number) => w.number(n);
  const sides = [
    [c.current, logs.current],
    [c.desired, logs.desired],
  ] as const;
  const notInLog = w.t('compareLog.notInLog');
  const notOnMap = w.t('compareLog.notOnMap');
  const cell = (log: CompareLogSide | null, f: (l: CompareLogSide) => string) => (log ? f(log) : '—');
  const ruleWords = (r: NonNullable<CompareLogSide['successfulOutcome']>['rule']) =>
    'activity' in r ? r.activity : w.t('compareLog.scoCondition', { column: r.dimension, value: r.value });
  const row = (
    label: string,
    map: (s: Comparison['current']) => string,
    log: (l: CompareLogSide) => string,
  ): string[] => [label, ...sides.flatMap(([s, l]) => [map(s), cell(l, log)])];
  const rows: string[][] = [
    row(
      w.t('compareLog.closedLoop'),
      (s) => (s.closedLoop ? w.t('compareLog.closedLoopMap', { closed: String(s.closedLoop.closed) }) : '—'),
      (l) =>
        l.closedLoop
          ? w.t('compareLog.closedLoopLog', {
              closed: count(l.closedLoop.closed),
              delivered: count(l.closedLoop.delivered),
              share: pct(l.closedLoop.share),
              low: pct(l.closedLoop.interval.low),
              high: pct(l.closedLoop.interval.high),
            })
          : notInLog,
    ),
    row(
      w.t('compareLog.sco'),
      () => notOnMap,
      (l) => {
        const s = l.successfulOutcome;
        if (!s) return w.t('compareLog.scoNoRule');
        if (!s.ruleMatchesLog) return w.t('compareLog.scoNoMatch', { rule: ruleWords(s.rule) });
        return w.t('compareLog.scoValue', {
          reached: count(s.reached),
          cases: count(s.cases),
          share: pct(s.share),
          low: pct(s.interval.low),
          high: pct(s.interval.high),
          rule: ruleWords(s.rule),
        });
      },
    ),
    row(
      w.t('compareLog.time'),
      () => notOnMap,
      (l) => {
        const s = l.successfulOutcome;
        if (!s || !s.ruleMatchesLog || s.reached === 0) return notInLog;
        return w.t('compareLog.timeValue', {
          median: durationWords(s.timeToOutcomeSeconds.median, w),
          p90: durationWords(s.timeToOutcomeSeconds.p90, w),
        });
      },
    ),
    row(
      w.t('compareLog.valueAdded'),
      () => notOnMap,
      (l) =>
        l.valueAdded
          ? w.t('compareLog.valueAddedValue', {
              ratio: pct(l.valueAdded.byTime ?? l.valueAdded.byCount),
              byTime: String(l.valueAdded.byTime !== undefined),
            })
          : notInLog,
    ),
    row(
      w.t('compareLog.handOffs'),
      (s) => w.t('compareLog.handOffsMap', { count: s.totals.handOffs }),
      (l) =>
        l.handOffs
          ? w.t('compareLog.handOffsLog', {
              total: count(l.handOffs.total),
              withHandOff: count(l.handOffs.casesWithHandoff),
              cases: count(l.handOffs.cases),
              share: pct(l.handOffs.share),
              low: pct(l.handOffs.interval.low),
              high: pct(l.handOffs.interval.high),
            })
          : notInLog,
    ),
  ];
  const head = [
    w.t('compareLog.figure'),
    ...sides.flatMap(([s]) => [
      w.t('compareLog.mapColumn', { title: s.title }),
      w.t('compareLog.logColumn', { title: s.title }),
    ]),
  ];
  const sources = sides.map(([s, l]) =>
    l
      ? `${s.title}: ${w.t('compareLog.source', { name: l.dataset.name, cases: l.dataset.cases })}`
      : w.t('compareLog.noLog', { title: s.title }),
  );
  return { head, rows, sources };
}

const html = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The log figures as a Markdown section, to follow the comparison's report. */
export function renderCompareLogMarkdown(c: Comparison, logs: CompareLogs, w: Words = englishWords): string {
  const t = compareLogTable(c, logs, w);
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [
    `## ${w.t('compareLog.heading')}`,
    '',
    w.t('compareLog.intro'),
    '',
    ...t.sources.map((s) => `- ${escapeMarkdown(s)}`),
    '',
    line(t.head),
    `|${t.head.map(() => '---').join('|')}|`,
    ...t.rows.map(line),
    '',
  ].join('\n');
}

/** The log figures as an HTML section. */
export function renderCompareLogHtml(c: Comparison, logs: CompareLogs, w: Words = englishWords): string {
  const t = compareLogTable(c, logs, w);
  return `<section data-section="compare-log"><h2>${html(w.t('compareLog.heading'))}</h2>
<p>${html(w.t('compareLog.intro'))}</p>
<ul>${t.sources.map((s) => `<li>${html(s)}</li>`).join('')}</ul>
<table><thead><tr>${t.head.map((h) => `<th scope="col">${html(h)}</th>`).join('')}</tr></thead><tbody>
${t.rows.map(([k, ...v]) => `<tr><th scope="row">${html(k ?? '')}</th>${v.map((x) => `<td>${html(x)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table></section>
`;
}

/** The comparison report (HTML) with the log figures set before its end. */
export function withCompareLogHtml(
  report: string,
  c: Comparison,
  logs: CompareLogs,
  w: Words = englishWords,
) {
  const at = report.lastIndexOf('</body>');
  const section = renderCompareLogHtml(c, logs, w);
  return at < 0 ? report + section : report.slice(0, at) + section + report.slice(at);
}

/**
 * The comparison as CSV: its totals (current, desired, change; money to the penny as the comparison holds it),
 * then the log table with its sources. One table a section, each row led by its section's name.
 */
export function renderComparisonCsv(c: Comparison, logs: CompareLogs, w: Words = englishWords): string {
  const totals = w.t('compareLog.csvTotals');
  const heading = w.t('compareLog.heading');
  const t = compareLogTable(c, logs, w);
  const figure = (k: (typeof comparedFigures)[number]) =>
    k === 'handOffs' ? w.t('compareLog.handOffs') : w.t(`measure.compare.figure.${k}`);
  return toCsv([
    [
      w.t('compareLog.csvSection'),
      w.t('measure.compare.figure'),
      w.t('measure.compare.current'),
      w.t('measure.compare.desired'),
      w.t('measure.compare.change'),
    ],
    ...comparedFigures.map((k) => [totals, figure(k), c.current.totals[k], c.desired.totals[k], c.delta[k]]),
    [],
    [w.t('compareLog.csvSection'), ...t.head],
    ...t.rows.map((r) => [heading, ...r]),
    ...t.sources.map((s) => [heading, s]),
  ]);
}
