/**
 * Wrapping a package's content key (32 random bytes, see stream-cipher.ts) for its recipients, one
 * entry each; any one entry opens the package.
 *
 * - `rsa-oaep-256`: RSAES-OAEP (RFC 8017 §7.1) with SHA-256 and MGF1-SHA-256, empty label, to the
 *   RSA key (≥ 2048 bits) of a certificate.
 * - `ecdh-es-a256kw`: to the EC key (P-256, P-384, P-521) of a certificate: an ephemeral key pair on
 *   the same curve, Z = ECDH(ephemeral private, recipient public) (SEC 1 §3.3.1, the x coordinate),
 *   KEK = HKDF-SHA256(Z, salt empty, info UTF-8 "qbank-package/1 ecdh-es " + certificate SHA-256 hex,
 *   32 bytes), then AES-256 key wrap (RFC 3394, default IV A6A6A6A6A6A6A6A6).
 * - `scrypt-a256kw`: to a shared secret (a passphrase): KEK = scrypt(secret as UTF-8 NFC, salt
 *   16 random bytes, N = 2^15, r = 8, p = 1, 32 bytes) (RFC 7914), then AES-256 key wrap.
 *
 * Certificate entries name the certificate by the SHA-256 of its DER (lowercase hex). Whether a
 * certificate is still valid, or meant for this use, is the caller's business: recipientCertificateInfo
 * says what it needs to decide.
 */
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  scryptSync,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import { CONTEXT, T } from './asn1.js';
import { bytesOf, certificateInfo, childrenOf, octetsOf, oidOf, parseDer, type SubjectName } from './x509.js';

export type EcCurve = 'P-256' | 'P-384' | 'P-521';

export type RecipientEntry =
  | { kind: 'rsa-oaep-256'; certificateSha256: string; subject: string; encryptedKey: string /* base64 */ }
  | { kind: 'ecdh-es-a256kw'; certificateSha256: string; subject: string; curve: EcCurve; ephemeralPublicKey: string /* SPKI PEM */; encryptedKey: string }
  | { kind: 'scrypt-a256kw'; label: string; salt: string; N: number; r: number; p: number; encryptedKey: string };

const CURVES: Readonly<Record<string, EcCurve>> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
const NODE_CURVES: Readonly<Record<EcCurve, string>> = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };
const KW_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');
const SCRYPT = { N: 32_768, r: 8, p: 1 } as const;
const OID_KEY_USAGE = '2.5.29.15';

const NOT_FOR_THIS_KEY = '私钥与证书不符或密钥封装已损坏';
const UNSUPPORTED_KEY = '只支持 RSA（至少 2048 位）或 EC（P-256、P-384、P-521）证书';

export interface RecipientCertificateInfo {
  subject: string;
  subjectName: SubjectName;
  /** SHA-256 of the DER, lowercase hex without colons. */
  fingerprint256: string;
  keyType: 'rsa' | 'ec' | 'other';
  /** RSA modulus bits, or the curve's size in bits. */
  keySize: number;
  curve: EcCurve | null;
  /** The key can be used for a package: RSA ≥ 2048 or one of the three curves. */
  supported: boolean;
  notBefore: Date;
  notAfter: Date;
  /** Bits of the keyUsage extension; null when the certificate has none (any use allowed). */
  keyUsage: { keyEncipherment: boolean; keyAgreement: boolean } | null;
}

/** `CN=…, OU=…, O=…` */
export function subjectText(subject: SubjectName): string {
  const parts: [string, string | undefined][] = [['CN', subject.commonName], ['T', subject.title], ['OU', subject.organizationalUnit], ['O', subject.organization]];
  return parts.filter(([, value]) => value).map(([key, value]) => `${key}=${value}`).join(', ');
}

/**
 * The keyUsage bits (KeyUsage ::= BIT STRING, RFC 5280 §4.2.1.3) of a certificate's DER, or null.
 * Throws 证书格式不正确 for damaged extensions (forge's own errors are English).
 */
function keyUsageOf(der: Buffer): RecipientCertificateInfo['keyUsage'] {
  try {
    const tbsFields = childrenOf(childrenOf(parseDer(der))[0]);
    const extensions = tbsFields.find((field) => field.tagClass === CONTEXT && field.type === 3);
    for (const extension of extensions ? childrenOf(childrenOf(extensions, 3, CONTEXT)[0]) : []) {
      const parts = childrenOf(extension);
      if (oidOf(parts[0]) !== OID_KEY_USAGE) continue;
      const bits = Buffer.from(bytesOf(parseDer(octetsOf(parts[parts.length - 1])), T.BITSTRING), 'binary');
      const first = bits[1] ?? 0; // bits[0] counts the unused bits
      return { keyEncipherment: (first & 0x20) !== 0, keyAgreement: (first & 0x08) !== 0 };
    }
    return null;
  } catch {
    throw new Error('证书格式不正确');
  }
}

function readCertificate(pem: string): { x509: X509Certificate; info: RecipientCertificateInfo } {
  const base = certificateInfo(pem); // throws 证书格式不正确
  const x509 = new X509Certificate(pem);
  const key = x509.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const curve = key.asymmetricKeyType === 'ec' ? (CURVES[details.namedCurve ?? ''] ?? null) : null;
  const keyType = key.asymmetricKeyType === 'rsa' ? 'rsa' : key.asymmetricKeyType === 'ec' ? 'ec' : 'other';
  const keySize = keyType === 'rsa' ? (details.modulusLength ?? 0) : curve ? Number(curve.slice(2)) : 0;
  return {
    x509,
    info: {
      subject: subjectText(base.subject),
      subjectName: base.subject,
      fingerprint256: base.fingerprint256,
      keyType,
      keySize,
      curve,
      supported: (keyType === 'rsa' && keySize >= 2048) || curve !== null,
      notBefore: base.notBefore,
      notAfter: base.notAfter,
      keyUsage: keyUsageOf(x509.raw),
    },
  };
}

/** What a recipient's certificate says, for the caller to decide whether to encrypt to it. */
export function recipientCertificateInfo(pem: string): RecipientCertificateInfo {
  return readCertificate(pem).info;
}

function checkContentKey(contentKey: Uint8Array): void {
  if (contentKey.length !== 32) throw new RangeError('内容密钥必须是 32 字节');
}

const kekInfo = (fingerprint: string): Buffer => Buffer.from(`qbank-package/1 ecdh-es ${fingerprint}`, 'utf8');
const hkdf = (secret: Buffer, info: Buffer): Buffer => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));

function aesKeyWrap(kek: Buffer, key: Uint8Array): Buffer {
  const cipher = createCipheriv('id-aes256-wrap', kek, KW_IV);
  return Buffer.concat([cipher.update(key), cipher.final()]);
}

/** The unwrapped key, or null when the integrity check of RFC 3394 fails (wrong KEK or damaged). */
function aesKeyUnwrap(kek: Buffer, wrapped: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('id-aes256-wrap', kek, KW_IV);
    const key = Buffer.concat([decipher.update(wrapped), decipher.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' } as const;

/** The content key wrapped for a certificate's key (RSA-OAEP-256, or ECDH-ES + AES-256-KW for EC). */
export function wrapForCertificate(contentKey: Buffer, certificatePem: string): RecipientEntry {
  checkContentKey(contentKey);
  const { x509, info } = readCertificate(certificatePem);
  if (!info.supported) throw new Error(`${UNSUPPORTED_KEY}（${info.subject}）`);
  const who = { certificateSha256: info.fingerprint256, subject: info.subject };
  if (info.keyType === 'rsa') {
    return { kind: 'rsa-oaep-256', ...who, encryptedKey: publicEncrypt({ key: x509.publicKey, ...OAEP }, contentKey).toString('base64') };
  }
  const curve = info.curve as EcCurve;
  const ephemeral = generateKeyPairSync('ec', { namedCurve: NODE_CURVES[curve] });
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: x509.publicKey });
  return {
    kind: 'ecdh-es-a256kw',
    ...who,
    curve,
    ephemeralPublicKey: ephemeral.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    encryptedKey: aesKeyWrap(hkdf(shared, kekInfo(info.fingerprint256)), contentKey).toString('base64'),
  };
}

function scryptKek(secret: string | Buffer, salt: Buffer, N: number, r: number, p: number): Buffer {
  const bytes = typeof secret === 'string' ? Buffer.from(secret.normalize('NFC'), 'utf8') : secret;
  return scryptSync(bytes, salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}

/** The content key wrapped under a shared secret (scrypt, then AES-256-KW). About 0.1 s. */
export function wrapForSecret(contentKey: Buffer, secret: string | Buffer, label: string): RecipientEntry {
  checkContentKey(contentKey);
  if (secret.length === 0) throw new Error('口令不能为空');
  const salt = randomBytes(16);
  const { N, r, p } = SCRYPT;
  const encryptedKey = aesKeyWrap(scryptKek(secret, salt, N, r, p), contentKey).toString('base64');
  return { kind: 'scrypt-a256kw', label, salt: salt.toString('base64'), N, r, p, encryptedKey };
}

/** The content key, from the entry for this certificate, with its private key. */
export function unwrapWithPrivateKey(entries: readonly RecipientEntry[], privateKey: KeyObject, certificatePem: string): Buffer {
  const { x509, info } = readCertificate(certificatePem);
  const entry = entries.find((e) => e.kind !== 'scrypt-a256kw' && e.certificateSha256.toLowerCase() === info.fingerprint256);
  if (!entry || entry.kind === 'scrypt-a256kw') throw new Error(`本包未为此证书加密（证书指纹 ${info.fingerprint256}）`);
  let key: Buffer | null = null;
  try {
    if (!x509.checkPrivateKey(privateKey)) throw new Error(NOT_FOR_THIS_KEY);
    const wrapped = Buffer.from(entry.encryptedKey, 'base64');
    if (entry.kind === 'rsa-oaep-256') {
      key = privateDecrypt({ key: privateKey, ...OAEP }, wrapped);
    } else {
      const ephemeral = createPublicKey(entry.ephemeralPublicKey);
      if (ephemeral.asymmetricKeyDetails?.namedCurve !== NODE_CURVES[entry.curve] || info.curve !== entry.curve) throw new Error(NOT_FOR_THIS_KEY);
      key = aesKeyUnwrap(hkdf(diffieHellman({ privateKey, publicKey: ephemeral }), kekInfo(info.fingerprint256)), wrapped);
    }
  } catch {
    key = null;
  }
  if (!key || key.length !== 32) throw new Error(NOT_FOR_THIS_KEY);
  return key;
}

/** Bounds on the scrypt parameters read from a package (they come from outside): at most 1 GiB. */
function checkScryptParams(N: number, r: number, p: number): boolean {
  const ok = (n: number, max: number): boolean => Number.isInteger(n) && n >= 1 && n <= max;
  return ok(N, 2 ** 20) && (N & (N - 1)) === 0 && N > 1 && ok(r, 32) && ok(p, 16) && 128 * N * r <= 2 ** 30;
}

/** The content key, from a secret entry (each is tried). */
export function unwrapWithSecret(entries: readonly RecipientEntry[], secret: string | Buffer): Buffer {
  const candidates = entries.filter((e): e is Extract<RecipientEntry, { kind: 'scrypt-a256kw' }> => e.kind === 'scrypt-a256kw');
  if (candidates.length === 0) throw new Error('本包未设置口令解密');
  for (const entry of candidates) {
    if (!checkScryptParams(entry.N, entry.r, entry.p)) continue;
    const kek = scryptKek(secret, Buffer.from(entry.salt, 'base64'), entry.N, entry.r, entry.p);
    const key = aesKeyUnwrap(kek, Buffer.from(entry.encryptedKey, 'base64'));
    if (key) return key;
  }
  throw new Error('口令不正确或密钥封装已损坏');
}
