import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A secret sealed with AES-256-GCM under a key the server keeps outside the database (its keyring): the
 * database alone, or a copy of it, does not give the secret away. The text is `v1.<iv>.<tag>.<ciphertext>`
 * (base64url), bound to what it is (`purpose`, the additional authenticated data), so a sealed value cannot
 * be moved to another field.
 */
const VERSION = 'v1';

/** The secret could not be opened: no key, another key, or damaged text. Said plainly, never a crash. */
export class SecretUnreadable extends Error {
  override readonly name = 'SecretUnreadable';
}

const checkKey = (key: Uint8Array): Buffer => {
  if (key.length !== 32) throw new SecretUnreadable(`the key is ${key.length} bytes long; expected 32`);
  return Buffer.from(key);
};

export function sealSecret(plain: string, key: Uint8Array, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', checkKey(key), iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
  return [VERSION, ...parts].join('.');
}

export const isSealed = (text: unknown): text is string =>
  typeof text === 'string' && text.startsWith(`${VERSION}.`) && text.split('.').length === 4;

export function openSecret(sealed: string, key: Uint8Array, purpose: string): string {
  if (!isSealed(sealed))
    throw new SecretUnreadable('the stored secret is not in the sealed form v1.iv.tag.text');
  const [, iv, tag, body] = sealed.split('.') as [string, string, string, string];
  try {
    const decipher = createDecipheriv('aes-256-gcm', checkKey(key), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch (error) {
    if (error instanceof SecretUnreadable) throw error;
    throw new SecretUnreadable(
      'the stored secret does not open with this server’s key (the keyring was replaced or the row was changed)',
    );
  }
}
