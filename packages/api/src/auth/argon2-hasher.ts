import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** `Algorithm.Argon2id`: a const enum, which isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm;
import type { PasswordHasher } from '../deps';

export interface Argon2Options {
  /** KiB; OWASP's argon2id minimum is 19 MiB with 2 passes. */
  readonly memoryCost?: number;
  readonly timeCost?: number;
}

/** Passwords hashed with argon2id (salted, in PHC string format). */
export function createArgon2Hasher(options: Argon2Options = {}): PasswordHasher {
  const params = {
    algorithm: ARGON2ID,
    memoryCost: options.memoryCost ?? 19_456,
    timeCost: options.timeCost ?? 2,
    parallelism: 1,
  };
  return {
    hash: (password) => hash(password, params),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
  };
}
