/**
 * The private key and certificate of a package recipient: PKCS#12 files (RFC 7292) read and written,
 * PEM key files read, and the self-signed RSA recipient certificate of an "upload station".
 *
 * Written files open in OpenSSL 3 without the legacy provider (`openssl pkcs12 -in f.p12 -nodes`):
 * the key is a PKCS#8 shrouded key bag under PBES2 (PBKDF2-HMAC-SHA256, 2048 iterations as OpenSSL's
 * own default, AES-256-CBC; encrypted by node:crypto), the certificates sit unencrypted in their own
 * SafeContents (byte for byte as given), and the integrity MAC is HMAC-SHA256 with the PKCS#12 key
 * derivation (RFC 7292 App. B, 2048 iterations). Passwords may be Chinese: BMPString for the MAC,
 * UTF-8 for PBES2, as OpenSSL does.
 *
 * Reading goes through forge.pkcs12 (which also decrypts the encrypted SafeContents OpenSSL writes),
 * after the MAC has been checked here. forge cannot parse EC keys or certificates with EC keys; it
 * passes them on as ASN.1, and node:crypto takes them from there, so EC recipients work from a
 * PKCS#12 file too. A key kept as a PEM file (PKCS#8, encrypted or not) is read by readPrivateKeyFile.
 */
import { createHash, createHmac, createPrivateKey, generateKeyPairSync, randomBytes, sign, timingSafeEqual, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { asn1, UNIVERSAL, CONTEXT, T, type Asn1 } from './asn1.js';
import { childrenOf, derOf, derToPem, octetsOf, oidOf, parseDer, type SubjectName } from './x509.js';


const OID = {
  data: '1.2.840.113549.1.7.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;
/** MAC digests: hash name, block size v (RFC 7292 App. B.2). */
const MAC_DIGESTS: Readonly<Record<string, readonly [string, number]>> = {
  '1.3.14.3.2.26': ['sha1', 64],
  [OID.sha256]: ['sha256', 64],
  '2.16.840.1.101.3.4.2.2': ['sha384', 128],
  '2.16.840.1.101.3.4.2.3': ['sha512', 128],
};
const ITERATIONS = 2048;
const MAX_MAC_ITERATIONS = 10_000_000;
const WRONG_PASSWORD = 'PKCS#12 文件口令错误或文件已损坏';

const seq = (children: (Asn1 | undefined)[]): Asn1 => asn1.create(UNIVERSAL, T.SEQUENCE, true, children as Asn1[]);
const set = (children: Asn1[]): Asn1 => asn1.create(UNIVERSAL, T.SET, true, children);
const oidNode = (oid: string): Asn1 => asn1.create(UNIVERSAL, T.OID, false, asn1.oidToDer(oid).getBytes());
const octets = (bytes: Uint8Array): Asn1 => asn1.create(UNIVERSAL, T.OCTETSTRING, false, Buffer.from(bytes).toString('binary'));
const explicit = (child: Asn1): Asn1 => asn1.create(CONTEXT, 0, true, [child]);
const integer = (n: number): Asn1 => asn1.create(UNIVERSAL, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const binary = (text: string): Buffer => Buffer.from(text, 'binary');

/** The password as BMPString with the two-byte terminator (RFC 7292 App. B.1). */
function bmpPassword(password: string): Buffer {
  const bytes = Buffer.from(`${password}\u0000`, 'utf16le');
  return bytes.swap16();
}

/** The MAC key: PKCS#12 key derivation (RFC 7292 App. B.2) with ID 3, one block of the hash's length. */
function macKey(hash: string, v: number, password: string, salt: Buffer, iterations: number): Buffer {
  const fill = (bytes: Buffer): Buffer => (bytes.length === 0 ? bytes : Buffer.alloc(v * Math.ceil(bytes.length / v), bytes));
  let a = createHash(hash).update(Buffer.alloc(v, 3)).update(fill(salt)).update(fill(bmpPassword(password))).digest();
  for (let i = 1; i < iterations; i++) a = createHash(hash).update(a).digest();
  return a;
}

/** Checks the PFX's MAC (password integrity mode); throws WRONG_PASSWORD when it does not verify. */
function checkMac(pfx: Asn1, password: string): void {
  const [, authSafe, macData] = childrenOf(pfx);
  if (!macData) return;
  const [digestInfo, salt, count] = childrenOf(macData);
  const [algorithm, digest] = childrenOf(digestInfo);
  const [name, v] = MAC_DIGESTS[oidOf(childrenOf(algorithm)[0])] ?? [];
  const iterations = count ? parseInt(binary(count.value as string).toString('hex'), 16) : 1;
  if (!name || !v || !(iterations >= 1 && iterations <= MAX_MAC_ITERATIONS)) throw new Error(WRONG_PASSWORD);
  const content = octetsOf(childrenOf(childrenOf(authSafe)[1], 0, CONTEXT)[0]);
  const expected = octetsOf(digest);
  const actual = createHmac(name, macKey(name, v, password, octetsOf(salt), iterations)).update(content).digest();
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new Error(WRONG_PASSWORD);
}

/** A certificate's DER from forge: the parsed TBSCertificate, its own signature algorithm, the signature. */
function certificateDer(cert: forge.pki.Certificate): Buffer {
  const tbs = (cert as unknown as { tbsCertificate: Asn1 }).tbsCertificate;
  const fields = childrenOf(tbs);
  const algorithm = fields[fields[0]?.tagClass === CONTEXT ? 2 : 1];
  const signature = asn1.create(UNIVERSAL, T.BITSTRING, false, `\x00${cert.signature as string}`);
  return derOf(seq([tbs, algorithm, signature]));
}

interface ForgeBag {
  key?: forge.pki.PrivateKey | null;
  cert?: forge.pki.Certificate | null;
  asn1?: Asn1;
}

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, bagType: string): ForgeBag[] {
  return (p12.getBags({ bagType })[bagType] ?? []) as ForgeBag[];
}

/** The PFX decrypted by forge: the password as UTF-8 (PBES2, as OpenSSL writes it), else as is (the older PKCS#12 PBE). */
function decryptPfx(pfx: Asn1, password: string): forge.pkcs12.Pkcs12Pfx {
  const withoutMac = seq(childrenOf(pfx).slice(0, 2)); // the MAC is checked already
  const utf8 = Buffer.from(password, 'utf8').toString('binary');
  const fromAsn1 = forge.pkcs12.pkcs12FromAsn1 as unknown as (obj: Asn1, strict: boolean, password: string) => forge.pkcs12.Pkcs12Pfx;
  try {
    return fromAsn1(withoutMac, false, utf8);
  } catch (error) {
    if (utf8 === password) throw error;
    return fromAsn1(withoutMac, false, password);
  }
}

/** The private key, its certificate (PEM) and the other certificates of a PKCS#12 file. */
export function readPkcs12(bytes: Uint8Array, password: string): { privateKey: KeyObject; certificatePem: string; chain: string[] } {
  let keys: KeyObject[];
  let certificates: X509Certificate[];
  try {
    const pfx = asn1.fromDer(Buffer.from(bytes).toString('binary'), false);
    checkMac(pfx, password);
    const p12 = decryptPfx(pfx, password);
    const keyBags = [...bagsOf(p12, forge.pki.oids.pkcs8ShroudedKeyBag as string), ...bagsOf(p12, forge.pki.oids.keyBag as string)];
    keys = keyBags.map((bag) => {
      const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : (bag.asn1 as Asn1);
      return createPrivateKey({ key: derOf(info), format: 'der', type: 'pkcs8' });
    });
    certificates = bagsOf(p12, forge.pki.oids.certBag as string).map((bag) => new X509Certificate(bag.cert ? certificateDer(bag.cert) : derOf(bag.asn1 as Asn1)));
  } catch {
    throw new Error(WRONG_PASSWORD);
  }
  const privateKey = keys[0];
  if (!privateKey) throw new Error('PKCS#12 文件中没有私钥');
  const own = certificates.find((certificate) => certificate.checkPrivateKey(privateKey));
  if (!own) throw new Error('PKCS#12 文件中没有与私钥相符的证书');
  const pem = (certificate: X509Certificate): string => derToPem(certificate.raw, 'CERTIFICATE');
  return { privateKey, certificatePem: pem(own), chain: certificates.filter((c) => c !== own).map(pem) };
}

/** A private key file: PEM (PKCS#8, encrypted or not; also PKCS#1 and SEC 1) or PKCS#8 DER. */
export function readPrivateKeyFile(bytes: Uint8Array, password?: string): KeyObject {
  const buffer = Buffer.from(bytes);
  const text = buffer.toString('latin1');
  const pem = text.includes('-----BEGIN');
  if (password === undefined && /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(text)) throw new Error('私钥文件已加密，需要口令');
  try {
    return pem
      ? createPrivateKey({ key: text, format: 'pem', ...(password === undefined ? {} : { passphrase: password }) })
      : createPrivateKey({ key: buffer, format: 'der', type: 'pkcs8', ...(password === undefined ? {} : { passphrase: password }) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MISSING_PASSPHRASE') throw new Error('私钥文件已加密，需要口令');
    throw new Error(password === undefined ? '私钥文件格式不正确' : '私钥文件口令错误或文件已损坏');
  }
}

function bagAttributes(friendlyName: string, localKeyId: Buffer): Asn1 {
  const attribute = (oid: string, value: Asn1): Asn1 => seq([oidNode(oid), set([value])]);
  return set([attribute(OID.friendlyName, asn1.create(UNIVERSAL, T.BMPSTRING, false, friendlyName)), attribute(OID.localKeyId, octets(localKeyId))]);
}

/** ContentInfo { id-data, [0] OCTET STRING (DER of the SafeContents) } */
const dataContentInfo = (safeBags: Asn1[]): Asn1 => seq([oidNode(OID.data), explicit(octets(derOf(seq(safeBags))))]);

/**
 * A PKCS#12 file (DER) with the key, its certificate and optionally the CA certificates above it.
 * Any key node:crypto exports as PKCS#8 (RSA, EC) works.
 */
export function createPkcs12(o: { privateKey: KeyObject; certificatePem: string; password: string; friendlyName: string; chain?: readonly string[] }): Buffer {
  const certificate = new X509Certificate(o.certificatePem);
  if (!certificate.checkPrivateKey(o.privateKey)) throw new Error('私钥与证书不匹配');
  if (o.password.length === 0) throw new Error('PKCS#12 口令不能为空');
  const localKeyId = createHash('sha1').update(certificate.raw).digest(); // as OpenSSL does
  const attributes = bagAttributes(o.friendlyName, localKeyId);
  const certBag = (der: Buffer, attrs?: Asn1): Asn1 =>
    seq([oidNode(OID.certBag), explicit(seq([oidNode(OID.x509Certificate), explicit(octets(der))])), attrs]);
  const chain = (o.chain ?? []).map((pem) => certBag(new X509Certificate(pem).raw));
  const shrouded = o.privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: o.password });
  const keyBag = seq([oidNode(OID.shroudedKeyBag), explicit(parseDer(shrouded)), attributes]);
  const content = derOf(seq([dataContentInfo([certBag(certificate.raw, attributes), ...chain]), dataContentInfo([keyBag])]));
  const salt = randomBytes(16);
  const mac = createHmac('sha256', macKey('sha256', 64, o.password, salt, ITERATIONS)).update(content).digest();
  const macData = seq([seq([seq([oidNode(OID.sha256), asn1.create(UNIVERSAL, T.NULL, false, '')]), octets(mac)]), octets(salt), integer(ITERATIONS)]);
  return derOf(seq([integer(3), seq([oidNode(OID.data), explicit(octets(content))]), macData]));
}

/** Name attributes as UTF8String (forge encodes the JS string itself), the CN last. */
function nameAttributes(subject: SubjectName): forge.pki.CertificateField[] {
  if (!subject.commonName?.trim()) throw new Error('证书主体必须有通用名称（CN）');
  const utf8 = T.UTF8 as unknown as forge.asn1.Class;
  const fields: [keyof SubjectName, string][] = [['organization', '2.5.4.10'], ['organizationalUnit', '2.5.4.11'], ['title', '2.5.4.12'], ['commonName', '2.5.4.3']];
  return fields.filter(([field]) => subject[field]).map(([field, type]) => ({ type, value: subject[field], valueTagClass: utf8 }));
}

/**
 * A self-signed certificate for a package recipient (an upload station): a new RSA-3072 key,
 * keyUsage digitalSignature + keyEncipherment (critical), not a CA, sha256WithRSAEncryption.
 * Valid from an hour ago (clock skew), or from `notBefore`, for `validDays` (default 5 years).
 */
export function createRecipientCertificate(o: { subject: SubjectName; validDays?: number; bits?: number; notBefore?: Date }): { certificatePem: string; privateKey: KeyObject } {
  const validDays = o.validDays ?? 5 * 365;
  if (!Number.isInteger(validDays) || validDays < 1) throw new Error('证书有效天数必须是正整数');
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: o.bits ?? 3072 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const serial = randomBytes(16);
  serial[0] = ((serial[0] as number) & 0x7f) | 0x40; // positive, 16 bytes
  cert.serialNumber = serial.toString('hex');
  const notBefore = o.notBefore ?? new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = new Date(notBefore.getTime() + validDays * 86_400_000);
  const attributes = nameAttributes(o.subject);
  cert.setSubject(attributes);
  cert.setIssuer(attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.siginfo.algorithmOid = '1.2.840.113549.1.1.11'; // sha256WithRSAEncryption
  const { getTBSCertificate } = forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): Asn1 };
  const tbs = getTBSCertificate(cert);
  const signature = sign('sha256', derOf(tbs), privateKey);
  const algorithm = seq([oidNode('1.2.840.113549.1.1.11'), asn1.create(UNIVERSAL, T.NULL, false, '')]);
  const bits = asn1.create(UNIVERSAL, T.BITSTRING, false, `\x00${signature.toString('binary')}`);
  return { certificatePem: derToPem(derOf(seq([tbs, algorithm, bits])), 'CERTIFICATE'), privateKey };
}
