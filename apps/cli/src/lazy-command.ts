import type { CliCommand } from './command';

/**
 * A command whose module is imported only when it runs, so `waymark --help` does not load every engine. The
 * command prints its full help itself when run with --help.
 */
export function lazyCommand(name: string, load: () => Promise<CliCommand>): CliCommand {
  return {
    name,
    run: async (args, ctx) => (await load()).run(args, ctx),
  };
}
