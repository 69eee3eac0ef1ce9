#!/usr/bin/env node
// `npm start`: runs the server compiled by scripts/build.mjs (apps/server/dist), rebuilding it first if it
// is missing or older than its sources. Stack traces name the TypeScript lines through the source maps.
import { ensureBuilt } from '../../../scripts/build-freshness.mjs';

process.setSourceMapsEnabled(true);
let dist;
try {
  dist = await ensureBuilt('server');
} catch (error) {
  console.error(`Waymark cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
await import(new URL('main.js', dist).href);
