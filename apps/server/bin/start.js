#!/usr/bin/env node
// `npm start`: runs the server compiled by scripts/build.mjs (apps/server/dist), rebuilding it first if it
// is missing or older than its sources. Stack traces name the TypeScript lines through the source maps.
import { builtOrExit } from '../../../scripts/build-freshness.mjs';

const dist = await builtOrExit('server', (reason) => console.error(`Waymark cannot start: ${reason}`));
await import(new URL('main.js', dist).href);
