import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exitCodes, type CliCommand } from './command';
import { commands, loadCommands } from './registry';
import { journeyYaml, runCli, stackLine, withTempDir } from './run-cli.fixture';

const here = dirname(fileURLToPath(import.meta.url));

describe('waymark (main)', () => {
  it('given --help, then every command is listed with its summary', async () => {
    const r = await runCli(['--help'], here);
    expect(r.code).toBe(0);
    for (const c of commands) expect(r.stdout).toContain(`  ${c.name}`);
    expect(r.stdout).toContain('Usage: waymark <command>');
  });

  it('given --version, then the package version is printed', async () => {
    const r = await runCli(['--version'], here);
    expect(r).toMatchObject({ code: 0, stdout: expect.stringMatching(/^waymark \d+\.\d+\.\d+\n$/) });
  });

  it('given no arguments or an unknown command, then a usage error lists the commands', async () => {
    expect((await runCli([], here)).code).toBe(exitCodes.usage);
    const r = await runCli(['valiate'], here);
    expect(r.code).toBe(exitCodes.usage);
    expect(r.stderr).toMatch(
      /^waymark: unknown command "valiate"; did you mean "validate"\?\nCommands: validate, render, new, .*\nRun 'waymark --help' for usage\.\n$/,
    );
  });

  it('given analyse --help, then the analyse command prints its own help', async () => {
    const r = await runCli(['analyse', '--help'], here);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^waymark analyse <log>/);
  });

  it.each(['validate', 'render', 'new'])(
    'given %s --help, then its usage, options and an example',
    async (name) => {
      for (const argv of [
        [name, '--help'],
        ['help', name],
      ]) {
        const r = await runCli(argv, here);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain(`waymark ${name}`);
        expect(r.stdout).toMatch(/Options:|--/);
        expect(r.stdout).toMatch(/Example/i);
      }
    },
  );

  it('given the lazy registry, then each name matches the command module it loads', async () => {
    const loaded = await loadCommands();
    expect(loaded.map((c) => c.name)).toEqual(commands.map((c) => c.name));
  });

  it('given a command that throws, then one line and a hint, and the stack only with WAYMARK_DEBUG=1', async () => {
    const broken: CliCommand = {
      name: 'boom',
      run: async () => {
        throw new TypeError('cannot read "x" of undefined');
      },
    };
    const r = await runCli(['boom'], here, { commands: [broken] });
    expect(r.code).toBe(exitCodes.internal);
    expect(r.stderr).toContain('waymark: internal error: cannot read "x" of undefined\n');
    expect(r.stderr).toContain('WAYMARK_DEBUG=1');
    expect(r.stderr).not.toMatch(stackLine);
    const debug = await runCli(['boom'], here, { commands: [broken], env: { WAYMARK_DEBUG: '1' } });
    expect(debug.stderr).toMatch(stackLine);
  });
});

describe('the waymark bin', () => {
  const bin = join(here, '..', 'bin', 'waymark.js');
  const run = promisify(execFile);

  it('given --help, when the real bin runs under node, then it prints the usage and exits 0', async () => {
    const { stdout } = await run(process.execPath, [bin, '--help']);
    expect(stdout).toContain('Usage: waymark <command>');
  });

  it('given an invalid file, then the bin sets a non-zero exit code and prints no stack', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'bad.yaml'), journeyYaml.replace('score: -60', 'score: 150'));
      await writeFile(join(dir, 'good.yaml'), journeyYaml);
      const failed = await run(process.execPath, [bin, 'validate', 'good.yaml', 'bad.yaml'], {
        cwd: dir,
      }).catch((e: { code: number; stdout: string; stderr: string }) => e);
      expect(failed).toMatchObject({ code: 1 });
      expect(failed.stdout).toContain('✓ good.yaml');
      expect(failed.stderr).toMatch(
        /^bad\.yaml:\d+:5 cards\[4\]\.score: This is too high: the most allowed is 100\.$/m,
      );
      expect(failed.stderr).not.toMatch(/^\s+at /m);
    });
  });
});
