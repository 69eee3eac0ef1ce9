import cliPackage from '../package.json' with { type: 'json' };
import { exitCodes, type CliCommand, type CliContext } from './command';
import { helpKey, helpWords, layOutHelp, type HelpWords } from './help';
import { commands as registry } from './registry';

/** The catalogue's words, loaded only when `waymark` itself has something to say (not for --help). */
const words = async (ctx: CliContext) => (await import('./emit-sql/words')).cliWords(ctx.env);

export interface MainOptions extends CliContext {
  /** The arguments after `waymark` (process.argv.slice(2)). */
  readonly argv: readonly string[];
  /** The commands to offer; the registry unless a test passes its own. */
  readonly commands?: readonly CliCommand[];
}

/** The template of `waymark --help` (see layOutHelp): each command's name and its summary from the catalogue. */
const usageTemplate = (commands: readonly CliCommand[], w: HelpWords): string => {
  const width = Math.max(...commands.map((c) => c.name.length));
  const line = (c: CliCommand) =>
    w.has(`${helpKey(c.name)}.summary`)
      ? `  ${c.name.padEnd(width)}  {${helpKey(c.name)}.summary}`
      : `  ${c.name}`;
  return `{usage} waymark <command> [options]

{main.about}

{main.commands}
${commands.map(line).join('\n')}

{options}
  -h, --help     {main.help}
  -v, --version  {main.version}

{example}
  waymark validate examples/*.yaml
`;
};

/** `waymark --help`: the commands and options, in the language of WAYMARK_LANG, LC_ALL or LANG. */
export const usage = async (
  commands: readonly CliCommand[],
  env: CliContext['env'] = {},
): Promise<string> => {
  const w = await helpWords(env);
  return layOutHelp(w, usageTemplate(commands, w), { commandHelp: 'waymark <command> --help' });
};

async function dispatch(
  argv: readonly string[],
  ctx: CliContext,
  commands: readonly CliCommand[],
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    ctx.stderr(await usage(commands, ctx.env));
    return exitCodes.usage;
  }
  if (first === '--help' || first === '-h') {
    ctx.stdout(await usage(commands, ctx.env));
    return exitCodes.ok;
  }
  if (first === '--version' || first === '-v') {
    ctx.stdout(`waymark ${cliPackage.version}\n`);
    return exitCodes.ok;
  }
  const wanted = first === 'help' ? rest[0] : first;
  const command = commands.find((c) => c.name === wanted);
  if (first === 'help' && (wanted === undefined || command)) {
    if (command) return command.run(['--help'], ctx);
    ctx.stdout(await usage(commands, ctx.env));
    return exitCodes.ok;
  }
  if (!command) {
    const near = commands.find(
      (c) => wanted !== undefined && wanted.length > 1 && c.name.startsWith(wanted.slice(0, 3)),
    );
    const w = await words(ctx);
    ctx.stderr(
      `waymark: ${w('commands.main.unknownCommand', { command: wanted ?? '', hasNear: near ? 'yes' : 'no', near: near?.name ?? '' })}\n` +
        `${w('commands.main.commandList', { commands: commands.map((c) => c.name).join(', ') })}\n` +
        `${w('commands.main.seeHelp')}\n`,
    );
    return exitCodes.usage;
  }
  return command.run(rest, ctx);
}

/**
 * The whole `waymark` program as a function: arguments and capabilities in, exit code out. Expected failures
 * are the commands' own messages; anything thrown is a bug, reported in one line (the stack only with
 * WAYMARK_DEBUG=1), never as a trace a facilitator has to read.
 */
export async function main(options: MainOptions): Promise<number> {
  const { argv, commands = registry, ...ctx } = options;
  try {
    return await dispatch(argv, ctx, commands);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const w = await words(ctx).catch(() => undefined);
    const say = (id: 'commands.main.internalError' | 'commands.main.reportBug', english: string) =>
      w ? w(id, { message: message.split('\n')[0] ?? '' }) : english;
    ctx.stderr(
      `waymark: ${say('commands.main.internalError', `internal error: ${message.split('\n')[0]}`)}\n`,
    );
    if (ctx.env.WAYMARK_DEBUG === '1') ctx.stderr(`${e instanceof Error ? e.stack : message}\n`);
    else
      ctx.stderr(
        `${say('commands.main.reportBug', 'This is a bug in Waymark. Run again with WAYMARK_DEBUG=1 for details to report.')}\n`,
      );
    return exitCodes.internal;
  }
}
