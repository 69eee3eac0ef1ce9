import { isAbsolute, join } from 'node:path';
import {
  analyseLog,
  evidenceFigures,
  ImportError,
  importLogFile,
  toJsonReport,
  type CaseIndex,
  type JsonReport,
  type OutcomeRule,
  type ValueClass,
} from '@waymark/analytics';
import type { Words } from '../emit-sql/words';
import { importLimitsOrSaid } from '../import-limits';

/**
 * `waymark compare --log <file> [--sco <activity>]` (issue 13 items 4 and 5): the current service's event log
 * beside the comparison — the Successful Customer Outcome reached (with its interval and time), the closed loop
 * and the value-added ratio, each labelled "from the log". Case ids never leave the engine: only figures.
 */
export interface LogEvidence {
  readonly file: string;
  /** The log's figures (label, value), in the words given: the Markdown's and HTML's, not needed for JSON. */
  readonly rows: (w: Words) => [string, string][];
  readonly json: Pick<JsonReport, 'successfulOutcome' | 'closedLoop' | 'valueAdded'>;
  /** The log's events, for setting survey answers beside its contacts (--survey). */
  readonly index: CaseIndex;
}

export async function readLogEvidence(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  file: string,
  /** `--sco` as an activity, else the current journey's stored Successful Customer Outcome, else none. */
  rule: OutcomeRule | undefined,
  /** The current journey's stored classes of its log's activities (meta.valueClasses), as the web measures with. */
  valueClasses?: Readonly<Record<string, ValueClass>>,
): Promise<{ ok: true; value: LogEvidence } | { ok: false; error: string | ImportError; io: boolean }> {
  const limits = importLimitsOrSaid(env);
  if ('error' in limits) {
    // in the catalogue's words, loaded only now that there is something to say
    const { cliWords } = await import('../emit-sql/words');
    return { ok: false, error: cliWords(env)(limits.error.id, limits.error.values), io: false };
  }
  const path = isAbsolute(file) ? file : join(cwd, file);
  try {
    const imported = await importLogFile(path, {
      limits,
      autoMap: true,
    });
    const analysis = analyseLog(imported.store, {
      ...(rule ? { successfulOutcome: rule } : {}),
      ...(valueClasses ? { valueClasses } : {}),
    });
    const report = toJsonReport(analysis, imported.report);
    return {
      ok: true,
      value: {
        file,
        rows: (w) => evidenceFigures(report, w),
        index: analysis.index,
        json: {
          successfulOutcome: report.successfulOutcome,
          closedLoop: report.closedLoop,
          valueAdded: report.valueAdded,
        },
      },
    };
  } catch (e) {
    // the log named as it was given (log.csv), not by the path it was read from, as `waymark analyse` names it
    if (e instanceof ImportError)
      return {
        ok: false,
        error:
          e.values?.file === path ? new ImportError(e.code, e.message, e.line, { ...e.values, file }) : e,
        io: e.code === 'io',
      };
    throw e;
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const md = (s: string) => s.replace(/([\\`*_[\]|<>])/g, '\\$1');

/**
 * Adds the log's figures to a rendered comparison in its own format: JSON as data, Markdown and HTML in the
 * catalogue's words `w` (which JSON does not need, so the command need not load them for it).
 */
export function withLogEvidence(format: 'json', text: string, log: LogEvidence): string;
export function withLogEvidence(
  format: 'md' | 'json' | 'html',
  text: string,
  log: LogEvidence,
  w: Words,
): string;
export function withLogEvidence(
  format: 'md' | 'json' | 'html',
  text: string,
  log: LogEvidence,
  w?: Words,
): string {
  if (format === 'json') {
    const data = JSON.parse(text) as Record<string, unknown>;
    return `${JSON.stringify({ ...data, log: { file: log.file, ...log.json } }, null, 2)}\n`;
  }
  if (w === undefined) throw new Error('withLogEvidence: Markdown and HTML need the catalogue’s words');
  const title = w('commands.compareLog.title', { file: log.file });
  const figures = log.rows(w);
  if (format === 'md') {
    const rows = figures.map(([k, v]) => `| ${md(k)} | ${v} |`);
    const none = figures.length === 0 ? [`| — | ${md(w('commands.compareLog.none'))} |`] : [];
    const head = `| ${md(w('commands.surveyReport.figure'))} | ${md(w('commands.surveyReport.value'))} |`;
    return `${text}\n## ${md(title)}\n\n${head}\n|---|---|\n${[...rows, ...none].join('\n')}\n`;
  }
  const rows = figures
    .map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`)
    .join('\n');
  return text.replace(
    '</body>',
    `<h2>${esc(title)}</h2>\n<table><tbody>\n${rows}\n</tbody></table>\n</body>`,
  );
}
