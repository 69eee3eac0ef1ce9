import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The pseudonymisation key of each workspace, kept apart from the data it protects (privacy, issue 5 §2):
 * with the database alone, a pseudonymised case id or name cannot be turned back by trying likely values.
 */
export interface Keyring {
  /** The workspace's key, created on first use. */
  keyFor(workspaceId: string): Promise<Uint8Array>;
  /**
   * Destroys the workspace's key (when the workspace is deleted): what was pseudonymised with it, in any copy
   * or backup of the database, can then never be linked back.
   */
  forget(workspaceId: string): Promise<void>;
}

const fileOf = (dir: string, workspaceId: string): string =>
  join(dir, `${Buffer.from(workspaceId, 'utf8').toString('hex')}.key`);

/**
 * One file per workspace in `dir` (0700), each 32 random bytes as hex (0600). A key is written with an
 * exclusive create, so two processes creating the same key at once agree on the first one written.
 */
export function createFileKeyring(dir: string, randomBytes: (size: number) => Uint8Array): Keyring {
  const cache = new Map<string, Uint8Array>();
  const read = async (file: string): Promise<Uint8Array | null> => {
    try {
      const hex = (await readFile(file, 'utf8')).trim();
      if (!/^[0-9a-f]{64}$/.test(hex))
        throw new Error(`the key file ${file} is damaged (expected 64 hex digits)`);
      return Buffer.from(hex, 'hex');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
  return {
    async keyFor(workspaceId) {
      const cached = cache.get(workspaceId);
      if (cached) return cached;
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const file = fileOf(dir, workspaceId);
      let key = await read(file);
      if (!key) {
        try {
          await writeFile(file, `${Buffer.from(randomBytes(32)).toString('hex')}\n`, {
            mode: 0o600,
            flag: 'wx',
          });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
        key = await read(file);
        if (!key) throw new Error(`cannot create the key file ${file}`);
      }
      cache.set(workspaceId, key);
      return key;
    },
    async forget(workspaceId) {
      cache.delete(workspaceId);
      await rm(fileOf(dir, workspaceId), { force: true });
    },
  };
}

/** Keys held in memory only (tests, and an in-memory database that is gone when the process ends). */
export function createMemoryKeyring(randomBytes: (size: number) => Uint8Array): Keyring {
  const keys = new Map<string, Uint8Array>();
  return {
    keyFor(workspaceId) {
      let key = keys.get(workspaceId);
      if (!key) keys.set(workspaceId, (key = randomBytes(32)));
      return Promise.resolve(key);
    },
    forget(workspaceId) {
      keys.delete(workspaceId);
      return Promise.resolve();
    },
  };
}
