import { execFileSync } from 'node:child_process';
import { closeSync, openSync, statfsSync, writeSync } from 'node:fs';

/**
 * For tests of a full disk: mounts a tmpfs of `size` (e.g. "96m") on `dir`. Returns null when mounted, or
 * why it could not be (not root, or mounting not allowed here) for the test's skip message.
 */
export function mountSmallDisk(dir: string, size: string): string | null {
  if (process.getuid?.() !== 0)
    return 'mounting a small disk (tmpfs) needs root; run the tests as root to cover a full disk';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]}); a full disk is not covered`;
  }
}

export const unmountSmallDisk = (dir: string) => execFileSync('umount', [dir], { stdio: 'pipe' });

/** Free bytes on the file system holding `path`. */
export const freeBytesAt = (path: string) => {
  const s = statfsSync(path);
  return s.bavail * s.bsize;
};

/** Writes `file` until the file system holding it has no more than `leaveBytes` free (0: to the last byte). */
export function fillDisk(file: string, leaveBytes = 0): void {
  const fd = openSync(file, 'w');
  const big = Buffer.alloc(1024 * 1024);
  const small = Buffer.alloc(4096);
  try {
    while (freeBytesAt(file) > leaveBytes + big.length) writeSync(fd, big);
    if (leaveBytes === 0) for (;;) writeSync(fd, small);
  } catch {
    // full
  } finally {
    closeSync(fd);
  }
}
