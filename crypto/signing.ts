/**
 * Signing key of the workstation (Ed25519, RFC 8032): signs audit checkpoints so that truncating or
 * replacing the database is detectable from outside. The private key is kept as encrypted PKCS#8
 * (PEM, AES-256-CBC with a passphrase derived by HKDF-SHA256, RFC 5869, from the workstation secret);
 * the public key is plain SPKI PEM, and signatures verify with `openssl pkeyutl -verify -rawin`.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, sign, verify } from 'node:crypto';

export interface WrappedSigningKey {
  readonly publicKeyPem: string;
  readonly encryptedPrivateKeyPem: string;
}

/** Passphrase that protects the private key, derived from the workstation secret. */
export function wrappingPassphrase(secret: Uint8Array, salt: string): string {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.from(salt, 'utf8'), 'qbank audit signing key', 32)).toString('hex');
}

export function generateSigningKey(passphrase: string): WrappedSigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    encryptedPrivateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString(),
  };
}

/** Signature (base64) of `data` with the wrapped key; throws when the passphrase is wrong. */
export function signWith(key: WrappedSigningKey, passphrase: string, data: Uint8Array | string): string {
  const privateKey = createPrivateKey({ key: key.encryptedPrivateKeyPem, format: 'pem', passphrase });
  return sign(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, privateKey).toString('base64');
}

export function verifySignature(publicKeyPem: string, data: Uint8Array | string, signatureBase64: string): boolean {
  try {
    return verify(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, createPublicKey(publicKeyPem), Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/** The same key under a new wrapping passphrase (the public key, and so old signatures, stay valid). */
export function rewrapSigningKey(key: WrappedSigningKey, oldPassphrase: string, newPassphrase: string): WrappedSigningKey {
  const privateKey = createPrivateKey({ key: key.encryptedPrivateKeyPem, format: 'pem', passphrase: oldPassphrase });
  return {
    publicKeyPem: key.publicKeyPem,
    encryptedPrivateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: newPassphrase }).toString(),
  };
}
