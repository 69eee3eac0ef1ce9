import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { problemLines } from '../problem-words';
import { exitCodes, type CliCommand } from '../command';
import { readJourneyFile } from '../files/read-journey-file';
import { writeOutput } from '../files/write-output';
import { helpWords, layOutHelp, type HelpWords } from '../help';
import { isTextMediaType, loadOutputFormats, type OutputFormat } from '../output-formats';
import { argsError, commandError, note, usageError, type Said } from '../usage-error';

/**
 * `waymark render --help`: typed parts as they are, `{id}` the catalogue's `help.<id>` (help.ts); each format by
 * its catalogue label (`help.render.formatLabel.<id>`), or its own for a format the catalogue does not name.
 */
const help = (
  formats: readonly OutputFormat[],
  w: HelpWords,
) => `{usage} waymark render <file> [--format <format>] [--out <file>]

{render.about}

{options}
  -f, --format <format>  {render.format}
  -o, --out <file>       {render.out}
  -h, --help             {showHelp}

{render.formats}
${formats
  .map((f) => {
    return `  ${f.id.padEnd(8)} ${formatLabel(f, w)} (.${f.extension})`;
  })
  .join('\n')}

{examples}
  waymark render examples/melton-asb-victim-current.yaml --out asb-current.svg
  waymark render journey.yaml --format mermaid
`;

/** A format's label in the catalogue's words (`help.render.formatLabel.<id>`), or its own for a format the catalogue does not name. */
const formatLabel = (f: OutputFormat, w: HelpWords): string =>
  w.has(`render.formatLabel.${f.id}`) ? w(`render.formatLabel.${f.id}`) : f.label;

const options = {
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Choice = { readonly format: OutputFormat } | { readonly problem: Said };

/** --format if given; else the extension of --out (an unknown one is an error, not a silent SVG); else svg. */
function chooseFormat(
  formats: readonly OutputFormat[],
  format: string | undefined,
  out: string | undefined,
): Choice {
  const ids = formats.map((f) => f.id).join(', ');
  if (format !== undefined) {
    const found = formats.find((f) => f.id === format.toLowerCase());
    return found
      ? { format: found }
      : { problem: { id: 'commands.render.unknownFormat', values: { value: format, formats: ids } } };
  }
  const ext = out
    ?.toLowerCase()
    .match(/\.([a-z0-9]+)$/)?.[1]
    ?.replace(/^yml$/, 'yaml');
  if (ext !== undefined) {
    const found = formats.find((f) => f.extension === ext || f.id === ext);
    return found
      ? { format: found }
      : { problem: { id: 'commands.render.unknownExtension', values: { extension: ext, formats: ids } } };
  }
  const svg = formats.find((f) => f.id === 'svg') ?? formats[0];
  return svg ? { format: svg } : { problem: { id: 'commands.render.noFormats' } };
}

/** The command over a set of formats; `renderCommand` uses render's registry plus the document formats. */
export const createRenderCommand = (
  loadFormats: () => Promise<readonly OutputFormat[]> = loadOutputFormats,
): CliCommand => ({
  name: 'render',
  async run(args, ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    } catch (e) {
      return argsError(ctx, 'render', e);
    }
    const { values, positionals } = parsed;
    const formats = await loadFormats();
    if (values.help) {
      const w = await helpWords(ctx.env);
      ctx.stdout(layOutHelp(w, help(formats, w), { formats: formats.map((f) => f.id).join(', ') }));
      return exitCodes.ok;
    }
    const [file, ...extra] = positionals;
    if (file === undefined) return usageError(ctx, 'render', { id: 'commands.render.noFile' });
    if (extra.length > 0)
      return usageError(ctx, 'render', {
        id: 'commands.render.oneJourney',
        values: { extra: extra.join(' ') },
      });
    const choice = chooseFormat(formats, values.format, values.out);
    if ('problem' in choice) return usageError(ctx, 'render', choice.problem);
    const { format } = choice;
    if (values.out !== undefined && resolve(ctx.cwd, values.out) === resolve(ctx.cwd, file)) {
      return usageError(ctx, 'render', { id: 'commands.render.outIsJourney', values: { file: values.out } });
    }
    const toTerminal = values.out === undefined || values.out === '-';
    if (toTerminal && ctx.stdoutIsTerminal && !isTextMediaType(format.mediaType)) {
      return usageError(ctx, 'render', {
        id: 'commands.render.binaryToTerminal',
        values: { format: format.id },
      });
    }

    const journey = await readJourneyFile(ctx.cwd, file);
    if (!journey.ok) {
      ctx.stderr(`✗ ${file}\n${(await problemLines(ctx, journey.error.problems, file)).join('\n')}\n`);
      return journey.error.exitCode;
    }
    const written = await writeOutput(ctx, format.render(journey.value.journey), values.out, true);
    if (!written.ok) {
      await commandError(ctx, 'render', written.said);
      return exitCodes.io;
    }
    if (!toTerminal)
      await note(ctx, {
        id: 'commands.render.wrote',
        values: { file: values.out!, label: formatLabel(format, await helpWords(ctx.env)) },
      });
    return exitCodes.ok;
  },
});

export const renderCommand: CliCommand = createRenderCommand();
