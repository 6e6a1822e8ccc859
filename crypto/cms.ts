/**
 * Detached CMS SignedData (RFC 5652) over a file, made with a certificate of the workstation CA
 * (x509.ts): SHA-256, RSA PKCS#1 v1.5, signed attributes contentType, signingTime and messageDigest,
 * the signer's certificate included. forge.pkcs7 signs. Verification is ours (forge has none): the
 * DER is walked with forge.asn1, signatures and certificates are checked with node:crypto. Both agree
 * with OpenSSL: `openssl cms -verify -binary -inform DER -in sig.p7s -content file -CAfile ca.pem
 * -purpose any [-crl_check -CRLfile crl.pem]`, and OpenSSL's own signatures verify here.
 *
 * The certificate's validity is checked at `at` when given, else at the signing time the signer
 * states (a signed attribute, not a timestamp by a third party), else now.
 */
import { createHash, verify, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { asn1, UNIVERSAL, CONTEXT, T, type Asn1 } from './asn1.js';
import {
  bytesOf,
  certificateInfo,
  certificateParts,
  childrenOf,
  crlSignedBy,
  derOf,
  derToPem,
  integerHex,
  octetsOf,
  oidOf,
  parseCrl,
  parseDer,
  pemToDer,
  sequenceNode,
  timeOf,
  type CertificateParts,
  type SubjectName,
} from './x509.js';


const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;
/** Signature algorithms accepted in a SignerInfo: rsaEncryption and sha256WithRSAEncryption (both PKCS#1 v1.5). */
const RSA_SIGNATURE_OIDS: readonly string[] = ['1.2.840.113549.1.1.1', '1.2.840.113549.1.1.11'];

/** DER of a detached CMS SignedData over `content`. */
export function signDetached(o: { content: Uint8Array; certificatePem: string; privateKey: KeyObject; signingTime: Date }): Buffer {
  const x509 = new X509Certificate(o.certificatePem);
  if (!x509.checkPrivateKey(o.privateKey)) throw new Error('私钥与证书不匹配');
  if (Number.isNaN(o.signingTime.getTime())) throw new Error('签名时间不正确');
  let key: forge.pki.rsa.PrivateKey;
  try {
    // forge needs its own key object: an unencrypted PKCS#8 PEM that lives only in this call
    key = forge.pki.privateKeyFromPem(o.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  } catch {
    throw new Error('只支持 RSA 私钥');
  }
  const certificate = forge.pki.certificateFromPem(o.certificatePem);
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(Buffer.from(o.content).toString('binary'));
  p7.addCertificate(certificate);
  p7.addSigner({
    key,
    certificate,
    digestAlgorithm: OID.sha256,
    // in the order of their DER encodings, so the SET OF is DER as written (forge keeps the given order)
    authenticatedAttributes: [
      { type: OID.contentType, value: OID.data },
      { type: OID.signingTime, value: o.signingTime.toISOString() },
      { type: OID.messageDigest }, // forge fills in the SHA-256 of the content
    ],
  });
  p7.sign({ detached: true });
  const contentInfo = p7.toAsn1();
  // forge re-encodes the signer's issuer name from its parsed attributes, which UTF-8-encodes a
  // UTF8String a second time: put back the certificate's own issuer (not covered by the signature).
  const { issuer } = certificateParts(x509.raw);
  const signedData = childrenOf(childrenOf(contentInfo)[1], 0, CONTEXT)[0];
  const signerInfos = childrenOf(signedData);
  for (const signerInfo of childrenOf(signerInfos[signerInfos.length - 1], T.SET)) childrenOf(childrenOf(signerInfo)[1])[0] = issuer;
  return derOf(contentInfo);
}

export function toPem(der: Uint8Array, label = 'CMS'): string {
  return derToPem(der, label);
}

/** The DER of a PEM block (any label), or the bytes themselves when they are not PEM. */
export function fromPemOrDer(bytes: Uint8Array | string): Buffer {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  const text = buffer.toString('latin1');
  const label = /^\s*-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1];
  return label === undefined ? buffer : pemToDer(text, label, 'PEM 格式不正确');
}

export interface CmsSignerResult {
  ok: boolean;
  commonName: string;
  subject: SubjectName;
  serialHex: string;
  fingerprint256: string;
  signingTime: Date | null;
  problems: string[];
}

export interface CmsVerification {
  ok: boolean;
  signers: CmsSignerResult[];
  problems: string[];
}

interface IncludedCertificate {
  x509: X509Certificate;
  parts: CertificateParts;
}

/** What every signer is checked against. */
interface Context {
  content: Uint8Array;
  contentType: string; // eContentType of the SignedData
  certificates: IncludedCertificate[];
  ca: IncludedCertificate;
  at: Date | undefined;
  crl: { problem: string | null; revoked: Map<string, Date> } | null;
}

const iso = (date: Date): string => date.toISOString();

/** The signature, checked against the content, the CA and (when given) the CA's CRL. Never throws. */
export function verifyDetached(o: { cms: Uint8Array; content: Uint8Array; caCertificatePem: string; crlPem?: string; at?: Date }): CmsVerification {
  const fail = (problem: string): CmsVerification => ({ ok: false, signers: [], problems: [problem] });
  let ca: IncludedCertificate;
  try {
    const x509 = new X509Certificate(o.caCertificatePem);
    ca = { x509, parts: certificateParts(x509.raw) };
  } catch {
    return fail('CA 证书格式不正确');
  }
  if (!ca.x509.ca) return fail('指定的 CA 证书不是 CA 证书（没有 CA:TRUE）');
  let signedData: Asn1[];
  try {
    const [type, wrapped] = childrenOf(parseDer(fromPemOrDer(o.cms)));
    if (oidOf(type) !== OID.signedData) return fail('签名文件不是 CMS SignedData');
    signedData = childrenOf(childrenOf(wrapped, 0, CONTEXT)[0]);
  } catch {
    return fail('签名文件格式不正确（不是 DER 或 PEM 编码的 CMS SignedData）');
  }
  let context: Context;
  let signerInfos: Asn1[];
  try {
    const [, digestAlgorithms, encapsulated] = signedData;
    childrenOf(digestAlgorithms, T.SET);
    const certificateSet = signedData.find((field) => field.tagClass === CONTEXT && field.type === 0 && field.constructed);
    signerInfos = childrenOf(signedData[signedData.length - 1], T.SET);
    context = {
      content: o.content,
      contentType: oidOf(childrenOf(encapsulated)[0]),
      certificates: certificateSet ? includedCertificates(childrenOf(certificateSet, 0, CONTEXT)) : [],
      ca,
      at: o.at,
      crl: o.crlPem === undefined ? null : crlStatus(o.crlPem, o.caCertificatePem),
    };
  } catch {
    return fail('签名文件格式不正确（SignedData 结构有误）');
  }
  const signers = signerInfos.map((signerInfo) => checkSigner(signerInfo, context));
  const problems = signers.length === 0 ? ['签名文件中没有签名者'] : [];
  return { ok: problems.length === 0 && signers.every((signer) => signer.ok), signers, problems };
}

/** The X.509 certificates of a CertificateSet (other kinds of certificate are skipped). */
function includedCertificates(set: Asn1[]): IncludedCertificate[] {
  const certificates: IncludedCertificate[] = [];
  for (const node of set) {
    if (node.tagClass !== UNIVERSAL || node.type !== T.SEQUENCE) continue;
    try {
      const der = derOf(node);
      certificates.push({ x509: new X509Certificate(der), parts: certificateParts(der) });
    } catch {
      // an unreadable certificate is only a problem if the signer needs it: "certificate not found"
    }
  }
  return certificates;
}

function crlStatus(crlPem: string, caCertificatePem: string): NonNullable<Context['crl']> {
  const revoked = new Map<string, Date>();
  try {
    for (const entry of parseCrl(crlPem).revoked) revoked.set(entry.serialHex, entry.revokedAt);
  } catch (error) {
    return { problem: (error as Error).message, revoked };
  }
  return { problem: crlSignedBy(crlPem, caCertificatePem) ? null : '吊销列表（CRL）不是由该 CA 签发的（签名无效）', revoked };
}

/** The signer's certificate among the included ones: by issuer and serial number, or by subject key identifier. */
function findCertificate(sid: Asn1 | undefined, certificates: IncludedCertificate[]): { serialHex: string; found?: IncludedCertificate } {
  if (sid?.tagClass === CONTEXT && sid.type === 0) {
    const keyId = Buffer.from(bytesOf(sid, 0, CONTEXT), 'binary').toString('hex');
    const found = certificates.find((c) => c.parts.keyIdHex === keyId);
    return { serialHex: found?.parts.serialHex ?? '', found };
  }
  const [issuer, serial] = childrenOf(sid);
  const issuerDer = derOf(sequenceNode(issuer));
  const serialHex = integerHex(serial);
  return { serialHex, found: certificates.find((c) => c.parts.serialHex === serialHex && derOf(c.parts.issuer).equals(issuerDer)) };
}

/** The signed attributes by type: the values of each (a SET OF AttributeValue). */
function attributesOf(signedAttributes: Asn1): Map<string, Asn1[][]> {
  const byType = new Map<string, Asn1[][]>();
  for (const attribute of childrenOf(signedAttributes, 0, CONTEXT)) {
    const [type, values] = childrenOf(attribute);
    const oid = oidOf(type);
    byType.set(oid, [...(byType.get(oid) ?? []), childrenOf(values, T.SET)]);
  }
  return byType;
}

/** The one value of an attribute that must occur once with one value; a problem otherwise. */
function singleValue(attributes: Map<string, Asn1[][]>, oid: string, name: string, problems: string[]): Asn1 | undefined {
  const occurrences = attributes.get(oid) ?? [];
  const value = occurrences[0]?.[0];
  if (!value) problems.push(`签名中缺少签名属性 ${name}`);
  else if (occurrences.length > 1 || occurrences[0]?.length !== 1) problems.push(`签名属性 ${name} 重复出现`);
  return value;
}

function checkSigner(signerInfo: Asn1, context: Context): CmsSignerResult {
  const problems: string[] = [];
  const result: CmsSignerResult = { ok: false, commonName: '', subject: { commonName: '' }, serialHex: '', fingerprint256: '', signingTime: null, problems };
  try {
    const [, sid, digestAlgorithm, ...rest] = childrenOf(signerInfo);
    const signedAttributes = rest[0]?.tagClass === CONTEXT && rest[0].type === 0 ? rest.shift() : undefined;
    const [signatureAlgorithm, signatureValue] = rest;
    const { serialHex, found } = findCertificate(sid, context.certificates);
    result.serialHex = serialHex;
    if (found) {
      const info = certificateInfo(found.x509.toString());
      Object.assign(result, { commonName: info.subject.commonName, subject: info.subject, fingerprint256: info.fingerprint256 });
    } else {
      problems.push('签名文件中没有签名者的证书');
    }
    const digestOid = oidOf(childrenOf(digestAlgorithm)[0]);
    if (digestOid !== OID.sha256) problems.push(`不支持的摘要算法（${digestOid}）：只接受 SHA-256`);
    if (!signedAttributes) {
      problems.push('签名中缺少签名属性（signedAttrs）');
      return finish(result);
    }
    const attributes = attributesOf(signedAttributes);
    const contentType = singleValue(attributes, OID.contentType, 'contentType', problems);
    if (contentType && (oidOf(contentType) !== OID.data || context.contentType !== OID.data)) {
      problems.push('签名的内容类型不是 id-data');
    }
    const digest = singleValue(attributes, OID.messageDigest, 'messageDigest', problems);
    if (digest && digestOid === OID.sha256 && !octetsOf(digest).equals(createHash('sha256').update(context.content).digest())) {
      problems.push('内容摘要（messageDigest）与文件内容不符：文件已被改动');
    }
    const signingTime = attributes.has(OID.signingTime) ? singleValue(attributes, OID.signingTime, 'signingTime', problems) : undefined;
    if (signingTime) result.signingTime = timeOf(signingTime);
    const signatureOid = oidOf(childrenOf(signatureAlgorithm)[0]);
    if (!RSA_SIGNATURE_OIDS.includes(signatureOid)) {
      problems.push(`不支持的签名算法（${signatureOid}）：只接受 RSA（PKCS#1 v1.5）`);
    } else if (found) {
      // the signature covers the DER of the attributes as a SET (tag 0x31), not as the [0] IMPLICIT field
      const signed = derOf(asn1.create(UNIVERSAL, T.SET, true, childrenOf(signedAttributes, 0, CONTEXT)));
      if (!verifyRsa(signed, found.x509, octetsOf(signatureValue))) {
        problems.push('签名值无效：签名属性或签名已被改动，或不是用该证书的私钥签的');
      }
    }
    if (found) checkCertificate(found, result.signingTime, context, problems);
  } catch {
    problems.push('签名者信息（SignerInfo）格式不正确');
  }
  return finish(result);
}

function finish(result: CmsSignerResult): CmsSignerResult {
  result.ok = result.problems.length === 0;
  return result;
}

function verifyRsa(data: Buffer, certificate: X509Certificate, signature: Buffer): boolean {
  try {
    return certificate.publicKey.asymmetricKeyType === 'rsa' && verify('sha256', data, certificate.publicKey, signature);
  } catch {
    return false;
  }
}

/** The signer's certificate: issued by the CA, valid at the time that counts, not a CA, not revoked. */
function checkCertificate({ x509, parts }: IncludedCertificate, signingTime: Date | null, context: Context, problems: string[]): void {
  const ca = context.ca.x509;
  if (!x509.checkIssued(ca) || !x509.verify(ca.publicKey)) problems.push('签名者证书不是由指定的 CA 签发的');
  const at = context.at ?? signingTime ?? new Date();
  if (Number.isNaN(at.getTime())) problems.push('检查时间不正确');
  if (at < parts.notBefore || at > parts.notAfter) {
    problems.push(`签名者证书在 ${iso(at)} 不在有效期内（${iso(parts.notBefore)} 至 ${iso(parts.notAfter)}）`);
  }
  const { notBefore: caFrom, notAfter: caTo } = context.ca.parts;
  if (at < caFrom || at > caTo) problems.push(`CA 证书在 ${iso(at)} 不在有效期内（${iso(caFrom)} 至 ${iso(caTo)}）`);
  if (x509.ca) problems.push('签名者证书是 CA 证书，不能用于签名');
  if (context.crl?.problem) problems.push(context.crl.problem);
  const revokedAt = context.crl?.revoked.get(parts.serialHex);
  if (revokedAt) problems.push(`证书已吊销（吊销时间 ${iso(revokedAt)}）`);
}
