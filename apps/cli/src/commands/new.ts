import { exitCodes, type CliCommand } from '../command';

const help = `Usage: waymark new --template <name> [--id <id>] [--title <title>] [--out <file>] [--format yaml|json]
`;

export const newCommand: CliCommand = {
  name: 'new',
  summary: 'Start a journey file from a template (Melton map, blueprint, life course, case)',
  help,
  async run(_args, ctx) {
    ctx.stderr('waymark new: templates are not available yet\n');
    return exitCodes.usage;
  },
};
