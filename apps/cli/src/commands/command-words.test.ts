import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodes, type CliCommand } from '../command';
import { journeyYaml, runCli, withTempDir } from '../run-cli.fixture';
import { unreachableWhy } from './push-pull-client';

/**
 * The words `waymark` itself and its validate, render, new, push, pull, import-figures and sampling-cost commands
 * print (usage errors, files they cannot write, servers they cannot reach, what they wrote) come from the message
 * catalogue (`commands.*`), in English or in Welsh (WAYMARK_LANG, LC_ALL or LANG).
 */

const cy = { WAYMARK_LANG: 'cy' };
const seeHelp = (command: string) => `\nRun 'waymark ${command} --help' for the options.\n`;
const seeHelpCy = (command: string) => `\nRhedwch 'waymark ${command} --help' i weld yr opsiynau.\n`;

/** `waymark <argv>` in a fresh folder holding `files`. */
const inFolder = (files: Record<string, string>, argv: string[], env: Record<string, string> = {}) =>
  withTempDir(async (dir) => {
    for (const [name, text] of Object.entries(files)) {
      if (name.endsWith('/')) await mkdir(join(dir, name), { recursive: true });
      else await writeFile(join(dir, name), text);
    }
    return runCli(argv, dir, { env });
  });

describe('waymark itself', () => {
  it('given an unknown command, then it says so and lists the commands, in English and in Welsh', async () => {
    const en = await inFolder({}, ['valiate']);
    expect(en.code).toBe(exitCodes.usage);
    expect(en.stderr).toMatch(
      /^waymark: unknown command "valiate"; did you mean "validate"\?\nCommands: validate, .*\nRun 'waymark --help' for usage\.\n$/,
    );
    const welsh = await inFolder({}, ['zzz'], { LANG: 'cy_GB.UTF-8' });
    expect(welsh.stderr).toMatch(
      /^waymark: gorchymyn anhysbys "zzz"\.\nGorchmynion: validate, .*\nRhedwch 'waymark --help' i weld sut i’w ddefnyddio\.\n$/,
    );
  });

  it('given a command that fails with a bug, then the internal error is said in Welsh', async () => {
    const broken: CliCommand = {
      name: 'boom',
      run: async () => {
        throw new TypeError('x is undefined');
      },
    };
    const r = await withTempDir((dir) => runCli(['boom'], dir, { env: cy, commands: [broken] }));
    expect(r).toMatchObject({
      code: exitCodes.internal,
      stderr:
        'waymark: gwall mewnol: x is undefined\nNam yn Waymark yw hwn. Rhedwch eto gyda WAYMARK_DEBUG=1 i gael manylion i’w hadrodd.\n',
    });
  });
});

describe('waymark validate', () => {
  it('given no files, then a usage error in English and in Welsh', async () => {
    expect((await inFolder({}, ['validate'])).stderr).toBe(
      `waymark validate: give at least one journey file to check, such as: waymark validate journey.yaml${seeHelp('validate')}`,
    );
    expect((await inFolder({}, ['validate'], cy)).stderr).toBe(
      `waymark validate: rhowch o leiaf un ffeil taith i’w gwirio, er enghraifft: waymark validate journey.yaml${seeHelpCy('validate')}`,
    );
  });

  it('given a bad --max-mb or an option that does not exist, then Welsh naming it', async () => {
    expect((await inFolder({}, ['validate', '--max-mb', 'ten', 'a.yaml'], cy)).stderr).toBe(
      `waymark validate: rhaid i --max-mb fod yn nifer o fegabeitiau uwchlaw 0, megis 20; cafwyd "ten".${seeHelpCy('validate')}`,
    );
    expect((await inFolder({}, ['validate', '--strict', 'a.yaml'], cy)).stderr).toBe(
      `waymark validate: nid oes opsiwn --strict. Gwiriwch sut mae wedi’i sillafu.${seeHelpCy('validate')}`,
    );
  });

  it('given two journeys, one valid, then the count in English and in Welsh', async () => {
    const files = { 'a.yaml': journeyYaml, 'b.yaml': 'schemaVersion: 2\n' };
    expect((await inFolder(files, ['validate', 'a.yaml', 'b.yaml'])).stdout).toBe(
      '✓ a.yaml\n1 of 2 journey files valid\n',
    );
    expect((await inFolder(files, ['validate', 'a.yaml', 'b.yaml'], cy)).stdout).toBe(
      '✓ a.yaml\n1 o 2 ffeil taith yn ddilys\n',
    );
  });
});

describe('waymark validate, given files that are not journeys', () => {
  it('given a folder without journeys and a README, then each skipped is noted in English and in Welsh', async () => {
    const files = { 'a.yaml': journeyYaml, 'README.md': '# x', 'empty/': '' };
    const argv = ['validate', 'a.yaml', 'README.md', 'empty'];
    expect((await inFolder(files, argv)).stdout).toBe(
      '- README.md skipped: not a .yaml, .yml or .json file\n' +
        '- empty skipped: a folder with no .yaml, .yml or .json files\n' +
        '✓ a.yaml\n1 of 1 journey file valid (2 other files skipped)\n',
    );
    expect((await inFolder(files, argv, cy)).stdout).toBe(
      '- hepgorwyd README.md: nid yw’n ffeil .yaml, .yml na .json\n' +
        '- hepgorwyd empty: ffolder heb ffeiliau .yaml, .yml na .json\n' +
        '✓ a.yaml\n1 o 1 ffeil taith yn ddilys (hepgorwyd 2 ffeil arall)\n',
    );
  });
});

describe('waymark render', () => {
  it('given --out the journey itself, then refused in English and in Welsh', async () => {
    const argv = ['render', 'j.yaml', '--format', 'yaml', '--out', 'j.yaml'];
    expect((await inFolder({ 'j.yaml': journeyYaml }, argv)).stderr).toBe(
      `waymark render: --out j.yaml is the journey file itself. Choose another file to write.${seeHelp('render')}`,
    );
    expect((await inFolder({ 'j.yaml': journeyYaml }, argv, cy)).stderr).toBe(
      `waymark render: --out j.yaml yw’r ffeil taith ei hun. Dewiswch ffeil arall i’w hysgrifennu.${seeHelpCy('render')}`,
    );
  });

  it('given an --out no format writes, or a folder, then Welsh; given a file, then what it wrote', async () => {
    const files = { 'j.yaml': journeyYaml, 'out.svg/': '' };
    expect((await inFolder(files, ['render', 'j.yaml', '--out', 'j.pdfx'], cy)).stderr).toBe(
      `waymark render: nid oes fformat sy’n ysgrifennu ffeiliau .pdfx. Dewiswch un gyda --format (svg, mermaid, md, csv, json, yaml), neu rhowch enw ffeil i --out sy’n gorffen ag un ohonynt.${seeHelpCy('render')}`,
    );
    const folder = await inFolder(files, ['render', 'j.yaml', '--out', 'out.svg'], cy);
    expect(folder).toMatchObject({
      code: exitCodes.io,
      stderr: 'waymark render: ffolder yw out.svg. Rhowch enw ffeil i’w hysgrifennu.\n',
    });
    const wrote = await inFolder(files, ['render', 'j.yaml', '--out', 'j.mmd', '-f', 'mermaid'], cy);
    expect(wrote.stderr).toBe('ysgrifennwyd j.mmd: Diagram taith Mermaid\n');
  });
});

describe('waymark new', () => {
  it('given --months that is not a number, then a usage error in English and in Welsh', async () => {
    const argv = ['new', '-t', 'case', '--months', 'nine'];
    expect((await inFolder({}, argv)).stderr).toBe(
      `waymark new: --months must be a whole number, such as 12; got "nine".${seeHelp('new')}`,
    );
    expect((await inFolder({}, argv, cy)).stderr).toBe(
      `waymark new: rhaid i --months fod yn rhif cyfan, megis 12; cafwyd "nine".${seeHelpCy('new')}`,
    );
  });

  it('given a file that exists, then kept, in Welsh; given a new one, then what was written and what next', async () => {
    const exists = await inFolder({ 'mine.yaml': 'x' }, ['new', '-t', 'case', '--out', 'mine.yaml'], cy);
    expect(exists).toMatchObject({
      code: exitCodes.io,
      stderr:
        'waymark new: mae mine.yaml yn bodoli eisoes. Rhowch --force i’w disodli, neu dewiswch ffeil arall gyda --out.\n',
    });
    const made = await inFolder({}, ['new', '-t', 'case', '--out', 'case.yaml'], cy);
    expect(made.stderr).toBe(
      'ysgrifennwyd case.yaml (Taith achos â dyddiadau); golygwch ef, yna gwiriwch ef gyda: waymark validate case.yaml\n',
    );
  });

  it('given a bad id and a month that is not one, then each option and what it needs, in Welsh', async () => {
    const r = await inFolder({}, ['new', '-t', 'case', '--id', 'has space', '--start-month', '2008-13'], cy);
    expect(r).toMatchObject({
      code: exitCodes.usage,
      stderr:
        'waymark new: --id: Nid yw hwn yn id y mae Waymark yn ei dderbyn: defnyddiwch lythrennau, digidau, “-”, “_” neu “.”, 80 nod ar y mwyaf, gan ddechrau gyda llythyren neu ddigid.\n' +
        `waymark new: --start-month: Nid yw hwn yn fis: ysgrifennwch ef fel BBBB-MM, megis 2008-11.${seeHelpCy('new')}`,
    });
  });

  it('given a template that does not exist, then Welsh and the list of templates', async () => {
    const r = await inFolder({}, ['new', '-t', 'poster'], cy);
    expect(r.code).toBe(exitCodes.usage);
    expect(r.stderr).toMatch(/^waymark new: nid oes templed "poster"\. Templedi:\n/);
    expect(r.stderr.endsWith(seeHelpCy('new'))).toBe(true);
  });
});

describe('waymark push and pull', () => {
  const server = { WAYMARK_SERVER: 'http://127.0.0.1:1', WAYMARK_TOKEN: 'wm_x' };

  it('given no journey file or a bad --if-version, then usage errors in English and in Welsh', async () => {
    expect((await inFolder({}, ['push'])).stderr).toBe(
      `waymark push: give one journey file to publish, such as: waymark push journey.yaml; got none.${seeHelp('push')}`,
    );
    expect((await inFolder({}, ['push', 'a.yaml', 'b.yaml'], cy)).stderr).toBe(
      `waymark push: rhowch un ffeil taith i’w chyhoeddi, er enghraifft: waymark push journey.yaml; cafwyd 2.${seeHelpCy('push')}`,
    );
    expect((await inFolder({}, ['push', 'a.yaml', '--if-version', '0'], cy)).stderr).toBe(
      `waymark push: rhaid i --if-version fod yn rhif fersiwn, 1 neu fwy; cafwyd "0".${seeHelpCy('push')}`,
    );
  });

  it('given no token or no server, then Welsh naming where to give them', async () => {
    const noToken = await inFolder({}, ['push', 'a.yaml'], { ...cy, WAYMARK_SERVER: 'http://x' });
    expect(noToken.stderr).toBe(
      `waymark push: rhowch docyn API (wm_…) gyda --token neu WAYMARK_TOKEN. Mae perchennog y gweithle yn creu un yng ngosodiadau’r gweithle.${seeHelpCy('push')}`,
    );
    expect((await inFolder({}, ['pull', 'j1'], { ...cy, WAYMARK_TOKEN: 'wm_x' })).stderr).toBe(
      `waymark pull: enwch y gweinydd gyda --server http://host:5170 neu WAYMARK_SERVER.${seeHelpCy('pull')}`,
    );
  });

  it('given a bad --format, then pull refuses it in English and in Welsh', async () => {
    expect((await inFolder({}, ['pull', 'j1', '--format', 'xml'])).stderr).toBe(
      `waymark pull: --format must be yaml or json; got "xml".${seeHelp('pull')}`,
    );
    expect((await inFolder({}, ['pull', 'j1', '--format', 'xml'], cy)).stderr).toBe(
      `waymark pull: rhaid i --format fod yn yaml neu json; cafwyd "xml".${seeHelpCy('pull')}`,
    );
  });

  it('given a server that cannot be reached, then pull says so in Welsh (exit 3)', async () => {
    const r = await inFolder({}, ['pull', 'j1', '--workspace', 'w1'], { ...cy, ...server });
    expect(r.code).toBe(exitCodes.io);
    expect(r.stderr).toMatch(
      /^waymark pull: j1: ni ellir cyrraedd http:\/\/127\.0\.0\.1:1: methodd y cysylltiad\. Gwiriwch y cyfeiriad a bod y gweinydd yn rhedeg\.\n$/,
    );
  });

  it('given a server that answers 502 with no error of its own, then its status in plain words, not its page, in English and in Welsh', async () => {
    const http = createServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('Bad Gateway');
    });
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    try {
      const env = {
        WAYMARK_SERVER: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
        WAYMARK_TOKEN: 'wm_x',
      };
      const en = await inFolder({}, ['pull', 'j1', '--workspace', 'w1'], env);
      expect(en).toMatchObject({
        code: exitCodes.invalid,
        stderr:
          'waymark pull: j1: the server answered HTTP 502: something went wrong there. Try again; if it keeps happening, tell the server’s administrator.\n',
      });
      const welsh = await inFolder({}, ['pull', 'j1'], { ...env, ...cy });
      expect(welsh.stderr).toBe(
        'waymark pull: atebodd y gweinydd HTTP 502: aeth rhywbeth o’i le yno. Rhowch gynnig arall arni; os yw’n dal i ddigwydd, dywedwch wrth weinyddwr y gweinydd.\n',
      );
    } finally {
      await new Promise((done) => http.close(done));
    }
  });

  it('given a port nothing listens on, then that nothing accepted the connection, not fetch’s own "fetch failed", in English and in Welsh', async () => {
    const http = createServer();
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    const port = (http.address() as AddressInfo).port;
    await new Promise((done) => http.close(done));
    const env = { WAYMARK_SERVER: `http://127.0.0.1:${port}`, WAYMARK_TOKEN: 'wm_x' };
    const en = await inFolder({}, ['pull', 'j1', '--workspace', 'w1'], env);
    expect(en).toMatchObject({
      code: exitCodes.io,
      stderr: `waymark pull: j1: cannot reach http://127.0.0.1:${port}: nothing there accepted the connection. Check the address and that the server is running.\n`,
    });
    const welsh = await inFolder({}, ['pull', 'j1', '--workspace', 'w1'], { ...env, ...cy });
    expect(welsh.stderr).toBe(
      `waymark pull: j1: ni ellir cyrraedd http://127.0.0.1:${port}: ni dderbyniodd dim byd yno’r cysylltiad. Gwiriwch y cyfeiriad a bod y gweinydd yn rhedeg.\n`,
    );
  });

  it('given the system’s code under fetch’s error, then why the server could not be reached', () => {
    const failed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });
    expect(unreachableWhy(failed({ code: 'ENOTFOUND' }))).toBe('notFound');
    expect(unreachableWhy(failed({ code: 'UND_ERR_CONNECT_TIMEOUT' }))).toBe('timedOut');
    expect(unreachableWhy(failed({ code: 'ECONNRESET' }))).toBe('reset');
    expect(unreachableWhy(failed({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }))).toBe('certificate');
    expect(unreachableWhy(failed({ errors: [{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }] }))).toBe(
      'refused',
    );
    expect(unreachableWhy(failed(new Error('bad port')))).toBe('other');
    expect(unreachableWhy(new Error('no cause'))).toBe('other');
  });
});

describe('waymark import-figures', () => {
  it('given an option that does not exist or one without its value, then Welsh naming it', async () => {
    expect((await inFolder({}, ['import-figures', '--colour', 'red'], cy)).stderr).toBe(
      `waymark import-figures: nid oes opsiwn --colour. Gwiriwch sut mae wedi’i sillafu.${seeHelpCy('import-figures')}`,
    );
    expect((await inFolder({}, ['import-figures', '--journey'])).stderr).toBe(
      `waymark import-figures: --journey needs a value after it.${seeHelp('import-figures')}`,
    );
  });
});

describe('waymark sampling-cost', () => {
  const priced = ['--cost-model', 'm.json', '--rate-line', 'telephone', '--staff-hours', '100'];

  it('given a bad --format or no cost model, then usage errors in English and in Welsh', async () => {
    expect((await inFolder({}, ['sampling-cost', 's.json', '-f', 'csv'])).stderr).toBe(
      `waymark sampling-cost: --format must be md or json; got "csv".${seeHelp('sampling-cost')}`,
    );
    expect((await inFolder({}, ['sampling-cost', 's.json', '-f', 'csv'], cy)).stderr).toBe(
      `waymark sampling-cost: rhaid i --format fod yn md neu json; cafwyd "csv".${seeHelpCy('sampling-cost')}`,
    );
    expect((await inFolder({}, ['sampling-cost', 's.json'], cy)).stderr).toBe(
      `waymark sampling-cost: rhowch --cost-model '<ffeil>' a --rate-line '<llinell>': maen nhw’n prisio amser y staff.${seeHelpCy('sampling-cost')}`.replace(
        /'<(ffeil|llinell)>'/g,
        '<$1>',
      ),
    );
  });

  it('given a sample that is missing or a cost model that is not JSON, then Welsh naming the file', async () => {
    const missing = await inFolder({}, ['sampling-cost', 'gone.json', ...priced], cy);
    expect(missing).toMatchObject({
      code: exitCodes.io,
      stderr: '✗ gone.json: nid oes ffeil o’r fath. Gwiriwch ei henw a’i ffolder.\n',
    });
    const files = { 's.json': '{"categories":[]}', 'm.json': '{ name:' };
    const notJson = await inFolder(files, ['sampling-cost', 's.json', ...priced]);
    expect(notJson.stderr).toBe(
      '✗ --cost-model m.json: this is not JSON: the problem is at line 1, column 3. Check the brackets, quotes and commas there.\n',
    );
    const notJsonCy = await inFolder(files, ['sampling-cost', 's.json', ...priced], cy);
    expect(notJsonCy.stderr).toBe(
      '✗ --cost-model m.json: nid JSON yw hwn: mae’r broblem ar linell 1, colofn 3. Gwiriwch y cromfachau, y dyfynodau a’r atalnodau yno.\n',
    );
  });
});
