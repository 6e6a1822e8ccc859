/**
 * Per-account audit signing keys. An account's key is created with its password (first password,
 * reset, or the first login of an account made before keys existed), wrapped by the password's
 * wrapping key (crypto/password.ts) and certified: by the administrator who acted (their own key
 * signs the new public key), or by itself for the 三员 made at first run. A login opens the key; a
 * password change re-wraps it; a reset retires it and makes a new one. Old keys stay for
 * verifying the checkpoints they signed.
 */
import { generateSigningKey, keyIdOf, signWith, unwrapPrivateKey, verifySignature, wrapPrivateKey } from '../../../crypto/signing.js';
import type { ReadableDB, WritableDB } from '../../store/database.js';
import { activeAccountKey, insertAccountKey, retireAccountKeys, rewrapAccountKey, type AccountKeyRecord } from '../../store/repositories/account-keys.js';
import { getSetting } from '../../store/repositories/settings.js';
import type { AccountSigner } from '../context.js';
import { auditMessages } from './messages.js';

export function workstationId(db: ReadableDB): string {
  return getSetting(db, 'workstation.id') ?? '';
}

/** The exact bytes a key certification covers. */
export function certificationMessage(wsId: string, k: Pick<AccountKeyRecord, 'keyId' | 'accountId' | 'publicKeyPem' | 'createdAt'>): string {
  return JSON.stringify(['qbank-account-key/1', wsId, k.keyId, k.accountId, k.publicKeyPem, k.createdAt]);
}

/**
 * Makes a new key for the account (retiring the one in use), wrapped by `wrappingKey` and certified
 * by `certifier` (or by itself when null). Call inside the transaction that sets the password.
 */
export function issueAccountKey(
  db: WritableDB,
  account: { readonly id: number; readonly username: string },
  wrappingKey: Uint8Array,
  certifier: AccountSigner | null,
  at: string,
): AccountSigner {
  const { publicKeyPem, privateKey } = generateSigningKey();
  const keyId = keyIdOf(publicKeyPem);
  const message = certificationMessage(workstationId(db), { keyId, accountId: account.id, publicKeyPem, createdAt: at });
  retireAccountKeys(db, account.id, at);
  insertAccountKey(db, {
    keyId,
    accountId: account.id,
    publicKeyPem,
    wrappedKeyPem: wrapPrivateKey(privateKey, wrappingKey),
    createdAt: at,
    certifiedBy: certifier?.keyId ?? 'self',
    certification: signWith(certifier?.privateKey ?? privateKey, message),
  });
  return { accountId: account.id, username: account.username, keyId, privateKey };
}

/** Opens the account's key in use with its password's wrapping key; undefined when it has none. */
export function openAccountKey(db: ReadableDB, account: { readonly id: number; readonly username: string }, wrappingKey: Uint8Array): AccountSigner | undefined {
  const key = activeAccountKey(db, account.id);
  if (!key) return undefined;
  return { accountId: account.id, username: account.username, keyId: key.keyId, privateKey: unwrapPrivateKey(key.wrappedKeyPem, wrappingKey) };
}

/** Wraps the signer's key under a new password's wrapping key (password change). */
export function rewrapSignerKey(db: WritableDB, signer: AccountSigner, wrappingKey: Uint8Array): void {
  rewrapAccountKey(db, signer.keyId, wrapPrivateKey(signer.privateKey, wrappingKey));
}

/** Problems (Chinese) with the certification of every key, in creation order. */
export function keyCertificationProblems(db: ReadableDB, keys: readonly AccountKeyRecord[]): string[] {
  const wsId = workstationId(db);
  const byId = new Map<string, AccountKeyRecord>();
  const withKey = new Set<number>();
  const problems: string[] = [];
  for (const k of keys) {
    if (keyIdOf(k.publicKeyPem) !== k.keyId) problems.push(auditMessages.keyMismatch(k.keyId));
    // only an account's first key may certify itself; a later one needs another account's key
    if (k.certifiedBy === 'self' && withKey.has(k.accountId)) problems.push(auditMessages.selfCertifiedLater(k.keyId));
    withKey.add(k.accountId);
    const certifier = k.certifiedBy === 'self' ? k : byId.get(k.certifiedBy);
    if (!certifier) problems.push(auditMessages.certifierMissing(k.keyId, k.certifiedBy));
    else if (!verifySignature(certifier.publicKeyPem, certificationMessage(wsId, k), k.certification)) problems.push(auditMessages.badCertification(k.keyId));
    byId.set(k.keyId, k);
  }
  return problems;
}
