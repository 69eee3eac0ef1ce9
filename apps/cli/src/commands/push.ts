import { parseArgs } from 'node:util';
import { problemLines } from '../problem-words';
import { exitCodes, type CliCommand } from '../command';
import { readJourneyFile } from '../files/read-journey-file';
import { helpText } from '../help';
import { argsError, commandError, sayWords, usageError } from '../usage-error';
import { callServer, resolveWorkspace, serverSaid, serverTarget, type Fetch } from './push-pull-client';

/** `waymark push --help`: typed parts as they are, `{id}` the catalogue's `help.<id>` (help.ts). */
const help = `{usage} waymark push <file> [options]

{push.about}

{options}
      --server <url>       {push.server}
      --token <wm_…>       {push.token}
      --workspace <id>     {push.workspace}
      --if-version <n>     {push.ifVersion}
  -h, --help               {showHelp}

{push.exitCode}

{examples}
  WAYMARK_SERVER=http://localhost:5170 WAYMARK_TOKEN=wm_… waymark push journeys/asb-victim.yaml
`;

const options = {
  server: { type: 'string' },
  token: { type: 'string' },
  workspace: { type: 'string' },
  'if-version': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `waymark push`, calling the server with `fetchFn` (tests pass the API's own `app.request`). */
export function createPushCommand(fetchFn: Fetch): CliCommand {
  return {
    name: 'push',
    async run(args, ctx) {
      let parsed;
      try {
        parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
      } catch (e) {
        return argsError(ctx, 'push', e);
      }
      const { values, positionals } = parsed;
      if (values.help) {
        ctx.stdout(await helpText(ctx, help));
        return exitCodes.ok;
      }
      if (positionals.length !== 1)
        return usageError(ctx, 'push', {
          id: 'commands.push.oneFile',
          values: { count: positionals.length },
        });
      const ifVersion = values['if-version'] === undefined ? undefined : Number(values['if-version']);
      if (ifVersion !== undefined && !(Number.isInteger(ifVersion) && ifVersion >= 1)) {
        return usageError(ctx, 'push', {
          id: 'commands.push.badIfVersion',
          values: { value: values['if-version'] ?? '' },
        });
      }
      const target = serverTarget(values, ctx.env);
      if (!('server' in target)) return usageError(ctx, 'push', target);
      const file = positionals[0]!;
      const read = await readJourneyFile(ctx.cwd, file);
      if (!read.ok) {
        ctx.stderr(`✗ ${file}\n${(await problemLines(ctx, read.error.problems, file)).join('\n')}\n`);
        return read.error.exitCode;
      }
      const journey = read.value.journey;
      const ws = await resolveWorkspace(fetchFn, target);
      if ('error' in ws) {
        const e = ws.error;
        await commandError(ctx, 'push', 'id' in e ? e : await serverSaid(e, { command: 'push' }));
        return 'status' in e && e.status === 0 ? exitCodes.io : exitCodes.invalid;
      }
      const base = `/api/workspaces/${encodeURIComponent(ws.workspace)}/journeys`;
      const current = await callServer(fetchFn, target, 'GET', `${base}/${encodeURIComponent(journey.id)}`);
      let answer;
      let baseVersion: number | undefined;
      if (
        current.status === 404 &&
        (current.body as { error?: { code?: string } })?.error?.code === 'journey_not_found'
      ) {
        if (ifVersion !== undefined) {
          await commandError(ctx, 'push', {
            id: 'commands.push.notOnServer',
            values: { journey: journey.id, version: ifVersion },
          });
          return exitCodes.invalid;
        }
        answer = await callServer(fetchFn, target, 'POST', base, { journey });
      } else if (current.status === 200) {
        baseVersion = ifVersion ?? (current.body as { version: number }).version;
        answer = await callServer(fetchFn, target, 'PUT', `${base}/${encodeURIComponent(journey.id)}`, {
          baseVersion,
          journey,
        });
      } else {
        answer = current;
      }
      if (answer.status === 200 || answer.status === 201) {
        const body = answer.body as { version: number; unchanged?: boolean };
        const what = answer.status === 201 ? 'created' : body.unchanged ? 'unchanged' : 'published';
        const done = await sayWords(ctx, {
          id: 'commands.push.done',
          values: {
            journey: journey.id,
            what,
            version: body.version,
            server: target.server,
            workspace: ws.workspace,
          },
        });
        ctx.stdout(`${done}\n`);
        return exitCodes.ok;
      }
      const said = await serverSaid(answer, { command: 'push', workspace: ws.workspace, base: baseVersion });
      ctx.stderr(`waymark push: ${file}: ${await sayWords(ctx, said)}\n`);
      return answer.status === 0 ? exitCodes.io : exitCodes.invalid;
    },
  };
}

export const pushCommand: CliCommand = createPushCommand((url, init) => fetch(url, init));
