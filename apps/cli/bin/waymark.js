#!/usr/bin/env node
// The `waymark` command: registers tsx so the TypeScript sources run as they are, then hands the real
// process to main(), which returns the exit code.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main({
  argv: process.argv.slice(2),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTerminal: process.stdout.isTTY === true,
  stdoutBytes: (bytes) => process.stdout.write(bytes),
});
