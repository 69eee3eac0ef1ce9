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
import { importLimitsOrSaid } from '../import-limits';

/**
 * `waymark compare --log <file> [--sco <activity>]` (issue 13 items 4 and 5): the current service's event log
 * beside the comparison — the Successful Customer Outcome reached (with its interval and time), the closed loop
 * and the value-added ratio, each labelled "from the log". Case ids never leave the engine: only figures.
 */
export interface LogEvidence {
  readonly file: string;
  readonly rows: [string, string][];
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
        rows: evidenceFigures(report),
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

/** Adds the log's figures to a rendered comparison in its own format. */
export function withLogEvidence(format: 'md' | 'json' | 'html', text: string, log: LogEvidence): string {
  const title = `From the event log of the current service (${log.file})`;
  if (format === 'json') {
    const data = JSON.parse(text) as Record<string, unknown>;
    return `${JSON.stringify({ ...data, log: { file: log.file, ...log.json } }, null, 2)}\n`;
  }
  if (format === 'md') {
    const rows = log.rows.map(([k, v]) => `| ${md(k)} | ${v} |`);
    const none = log.rows.length === 0 ? ['| — | no outcome, loop or value-added figures in this log |'] : [];
    return `${text}\n## ${md(title)}\n\n| Figure | Value |\n|---|---|\n${[...rows, ...none].join('\n')}\n`;
  }
  const rows = log.rows
    .map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`)
    .join('\n');
  return text.replace(
    '</body>',
    `<h2>${esc(title)}</h2>\n<table><tbody>\n${rows}\n</tbody></table>\n</body>`,
  );
}
