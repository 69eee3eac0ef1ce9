import { describe, expect, it } from 'vitest';
import { helpWords, layOutHelp } from './help';
import { commands } from './registry';
import { runCli } from './run-cli.fixture';

const here = import.meta.dirname;
const cy = { WAYMARK_LANG: 'cy' };

describe('waymark --help', () => {
  it('says the commands and options in English', async () => {
    const r = await runCli(['--help'], here);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Usage: waymark <command> [options]

Customer journey maps for public services: check, draw and start journey files.

Commands:
  validate        Check journey files (YAML or JSON) and list every problem with its line
  render          Draw a journey as SVG, Mermaid, Markdown or CSV, or write it as JSON or YAML
  new             Start a journey file from a template (Melton map, blueprint, life course, case)
  analyse         Analyse an event log (CSV, XES, Parquet): contacts, durations, process map,
                  variants, avoidable contact
  import-figures  Put figures computed in Spark, Trino or another SQL engine (from analyse
                  --emit-sql) on a journey
  compare         Set a current journey beside a desired one: per-step and total differences
  sampling-cost   Cost per activity from activity sampling with your cost model: non-value-added
                  time and waste
  push            Publish a journey file to a Waymark server as its next version
  pull            Download a journey from a Waymark server as a YAML or JSON file

Options:
  -h, --help     show this help, or a command's help: waymark <command> --help
  -v, --version  show the version

Example:
  waymark validate examples/*.yaml
`);
  });

  it('says them in Welsh with WAYMARK_LANG=cy, LC_ALL or LANG cy_GB.UTF-8; names and commands stay as typed', async () => {
    const welsh = `Defnydd: waymark <command> [options]

Mapiau taith cwsmer ar gyfer gwasanaethau cyhoeddus: gwirio, lluniadu a dechrau ffeiliau taith.

Gorchmynion:
  validate        Gwirio ffeiliau taith (YAML neu JSON) a rhestru pob problem gyda’i llinell
  render          Lluniadu taith fel SVG, Mermaid, Markdown neu CSV, neu ei hysgrifennu fel JSON neu
                  YAML
  new             Dechrau ffeil taith o dempled (map Melton, glasbrint, cwrs bywyd, achos)
  analyse         Dadansoddi log digwyddiadau (CSV, XES, Parquet): cysylltiadau, hydoedd, map
                  proses, amrywiadau, cyswllt y gellir ei osgoi
  import-figures  Rhoi ffigurau a gyfrifwyd yn Spark, Trino neu beiriant SQL arall (o analyse
                  --emit-sql) ar daith
  compare         Gosod taith bresennol wrth ymyl un ddymunol: gwahaniaethau fesul cam a chyfanswm
  sampling-cost   Cost fesul gweithgaredd o samplu gweithgareddau gyda’ch model costau: amser heb
                  werth ychwanegol a gwastraff
  push            Cyhoeddi ffeil taith i weinydd Waymark fel ei fersiwn nesaf
  pull            Lawrlwytho taith o weinydd Waymark fel ffeil YAML neu JSON

Opsiynau:
  -h, --help     dangos y cymorth hwn, neu gymorth gorchymyn: waymark <command> --help
  -v, --version  dangos y fersiwn

Enghraifft:
  waymark validate examples/*.yaml
`;
    expect((await runCli(['--help'], here, { env: cy })).stdout).toBe(welsh);
    expect((await runCli(['help'], here, { env: { LC_ALL: 'cy_GB.UTF-8' } })).stdout).toBe(welsh);
    // No command: the same usage, as a usage error.
    const none = await runCli([], here, { env: { LANG: 'cy_GB.UTF-8' } });
    expect(none).toMatchObject({ code: 2, stdout: '', stderr: welsh });
  });
});

describe('waymark validate --help', () => {
  it('says the usage, options and examples in English', async () => {
    const r = await runCli(['validate', '--help'], here);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Usage: waymark validate <file>… [options]

Checks journey files (YAML or JSON). Prints "✓ file" for each valid one; for the others, every
problem on its own line as file:line:column path: message, so you can fix them all in one pass. A
folder means the journey files in it; other files (a README beside the journeys, say) are skipped
with a note.

Options:
  -q, --quiet        print only problems (no ✓ lines, no warnings)
      --json         print one JSON report on stdout instead: { files: [{ file, valid, problems }],
                     skipped }
      --max-mb <n>   refuse files larger than n megabytes (default 20)
  -h, --help         show this help

Exit code: 0 when every file is valid (warnings do not fail), 1 when a file has problems, 3 when a
file cannot be read, 2 when the command line is wrong.

Examples:
  waymark validate examples/*.yaml
  waymark validate examples          (every journey file in the folder)
  waymark validate journeys/asb-victim.json --quiet
`);
  });

  it('says them in Welsh, the options and examples as they are typed', async () => {
    const welsh = `Defnydd: waymark validate <file>… [options]

Yn gwirio ffeiliau taith (YAML neu JSON). Yn argraffu "✓ ffeil" ar gyfer pob un dilys; ar gyfer y
lleill, pob problem ar ei llinell ei hun fel ffeil:llinell:colofn llwybr: neges, fel y gallwch eu
trwsio i gyd ar yr un tro. Mae ffolder yn golygu’r ffeiliau taith ynddi; caiff ffeiliau eraill
(README wrth ymyl y teithiau, dyweder) eu hepgor gyda nodyn.

Opsiynau:
  -q, --quiet        argraffu problemau’n unig (dim llinellau ✓, dim rhybuddion)
      --json         argraffu un adroddiad JSON ar stdout yn lle hynny: { files: [{ file, valid,
                     problems }], skipped }
      --max-mb <n>   gwrthod ffeiliau mwy na n megabeit (diofyn 20)
  -h, --help         dangos y cymorth hwn

Cod gadael: 0 pan fo pob ffeil yn ddilys (nid yw rhybuddion yn methu), 1 pan fo gan ffeil broblemau,
3 pan na ellir darllen ffeil, 2 pan fo’r llinell orchymyn yn anghywir.

Enghreifftiau:
  waymark validate examples/*.yaml
  waymark validate examples          (pob ffeil taith yn y ffolder)
  waymark validate journeys/asb-victim.json --quiet
`;
    expect((await runCli(['validate', '--help'], here, { env: cy })).stdout).toBe(welsh);
    expect((await runCli(['help', 'validate'], here, { env: cy })).stdout).toBe(welsh);
  });
});

/** The options a help text names (`--out`, `-o`), and its lines that are commands to type. */
const typed = (text: string) => ({
  options: [...new Set(text.match(/(?<![\w-])--?[a-z][\w-]*/g))].sort(),
  commands: text
    .split('\n')
    .filter((line) => /^\s*(\S+=\S+ )*waymark /.test(line))
    .map((line) => line.replace(/ {2,}\(.*\)$/, '')), // an example's note in brackets is words
});

describe('every command’s --help', () => {
  it.each(commands.map((c) => c.name))(
    '%s: every word from the catalogue in English and Welsh, the options and examples the same in both',
    async (name) => {
      const en = await runCli([name, '--help'], here);
      const welsh = await runCli([name, '--help'], here, { env: cy });
      expect(en.code).toBe(0);
      expect(welsh.code).toBe(0);
      for (const text of [en.stdout, welsh.stdout]) {
        // an id the catalogue lacks would be printed as {id}
        expect(text).not.toMatch(/\{[\w.]+\}/);
        expect(text).toContain(`waymark ${name}`);
      }
      expect(welsh.stdout).not.toBe(en.stdout);
      expect(typed(welsh.stdout)).toEqual(typed(en.stdout));
      expect(typed(en.stdout).options).toContain('--help');
    },
  );

  it('lists each command in waymark --help by its catalogue summary, in both languages', async () => {
    for (const env of [{}, cy]) {
      const w = await helpWords(env);
      const text = (await runCli(['--help'], here, { env })).stdout;
      for (const c of commands) {
        const key = `${c.name.replace(/-(\w)/g, (_, l: string) => l.toUpperCase())}.summary`;
        expect(w.has(key)).toBe(true);
        expect(text.replace(/\n {18}/g, ' ')).toContain(w(key));
      }
    }
  });
});

describe('layOutHelp', () => {
  const w = Object.assign(
    (id: string, values?: Readonly<Record<string, string | number>>) => {
      const words: Record<string, string> = {
        'a.long': 'one two three four five six seven eight nine ten',
        'a.args': 'the {what} of it',
        'a.lines': 'first\n\nsecond',
      };
      return (words[id] ?? `{${id}}`).replace(/\{(\w+)\}/g, (m, k: string) => String(values?.[k] ?? m));
    },
    { has: () => true },
  );

  it('wraps words under the column they start in, keeps typed text after words as it is, and fills values', () => {
    expect(layOutHelp(w, '  --x    {a.long}', {}, 30)).toBe(
      '  --x    one two three four\n         five six seven eight\n         nine ten',
    );
    expect(
      layOutHelp(w, '{a.args} waymark x <file> [a very long usage line that stays]', { what: 'shape' }, 20),
    ).toBe('the shape of it waymark x <file> [a very long usage line that stays]');
    expect(layOutHelp(w, '{a.lines}')).toBe('first\n\nsecond');
    expect(layOutHelp(w, '  {a.missing}')).toBe('  {a.missing}');
  });
});
