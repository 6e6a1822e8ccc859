/**
 * Password hashing with scrypt (RFC 7914). Parameters N=2^16, r=8, p=1 (64 MiB) cost about 0.25 s
 * per try on the reference machine (≥ 100 ms required; scripts/bench/auth.mjs measures it).
 * Stored form: `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`, so parameters can be raised later
 * without invalidating old hashes.
 *
 * One derivation yields 64 bytes. scrypt ends in PBKDF2-HMAC-SHA256 with one iteration, whose output
 * blocks are independent (RFC 8018 §5.2: T_1, T_2 …), so the first 32 bytes are the stored verifier
 * and the last 32 — never stored, not computable from the verifier — are the account's key-wrapping
 * key (it protects the account's own audit signing key, see signing.ts). A login therefore costs one
 * scrypt, not two.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export const SCRYPT_PARAMS: ScryptParams = { N: 65_536, r: 8, p: 1 };
const VERIFIER_LENGTH = 32;
const DERIVED_LENGTH = 64;

function options(params: ScryptParams): ScryptOptions {
  return { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, DERIVED_LENGTH, options(params), (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** A stored hash and the wrapping key that goes with it (the key is never stored). */
export interface PasswordSecrets {
  readonly hash: string;
  readonly wrappingKey: Buffer;
}

function encode(params: ScryptParams, salt: Buffer, derived: Buffer): PasswordSecrets {
  const hash = ['scrypt', params.N, params.r, params.p, salt.toString('base64'), derived.subarray(0, VERIFIER_LENGTH).toString('base64')].join('$');
  return { hash, wrappingKey: derived.subarray(VERIFIER_LENGTH) };
}

export async function hashPasswordWithKey(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<PasswordSecrets> {
  const salt = randomBytes(16);
  return encode(params, salt, await derive(password, salt, params));
}

/** Synchronous variant for cheap test parameters and scripts; the program uses the async one. */
export function hashPasswordWithKeySync(password: string, params: ScryptParams): PasswordSecrets {
  const salt = randomBytes(16);
  return encode(params, salt, scryptSync(password.normalize('NFC'), salt, DERIVED_LENGTH, options(params)));
}

export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  return (await hashPasswordWithKey(password, params)).hash;
}

/**
 * The wrapping key when `password` matches `stored` (constant-time comparison), otherwise null —
 * also for a malformed stored hash.
 */
export async function unlockWithPassword(password: string, stored: string): Promise<Buffer | null> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return null;
  const expected = Buffer.from(hash, 'base64');
  const derived = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  const verifier = derived.subarray(0, VERIFIER_LENGTH);
  return verifier.length === expected.length && timingSafeEqual(verifier, expected) ? derived.subarray(VERIFIER_LENGTH) : null;
}

/** Constant-time comparison; false for a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  return (await unlockWithPassword(password, stored)) !== null;
}

/** A random initial password that satisfies the default policy (letters, digits, symbols). */
export function generatePassword(length = 14): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#%+=?@^*-'];
  const all = sets.join('');
  const pick = (s: string) => s[randomBytes(1)[0]! % s.length] as string;
  const chars = [...sets.map(pick), ...Array.from({ length: length - sets.length }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomBytes(1)[0]! % (i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
