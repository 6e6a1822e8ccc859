/**
 * CMS EnvelopedData (RFC 5652 §6), written streaming, for RSA recipients: the plain-OpenSSL copy of a
 * package that needs none of our software to open:
 *
 *   openssl cms -decrypt -inform DER -in f.p7m -inkey key.pem -recip cert.pem -out f
 *
 * Content encryption AES-256-CBC (RFC 3565) with PKCS#7 padding, a random 16-byte IV; the 32-byte
 * content-encryption key goes to each recipient by RSAES-OAEP with SHA-256 and MGF1-SHA-256
 * (RFC 8017, the parameters written as RFC 4055 §4.1 says: hash and mask generation explicit,
 * pSourceAlgorithm left at its default, the SHA-256 identifiers without parameters).
 *
 * BER, so nothing is held whole:
 *
 *   30 80  ContentInfo
 *     06 09 id-envelopedData
 *     A0 80  [0] EXPLICIT
 *       30 80  EnvelopedData
 *         02 01 00  version 0 (RFC 5652 §6.1: no originatorInfo or unprotectedAttrs, every RecipientInfo a version 0 KTRI)
 *         31 …  recipientInfos: KeyTransRecipientInfo { version 0, issuerAndSerialNumber, id-RSAES-OAEP(params), encryptedKey }  (DER)
 *         30 80  EncryptedContentInfo
 *           06 09 id-data
 *           30 1D  aes256-CBC, OCTET STRING IV
 *           A0 80  [0] IMPLICIT encryptedContent: constructed OCTET STRING
 *             04 len segment … (one primitive OCTET STRING per block of ciphertext as it comes)
 *           00 00
 *         00 00
 *       00 00
 *     00 00
 *   00 00
 *
 * The recipient's issuer Name and serial INTEGER are copied from its certificate byte for byte.
 */
import { constants, createCipheriv, publicEncrypt, randomBytes, X509Certificate } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { asn1, UNIVERSAL, CONTEXT, T, type Asn1 } from './asn1.js';
import { childrenOf, derOf, parseDer } from './x509.js';


const OID = {
  data: '1.2.840.113549.1.7.1',
  envelopedData: '1.2.840.113549.1.7.3',
  rsaesOaep: '1.2.840.113549.1.1.7',
  mgf1: '1.2.840.113549.1.1.8',
  sha256: '2.16.840.1.101.3.4.2.1',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
} as const;

/** What the envelope uses, to be shown beside the file. */
export const envelopeDescription = 'AES-256-CBC；密钥传输 RSAES-OAEP（SHA-256, MGF1-SHA-256）';

const seq = (children: Asn1[]): Asn1 => asn1.create(UNIVERSAL, T.SEQUENCE, true, children);
const oidNode = (oid: string): Asn1 => asn1.create(UNIVERSAL, T.OID, false, asn1.oidToDer(oid).getBytes());
const octets = (bytes: Uint8Array): Asn1 => asn1.create(UNIVERSAL, T.OCTETSTRING, false, Buffer.from(bytes).toString('binary'));
const integer = (n: number): Asn1 => asn1.create(UNIVERSAL, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const explicit = (tag: number, child: Asn1): Asn1 => asn1.create(CONTEXT, tag, true, [child]);

/** RSAES-OAEP-params { hashAlgorithm [0] sha256, maskGenAlgorithm [1] mgf1(sha256) } (RFC 4055 §4.1). */
function oaepAlgorithm(): Asn1 {
  const sha256 = (): Asn1 => seq([oidNode(OID.sha256)]);
  return seq([oidNode(OID.rsaesOaep), seq([explicit(0, sha256()), explicit(1, seq([oidNode(OID.mgf1), sha256()]))])]);
}

/** KeyTransRecipientInfo (version 0, issuerAndSerialNumber) with the key encrypted to the certificate. */
function keyTransRecipientInfo(certificatePem: string, contentKey: Buffer): Asn1 {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    throw new Error('证书格式不正确');
  }
  const key = certificate.publicKey;
  if (key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
    throw new Error('CMS 信封只支持 RSA（至少 2048 位）证书');
  }
  const tbsFields = childrenOf(childrenOf(parseDer(certificate.raw))[0]);
  const offset = tbsFields[0]?.tagClass === CONTEXT && tbsFields[0].type === 0 ? 1 : 0;
  const serial = tbsFields[offset] as Asn1;
  const issuer = tbsFields[offset + 2] as Asn1;
  const encryptedKey = publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, contentKey);
  return seq([integer(0), seq([issuer, serial]), oaepAlgorithm(), octets(encryptedKey)]);
}

/** Tag and BER definite length of a primitive OCTET STRING of `length` bytes. */
function segmentHeader(length: number): Buffer {
  if (length < 0x80) return Buffer.from([0x04, length]);
  const digits = length.toString(16);
  const bytes = Buffer.from(digits.length % 2 === 1 ? `0${digits}` : digits, 'hex');
  return Buffer.concat([Buffer.from([0x04, 0x80 | bytes.length]), bytes]);
}

const INDEFINITE = (tag: number): Buffer => Buffer.from([tag, 0x80]);
const END_OF_CONTENTS = Buffer.alloc(2);

/**
 * A stream that writes its input as a CMS EnvelopedData (BER, DER-compatible where fixed) for every
 * recipient certificate (RSA ≥ 2048). Bad certificates throw here, before any byte is written.
 */
export function createEnvelopedStream(o: { recipients: readonly string[]; contentType?: 'data' }): Transform {
  if (o.recipients.length === 0) throw new Error('CMS 信封至少需要一个接收者证书');
  if ((o.contentType ?? 'data') !== 'data') throw new Error('CMS 信封的内容类型只能是 data');
  const contentKey = randomBytes(32);
  const iv = randomBytes(16);
  const recipientInfos = asn1.create(UNIVERSAL, T.SET, true, o.recipients.map((pem) => keyTransRecipientInfo(pem, contentKey)));
  const contentEncryptionAlgorithm = seq([oidNode(OID.aes256Cbc), octets(iv)]);
  const head = Buffer.concat([
    INDEFINITE(0x30),
    derOf(oidNode(OID.envelopedData)),
    INDEFINITE(0xa0),
    INDEFINITE(0x30),
    derOf(integer(0)),
    derOf(recipientInfos),
    INDEFINITE(0x30),
    derOf(oidNode(OID.data)),
    derOf(contentEncryptionAlgorithm),
    INDEFINITE(0xa0),
  ]);
  const cipher = createCipheriv('aes-256-cbc', contentKey, iv);
  contentKey.fill(0); // the cipher holds its own copy
  let headSent = false;

  function emit(stream: Transform, ciphertext: Buffer): void {
    if (!headSent) {
      stream.push(head);
      headSent = true;
    }
    if (ciphertext.length === 0) return;
    stream.push(segmentHeader(ciphertext.length));
    stream.push(ciphertext);
  }

  return new Transform({
    transform(this: Transform, data: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
      try {
        emit(this, cipher.update(data));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(this: Transform, callback: TransformCallback): void {
      try {
        emit(this, cipher.final());
        // encryptedContent [0], EncryptedContentInfo, EnvelopedData, [0] EXPLICIT, ContentInfo
        for (let i = 0; i < 5; i++) this.push(END_OF_CONTENTS);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
