import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { createJourneyFromTemplate, journeyTemplates, templateNames, type Problem } from '@waymark/core';
import { writeJourneyJson, writeJourneyYaml } from '@waymark/document';
import { exitCodes, type CliCommand, type CliContext } from '../command';
import { writeOutput } from '../files/write-output';
import { argsError, commandError, note, sayWords, usageError } from '../usage-error';

/** Words into lines of at most `width` characters, each starting with `indent`. */
const wrap = (text: string, indent: string, width = 100): string => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, indent + line].join('\n');
};

const templateList = (described: boolean) =>
  templateNames
    .map((name) => {
      const t = journeyTemplates[name];
      return `  ${name.padEnd(18)} ${t.label}${described ? `\n${wrap(t.description, ' '.repeat(21))}` : ''}`;
    })
    .join('\n');

const help = `Usage: waymark new --template <name> [options]

Starts a journey file from a template: the lanes and columns of one way of drawing a journey, with
prompts to replace. Writes YAML to standard output, or to --out.

Options:
  -t, --template <name>     which template (below)
      --id <id>             the journey's id (default: from --out's file name, else the template name)
      --title <title>       the map's title
  -o, --out <file>          write to this file (folders are created; an existing file is kept unless --force)
      --format yaml|json    default: from --out's extension, else yaml
      --start-month YYYY-MM first month of a dated template (default: this month)
      --months <n>          how many months a dated template shows (default 12)
      --force               replace --out if it exists
  -h, --help                show this help

Templates:
${templateList(true)}

Examples:
  waymark new --template melton --title "Reporting a missed bin" --out journeys/missed-bin.yaml
  waymark new --template case --start-month 2008-11 --months 9 --out case-3.yaml
`;

const options = {
  template: { type: 'string', short: 't' },
  id: { type: 'string' },
  title: { type: 'string' },
  out: { type: 'string', short: 'o' },
  format: { type: 'string' },
  'start-month': { type: 'string' },
  months: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Template option paths are the command's options: `id` is `--id`, `startMonth` is `--start-month`. */
const optionName = (p: Problem) =>
  `--${String(p.path[0] ?? 'template').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

const idFromFile = (out: string | undefined) => {
  if (out === undefined || out === '-') return undefined;
  const stem = basename(out, extname(out));
  return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/.test(stem) ? stem : undefined;
};

async function unknownTemplate(ctx: CliContext, name: string | undefined): Promise<number> {
  const what = await sayWords(
    ctx,
    name === undefined
      ? { id: 'commands.new.noTemplate' }
      : { id: 'commands.new.unknownTemplate', values: { value: name } },
  );
  const seeHelp = await sayWords(ctx, { id: 'cli.seeHelp', values: { command: 'new' } });
  ctx.stderr(`waymark new: ${what}\n${templateList(false)}\n${seeHelp}\n`);
  return exitCodes.usage;
}

export const newCommand: CliCommand = {
  name: 'new',
  summary: 'Start a journey file from a template (Melton map, blueprint, life course, case)',
  help,
  async run(args, ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args: [...args], options, allowPositionals: false, strict: true });
    } catch (e) {
      return argsError(ctx, 'new', e);
    }
    const v = parsed.values;
    if (v.help) {
      ctx.stdout(help);
      return exitCodes.ok;
    }
    if (v.template === undefined || !(templateNames as readonly string[]).includes(v.template)) {
      return unknownTemplate(ctx, v.template);
    }
    const format = (v.format ?? (v.out && /\.json$/i.test(v.out) ? 'json' : 'yaml')).toLowerCase();
    if (format !== 'yaml' && format !== 'json')
      return usageError(ctx, 'new', { id: 'commands.new.badFormat', values: { value: v.format ?? '' } });
    const months = v.months === undefined ? undefined : Number(v.months);
    if (months !== undefined && !Number.isFinite(months)) {
      return usageError(ctx, 'new', { id: 'commands.new.badMonths', values: { value: v.months ?? '' } });
    }
    const created = createJourneyFromTemplate(v.template, {
      id: v.id ?? idFromFile(v.out) ?? v.template,
      ...(v.title !== undefined ? { title: v.title } : {}),
      startMonth: v['start-month'] ?? new Date().toISOString().slice(0, 7),
      ...(months !== undefined ? { months } : {}),
    });
    if (!created.ok) {
      return usageError(
        ctx,
        'new',
        created.error.map((p) => `${optionName(p)}: ${p.message}`).join('\nwaymark new: '),
      );
    }
    const text = format === 'json' ? writeJourneyJson(created.value) : writeJourneyYaml(created.value);
    const written = await writeOutput(ctx, text, v.out, v.force === true);
    if (!written.ok) {
      await commandError(ctx, 'new', written.said);
      return exitCodes.io;
    }
    if (written.path !== undefined) {
      const template = journeyTemplates[v.template as keyof typeof journeyTemplates].label;
      await note(ctx, { id: 'commands.new.wrote', values: { file: v.out!, template } });
    }
    return exitCodes.ok;
  },
};
