/**
 * Tamper cases of the panel's signatures over the submission (`qbank verify-signatures`, the check the
 * upload station also runs inside a package) and of the certificates behind them and behind the
 * package's own signature: wrong CA, damaged or foreign CRL, a revoked signer (the receiver holding the
 * current CRL, `--crl`), a check outside the validity period. Each must name the file or the signer.
 */
import { appendFileSync, copyFileSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signDetached } from '../../../crypto/cms.js';
import { literal, type TamperCase } from './harness.js';
import { openFolder, verifySignatures, type Signer, type SubmissionCopy } from './submission-fixture.js';

type Case = TamperCase<SubmissionCopy>;

const SCAN = '05_题库内部审核意见（专家签名扫描件）.pdf';
const inFolder = (c: SubmissionCopy, rel: string) => join(c.folder(), ...rel.split('/'));
const sig = (c: SubmissionCopy, i: number) => c.fx.signatures[i] as string;
/** The signer a signature file belongs to: `06_数字签名/02_neirong1.p7s` → neirong1. */
const signerOf = (file: string) => file.replace(/^06_数字签名\/\d+_/, '').replace(/\.p7s$/, '');
/** `<file>（<signer>）：签名无效：…<why>` */
const invalid = (c: SubmissionCopy, i: number, why: string) => new RegExp(`${literal(`${sig(c, i)}（${signerOf(sig(c, i))}）：签名无效：`).source}.*${why}`);

const signManifest = (c: SubmissionCopy, signer: Signer) =>
  signDetached({ content: readFileSync(inFolder(c, 'manifest.json')), ...signer, signingTime: new Date('2026-11-24T00:00:00Z') });

function editManifest(c: SubmissionCopy): void {
  const path = inFolder(c, 'manifest.json');
  writeFileSync(path, readFileSync(path, 'utf8').replace('"round": 1', '"round": 2'));
}

function flipAt(file: string, at: (b: Buffer) => number, mask = 0x01): void {
  const b = readFileSync(file);
  const i = at(b);
  b[i] = (b[i] ?? 0) ^ mask;
  writeFileSync(file, b);
}

export const SIGNATURE_CASES: readonly Case[] = [
  {
    name: '改动一份文档',
    alter: (c) => appendFileSync(inFolder(c, c.fx.documents[3] as string), 'x'),
    verifier: verifySignatures,
    location: (c) => literal(`${c.fx.documents[3]}：已改动`),
  },
  {
    name: '删除一份文档',
    alter: (c) => rmSync(inFolder(c, c.fx.documents[5] as string)),
    verifier: verifySignatures,
    location: (c) => literal(`${c.fx.documents[5]}：缺失`),
  },
  {
    name: '加入一份清单外的文档',
    alter: (c) => writeFileSync(inFolder(c, '07_补充说明.docx'), 'PK'),
    verifier: verifySignatures,
    location: /07_补充说明\.docx：多余/,
  },
  {
    name: '在签名文件夹中加入一个非签名文件',
    alter: (c) => writeFileSync(inFolder(c, '06_数字签名/撤销声明.txt'), '某专家的签名作废'),
    verifier: verifySignatures,
    location: /06_数字签名\/撤销声明\.txt：多余/,
  },
  {
    name: '替换专家签名的审核意见扫描件',
    alter: (c) => appendFileSync(inFolder(c, SCAN), '%'),
    verifier: verifySignatures,
    location: literal(`${SCAN}：已改动`),
  },
  {
    name: '改动签名的清单 manifest.json',
    alter: editManifest,
    verifier: verifySignatures,
    location: (c) => invalid(c, 0, '内容摘要（messageDigest）与文件内容不符'),
  },
  {
    name: '删除清单 manifest.json',
    alter: (c) => rmSync(inFolder(c, 'manifest.json')),
    verifier: verifySignatures,
    location: /manifest\.json：文件夹中没有签名的清单/,
  },
  {
    name: '删除一位专家的签名',
    alter: (c) => rmSync(inFolder(c, sig(c, 3))),
    verifier: verifySignatures,
    location: (c) => literal(`审核组成员 ${signerOf(sig(c, 3))} 没有有效的签名`),
  },
  {
    name: '用一位专家的签名覆盖另一位的',
    alter: (c) => copyFileSync(inFolder(c, sig(c, 0)), inFolder(c, sig(c, 1))),
    verifier: verifySignatures,
    location: (c) => literal(`审核组成员 ${signerOf(sig(c, 1))} 没有有效的签名`),
  },
  {
    name: '截短一个签名文件',
    alter: (c) => truncateSync(inFolder(c, sig(c, 2)), 200),
    verifier: verifySignatures,
    location: (c) => literal(`${sig(c, 2)}：签名无效：签名文件格式不正确`),
  },
  {
    name: '改动签名值的最后一个字节',
    alter: (c) => flipAt(inFolder(c, sig(c, 4)), (b) => b.length - 1),
    verifier: verifySignatures,
    location: (c) => invalid(c, 4, '签名值无效'),
  },
  {
    name: '改动签名中的签名时间',
    // the UTCTime after the signingTime attribute's OID (1.2.840.113549.1.9.5): a digit of its minutes
    alter: (c) => flipAt(inFolder(c, sig(c, 1)), (b) => b.indexOf(Buffer.from('2a864886f70d010905', 'hex')) + 9 + 4 + 9),
    verifier: verifySignatures,
    location: (c) => invalid(c, 1, '签名值无效'),
  },
  {
    name: '非审核组成员（持工作站 CA 签发的有效证书）加签',
    alter: (c) => writeFileSync(inFolder(c, '06_数字签名/06_boss.p7s'), signManifest(c, c.fx.exporter)),
    verifier: verifySignatures,
    location: (c) => literal(`06_数字签名/06_boss.p7s：签名人 ${c.fx.exporter.name} 不是清单所列审核组成员`),
  },
  {
    name: '用另一 CA 签发的同名证书替换一位专家的签名',
    alter: (c) => writeFileSync(inFolder(c, sig(c, 2)), signManifest(c, c.fx.foreign.issue(signerOf(sig(c, 2))))),
    verifier: verifySignatures,
    location: (c) => invalid(c, 2, '签名者证书不是由指定的 CA 签发的'),
  },
  {
    name: '改动清单后由另一 CA 的同名证书全部重签，并换掉 ca.pem、crl.pem（接收方固定 CA）',
    alter: (c) => {
      editManifest(c);
      for (const file of c.fx.signatures) writeFileSync(inFolder(c, file), signManifest(c, c.fx.foreign.issue(signerOf(file))));
      writeFileSync(inFolder(c, '06_数字签名/ca.pem'), c.fx.foreign.caPem);
      writeFileSync(inFolder(c, '06_数字签名/crl.pem'), c.fx.foreign.crlPem);
      c.options = { caPem: c.fx.caPem };
    },
    verifier: verifySignatures,
    location: (c) => invalid(c, 0, '签名者证书不是由指定的 CA 签发的'),
  },
];

const EXPIRED = new Date('2100-01-01T00:00:00Z');

export const CERTIFICATE_CASES: readonly Case[] = [
  {
    name: 'ca.pem 换成另一 CA（未重签）',
    alter: (c) => writeFileSync(inFolder(c, '06_数字签名/ca.pem'), c.fx.foreign.caPem),
    verifier: verifySignatures,
    location: (c) => invalid(c, 0, '签名者证书不是由指定的 CA 签发的'),
  },
  {
    name: 'ca.pem 换成一张终端证书',
    alter: (c) => writeFileSync(inFolder(c, '06_数字签名/ca.pem'), c.fx.exporter.certificatePem),
    verifier: verifySignatures,
    location: /ca\.pem：所给证书不是证书颁发机构证书/,
  },
  {
    name: 'ca.pem 内容损坏',
    alter: (c) => writeFileSync(inFolder(c, '06_数字签名/ca.pem'), c.fx.caPem.replace(/[A-Za-z]{8}\n/, 'AAAAAAAA\n').slice(0, 300)),
    verifier: verifySignatures,
    location: /ca\.pem：证书颁发机构证书格式不正确/,
  },
  {
    name: '删除 crl.pem',
    alter: (c) => rmSync(inFolder(c, '06_数字签名/crl.pem')),
    verifier: verifySignatures,
    location: /crl\.pem：没有吊销列表/,
  },
  {
    name: 'crl.pem 换成另一 CA 的吊销列表',
    alter: (c) => writeFileSync(inFolder(c, '06_数字签名/crl.pem'), c.fx.foreign.crlPem),
    verifier: verifySignatures,
    location: /crl\.pem：吊销列表不是该证书颁发机构签发的/,
  },
  {
    name: 'crl.pem 的签名被改动',
    alter: (c) => {
      const pem = c.fx.crlPem;
      const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
      der[der.length - 10] = (der[der.length - 10] ?? 0) ^ 1;
      writeFileSync(inFolder(c, '06_数字签名/crl.pem'), `-----BEGIN X509 CRL-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END X509 CRL-----\n`);
    },
    verifier: verifySignatures,
    location: /crl\.pem：吊销列表(不是该证书颁发机构签发的|格式不正确)/,
  },
  {
    name: '一位专家的证书已吊销（接收方持最新吊销列表）',
    alter: (c) => void (c.options = { crlPem: c.fx.crlNow }),
    verifier: verifySignatures,
    location: (c) => invalid(c, c.fx.signatures.findIndex((f) => signerOf(f) === c.fx.revokedExpert), '证书已吊销'),
  },
  {
    name: '在签名证书过期之后核验',
    alter: (c) => void (c.options = { now: EXPIRED }),
    verifier: verifySignatures,
    location: (c) => invalid(c, 0, '签名者证书在 2100-01-01T00:00:00.000Z 不在有效期内'),
  },
  {
    name: '在签名证书生效之前核验',
    alter: (c) => void (c.options = { now: new Date('2020-01-01T00:00:00Z') }),
    verifier: verifySignatures,
    location: (c) => invalid(c, 0, '签名者证书在 2020-01-01T00:00:00.000Z 不在有效期内'),
  },
  {
    name: '包的导出人证书已吊销（接收方持最新吊销列表）',
    alter: (c) => void (c.options = { crlPem: c.fx.crlNow }),
    verifier: openFolder,
    location: /PACKAGE\.json 的签名无效：.*证书已吊销/,
  },
  {
    name: '在导出人证书过期之后打开包',
    alter: (c) => void (c.options = { now: EXPIRED }),
    verifier: openFolder,
    location: /PACKAGE\.json 的签名无效：.*签名者证书在 2100-01-01T00:00:00\.000Z 不在有效期内/,
  },
  {
    name: '包中的 ca.pem 换成另一 CA（未重签）',
    alter: (c) => writeFileSync(join(c.pkg(), 'ca.pem'), c.fx.foreign.caPem),
    verifier: openFolder,
    location: /PACKAGE\.json 的签名无效：.*签名者证书不是由指定的 CA 签发的/,
  },
  {
    name: '包中的 crl.pem 换成另一 CA 的吊销列表',
    alter: (c) => writeFileSync(join(c.pkg(), 'crl.pem'), c.fx.foreign.crlPem),
    verifier: openFolder,
    location: /PACKAGE\.json 的签名无效：.*吊销列表（CRL）不是由该 CA 签发的/,
  },
];
