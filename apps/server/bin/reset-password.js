#!/usr/bin/env node
// `npm run reset-password -- <email>`: the compiled apps/server/src/reset-password.ts, rebuilt first if
// it is missing or older than its sources.
import { fileURLToPath } from 'node:url';
import { builtOrExit } from '../../../scripts/build-freshness.mjs';

const dist = await builtOrExit('server', (reason) =>
  console.error(`Waymark cannot reset a password: ${reason}`),
);
process.argv[1] = fileURLToPath(new URL('reset-password.js', dist));
await import(new URL('reset-password.js', dist).href);
