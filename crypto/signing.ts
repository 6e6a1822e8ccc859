/**
 * Per-account signing keys (Ed25519, RFC 8032) for audit checkpoints. Each account's private key
 * is kept as encrypted PKCS#8 PEM (PBES2, AES-256-CBC) under a passphrase that is the hex of the
 * account's password-derived wrapping key (password.ts): the workstation passphrase alone opens
 * none of them. Public keys are plain SPKI PEM; signatures verify with
 * `openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in msg -sigfile sig`.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';

export interface GeneratedKey {
  readonly publicKeyPem: string;
  readonly privateKey: KeyObject;
}

export function generateSigningKey(): GeneratedKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
}

/** Short id of a public key: the first 16 hex digits of SHA-256 of its SPKI PEM. */
export function keyIdOf(publicKeyPem: string): string {
  return createHash('sha256').update(publicKeyPem).digest('hex').slice(0, 16);
}

/** The private key as encrypted PKCS#8 PEM under a 32-byte wrapping key. */
export function wrapPrivateKey(privateKey: KeyObject, wrappingKey: Uint8Array): string {
  return privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: Buffer.from(wrappingKey).toString('hex') }).toString();
}

/** Opens a wrapped key; throws when the wrapping key is wrong. */
export function unwrapPrivateKey(wrappedPem: string, wrappingKey: Uint8Array): KeyObject {
  return createPrivateKey({ key: wrappedPem, format: 'pem', passphrase: Buffer.from(wrappingKey).toString('hex') });
}

/** Signature (base64) of `data`. */
export function signWith(privateKey: KeyObject, data: Uint8Array | string): string {
  return sign(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, privateKey).toString('base64');
}

const publicKeys = new Map<string, KeyObject>();

export function verifySignature(publicKeyPem: string, data: Uint8Array | string, signatureBase64: string): boolean {
  try {
    let key = publicKeys.get(publicKeyPem);
    if (!key) publicKeys.set(publicKeyPem, (key = createPublicKey(publicKeyPem)));
    return verify(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/**
 * A 32-byte key derived from an Ed25519 key for one purpose (`label`): HKDF-SHA-256 over the key's
 * signature of the label. Ed25519 signatures are deterministic (RFC 8032 §5.1.6), so the same key always
 * derives the same bytes, and only a holder of the private key can. Used to wrap further keys of an
 * account (its X.509 signing key) under the account key that its password opens.
 */
export function derivedWrappingKey(privateKey: KeyObject, label: string): Buffer {
  const seed = sign(null, Buffer.from(`qbank-derived-key/1\u0000${label}`, 'utf8'), privateKey);
  return Buffer.from(hkdfSync('sha256', seed, Buffer.alloc(0), Buffer.from(label, 'utf8'), 32));
}
