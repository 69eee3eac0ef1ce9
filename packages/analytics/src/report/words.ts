import type { CliMessageId, MessageValues } from '@waymark/i18n/cli';

/**
 * The catalogue's ids the Markdown and HTML reports say things with (`eventlog.report.*`, en + cy): typed from the
 * catalogue, so an id it does not have fails to compile. Only the type is imported: the reports are given their
 * words, so `@waymark/analytics/log` does not load the catalogue (decision 0042).
 */
export type ReportMessageId = Extract<CliMessageId, `eventlog.report.${string}`>;

/** A translator over those ids, in the reader's language: the CLI's `cliWords(env)` is one. */
export type ReportWords = (id: ReportMessageId, values?: MessageValues) => string;
