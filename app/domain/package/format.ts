/**
 * The encrypted disc package (issue [G]; 规程第十二、十三条), format `qbank-package/1`. A package is a
 * folder — on disc, the root of the ISO image — holding:
 *
 *   PACKAGE.json      the outer manifest below, in the clear: what the package is, for whom the content
 *                     key is wrapped, and each encrypted file's name and sizes. Nothing secret.
 *   PACKAGE.p7s       detached CMS SignedData over the exact bytes of PACKAGE.json, by the exporting
 *                     officer's certificate of the workstation CA (issue [F]).
 *   ca.pem, crl.pem   the workstation CA and its latest CRL, to check that signature.
 *   data/NNNNNN.qbe   the files, each AES-256-GCM in authenticated chunks (crypto/stream-cipher.ts);
 *                     the last (highest number) is the inner manifest (`qbank-package-content/1`):
 *                     every file's real path, size and SHA-256, what the package carries, and the
 *                     audit anchor. It comes last so that one pass hashes and encrypts the files.
 *   cms/…p7m          optional: the same files as a tar inside CMS EnvelopedData (openssl cms -decrypt).
 *
 * The outer manifest commits to the package id, the recipients and every encrypted file's exact size;
 * each chunk's GCM tag authenticates its bytes, its position and the header (package id, file index),
 * so any change to any file is detected and named. The ISO around it is checked separately.
 */
import { z } from 'zod';

export const PACKAGE_FORMAT = 'qbank-package/1';
export const PACKAGE_CONTENT_FORMAT = 'qbank-package-content/1';
export const PACKAGE_MANIFEST = 'PACKAGE.json';
export const PACKAGE_SIGNATURE = 'PACKAGE.p7s';
export const PACKAGE_CA = 'ca.pem';
export const PACKAGE_CRL = 'crl.pem';
/** The mark on every disc and its label: a package holds items and answers (规程第四条). */
export const DISC_MARK = '机密★';

export const PACKAGE_KINDS = ['submission', 'backup', 'transfer'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];
export const PACKAGE_KIND_NAMES: Readonly<Record<PackageKind, string>> = { submission: '试题审核备案报送', backup: '工作站备份', transfer: '题库传递' };

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const hex32 = z.string().regex(/^[0-9a-f]{32}$/);
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** How the content key is wrapped for one recipient (mirrors crypto/key-wrap.ts). */
export const recipientEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rsa-oaep-256'), certificateSha256: sha256, subject: z.string(), encryptedKey: base64 }),
  z.object({
    kind: z.literal('ecdh-es-a256kw'),
    certificateSha256: sha256,
    subject: z.string(),
    curve: z.enum(['P-256', 'P-384', 'P-521']),
    ephemeralPublicKey: z.string().max(4000),
    encryptedKey: base64,
  }),
  z.object({
    kind: z.literal('scrypt-a256kw'),
    label: z.string(),
    salt: base64,
    N: z.number().int().positive().max(1 << 20),
    r: z.number().int().positive().max(32),
    p: z.number().int().positive().max(16),
    encryptedKey: base64,
  }),
]);
export type PackageRecipient = z.output<typeof recipientEntrySchema>;

export const encryptedFileSchema = z.object({
  index: z.number().int().nonnegative(),
  name: z.string().regex(/^data\/\d{6}\.qbe$/),
  plainBytes: z.number().int().nonnegative(),
  encryptedBytes: z.number().int().positive(),
});
export type EncryptedFile = z.output<typeof encryptedFileSchema>;

export const packageManifestSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    packageId: hex32,
    kind: z.enum(PACKAGE_KINDS),
    label: z.string().max(200),
    secrecy: z.string().max(20),
    createdAt: z.string(),
    workstationId: z.string(),
    exportedBy: z.string(),
    chunkSize: z.number().int().min(4096).max(16 * 1024 * 1024),
    recipients: z.array(recipientEntrySchema).min(1).max(20),
    files: z.array(encryptedFileSchema).min(1).max(100_000),
    // sha256: the CMS copy's bytes (AES-CBC authenticates nothing); absent in packages made before it was added
    cms: z.object({ name: z.string(), bytes: z.number().int().positive(), sha256: sha256.optional(), cipher: z.string(), recipients: z.array(sha256) }).nullable(),
  })
  .strict();
export type PackageManifest = z.output<typeof packageManifestSchema>;

/** The latest signed audit checkpoint, with what a receiver needs to check its signature alone. */
export const packageAnchorSchema = z.object({
  workstationId: z.string(),
  seq: z.number().int().positive(),
  hash: sha256,
  auditSeq: z.number().int().nonnegative(),
  auditHash: sha256,
  at: z.string(),
  signer: z.string(),
  keyId: z.string(),
  message: z.string().max(4000),
  signature: z.string().max(400),
  publicKeyPem: z.string().max(1000),
});
export type PackageAnchor = z.output<typeof packageAnchorSchema>;

export const contentFileSchema = z.object({
  index: z.number().int().nonnegative(),
  path: z.string().min(1).max(400),
  bytes: z.number().int().nonnegative(),
  sha256,
});
export type ContentFile = z.output<typeof contentFileSchema>;

export const packageContentSchema = z
  .object({
    format: z.literal(PACKAGE_CONTENT_FORMAT),
    packageId: hex32,
    kind: z.enum(PACKAGE_KINDS),
    files: z.array(contentFileSchema).max(100_000),
    /** What the package carries, for the report: bank and level, round, counts … (kind-specific). */
    about: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    anchor: packageAnchorSchema.nullable(),
  })
  .strict();
export type PackageContent = z.output<typeof packageContentSchema>;

/** The name of the nth encrypted file (six digits, so that names sort as numbers do). */
export const encryptedName = (index: number): string => `data/${String(index).padStart(6, '0')}.qbe`;

/** The inner manifest is the package's last encrypted file. */
export const contentIndexOf = (m: { readonly files: readonly { readonly index: number }[] }): number => m.files.length - 1;

/** A path inside a package: relative, '/'-separated, no '..', no empty or dot segments, no control characters. */
export function safePackagePath(path: string): boolean {
  if (path.startsWith('/') || path.includes('\\') || /[\u0000-\u001f]/.test(path)) return false;
  return path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/** `2026-12-03 22:40` in Beijing time (UTC+8): disc labels and image names are read by people there. */
export const beijingMinute = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Text of a JSON document as written into a package: stable, two-space indent, final newline. */
export const packageJsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
