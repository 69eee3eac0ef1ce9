import { parseArgs } from 'node:util';
import { adviseJourney, formatPath } from '@waymark/core';
import type { LocatedProblem } from '@waymark/document';
import { exitCodes, type CliCommand, type CliContext } from '../command';
import { expandArguments } from '../files/expand-arguments';
import { readJourneyFile } from '../files/read-journey-file';
import { helpText } from '../help';
import { problemLines, problemMessages } from '../problem-words';
import { argsError, sayWords, usageError } from '../usage-error';

/** `waymark validate --help`: typed parts as they are, `{id}` the catalogue's `help.<id>` (help.ts). */
const help = `{usage} waymark validate <file>… [options]

{validate.about}

{options}
  -q, --quiet        {validate.quiet}
      --json         {validate.json}
      --max-mb <n>   {validate.maxMb}
  -h, --help         {showHelp}

{validate.exitCode}

{examples}
  waymark validate examples/*.yaml
  waymark validate examples          {validate.folderExample}
  waymark validate journeys/asb-victim.json --quiet
`;

interface FileResult {
  readonly file: string;
  readonly exitCode: number;
  /** Errors when the file is invalid; warnings (advice) when it is valid. */
  readonly problems: readonly LocatedProblem[];
}

async function printResult(ctx: CliContext, r: FileResult, quiet: boolean): Promise<void> {
  if (quiet && r.exitCode === exitCodes.ok) return;
  const lines = await problemLines(ctx, r.problems, r.file);
  if (r.exitCode !== exitCodes.ok) ctx.stderr(`✗ ${r.file}\n${lines.join('\n')}\n`);
  else if (!quiet) {
    ctx.stdout(`✓ ${r.file}\n`);
    if (lines.length > 0) ctx.stderr(`${lines.join('\n')}\n`);
  }
}

/**
 * The `--json` report of one file: each problem's `message` is the words the human output says it in (the
 * catalogue's, in the language of WAYMARK_LANG, LC_ALL or LANG), not the reader's English; `code` stays for programs.
 * A warning's `message` has no "warning:" before it (the human output's has): its `severity` says so.
 */
async function toJson(ctx: CliContext, r: FileResult) {
  const said = await problemMessages(ctx, r.problems);
  return {
    file: r.file,
    valid: r.exitCode === exitCodes.ok,
    problems: r.problems.map((p, i) => ({ ...p, message: said[i]!, where: formatPath(p.path) })),
  };
}

const options = {
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'max-mb': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const validateCommand: CliCommand = {
  name: 'validate',
  async run(args, ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    } catch (e) {
      return argsError(ctx, 'validate', e);
    }
    const { values, positionals: files } = parsed;
    if (values.help) {
      ctx.stdout(await helpText(ctx, help, { shape: '{ files: [{ file, valid, problems }], skipped }' }));
      return exitCodes.ok;
    }
    if (files.length === 0) return usageError(ctx, 'validate', { id: 'commands.validate.noFiles' });
    const maxMb = values['max-mb'] === undefined ? 20 : Number(values['max-mb']);
    if (!(maxMb > 0))
      return usageError(ctx, 'validate', {
        id: 'commands.validate.badMaxMb',
        values: { value: values['max-mb'] ?? '' },
      });

    const { files: journeys, skipped, skippedSaid } = await expandArguments(ctx.cwd, files);
    if (!values.quiet && !values.json)
      for (const said of skippedSaid) ctx.stdout(`- ${await sayWords(ctx, said)}\n`);
    if (journeys.length === 0) {
      return usageError(ctx, 'validate', {
        id: 'commands.validate.noJourneys',
        values: { files: files.join(' ') },
      });
    }
    const maxBytes = Math.round(maxMb * 1024 * 1024);
    const results: FileResult[] = [];
    for (const file of journeys) {
      const read = await readJourneyFile(ctx.cwd, file, maxBytes);
      results.push(
        read.ok
          ? {
              file,
              exitCode: exitCodes.ok,
              problems: adviseJourney(read.value.journey).map(read.value.locate),
            }
          : { file, exitCode: read.error.exitCode, problems: read.error.problems },
      );
      if (!values.json) await printResult(ctx, results[results.length - 1]!, values.quiet === true);
    }
    const exit = Math.max(...results.map((r) => r.exitCode));
    if (values.json) {
      const report = { files: await Promise.all(results.map((r) => toJson(ctx, r))), skipped };
      ctx.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else if (journeys.length + skipped.length > 1 && !values.quiet) {
      const valid = results.filter((r) => r.exitCode === exitCodes.ok).length;
      const summary = await sayWords(ctx, {
        id: 'commands.validate.summary',
        values: { valid, count: journeys.length, skipped: skipped.length },
      });
      ctx.stdout(`${summary}\n`);
    }
    return exit;
  },
};
