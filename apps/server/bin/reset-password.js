#!/usr/bin/env node
// `npm run reset-password -- <email>`: the compiled apps/server/src/reset-password.ts, rebuilt first if
// it is missing or older than its sources.
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../../../scripts/build-freshness.mjs';

process.setSourceMapsEnabled(true);
let dist;
try {
  dist = await ensureBuilt('server');
} catch (error) {
  console.error(`Waymark cannot reset a password: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
process.argv[1] = fileURLToPath(new URL('reset-password.js', dist));
await import(new URL('reset-password.js', dist).href);
