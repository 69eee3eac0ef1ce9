import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exitCodes, type CliCommand } from '../command';
import { cannotWrite } from '../files/write-output';
import { helpText } from '../help';
import { argsError, commandError, sayWords, usageError } from '../usage-error';
import { callServer, resolveWorkspace, serverSaid, serverTarget, type Fetch } from './push-pull-client';

/** `waymark pull --help`: typed parts as they are, `{id}` the catalogue's `help.<id>` (help.ts). */
const help = `{usage} waymark pull <journey-id> [options]

{pull.about}

{options}
  -o, --out <file>         {pull.out}
      --format <yaml|json> {pull.format}
      --server <url>       {pull.server}
      --token <wm_…>       {pull.token}
      --workspace <id>     {pull.workspace}
  -h, --help               {showHelp}

{pull.exitCode}

{examples}
  waymark pull melton-asb-victim-current -o journeys/asb-victim.yaml
`;

const options = {
  out: { type: 'string', short: 'o' },
  format: { type: 'string' },
  server: { type: 'string' },
  token: { type: 'string' },
  workspace: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `waymark pull`, calling the server with `fetchFn` (tests pass the API's own `app.request`). */
export function createPullCommand(fetchFn: Fetch): CliCommand {
  return {
    name: 'pull',
    async run(args, ctx) {
      let parsed;
      try {
        parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
      } catch (e) {
        return argsError(ctx, 'pull', e);
      }
      const { values, positionals } = parsed;
      if (values.help) {
        ctx.stdout(await helpText(ctx, help, { yamlOut: '<journey-id>.yaml', jsonOut: '.json' }));
        return exitCodes.ok;
      }
      if (positionals.length !== 1)
        return usageError(ctx, 'pull', { id: 'commands.pull.oneId', values: { count: positionals.length } });
      const fromExtension = values.out && /\.json$/i.test(values.out) ? 'json' : 'yaml';
      const format = values.format ?? fromExtension;
      if (format !== 'yaml' && format !== 'json')
        return usageError(ctx, 'pull', { id: 'commands.pull.badFormat', values: { value: format } });
      const target = serverTarget(values, ctx.env);
      if (!('server' in target)) return usageError(ctx, 'pull', target);
      const id = positionals[0]!;
      const ws = await resolveWorkspace(fetchFn, target);
      if ('error' in ws) {
        const e = ws.error;
        await commandError(ctx, 'pull', 'id' in e ? e : await serverSaid(e, { command: 'pull' }));
        return 'status' in e && e.status === 0 ? exitCodes.io : exitCodes.invalid;
      }
      const path = `/api/workspaces/${encodeURIComponent(ws.workspace)}/journeys/${encodeURIComponent(id)}/export?format=${format}`;
      const answer = await callServer(fetchFn, target, 'GET', path);
      if (answer.status !== 200) {
        const said = await serverSaid(answer, { command: 'pull', workspace: ws.workspace });
        ctx.stderr(`waymark pull: ${id}: ${await sayWords(ctx, said)}\n`);
        return answer.status === 0 ? exitCodes.io : exitCodes.invalid;
      }
      const output = values.out ?? `${id}.${format}`;
      if (output === '-') {
        ctx.stdout(answer.text);
        return exitCodes.ok;
      }
      try {
        await writeFile(resolve(ctx.cwd, output), answer.text);
      } catch (error) {
        await commandError(ctx, 'pull', cannotWrite(output, error));
        return exitCodes.io;
      }
      ctx.stdout(
        `${await sayWords(ctx, { id: 'commands.pull.done', values: { journey: id, file: output } })}\n`,
      );
      return exitCodes.ok;
    },
  };
}

export const pullCommand: CliCommand = createPullCommand((url, init) => fetch(url, init));
