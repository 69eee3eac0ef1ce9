import type { CliCommand } from './command';
import { lazyCommand } from './lazy-command';

/**
 * Every `waymark` sub-command, in the order `waymark --help` lists them. Each one's summary there is the
 * catalogue's `help.<name>.summary` (help.ts).
 */
export const commands: readonly CliCommand[] = [
  lazyCommand('validate', async () => (await import('./commands/validate')).validateCommand),
  lazyCommand('render', async () => (await import('./commands/render')).renderCommand),
  lazyCommand('new', async () => (await import('./commands/new')).newCommand),
  lazyCommand('analyse', async () => (await import('./commands/analyse')).analyseCommand),
  lazyCommand('import-figures', async () => (await import('./commands/import-figures')).importFiguresCommand),
  lazyCommand('compare', async () => (await import('./commands/compare')).compareCommand),
  lazyCommand('sampling-cost', async () => (await import('./commands/sampling-cost')).samplingCostCommand),
  lazyCommand('push', async () => (await import('./commands/push')).pushCommand),
  lazyCommand('pull', async () => (await import('./commands/pull')).pullCommand),
];

/** The modules behind the registry, for the test that checks each name matches its command. */
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
