/**
 * A workstation-local certificate authority (RFC 5280): RSA keys, a self-signed CA certificate, the
 * end-entity certificates it issues, X.509 v2 CRLs, and the read side of all three. node-forge builds
 * the TBSCertificate and gives the ASN.1 codec (it has no CRL API, so the CRL is built by hand);
 * node:crypto makes the keys and every signature, and parses certificates (X509Certificate).
 *
 * Names are UTF8String, so Chinese survives: `openssl x509 -noout -subject -nameopt utf8`. An issued
 * certificate's issuer and a CRL's issuer are the CA certificate's subject copied byte for byte.
 * Everything checks with OpenSSL: `openssl verify -CAfile ca.pem [-crl_check -CRLfile crl.pem] cert.pem`
 * and `openssl crl -in crl.pem -CAfile ca.pem -noout`. Serial numbers are hex; they are compared in
 * normalised form (normaliseSerialHex: lowercase, no leading zeros).
 */
import { createHash, createPublicKey, generateKeyPairSync, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { asn1, UNIVERSAL, CONTEXT, T, type Asn1 } from './asn1.js';


const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const OID_SUBJECT_KEY_ID = '2.5.29.14';
const OID_CRL_NUMBER = '2.5.29.20';
const OID_AUTHORITY_KEY_ID = '2.5.29.35';

/** Hash of the RSA signature algorithms a CRL may use (certificates are checked by node:crypto). */
const RSA_SIGNATURE_HASHES: Readonly<Record<string, string>> = { [SHA256_WITH_RSA]: 'sha256', '1.2.840.113549.1.1.12': 'sha384', '1.2.840.113549.1.1.13': 'sha512' };

export interface SubjectName {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  title?: string;
}

/** Attribute types of a SubjectName, in the order they are written (the CN last, as usual). */
const NAME_FIELDS: readonly (readonly [keyof SubjectName, string])[] = [['organization', '2.5.4.10'], ['organizationalUnit', '2.5.4.11'], ['title', '2.5.4.12'], ['commonName', '2.5.4.3']];

// ASN.1 and PEM helpers, shared with cms.ts

/** Strict DER parse: no trailing or missing bytes; BIT STRINGs are kept as raw bytes. */
export function parseDer(der: Uint8Array): Asn1 {
  const fromDer = asn1.fromDer as unknown as (bytes: string, options: object) => Asn1;
  return fromDer(Buffer.from(der).toString('binary'), { strict: true, parseAllBytes: true, decodeBitStrings: false });
}

export const derOf = (node: Asn1): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
function badAsn1(): never {
  throw new Error('ASN.1 结构不符合预期');
}
/** Children of a constructed node with the expected tag; throws otherwise. */
export function childrenOf(node: Asn1 | undefined, type: number = T.SEQUENCE, tagClass: number = UNIVERSAL): Asn1[] {
  if (!node || node.tagClass !== tagClass || node.type !== type || !Array.isArray(node.value)) badAsn1();
  return node.value;
}

/** Content bytes (binary string) of a primitive node with the expected tag; throws otherwise. */
export function bytesOf(node: Asn1 | undefined, type: number, tagClass: number = UNIVERSAL): string {
  if (!node || node.tagClass !== tagClass || node.type !== type || typeof node.value !== 'string') badAsn1();
  return node.value;
}

/** Content of an OCTET STRING, also in the constructed (BER) form. */
export function octetsOf(node: Asn1 | undefined): Buffer {
  if (node && node.tagClass === UNIVERSAL && node.type === T.OCTETSTRING && Array.isArray(node.value)) {
    return Buffer.concat(node.value.map((part) => octetsOf(part)));
  }
  return Buffer.from(bytesOf(node, T.OCTETSTRING), 'binary');
}

export const oidOf = (node: Asn1 | undefined): string => asn1.derToOid(bytesOf(node, T.OID));
const isTime = (node: Asn1 | undefined): boolean =>
  !!node && node.tagClass === UNIVERSAL && (node.type === T.UTCTIME || node.type === T.GENERALIZEDTIME);

export function timeOf(node: Asn1 | undefined): Date {
  if (!isTime(node) || typeof node?.value !== 'string') badAsn1();
  const date = node.type === T.UTCTIME ? asn1.utcTimeToDate(node.value) : asn1.generalizedTimeToDate(node.value);
  if (Number.isNaN(date.getTime())) badAsn1();
  return date;
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5), whole seconds. */
function timeNode(date: Date): Asn1 {
  const utc = date.getUTCFullYear() >= 1950 && date.getUTCFullYear() < 2050;
  return asn1.create(UNIVERSAL, utc ? T.UTCTIME : T.GENERALIZEDTIME, false, utc ? asn1.dateToUtcTime(date) : asn1.dateToGeneralizedTime(date));
}

/** SEQUENCE of the children; undefined ones (absent OPTIONAL fields) are left out by forge. */
const seq = (children: (Asn1 | undefined)[]): Asn1 => asn1.create(UNIVERSAL, T.SEQUENCE, true, children as Asn1[]);
const oidNode = (oid: string): Asn1 => asn1.create(UNIVERSAL, T.OID, false, asn1.oidToDer(oid).getBytes());
const sha256WithRsaNode = (): Asn1 => seq([oidNode(SHA256_WITH_RSA), asn1.create(UNIVERSAL, T.NULL, false, '')]);

export function derToPem(der: Uint8Array, label: string): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** DER inside the first PEM block with this label; throws `message` when there is none. */
export function pemToDer(pem: string, label: string, message: string): Buffer {
  const match = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]*)-----END ${label}-----`).exec(pem);
  const der = match?.[1] === undefined ? Buffer.alloc(0) : Buffer.from(match[1].replace(/\s+/g, ''), 'base64');
  if (der.length === 0) throw new Error(message);
  return der;
}

/** A serial number as compared: lowercase hex, no leading zeros ("0" for zero). */
export function normaliseSerialHex(hex: string): string {
  return hex.toLowerCase().replace(/^0+/, '') || '0';
}

/** Content octets (binary string) of the positive INTEGER written in hex: minimal, 00 first when the high bit is set. */
function positiveIntegerBytes(hex: string, what: string): string {
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new Error(`${what}必须是十六进制数字`);
  let digits = normaliseSerialHex(hex);
  if (digits === '0') throw new Error(`${what}必须是正整数`);
  if (digits.length % 2 === 1) digits = `0${digits}`;
  if (parseInt(digits.slice(0, 2), 16) >= 0x80) digits = `00${digits}`;
  if (digits.length > 40) throw new Error(`${what}不得超过 20 字节`);
  return Buffer.from(digits, 'hex').toString('binary');
}

/** The node, checked to be a SEQUENCE (a Name's RDNs are read by subjectOf). */
export const sequenceNode = (node: Asn1 | undefined): Asn1 => (childrenOf(node), node as Asn1);
export const integerHex = (node: Asn1 | undefined): string => normaliseSerialHex(Buffer.from(bytesOf(node, T.INTEGER), 'binary').toString('hex'));

function nameAttributes(subject: SubjectName): forge.pki.CertificateField[] {
  if (!subject.commonName?.trim()) throw new Error('证书主体必须有通用名称（CN）');
  // forge UTF-8-encodes the value itself when the tag is UTF8String (x509.js _dnToAsn1): pass the JS string
  const utf8 = T.UTF8 as unknown as forge.asn1.Class; // (the typings call the value's tag a "class")
  return NAME_FIELDS.filter(([field]) => subject[field]).map(([field, type]) => ({ type, value: subject[field], valueTagClass: utf8 }));
}

function decodeString(node: Asn1): string {
  if (typeof node.value !== 'string') badAsn1();
  if (node.type === T.BMPSTRING) return node.value; // forge decodes UCS-2 itself
  // UTF8String; the ASCII (Printable, IA5) and Latin-1 (Teletex) strings read the same way
  return Buffer.from(node.value, 'binary').toString(node.type === T.UTF8 ? 'utf8' : 'latin1');
}

/** The SubjectName fields of an X.501 Name (repeated attributes joined with ", "). */
export function subjectOf(name: Asn1): SubjectName {
  const found: Partial<Record<keyof SubjectName, string[]>> = {};
  for (const rdn of childrenOf(name)) {
    for (const pair of childrenOf(rdn, T.SET)) {
      const [type, value] = childrenOf(pair);
      const field = NAME_FIELDS.find(([, oid]) => oid === oidOf(type))?.[0];
      if (field && value) (found[field] ??= []).push(decodeString(value));
    }
  }
  const subject: SubjectName = { commonName: found.commonName?.join(', ') ?? '' };
  for (const [field] of NAME_FIELDS) if (field !== 'commonName' && found[field]) subject[field] = found[field].join(', ');
  return subject;
}

/** The parts of a certificate's DER this module and cms.ts need. */
export interface CertificateParts {
  serialHex: string;
  issuer: Asn1;
  subject: Asn1;
  notBefore: Date;
  notAfter: Date;
  /** Hex of the subjectKeyIdentifier extension, else SHA-1 of the public key bits (RFC 5280 §4.2.1.2 (1)). */
  keyIdHex: string;
}

export function certificateParts(der: Uint8Array): CertificateParts {
  const tbsFields = childrenOf(childrenOf(parseDer(der))[0]);
  const offset = tbsFields[0]?.tagClass === CONTEXT && tbsFields[0].type === 0 ? 1 : 0;
  const [serial, , issuer, validity, subject, spki] = tbsFields.slice(offset);
  const [notBefore, notAfter] = childrenOf(validity);
  const publicKeyBits = Buffer.from(bytesOf(childrenOf(spki)[1], T.BITSTRING), 'binary').subarray(1);
  let keyIdHex = createHash('sha1').update(publicKeyBits).digest('hex');
  const extensions = tbsFields.find((field) => field.tagClass === CONTEXT && field.type === 3);
  for (const extension of extensions ? childrenOf(childrenOf(extensions, 3, CONTEXT)[0]) : []) {
    const parts = childrenOf(extension);
    if (oidOf(parts[0]) === OID_SUBJECT_KEY_ID) {
      keyIdHex = octetsOf(parseDer(octetsOf(parts[parts.length - 1]))).toString('hex');
    }
  }
  return { serialHex: integerHex(serial), issuer: sequenceNode(issuer), subject: sequenceNode(subject), notBefore: timeOf(notBefore), notAfter: timeOf(notAfter), keyIdHex };
}

function readCertificate(pem: string): { x509: X509Certificate; parts: CertificateParts } {
  try {
    const x509 = new X509Certificate(pem);
    // node reads the public key only when asked: a damaged key must be refused here, not later in English
    void x509.publicKey;
    return { x509, parts: certificateParts(x509.raw) };
  } catch {
    throw new Error('证书格式不正确');
  }
}

export function generateRsaKey(bits = 2048): { privateKey: KeyObject; publicKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

interface CertificateRequest { publicKeyPem: string; subject: SubjectName; serialHex: string; notBefore: Date; notAfter: Date }

/**
 * forge builds the TBSCertificate; the issuer is replaced by `issuer` (a CA's subject, byte for byte)
 * when given, and node:crypto signs it with sha256WithRSAEncryption.
 */
function buildCertificate(request: CertificateRequest, extensions: object[], signingKey: KeyObject, issuer?: Asn1): string {
  const { notBefore, notAfter } = request;
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime()) || notAfter <= notBefore) {
    throw new Error('证书有效期不正确：截止时间必须晚于起始时间');
  }
  const cert = forge.pki.createCertificate();
  try {
    cert.publicKey = forge.pki.publicKeyFromPem(request.publicKeyPem);
  } catch {
    throw new Error('公钥格式不正确（只支持 RSA 公钥）');
  }
  cert.serialNumber = Buffer.from(positiveIntegerBytes(request.serialHex, '证书序列号'), 'binary').toString('hex');
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  const attributes = nameAttributes(request.subject);
  cert.setSubject(attributes);
  cert.setIssuer(attributes);
  cert.setExtensions(extensions);
  cert.siginfo.algorithmOid = SHA256_WITH_RSA;
  const { getTBSCertificate } = forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): Asn1 };
  const tbs = getTBSCertificate(cert);
  if (issuer) childrenOf(tbs)[3] = issuer;
  return signedPem(tbs, signingKey, 'CERTIFICATE');
}

/** SEQUENCE { tbs, sha256WithRSAEncryption, BIT STRING signature } as PEM. */
function signedPem(tbs: Asn1, key: KeyObject, label: string): string {
  const signature = sign('sha256', derOf(tbs), key);
  const bits = asn1.create(UNIVERSAL, T.BITSTRING, false, `\x00${signature.toString('binary')}`);
  return derToPem(derOf(seq([tbs, sha256WithRsaNode(), bits])), label);
}

function assertKeyPair(privateKey: KeyObject, publicKey: KeyObject): void {
  const spki = (key: KeyObject): Buffer => key.export({ type: 'spki', format: 'der' });
  if (!spki(createPublicKey(privateKey)).equals(spki(publicKey))) throw new Error('私钥与证书（公钥）不匹配');
}

/** A self-signed CA certificate (PEM). */
export function createCaCertificate(o: CertificateRequest & { privateKey: KeyObject }): string {
  assertKeyPair(o.privateKey, createPublicKey(o.publicKeyPem));
  const extensions = [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ];
  return buildCertificate(o, extensions, o.privateKey);
}

/** An end-entity (signing) certificate issued by the CA (PEM). */
export function issueCertificate(
  o: Omit<CertificateRequest, 'publicKeyPem'> & { caCertificatePem: string; caPrivateKey: KeyObject; subjectPublicKeyPem: string },
): string {
  const ca = readCertificate(o.caCertificatePem);
  assertKeyPair(o.caPrivateKey, ca.x509.publicKey);
  const extensions = [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: Buffer.from(ca.parts.keyIdHex, 'hex').toString('binary') },
  ];
  return buildCertificate({ ...o, publicKeyPem: o.subjectPublicKeyPem }, extensions, o.caPrivateKey, ca.parts.subject);
}

export interface CertificateInfo {
  serialHex: string;
  subject: SubjectName;
  issuerCommonName: string;
  notBefore: Date;
  notAfter: Date;
  fingerprint256: string; // SHA-256 of the DER, lowercase hex without colons
  publicKeyPem: string;
  isCa: boolean;
}

/**
 * What a certificate says. Names are read from the DER, not from node's X509Certificate.subject:
 * that is display text (it does keep Chinese in Node 20) in which `,` `+` `=` and line breaks of a
 * value come back escaped (RFC 2253) and repeated or unknown attributes cannot be told apart.
 */
export function certificateInfo(pem: string): CertificateInfo {
  const { x509, parts } = readCertificate(pem);
  return {
    serialHex: parts.serialHex,
    subject: subjectOf(parts.subject),
    issuerCommonName: subjectOf(parts.issuer).commonName,
    notBefore: parts.notBefore,
    notAfter: parts.notAfter,
    fingerprint256: x509.fingerprint256.replaceAll(':', '').toLowerCase(),
    publicKeyPem: x509.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    isCa: x509.ca,
  };
}

const CRL_MALFORMED = '吊销列表（CRL）格式不正确';
const extensionNode = (oid: string, value: Asn1): Asn1 =>
  seq([oidNode(oid), asn1.create(UNIVERSAL, T.OCTETSTRING, false, asn1.toDer(value).getBytes())]);

/** An X.509 v2 CRL (PEM) signed by the CA with sha256WithRSAEncryption. */
export function createCrl(o: {
  caCertificatePem: string;
  caPrivateKey: KeyObject;
  revoked: readonly { serialHex: string; revokedAt: Date }[];
  thisUpdate: Date;
  nextUpdate: Date;
  crlNumber: number;
}): string {
  const ca = readCertificate(o.caCertificatePem);
  assertKeyPair(o.caPrivateKey, ca.x509.publicKey);
  if (Number.isNaN(o.thisUpdate.getTime()) || Number.isNaN(o.nextUpdate.getTime()) || o.nextUpdate <= o.thisUpdate) {
    throw new Error('吊销列表的下次更新时间必须晚于本次更新时间');
  }
  if (!Number.isSafeInteger(o.crlNumber) || o.crlNumber < 0) throw new Error('吊销列表编号必须是非负整数');
  const integer = (bytes: string): Asn1 => asn1.create(UNIVERSAL, T.INTEGER, false, bytes);
  const entries = o.revoked.map((entry) => {
    if (Number.isNaN(entry.revokedAt.getTime())) throw new Error('吊销时间不正确');
    return seq([integer(positiveIntegerBytes(entry.serialHex, '证书序列号')), timeNode(entry.revokedAt)]);
  });
  const crlNumber = o.crlNumber === 0 ? '\x00' : positiveIntegerBytes(o.crlNumber.toString(16), '吊销列表编号');
  const authorityKeyId = seq([asn1.create(CONTEXT, 0, false, Buffer.from(ca.parts.keyIdHex, 'hex').toString('binary'))]);
  const tbs = seq([
    integer('\x01'), // v2
    sha256WithRsaNode(),
    ca.parts.subject,
    timeNode(o.thisUpdate),
    timeNode(o.nextUpdate),
    entries.length > 0 ? seq(entries) : undefined, // an empty list is left out (§5.1.2.6)
    asn1.create(CONTEXT, 0, true, [
      seq([extensionNode(OID_CRL_NUMBER, integer(crlNumber)), extensionNode(OID_AUTHORITY_KEY_ID, authorityKeyId)]),
    ]),
  ]);
  return signedPem(tbs, o.caPrivateKey, 'X509 CRL');
}

export interface ParsedCrl {
  thisUpdate: Date;
  nextUpdate: Date | null;
  crlNumber: number | null;
  revoked: { serialHex: string; revokedAt: Date }[];
  tbsDer: Buffer;
  signature: Buffer;
}

function readCrl(pem: string): ParsedCrl & { issuer: Asn1; signatureOid: string } {
  try {
    const [tbs, algorithm, bits] = childrenOf(parseDer(pemToDer(pem, 'X509 CRL', CRL_MALFORMED)));
    const fields = childrenOf(tbs);
    let i = 0;
    if (fields[0]?.tagClass === UNIVERSAL && fields[0].type === T.INTEGER) {
      if (integerHex(fields[0]) !== '1') badAsn1(); // a version is only written for v2
      i = 1;
    }
    const signatureOid = oidOf(childrenOf(fields[i++])[0]);
    if (signatureOid !== oidOf(childrenOf(algorithm)[0])) badAsn1();
    const issuer = sequenceNode(fields[i++]);
    const thisUpdate = timeOf(fields[i++]);
    const nextUpdate = isTime(fields[i]) ? timeOf(fields[i++]) : null;
    const revoked: ParsedCrl['revoked'] = [];
    if (fields[i]?.tagClass === UNIVERSAL && fields[i]?.type === T.SEQUENCE) {
      for (const entry of childrenOf(fields[i++])) {
        const [serial, revokedAt] = childrenOf(entry);
        revoked.push({ serialHex: integerHex(serial), revokedAt: timeOf(revokedAt) });
      }
    }
    let crlNumber: number | null = null;
    if (fields[i]) {
      for (const extension of childrenOf(childrenOf(fields[i++], 0, CONTEXT)[0])) {
        const parts = childrenOf(extension);
        if (oidOf(parts[0]) === OID_CRL_NUMBER) crlNumber = parseInt(integerHex(parseDer(octetsOf(parts[parts.length - 1]))), 16);
      }
    }
    if (i !== fields.length) badAsn1();
    const signatureBits = Buffer.from(bytesOf(bits, T.BITSTRING), 'binary');
    if (signatureBits[0] !== 0) badAsn1();
    return { thisUpdate, nextUpdate, crlNumber, revoked, tbsDer: derOf(sequenceNode(tbs)), signature: signatureBits.subarray(1), issuer, signatureOid };
  } catch {
    throw new Error(CRL_MALFORMED);
  }
}

/** Reads a CRL; throws `吊销列表（CRL）格式不正确` when it is not one. Serials are normalised. */
export function parseCrl(pem: string): ParsedCrl {
  const { thisUpdate, nextUpdate, crlNumber, revoked, tbsDer, signature } = readCrl(pem);
  return { thisUpdate, nextUpdate, crlNumber, revoked, tbsDer, signature };
}

/** True when the CRL names the CA as its issuer and the CA's key verifies its signature. */
export function crlSignedBy(pem: string, caCertificatePem: string): boolean {
  try {
    const crl = readCrl(pem);
    const ca = readCertificate(caCertificatePem);
    const hash = RSA_SIGNATURE_HASHES[crl.signatureOid];
    if (!hash || !derOf(crl.issuer).equals(derOf(ca.parts.subject))) return false;
    return verify(hash, crl.tbsDer, ca.x509.publicKey, crl.signature);
  } catch {
    return false;
  }
}
