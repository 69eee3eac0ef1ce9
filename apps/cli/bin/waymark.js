#!/usr/bin/env node
// The `waymark` command: runs the CLI compiled by scripts/build.mjs (apps/cli/dist), rebuilding it first if
// it is missing or older than its sources, then hands the real process to main(), which returns the exit
// code. Stack traces name the TypeScript lines through the build's source maps.
import { builtOrExit } from '../../../scripts/build-freshness.mjs';

const dist = await builtOrExit('cli', (reason) => process.stderr.write(`waymark: ${reason}\n`));
const { main } = await import(new URL('main.js', dist).href);
process.exitCode = await main({
  argv: process.argv.slice(2),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTerminal: process.stdout.isTTY === true,
  stdoutBytes: (bytes) => process.stdout.write(bytes),
});
