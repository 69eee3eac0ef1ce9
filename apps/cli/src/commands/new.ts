import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { createJourneyFromTemplate, templateNames, type Problem } from '@waymark/core';
import { writeJourneyJson, writeJourneyYaml } from '@waymark/document';
import { exitCodes, type CliCommand, type CliContext } from '../command';
import { writeOutput } from '../files/write-output';
import { helpKey, helpText, helpWords } from '../help';
import { problemsSaid } from '../problem-words';
import { argsError, commandError, note, sayWords, usageError } from '../usage-error';

/** The templates, each by name and its catalogue label (and, for --help, what it is for), as a help template. */
const templateList = (described: boolean) =>
  templateNames
    .map((name) => {
      const key = helpKey(name);
      const about = described ? `\n${' '.repeat(21)}{new.templateAbout.${key}}` : '';
      return `  ${name.padEnd(18)} {new.templateLabel.${key}}${about}`;
    })
    .join('\n');

/** `waymark new --help`: typed parts as they are, `{id}` the catalogue's `help.<id>` (help.ts). */
const help = `{usage} waymark new --template <name> [options]

{new.about}

{options}
  -t, --template <name>     {new.template}
      --id <id>             {new.id}
      --title <title>       {new.title}
  -o, --out <file>          {new.out}
      --format yaml|json    {new.format}
      --start-month YYYY-MM {new.startMonth}
      --months <n>          {new.months}
      --force               {new.force}
  -h, --help                {showHelp}

{new.templates}
${templateList(true)}

{examples}
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
  ctx.stderr(`waymark new: ${what}\n${await helpText(ctx, templateList(false))}\n${seeHelp}\n`);
  return exitCodes.usage;
}

export const newCommand: CliCommand = {
  name: 'new',
  async run(args, ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args: [...args], options, allowPositionals: false, strict: true });
    } catch (e) {
      return argsError(ctx, 'new', e);
    }
    const v = parsed.values;
    if (v.help) {
      ctx.stdout(await helpText(ctx, help));
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
      const lines = await problemsSaid(ctx, created.error, optionName);
      return usageError(ctx, 'new', lines.join('\nwaymark new: '));
    }
    const text = format === 'json' ? writeJourneyJson(created.value) : writeJourneyYaml(created.value);
    const written = await writeOutput(ctx, text, v.out, v.force === true);
    if (!written.ok) {
      await commandError(ctx, 'new', written.said);
      return exitCodes.io;
    }
    if (written.path !== undefined) {
      const template = (await helpWords(ctx.env))(`new.templateLabel.${helpKey(v.template)}`);
      await note(ctx, { id: 'commands.new.wrote', values: { file: v.out!, template } });
    }
    return exitCodes.ok;
  },
};
