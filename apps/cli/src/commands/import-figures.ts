import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { applyCommands, type Journey, type JourneyCommand } from '@waymark/core';
import { writeJourneyJson, writeJourneyYaml } from '@waymark/document';
import { problemLines } from '../problem-words';
import { exitCodes, type CliCommand, type CliContext } from '../command';
import { attachedFigures, attachFigures, figureCards, type FiguresSource } from '../emit-sql/attach-figures';
import { readResults, ResultsError, type FigureResult } from '../emit-sql/results';
import { cliWords, type Words } from '../emit-sql/words';
import { readJourneyFile } from '../files/read-journey-file';
import { helpText } from '../help';
import { argsError, usageError, type Said } from '../usage-error';
import { answerSaid, callServer, resolveWorkspace, serverTarget, type Fetch } from './push-pull-client';

const options = {
  journey: { type: 'string' },
  engine: { type: 'string' },
  table: { type: 'string' },
  date: { type: 'string' },
  step: { type: 'string' },
  server: { type: 'string' },
  token: { type: 'string' },
  workspace: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `waymark import-figures --help`: typed parts as they are, `{id}` the catalogue's `help.<id>` (help.ts). */
const help = `waymark import-figures RESULTS.csv ... --journey FILE|ID --engine NAME --table NAME [--date YYYY-MM-DD] [--step STEP]

{importFigures.about}

  --journey FILE|ID   {importFigures.journey}
  --engine NAME       {importFigures.engine}
  --table NAME        {importFigures.table}
  --date DATE         {importFigures.date}
  --step ID           {importFigures.step}
  -h, --help          {showHelp}

{importFigures.figures}`;

/** Reads every results file; the same figure in two files is refused (which would be meant?). */
async function readAll(ctx: CliContext, files: readonly string[], w: Words): Promise<FigureResult[]> {
  const out: FigureResult[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(resolve(ctx.cwd, file));
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw Object.assign(
        new ResultsError(
          w('emitSql.import.unreadable', {
            file,
            reason: code === 'ENOENT' ? 'no such file' : (code ?? String(e)),
          }),
        ),
        { io: true },
      );
    }
    for (const r of readResults(bytes, file, w)) {
      const other = out.find((o) => o.figure === r.figure);
      if (other)
        throw new ResultsError(w('emitSql.import.twice', { figure: r.figure, file, other: other.file }));
      out.push(r);
    }
  }
  return out;
}

/** True when `name` is a journey file here (or looks like one); otherwise it is a journey id on the server. */
async function isFile(ctx: CliContext, name: string): Promise<boolean> {
  if (/\.(ya?ml|json)$/i.test(name) || name.includes('/')) return true;
  try {
    return (await stat(resolve(ctx.cwd, name))).isFile();
  } catch {
    return false;
  }
}

/** `waymark import-figures`, reaching a server (for a journey id) with `fetchFn`. */
export function createImportFiguresCommand(fetchFn: Fetch): CliCommand {
  return {
    name: 'import-figures',
    async run(args, ctx) {
      const w = cliWords(ctx.env);
      const say = (said: string | Said) => (typeof said === 'string' ? said : w(said.id, said.values));
      let parsed;
      try {
        parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
      } catch (e) {
        return argsError(ctx, 'import-figures', e);
      }
      const { values: v, positionals: files } = parsed;
      if (v.help) {
        ctx.stdout(`${await helpText(ctx, help)}\n`);
        return exitCodes.ok;
      }
      if (files.length === 0) return usageError(ctx, 'import-figures', w('emitSql.import.missingFiles'));
      if (!v.journey) return usageError(ctx, 'import-figures', w('emitSql.import.missingJourney'));
      if (!v.engine) return usageError(ctx, 'import-figures', w('emitSql.import.missingEngine'));
      if (!v.table) return usageError(ctx, 'import-figures', w('emitSql.import.missingTable'));
      const date = v.date ?? new Date().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
        return usageError(ctx, 'import-figures', w('emitSql.import.badDate', { value: date }));
      const source: FiguresSource = { engine: v.engine, table: v.table, date };
      let results: FigureResult[];
      try {
        results = await readAll(ctx, files, w);
      } catch (e) {
        if (!(e instanceof ResultsError)) throw e;
        ctx.stderr(`waymark import-figures: ${e.message}\n`);
        return (e as { io?: boolean }).io ? exitCodes.io : exitCodes.invalid;
      }
      const cards = figureCards(results, source, w);
      for (const r of results)
        if (!(attachedFigures as readonly string[]).includes(r.figure))
          ctx.stderr(`${w('emitSql.import.readOnly', { figure: r.figure, rows: r.rows.length })}\n`);
      if (cards.length === 0) {
        ctx.stderr(`waymark import-figures: ${w('emitSql.import.nothingToAttach')}\n`);
        return exitCodes.invalid;
      }
      const name = v.journey;
      const plan = (journey: Journey): { commands: JourneyCommand[]; step: string } | string => {
        if (journey.columns.length === 0) return w('emitSql.import.noSteps', { journey: name });
        const step = v.step ?? (journey.columns[0]?.id as string);
        if (!journey.columns.some((c) => c.id === step))
          return w('emitSql.import.unknownStep', {
            step,
            journey: name,
            steps: journey.columns.map((c) => c.id).join(', '),
          });
        return { commands: attachFigures(journey, cards, source, step, w), step };
      };
      const done = (step: string): number => {
        ctx.stdout(
          `${w('emitSql.import.attached', { count: cards.length, engine: source.engine, table: source.table, journey: name, step })}\n`,
        );
        return exitCodes.ok;
      };

      if (await isFile(ctx, name)) {
        const read = await readJourneyFile(ctx.cwd, name);
        if (!read.ok) {
          for (const line of await problemLines(ctx, read.error.problems, name)) ctx.stderr(`${line}\n`);
          return read.error.exitCode;
        }
        const journey = read.value.journey;
        const p = plan(journey);
        if (typeof p === 'string') {
          ctx.stderr(`waymark import-figures: ${p}\n`);
          return exitCodes.invalid;
        }
        const applied = applyCommands(journey, p.commands);
        if (!applied.ok) {
          ctx.stderr(
            `waymark import-figures: ${w('emitSql.import.invalidJourney', { journey: name, reason: applied.error.message })}\n`,
          );
          return exitCodes.invalid;
        }
        const text = /\.json$/i.test(name)
          ? writeJourneyJson(applied.value.journey)
          : writeJourneyYaml(applied.value.journey);
        try {
          await writeFile(resolve(ctx.cwd, name), text);
        } catch (e) {
          ctx.stderr(
            `waymark import-figures: ${w('emitSql.import.cannotWrite', { file: name, reason: (e as Error).message })}\n`,
          );
          return exitCodes.io;
        }
        return done(p.step);
      }

      // a journey id: the same commands, sent to the server against the version read (all or none)
      const target = serverTarget(v, ctx.env);
      if (!('server' in target)) return usageError(ctx, 'import-figures', target);
      const ws = await resolveWorkspace(fetchFn, target);
      if ('error' in ws) {
        const e = ws.error;
        ctx.stderr(`waymark import-figures: ${say('id' in e ? e : await answerSaid(e))}\n`);
        return 'status' in e && e.status === 0 ? exitCodes.io : exitCodes.invalid;
      }
      const path = `/api/workspaces/${encodeURIComponent(ws.workspace)}/journeys/${encodeURIComponent(name)}`;
      const current = await callServer(fetchFn, target, 'GET', path);
      if (current.status !== 200) {
        ctx.stderr(
          `waymark import-figures: ${w('emitSql.import.server', { journey: name, reason: say(await answerSaid(current)) })}\n`,
        );
        return current.status === 0 ? exitCodes.io : exitCodes.invalid;
      }
      const body = current.body as { version: number; journey: Journey };
      const p = plan(body.journey);
      if (typeof p === 'string') {
        ctx.stderr(`waymark import-figures: ${p}\n`);
        return exitCodes.invalid;
      }
      const answer = await callServer(fetchFn, target, 'POST', `${path}/commands`, {
        baseVersion: body.version,
        commands: p.commands,
      });
      if (answer.status !== 200) {
        ctx.stderr(
          `waymark import-figures: ${w('emitSql.import.server', { journey: name, reason: say(await answerSaid(answer)) })}\n`,
        );
        return answer.status === 0 ? exitCodes.io : exitCodes.invalid;
      }
      return done(p.step);
    },
  };
}

export const importFiguresCommand: CliCommand = createImportFiguresCommand((url, init) => fetch(url, init));
