import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
// `npm start`'s command with an environment, in only the language it names, until it exits.
import { freePort, runStart as start, type StartRun } from '../test/server-process';

it('given a bad PORT, when Waymark starts in English, then it says so in the words it always has and exits with 2', async () => {
  const run = await start({ PORT: 'eighty' });
  expect([run.code, run.stderr, run.stdout]).toEqual([
    2,
    'Waymark cannot start: PORT must be a port number from 1 to 65535, not "eighty"\n',
    '',
  ]);
});

it('given a bad PORT and WAYMARK_LANG=cy, when Waymark starts, then it says so in Welsh and exits with 2', async () => {
  const run = await start({ PORT: 'eighty', WAYMARK_LANG: 'cy' });
  expect([run.code, run.stderr, run.stdout]).toEqual([
    2,
    'Ni all Waymark ddechrau: rhaid i PORT fod yn rhif porth o 1 i 65535, nid "eighty"\n',
    '',
  ]);
});

it('given LANG=cy_GB.UTF-8 and a bad WAYMARK_MIN_FREE_MB, when Waymark starts, then the variable is named in Welsh', async () => {
  const run = await start({ LANG: 'cy_GB.UTF-8', WAYMARK_MIN_FREE_MB: '-5' });
  expect([run.code, run.stderr]).toEqual([
    2,
    'Ni all Waymark ddechrau: rhaid i WAYMARK_MIN_FREE_MB fod yn nifer cyfan o fegabeitiau (0 neu fwy), nid "-5"\n',
  ]);
});

/**
 * Starts Waymark on a new data directory until it has printed how to sign in, then stops it with SIGTERM. The
 * parts that change from run to run (the password, when it stops working) are said as PASSWORD and DATE.
 */
async function firstStart(env: Record<string, string>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'waymark-words-'));
  const port = await freePort();
  try {
    const { code, stdout, stderr } = await start(
      { ...env, PORT: String(port), WAYMARK_DATA: dataDir },
      (child, out) => {
        if (out.includes('reset-password') && child.exitCode === null) child.kill('SIGTERM');
      },
    );
    const lines = stdout
      .replace(/(password|untro) {2}\S+/, '$1  PASSWORD')
      .replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/, 'DATE UTC')
      .split('\n');
    return { code, stderr, lines, url: `http://localhost:${port}`, dataDir };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

it('given an empty data directory, when Waymark starts in English, then its banner and first-start lines are word for word what they always were, and SIGTERM stops it', async () => {
  const { code, stderr, lines, url, dataDir } = await firstStart({});
  // The lines naming the repository's examples, whichever they are, in the words they always had.
  const aboutExamples = [
    /^ {2}with \d+ example journey\(s\)(: [\w-]+(, [\w-]+)*)?\.$/,
    /^ {2}They open from a whole-problem journey, [\w-]+ \(see Journey tree\)\.$/,
    /^ {2}It also has a generated contact log attached to [\w-]+ \(see Event logs\)\.$/,
  ];
  const examples = lines.filter((line) => aboutExamples.some((said) => said.test(line)));
  expect(examples[0]).toMatch(aboutExamples[0]!);
  expect(lines.filter((line) => !examples.includes(line))).toEqual([
    `Waymark is running at ${url}  (embedded database in ${dataDir})`,
    '',
    'First start: created the administrator and a Demo workspace',
    '',
    `  Sign in at ${url} as admin@waymark.local`,
    '  with the one-time password  PASSWORD',
    '',
    '  It is shown only now and works once, until DATE UTC:',
    '  Waymark then asks you to choose your own password (at least 12 characters; three random words work well).',
    '  Lost or expired? Stop Waymark and run  npm run reset-password -- <email>  to print a new one.',
    'SIGTERM: stopping Waymark…',
    '',
  ]);
  expect([code, stderr]).toEqual([0, '']);
}, 60_000);

it('given an empty data directory and WAYMARK_LANG=cy, when Waymark starts, then its banner and first-start lines are in Welsh', async () => {
  const { code, lines, url, dataDir } = await firstStart({ WAYMARK_LANG: 'cy' });
  expect(lines[0]).toBe(`Mae Waymark yn rhedeg yn ${url}  (cronfa ddata fewnol yn ${dataDir})`);
  expect(lines).toEqual(
    expect.arrayContaining([
      'Y tro cyntaf: crëwyd y gweinyddwr a gweithle Demo',
      expect.stringMatching(/^ {2}gyda \d+ taith enghreifftiol/),
      expect.stringMatching(
        /^ {2}Mae ganddo hefyd log cyswllt a gynhyrchwyd, wedi’i atodi i [\w-]+ \(gweler Logiau digwyddiadau\)\.$/,
      ),
      `  Mewngofnodwch yn ${url} fel admin@waymark.local`,
      '  gyda’r cyfrinair untro  PASSWORD',
      '  Fe’i dangosir nawr yn unig ac mae’n gweithio unwaith, tan DATE UTC:',
      '  Wedi’i golli neu wedi dod i ben? Stopiwch Waymark a rhedwch  npm run reset-password -- <e-bost>  i argraffu un newydd.',
      'SIGTERM: yn stopio Waymark…',
    ]),
  );
  expect(code).toBe(0);
}, 60_000);

it('given a bad import limit, when Waymark starts in English, then it says so in the words it always has and exits with 2', async () => {
  const nice = await start({ WAYMARK_IMPORT_NICE: '20' });
  expect([nice.code, nice.stderr]).toEqual([
    2,
    'Waymark cannot start: WAYMARK_IMPORT_NICE must be a whole number from 0 to 19, not "20"\n',
  ]);
  const memory = await start({ WAYMARK_IMPORT_MEMORY_MB: '10' });
  expect(memory.stderr).toBe(
    'Waymark cannot start: WAYMARK_IMPORT_MEMORY_MB must be a whole number of megabytes (at least 64), not "10"\n',
  );
  const expanded = await start({ WAYMARK_EXPANDED_LIMIT_MB: 'lots' });
  expect(expanded.stderr).toBe(
    'Waymark cannot start: WAYMARK_EXPANDED_LIMIT_MB must be a whole number (at least 1) of megabytes, not "lots"\n',
  );
});

it('given a bad import limit and WAYMARK_LANG=cy, when Waymark starts, then it says so in Welsh and exits with 2', async () => {
  const nice = await start({ WAYMARK_IMPORT_NICE: '20', WAYMARK_LANG: 'cy' });
  expect([nice.code, nice.stderr]).toEqual([
    2,
    'Ni all Waymark ddechrau: rhaid i WAYMARK_IMPORT_NICE fod yn nifer cyfan o 0 i 19, nid "20"\n',
  ]);
  const memory = await start({ WAYMARK_IMPORT_MEMORY_MB: '10', WAYMARK_LANG: 'cy' });
  expect(memory.stderr).toBe(
    'Ni all Waymark ddechrau: rhaid i WAYMARK_IMPORT_MEMORY_MB fod yn nifer cyfan o fegabeitiau (o leiaf 64), nid "10"\n',
  );
  const expanded = await start({ WAYMARK_EXPANDED_LIMIT_MB: 'lots', WAYMARK_LANG: 'cy' });
  expect(expanded.stderr).toBe(
    'Ni all Waymark ddechrau: rhaid i WAYMARK_EXPANDED_LIMIT_MB fod yn nifer cyfan o fegabeitiau (o leiaf 1), nid "lots"\n',
  );
});

it('given a bad single sign-on setting, when Waymark starts in English or Welsh, then it is said in that language', async () => {
  const english = await start({ WAYMARK_OIDC_ACCOUNTS: 'everyone' });
  expect([english.code, english.stderr]).toEqual([
    2,
    'Waymark cannot start: WAYMARK_OIDC_ACCOUNTS must be just_in_time or invitation, not "everyone"\n',
  ]);
  const welsh = await start({ WAYMARK_OIDC_ISSUER: 'https://id.example.org', WAYMARK_LANG: 'cy' });
  expect([welsh.code, welsh.stderr]).toEqual([
    2,
    'Ni all Waymark ddechrau: gosodwch WAYMARK_OIDC_ISSUER a WAYMARK_OIDC_CLIENT_ID ill dau, neu ddim un ohonynt\n',
  ]);
});

/**
 * Starts Waymark on a new data directory and, once it is running, a second Waymark on the same directory with
 * `env`; returns what the second said, then stops the first.
 */
async function secondOnSameDataDir(env: Record<string, string>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'waymark-words-'));
  try {
    let second: Promise<StartRun> | undefined;
    const first = await start(
      { WAYMARK_LANG: 'en', PORT: String(await freePort()), WAYMARK_DATA: dataDir },
      (child, out) => {
        if (!second && out.includes('reset-password')) {
          second = freePort().then((port) => start({ ...env, PORT: String(port), WAYMARK_DATA: dataDir }));
          void second.finally(() => child.kill('SIGTERM'));
        }
      },
    );
    return { first, second: await second!, dataDir };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

it('given a Waymark running on a data directory, when a second starts on it in English, then it is refused in the words it always had', async () => {
  const { first, second, dataDir } = await secondOnSameDataDir({});
  expect(second.code).toBe(1);
  expect(second.stderr).toMatch(
    new RegExp(
      `^Waymark cannot start: another Waymark server \\(process \\d+\\) is already using the data directory ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. Stop it first, or set WAYMARK_DATA to another directory\\.\n$`,
    ),
  );
  expect(first.code).toBe(0);
}, 60_000);

it('given a Waymark running on a data directory, when a second starts on it with WAYMARK_LANG=cy, then it is refused in Welsh', async () => {
  const { second, dataDir } = await secondOnSameDataDir({ WAYMARK_LANG: 'cy' });
  expect(second.code).toBe(1);
  expect(second.stderr).toContain('Ni all Waymark ddechrau: mae gweinydd Waymark arall (proses ');
  expect(second.stderr).toContain(`eisoes yn defnyddio’r cyfeiriadur data ${dataDir}.`);
}, 60_000);
