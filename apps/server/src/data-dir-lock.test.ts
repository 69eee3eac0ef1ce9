import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTranslator } from '@waymark/i18n';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock';

describe('data directory lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-lock-'));
  afterEach(() => rmSync(join(dir, 'waymark.lock'), { force: true }));

  it('given no lock, when taken, then the file holds our pid and release removes it', () => {
    const lock = lockDataDir(dir);
    expect('error' in lock).toBe(false);
    expect(readFileSync(join(dir, 'waymark.lock'), 'utf8')).toBe(String(process.pid));
    if (!('error' in lock)) lock.release();
    expect(() => readFileSync(join(dir, 'waymark.lock'))).toThrow();
  });

  it('given a lock held by a live process, when taken, then refused with a message naming the process and directory', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(join(dir, 'waymark.lock'), String(other.pid));
      const lock = lockDataDir(dir);
      expect('error' in lock && lock.error).toEqual({
        id: 'server.lock.inUse',
        values: { process: String(other.pid), dir },
      });
      expect('error' in lock && createTranslator('en').t(lock.error.id, lock.error.values)).toBe(
        `another Waymark server (process ${other.pid}) is already using the data directory ${dir}. Stop it first, or set WAYMARK_DATA to another directory.`,
      );
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('given a stale lock of a process that is gone, when taken, then it is taken over', async () => {
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => gone.once('exit', r));
    writeFileSync(join(dir, 'waymark.lock'), String(gone.pid));
    const lock = lockDataDir(dir);
    expect('error' in lock).toBe(false);
    expect(readFileSync(join(dir, 'waymark.lock'), 'utf8')).toBe(String(process.pid));
  });
});
