import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { dataDirProblem, errorCode } from './start-up-causes';
import type { StartUpSaid } from './start-up-problem';

export interface DataDirLock {
  release(): void;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One process per data directory: PGlite has no lock of its own, and two processes writing one database
 * would corrupt it. The lock file is created exclusively and holds the owner's pid; a lock whose process is
 * gone (after a crash or kill -9) is stale and taken over. A refusal is the catalogue's id and values (`server.lock.*`,
 * or `server.start.dataDir.*` when the directory may not be written).
 */
export function lockDataDir(dir: string): DataDirLock | { error: StartUpSaid } {
  const file = join(dir, 'waymark.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return {
        release: () => {
          try {
            if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
          } catch {
            // Already gone.
          }
        },
      };
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'EEXIST') {
        return {
          error: dataDirProblem(error, dir, {
            id: 'server.lock.cannotCreate',
            values: { file, code: code ?? 'none' },
          }),
        };
      }
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        return { error: { id: 'server.lock.inUse', values: { process: String(owner), dir } } };
      }
      try {
        unlinkSync(file);
      } catch {
        // Another process took it over first; try again.
      }
    }
  }
  return { error: { id: 'server.lock.tryAgain', values: { dir } } };
}
