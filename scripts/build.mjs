#!/usr/bin/env node
// `npm run build` (and `npm ci`, through the root `prepare` script): compiles the CLI and the server to
// JavaScript with esbuild, so neither runs a TypeScript compiler when it starts. See
// docs/decisions/0041-compiled-build.md.
//
//   node scripts/build.mjs            build every target (cli, server)
//   node scripts/build.mjs cli        build one target
//
// Each target is bundled from its entry points into apps/<app>/dist with source maps (stack traces name
// the .ts lines). The @waymark/* workspace packages are bundled; every other package (pg, PGlite with its
// wasm and data files, hono, playwright-core, exceljs…) stays external and loads from node_modules as it
// does today. Output is written to a temporary file and renamed into place, so a process starting while
// another rebuilds never reads half a file.
import {
  readFileSync,
  readdirSync,
  mkdirSync,
  renameSync,
  writeFileSync,
  rmSync,
  existsSync,
  statSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** What is built: entry name (the file name in dist) → source. Worker modules are added by findWorkers. */
export const targets = {
  cli: { outdir: 'apps/cli/dist', entryPoints: { main: 'apps/cli/src/main.ts' } },
  server: {
    outdir: 'apps/server/dist',
    entryPoints: { main: 'apps/server/src/main.ts', 'reset-password': 'apps/server/src/reset-password.ts' },
  },
};

/** The file, in each dist, that records what a build read and when; scripts/build-freshness.mjs reads it. */
export const buildInfoName = 'build-info.json';

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/**
 * Worker modules: a source calling `startWorker(import.meta.url, 'name', …)` starts `./name.js` beside
 * the running module, so each such worker becomes an entry of its own in the same flat dist folder.
 */
export function findWorkers() {
  const workers = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(/startWorker\(\s*import\.meta\.url,\s*'([\w-]+)'/g)) {
          const source = join(dirname(path), `${match[1]}.ts`);
          if (!existsSync(source))
            throw new Error(`${relative(repoRoot, path)} starts a worker with no source: ${source}`);
          workers[match[1]] = relative(repoRoot, source);
        }
      }
    }
  };
  walk(join(repoRoot, 'packages'));
  return workers;
}

/** Bundles @waymark/* (their exports point at .ts sources); every other bare import stays external. */
export const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@waymark/')) return undefined;
      if (builtins.has(args.path)) return { path: args.path, external: true };
      return { path: args.path, external: true };
    });
  },
};

/**
 * A source that finds a file beside itself, `new URL('../migrations/', import.meta.url)`, would look beside
 * the bundle instead. This rewrites each such base to the source file's own URL, worked out from the
 * bundle's at run time, so resources (migrations, package.json, the repository root) are found where
 * they are in the checkout. Other uses of import.meta.url (a worker's base, a main-module check) keep
 * the bundle's URL.
 */
function sourceUrls(outdir) {
  return {
    name: 'source-urls',
    setup(build) {
      build.onLoad({ filter: /\.tsx?$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const fromDist = relative(outdir, args.path).split(sep).join('/');
        const base = `new URL(${JSON.stringify(fromDist)}, import.meta.url)`;
        const lookup = /new URL\(([^()]*?),\s*import\.meta\.url\)/g;
        const contents = text.replace(lookup, `new URL($1, ${base})`);
        // Any other use but a worker's base or a main-module check would quietly see the bundle's URL: say so.
        const others = text.replace(lookup, '').match(/.*import\.meta\.url.*/g) ?? [];
        const warnings = others
          .filter((line) => !/startWorker\(\s*import\.meta\.url|import\.meta\.url\s*===/.test(line))
          .map((line) => ({
            text: `${relative(repoRoot, args.path)}: "${line.trim()}" sees the bundle's URL, not this file's; find files with new URL('…', import.meta.url)`,
          }));
        return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts', warnings };
      });
    },
  };
}

/** Builds one target; returns the number of files written. */
export async function buildTarget(name, { quiet = false } = {}) {
  const target = targets[name];
  if (!target)
    throw new Error(`Unknown build target "${name}": expected one of ${Object.keys(targets).join(', ')}`);
  const { build } = await import('esbuild');
  const started = Date.now();
  const outdir = join(repoRoot, target.outdir);
  const entryPoints = { ...target.entryPoints, ...findWorkers() };
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: false,
    chunkNames: '[name]-[hash]',
    jsx: 'automatic',
    write: false,
    metafile: true,
    logLevel: quiet ? 'error' : 'warning',
    plugins: [externalPackages, sourceUrls(outdir)],
  });
  mkdirSync(outdir, { recursive: true });
  const written = new Set();
  // Chunks first, entries last, each renamed into place whole.
  const files = [...result.outputFiles].sort((a, b) => rank(a.path, entryPoints) - rank(b.path, entryPoints));
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
    written.add(file.path);
  }
  // Chunks of earlier builds are no longer referenced; they go once no process still running from an
  // earlier build could import them lazily (an hour on).
  for (const entry of readdirSync(outdir)) {
    const path = join(outdir, entry);
    if (written.has(path) || entry === buildInfoName || !/\.js(\.map)?$/.test(entry)) continue;
    if (statSync(path).mtimeMs < started - 3_600_000) rmSync(path, { force: true });
  }
  const inputs = [...Object.keys(result.metafile.inputs), relative(repoRoot, fileURLToPath(import.meta.url))]
    .filter((input) => !input.includes('node_modules/') || input.includes('node_modules/@waymark/'))
    .sort();
  const info = { builtAt: started, inputs };
  const infoPath = join(outdir, buildInfoName);
  writeFileSync(`${infoPath}.${process.pid}.tmp`, `${JSON.stringify(info, null, 1)}\n`);
  renameSync(`${infoPath}.${process.pid}.tmp`, infoPath);
  if (!quiet) {
    const ms = Date.now() - started;
    console.log(`Built ${target.outdir}: ${written.size} files from ${inputs.length} sources in ${ms} ms`);
  }
  return written.size;
}

function rank(path, entryPoints) {
  const base = path.split(sep).pop() ?? '';
  const isEntry = Object.keys(entryPoints).some((name) => base === `${name}.js`);
  if (base.endsWith('.map')) return 0;
  return isEntry ? 2 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const names = process.argv.slice(2);
  try {
    for (const name of names.length ? names : Object.keys(targets)) await buildTarget(name);
  } catch (error) {
    console.error(`The build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
