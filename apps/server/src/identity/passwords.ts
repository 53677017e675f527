import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashing with argon2id (the @node-rs/argon2 default algorithm, OWASP's first choice),
 * through a maintained binding whose binary ships in npm. Parameters: 19 MiB, 2 passes.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Hash of a random password, verified against when the e-mail is unknown so that a login for a
 * missing account takes as long as one with a wrong password (no account enumeration by timing).
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
}
