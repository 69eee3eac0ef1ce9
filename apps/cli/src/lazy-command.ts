import type { CliCommand } from './command';

/**
 * A command whose module is imported only when it runs, so `waymark --help` does not load every engine.
 * `help` here is a pointer; the command prints its full help itself when run with --help.
 */
export function lazyCommand(name: string, summary: string, load: () => Promise<CliCommand>): CliCommand {
  return {
    name,
    summary,
    help: `${summary}\nRun 'waymark ${name} --help' for usage.`,
    run: async (args, ctx) => (await load()).run(args, ctx),
  };
}
