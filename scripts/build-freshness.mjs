// Used by the `waymark` bin and the server's start-up scripts (through `builtOrExit`) before they import
// their compiled output: if apps/<app>/dist is missing, or any source it was built from has changed since,
// the target is rebuilt first (esbuild takes a second or two), so a fresh clone, a `git pull` or an edit
// never runs stale JavaScript. The check reads dist/build-info.json and stats the sources it lists: a few
// milliseconds. See docs/decisions/0041-compiled-build.md.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outdirs = { cli: 'apps/cli/dist', server: 'apps/server/dist' };

/** Why `target` needs building (a sentence), or undefined when its dist is current. */
export function staleReason(target, root = repoRoot) {
  let info;
  try {
    info = JSON.parse(readFileSync(join(root, outdirs[target], 'build-info.json'), 'utf8'));
  } catch {
    return `${outdirs[target]} has not been built`;
  }
  for (const input of info.inputs) {
    const modified = statSync(join(root, input), { throwIfNoEntry: false })?.mtimeMs;
    if (modified === undefined) return `${input}, which it was built from, is gone`;
    if (modified > info.builtAt) return `${input} changed after ${outdirs[target]} was built`;
  }
  return undefined;
}

/** Rebuilds `target` if it is missing or older than its sources; returns the dist folder's URL. */
export async function ensureBuilt(target) {
  const reason = staleReason(target);
  if (reason !== undefined) {
    try {
      const { buildTarget } = await import('./build.mjs');
      await buildTarget(target, { quiet: true });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const missing = /** @type {{ code?: string } | undefined} */ (error)?.code === 'ERR_MODULE_NOT_FOUND';
      throw new Error(
        missing
          ? `${reason}, and it cannot be rebuilt here (${message}). ` +
              'Run `npm ci` (which builds it), or `npm run build`, in the repository, then try again.'
          : `${reason}, and rebuilding it failed: ${message}. Run \`npm run build\` to see the whole error.`,
        { cause: error },
      );
    }
  }
  return new URL(`../${outdirs[target]}/`, import.meta.url);
}

/**
 * What each bin does before importing its compiled output: turns on source maps (stack traces name the
 * TypeScript lines), then `ensureBuilt(target)`. If that fails, `report(reason)` says why in the bin's own
 * words and the process exits with status 1. Returns the dist folder's URL.
 * @param {'cli' | 'server'} target
 * @param {(reason: string) => void} report
 */
export async function builtOrExit(target, report) {
  process.setSourceMapsEnabled(true);
  try {
    return await ensureBuilt(target);
  } catch (error) {
    report(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
