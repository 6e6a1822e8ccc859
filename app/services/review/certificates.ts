/**
 * The workstation's own certificate authority (issue [F]): the 安全保密管理员 creates it and issues each
 * expert and officer a certificate for the signing key they hold; revoked certificates go into a CRL
 * the CA signs. No key is readable by the passphrase alone: every private key (the CA's and each
 * holder's RSA key) is wrapped by a key derived from its owner's Ed25519 account key of [S]
 * (crypto/signing.ts derivedWrappingKey), which only the owner's password opens. The account key
 * itself is Ed25519, which node-forge's X.509 and CMS cannot use, hence the RSA key beside it.
 * A password reset retires the account key, and with it the certificate key: the holder requests again.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { derivedWrappingKey, unwrapPrivateKey, wrapPrivateKey } from '../../../crypto/signing.js';
import { certificateInfo, createCaCertificate, createCrl, generateRsaKey, issueCertificate, type SubjectName } from '../../../crypto/x509.js';
import { personSchema } from '../../domain/person.js';
import { activeAccountKey } from '../../store/repositories/account-keys.js';
import { getAccount, findAccount } from '../../store/repositories/accounts.js';
import { getPerson } from '../../store/repositories/people.js';
import {
  activeCa,
  getCertificate,
  insertCertificate,
  insertCrl,
  latestCrl,
  listCertificates,
  nextCrlNumber,
  setIssued,
  setRevoked,
  type CertificateRecord,
} from '../../store/repositories/review-records.js';
import { workstationId } from '../audit/keys.js';
import { timestamp, type AccountSigner, type ServiceContext } from '../context.js';
import { PermissionDeniedError, ServiceError } from '../errors.js';
import { defineHandler, handlerMap } from '../handler.js';
import { certificateMessages as m } from './certificate-messages.js';

const WRAP_LABEL = 'x509-signing-key';
const CA_YEARS = 10;
const HOLDER_YEARS = 3;
const CRL_DAYS = 365;

const addYears = (d: Date, years: number) => new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));

/** A positive 128-bit serial in hex. */
function newSerial(): string {
  const b = randomBytes(16);
  b[0] = ((b[0] ?? 0) & 0x7f) | 0x01;
  return b.toString('hex');
}

function requireSigner(ctx: ServiceContext): AccountSigner {
  if (!ctx.signer) throw new PermissionDeniedError(m.noSigner);
  return ctx.signer;
}

/** Opens a private key wrapped for the acting account. */
export function openWrappedKey(ctx: ServiceContext, rec: CertificateRecord): ReturnType<typeof unwrapPrivateKey> {
  const signer = requireSigner(ctx);
  if (rec.wrappedBy !== signer.keyId) throw new PermissionDeniedError(rec.kind === 'ca' ? m.notCaHolder : m.keyRetired);
  return unwrapPrivateKey(rec.wrappedKeyPem, derivedWrappingKey(signer.privateKey, WRAP_LABEL));
}

function requireCa(ctx: ServiceContext): CertificateRecord {
  const ca = activeCa(ctx.db);
  if (!ca) throw new ServiceError(m.noCa);
  return ca;
}

export interface CertificateView {
  readonly serial: string;
  readonly kind: 'ca' | 'holder';
  readonly username: string;
  readonly holder: string;
  readonly status: '待签发' | '有效' | '已吊销' | '已过期' | '已停用';
  readonly fingerprint: string;
  readonly requestedAt: string;
  readonly issuedAt: string;
  readonly notAfter: string;
  readonly revokedAt: string;
  readonly revokeReason: string;
}

function statusOf(ctx: ServiceContext, c: CertificateRecord): CertificateView['status'] {
  if (c.revokedAt !== '') return '已吊销';
  if (c.certificatePem === '') return '待签发';
  if (c.notAfter !== '' && c.notAfter < ctx.now().toISOString()) return '已过期';
  // the key is usable only while the account key that wraps it is the account's key in use
  const inUse = c.accountId === null ? undefined : activeAccountKey(ctx.db, c.accountId)?.keyId;
  return c.wrappedBy === inUse ? '有效' : '已停用';
}

export function viewCertificate(ctx: ServiceContext, c: CertificateRecord): CertificateView {
  const account = c.accountId === null ? undefined : getAccount(ctx.db, c.accountId);
  const person = account?.personId ? getPerson(ctx.db, account.personId) : undefined;
  return {
    serial: c.serial,
    kind: c.kind,
    username: account?.username ?? '',
    holder: person?.name ?? account?.displayName ?? '',
    status: statusOf(ctx, c),
    fingerprint: c.fingerprint,
    requestedAt: c.requestedAt,
    issuedAt: c.issuedAt,
    notAfter: c.notAfter,
    revokedAt: c.revokedAt,
    revokeReason: c.revokeReason,
  };
}

/** The account's certificate that can sign now, if any. */
export function usableCertificate(ctx: ServiceContext, accountId: number): CertificateRecord | undefined {
  return listCertificates(ctx.db)
    .filter((c) => c.kind === 'holder' && c.accountId === accountId)
    .reverse()
    .find((c) => statusOf(ctx, c) === '有效');
}

/** A fresh CRL over every revoked holder certificate, signed by the CA (its holder acting). */
function signCrl(ctx: ServiceContext, ca: CertificateRecord): void {
  const now = ctx.now();
  const revoked = listCertificates(ctx.db)
    .filter((c) => c.kind === 'holder' && c.revokedAt !== '' && c.certificatePem !== '')
    .map((c) => ({ serialHex: c.serial, revokedAt: new Date(c.revokedAt) }));
  const pem = createCrl({
    caCertificatePem: ca.certificatePem,
    caPrivateKey: openWrappedKey(ctx, ca),
    revoked,
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + CRL_DAYS * 86_400_000),
    crlNumber: nextCrlNumber(ctx.db),
  });
  insertCrl(ctx.db, pem, ctx.actor.username, timestamp(ctx));
}

/** The CA certificate and latest CRL (PEM), for the submission folder and verification. */
export function trustFiles(ctx: ServiceContext): { caPem: string; crlPem: string } {
  const ca = requireCa(ctx);
  return { caPem: ca.certificatePem, crlPem: latestCrl(ctx.db)?.pem ?? '' };
}

function subjectFor(ctx: ServiceContext, accountId: number): SubjectName {
  const account = getAccount(ctx.db, accountId);
  if (!account) throw new ServiceError(m.noAccount(String(accountId)));
  const person = account.personId === null ? undefined : personSchema.parse(getPerson(ctx.db, account.personId));
  const unit = `题库工作站 ${workstationId(ctx.db)}`.trim();
  // the 三员 (系统管理员 who signs backups) may have no entry in the personnel register: the account names them
  if (!person) return { commonName: account.displayName || account.username, organization: '题库工作站', organizationalUnit: unit };
  return { commonName: person.name, organization: person.unit, organizationalUnit: unit, ...(person.title ? { title: person.title } : {}) };
}

export const certificateHandlers = handlerMap(
  defineHandler({
    name: 'certs.list',
    summary: '查看签名证书',
    input: z.object({}).strict(),
    roles: 'any',
    register: '',
    run: (ctx): CertificateView[] => listCertificates(ctx.db).map((c) => viewCertificate(ctx, c)),
  }),
  defineHandler({
    name: 'certs.ca.create',
    summary: '建立工作站证书颁发机构',
    input: z.object({ name: z.string().trim().min(2).max(60).optional() }),
    roles: ['secadmin'],
    register: '权限',
    objects: (_i, out: CertificateView) => [`certificate:${out.serial}`],
    run: (ctx, input): CertificateView => {
      const signer = requireSigner(ctx);
      if (activeCa(ctx.db)) throw new ServiceError(m.caExists);
      const { privateKey, publicKeyPem } = generateRsaKey(3072);
      const serial = newSerial();
      const now = ctx.now();
      const subject = { commonName: input.name ?? `题库工作站 ${workstationId(ctx.db)} 证书颁发机构`.replace(/\s+/g, ' ').trim(), organization: '题库工作站' };
      const pem = createCaCertificate({ privateKey, publicKeyPem, subject, serialHex: serial, notBefore: now, notAfter: addYears(now, CA_YEARS) });
      const at = timestamp(ctx);
      insertCertificate(ctx.db, {
        serial,
        kind: 'ca',
        accountId: signer.accountId,
        publicKeyPem,
        wrappedKeyPem: wrapPrivateKey(privateKey, derivedWrappingKey(signer.privateKey, WRAP_LABEL)),
        wrappedBy: signer.keyId,
        requestedAt: at,
      });
      setIssued(ctx.db, serial, { certificatePem: pem, fingerprint: certificateInfo(pem).fingerprint256, notAfter: addYears(now, CA_YEARS).toISOString() }, ctx.actor.username, at);
      const ca = getCertificate(ctx.db, serial) as CertificateRecord;
      signCrl(ctx, ca);
      return viewCertificate(ctx, ca);
    },
  }),
  defineHandler({
    name: 'certs.request',
    summary: '申请签名证书（生成本人的签名密钥）',
    input: z.object({}).strict(),
    roles: 'any',
    register: '权限',
    objects: (_i, out: CertificateView) => [`certificate:${out.serial}`],
    run: (ctx): CertificateView => {
      const signer = requireSigner(ctx);
      const mine = listCertificates(ctx.db).filter((c) => c.kind === 'holder' && c.accountId === signer.accountId && c.wrappedBy === signer.keyId && c.revokedAt === '');
      const pending = mine.at(-1);
      if (pending && statusOf(ctx, pending) !== '已过期') return viewCertificate(ctx, pending);
      subjectFor(ctx, signer.accountId);
      const { privateKey, publicKeyPem } = generateRsaKey(2048);
      const serial = newSerial();
      insertCertificate(ctx.db, {
        serial,
        kind: 'holder',
        accountId: signer.accountId,
        publicKeyPem,
        wrappedKeyPem: wrapPrivateKey(privateKey, derivedWrappingKey(signer.privateKey, WRAP_LABEL)),
        wrappedBy: signer.keyId,
        requestedAt: timestamp(ctx),
      });
      return viewCertificate(ctx, getCertificate(ctx.db, serial) as CertificateRecord);
    },
  }),
  defineHandler({
    name: 'certs.issue',
    summary: '签发签名证书',
    input: z.object({ username: z.string().trim().min(1) }),
    roles: ['secadmin'],
    register: '权限',
    objects: (i, out: CertificateView) => [`account:${i.username}`, `certificate:${out.serial}`],
    run: (ctx, input): CertificateView => {
      const ca = requireCa(ctx);
      const account = findAccount(ctx.db, input.username);
      if (!account) throw new ServiceError(m.noAccount(input.username));
      const pending = listCertificates(ctx.db).filter((c) => c.kind === 'holder' && c.accountId === account.id && c.certificatePem === '' && c.revokedAt === '').at(-1);
      if (!pending) throw new ServiceError(m.noRequest(input.username));
      const now = ctx.now();
      const caEnd = new Date(ca.notAfter);
      const end = addYears(now, HOLDER_YEARS) < caEnd ? addYears(now, HOLDER_YEARS) : caEnd;
      const pem = issueCertificate({
        caCertificatePem: ca.certificatePem,
        caPrivateKey: openWrappedKey(ctx, ca),
        subjectPublicKeyPem: pending.publicKeyPem,
        subject: subjectFor(ctx, account.id),
        serialHex: pending.serial,
        notBefore: now,
        notAfter: end,
      });
      setIssued(ctx.db, pending.serial, { certificatePem: pem, fingerprint: certificateInfo(pem).fingerprint256, notAfter: end.toISOString() }, ctx.actor.username, timestamp(ctx));
      return viewCertificate(ctx, getCertificate(ctx.db, pending.serial) as CertificateRecord);
    },
  }),
  defineHandler({
    name: 'certs.revoke',
    summary: '吊销签名证书',
    input: z.object({ serial: z.string().trim().regex(/^[0-9a-f]+$/i), reason: z.string().trim().min(2).max(200) }),
    roles: ['secadmin'],
    register: '权限',
    objects: (i) => [`certificate:${i.serial.toLowerCase()}`],
    detail: (i) => i.reason,
    run: (ctx, input): CertificateView => {
      const cert = getCertificate(ctx.db, input.serial.toLowerCase());
      if (!cert || cert.kind !== 'holder') throw new ServiceError(m.noCertificate(input.serial));
      if (cert.revokedAt !== '') throw new ServiceError(m.alreadyRevoked(input.serial));
      const ca = requireCa(ctx);
      openWrappedKey(ctx, ca);
      setRevoked(ctx.db, cert.serial, input.reason, ctx.actor.username, ctx.now().toISOString());
      signCrl(ctx, ca);
      return viewCertificate(ctx, getCertificate(ctx.db, cert.serial) as CertificateRecord);
    },
  }),
);
