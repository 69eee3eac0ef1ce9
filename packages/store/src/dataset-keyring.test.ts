import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFileKeyring } from './dataset-keyring';

describe('the keyring of pseudonymisation keys, outside the database', () => {
  it('given no key yet, when asked twice and by a second keyring on the same directory, then one 0600 key is made and reused', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'waymark-keyring-')), 'keyring');
    const first = await createFileKeyring(dir, (n) => new Uint8Array(randomBytes(n))).keyFor('w1');
    expect(first).toHaveLength(32);
    const again = await createFileKeyring(dir, () => new Uint8Array(32)).keyFor('w1');
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    const other = await createFileKeyring(dir, (n) => new Uint8Array(randomBytes(n))).keyFor('w2');
    expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false);
    const file = join(dir, `${Buffer.from('w1').toString('hex')}.key`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, 'utf8').trim()).toBe(Buffer.from(first).toString('hex'));
  });
});
