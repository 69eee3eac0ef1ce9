import type { CliCommand } from './command';
import { lazyCommand } from './lazy-command';

/** Every `waymark` sub-command, in the order `waymark --help` lists them. Summaries match each module's own. */
export const commands: readonly CliCommand[] = [
  lazyCommand(
    'validate',
    'Check journey files (YAML or JSON) and list every problem with its line',
    async () => (await import('./commands/validate')).validateCommand,
  ),
  lazyCommand(
    'render',
    'Draw a journey as SVG, Mermaid, Markdown or CSV, or write it as JSON or YAML',
    async () => (await import('./commands/render')).renderCommand,
  ),
  lazyCommand(
    'new',
    'Start a journey file from a template (Melton map, blueprint, life course, case)',
    async () => (await import('./commands/new')).newCommand,
  ),
  lazyCommand(
    'analyse',
    'Analyse an event log (CSV, XES, Parquet): contacts, durations, process map, variants, avoidable contact',
    async () => (await import('./commands/analyse')).analyseCommand,
  ),
  lazyCommand(
    'import-figures',
    'Put figures computed in Spark, Trino or another SQL engine (from analyse --emit-sql) on a journey',
    async () => (await import('./commands/import-figures')).importFiguresCommand,
  ),
  lazyCommand(
    'compare',
    'Set a current journey beside a desired one: per-step and total differences',
    async () => (await import('./commands/compare')).compareCommand,
  ),
  lazyCommand(
    'sampling-cost',
    'Cost per activity from activity sampling with your cost model: non-value-added time and waste',
    async () => (await import('./commands/sampling-cost')).samplingCostCommand,
  ),
  lazyCommand(
    'push',
    'Publish a journey file to a Waymark server as its next version',
    async () => (await import('./commands/push')).pushCommand,
  ),
  lazyCommand(
    'pull',
    'Download a journey from a Waymark server as a YAML or JSON file',
    async () => (await import('./commands/pull')).pullCommand,
  ),
];

/** The modules behind the registry, for the test that checks each summary matches its command. */
export const loadCommands = async (): Promise<CliCommand[]> => [
  (await import('./commands/validate')).validateCommand,
  (await import('./commands/render')).renderCommand,
  (await import('./commands/new')).newCommand,
  (await import('./commands/analyse')).analyseCommand,
  (await import('./commands/import-figures')).importFiguresCommand,
  (await import('./commands/compare')).compareCommand,
  (await import('./commands/sampling-cost')).samplingCostCommand,
  (await import('./commands/push')).pushCommand,
  (await import('./commands/pull')).pullCommand,
];
