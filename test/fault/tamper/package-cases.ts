/**
 * Tamper cases of the encrypted package (its folder form, as on a mounted disc) and of the ISO image
 * around it, verified as the upload station does (`openPackage`: signature, container, every chunk and
 * hash, the CMS copy's digest, the image's structure), each naming the file, chunk or image region.
 */
import { appendFileSync, copyFileSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signDetached } from '../../../crypto/cms.js';
import type { IsoEntry } from '../../../media/iso/reader.js';
import { literal, type TamperCase } from './harness.js';
import { openFolder, openImage, type SubmissionCopy } from './submission-fixture.js';

type Case = TamperCase<SubmissionCopy>;
const SECTOR = 2048;

const inPkg = (c: SubmissionCopy, rel: string) => join(c.pkg(), ...rel.split('/'));
const entry = (c: SubmissionCopy, path: string) => c.fx.entries.find((e) => e.path === path) as IsoEntry;
const dataFiles = (c: SubmissionCopy) => c.fx.entries.filter((e) => e.path.startsWith('data/') && !e.isDirectory);
const name = (i: number) => `data/${String(i).padStart(6, '0')}.qbe`;

function flip(file: string, offset: number, mask = 0x01): void {
  const b = readFileSync(file);
  b[offset] = (b[offset] ?? 0) ^ mask;
  writeFileSync(file, b);
}

/** Two data files A < B in size (B at least as long as A), neither the inner manifest. */
function pairOf(c: SubmissionCopy): [IsoEntry, IsoEntry] {
  const files = dataFiles(c).slice(0, -1).sort((x, y) => x.size - y.size);
  return [files[0] as IsoEntry, files.at(-1) as IsoEntry];
}

/** PACKAGE.json changed (its label) and signed again by `signer`; ca.pem and crl.pem replaced when given. */
function resignManifest(c: SubmissionCopy, signer: { certificatePem: string; privateKey: Parameters<typeof signDetached>[0]['privateKey'] }, trust?: { caPem: string; crlPem: string }): void {
  const manifest = inPkg(c, 'PACKAGE.json');
  const text = readFileSync(manifest, 'utf8').replace(/"label": "[^"]*"/, '"label": "另一份报送"');
  writeFileSync(manifest, text);
  writeFileSync(inPkg(c, 'PACKAGE.p7s'), signDetached({ content: Buffer.from(text), ...signer, signingTime: new Date('2026-11-24T00:00:00Z') }));
  if (trust) {
    writeFileSync(inPkg(c, 'ca.pem'), trust.caPem);
    writeFileSync(inPkg(c, 'crl.pem'), trust.crlPem);
  }
}

export const PACKAGE_CASES: readonly Case[] = [
  {
    name: '加密文件中间改动一个字节',
    alter: (c) => flip(inPkg(c, name(3)), Math.floor(entry(c, name(3)).size / 2)),
    verifier: openFolder,
    location: /（data\/000003\.qbe）：第 1 块认证失败/,
  },
  {
    name: '加密文件末尾截去 16 字节',
    alter: (c) => truncateSync(inPkg(c, name(2)), entry(c, name(2)).size - 16),
    verifier: openFolder,
    location: /文件长度不符：data\/000002\.qbe（应为 \d+ 字节，实为 \d+ 字节）/,
  },
  {
    name: '加密文件末尾追加数据',
    alter: (c) => appendFileSync(inPkg(c, name(4)), Buffer.alloc(32, 1)),
    verifier: openFolder,
    location: /文件长度不符：data\/000004\.qbe/,
  },
  {
    name: 'PACKAGE.json 的格式版本改成未知值（签名随之失效）',
    alter: (c) => writeFileSync(inPkg(c, 'PACKAGE.json'), readFileSync(inPkg(c, 'PACKAGE.json'), 'utf8').replace(/"format": "[^"]*"/, '"format": "qbank-package/9"')),
    verifier: openFolder,
    // the reason in Chinese, naming the field (zod's own English words were shown before)
    location: /包清单 PACKAGE\.json 格式不正确：format: “qbank-package\/9”不是可用的值/,
  },
  {
    name: '删除一个加密文件',
    alter: (c) => rmSync(inPkg(c, name(1))),
    verifier: openFolder,
    location: /缺少文件：data\/000001\.qbe/,
  },
  {
    name: '加入清单中没有的文件',
    alter: (c) => writeFileSync(inPkg(c, 'data/999999.qbe'), 'x'),
    verifier: openFolder,
    location: /多余文件（清单中没有）：data\/999999\.qbe/,
  },
  {
    name: '交换两个加密文件',
    alter: (c) => {
      renameSync(inPkg(c, name(1)), inPkg(c, 'swap'));
      renameSync(inPkg(c, name(2)), inPkg(c, name(1)));
      renameSync(inPkg(c, 'swap'), inPkg(c, name(2)));
    },
    verifier: openFolder,
    location: /^(?=[^]*data\/000001\.qbe)(?=[^]*data\/000002\.qbe)/,
  },
  {
    name: '用另一个加密文件的内容冒充（长度截成一致）',
    alter: (c) => {
      const [a, b] = pairOf(c);
      writeFileSync(inPkg(c, a.path), readFileSync(inPkg(c, b.path)).subarray(0, a.size));
    },
    verifier: openFolder,
    location: (c) => literal(`（${pairOf(c)[0].path}）：文件序号不符`),
  },
  {
    name: '内容清单（最后一个加密文件）改动一个字节',
    alter: (c) => {
      const last = dataFiles(c).at(-1) as IsoEntry;
      flip(inPkg(c, last.path), last.size - 40);
    },
    verifier: openFolder,
    location: (c) => literal(`内容清单 ${(dataFiles(c).at(-1) as IsoEntry).path} 无法解密或格式不正确`),
  },
  {
    name: '改动 PACKAGE.json（签名不变）',
    alter: (c) => writeFileSync(inPkg(c, 'PACKAGE.json'), readFileSync(inPkg(c, 'PACKAGE.json'), 'utf8').replace(/"label": "[^"]*"/, '"label": "另一份报送"')),
    verifier: openFolder,
    location: /PACKAGE\.json 的签名无效：.*内容摘要（messageDigest）与文件内容不符/,
  },
  {
    name: '截短一个加密文件并把 PACKAGE.json 中的长度改成一致',
    alter: (c) => {
      const e = entry(c, name(2));
      truncateSync(inPkg(c, name(2)), e.size - 16);
      const text = readFileSync(inPkg(c, 'PACKAGE.json'), 'utf8').replace(`"encryptedBytes": ${e.size}`, `"encryptedBytes": ${e.size - 16}`);
      writeFileSync(inPkg(c, 'PACKAGE.json'), text);
    },
    verifier: openFolder,
    location: /PACKAGE\.json 的签名无效/,
  },
  {
    name: '删除 PACKAGE.p7s',
    alter: (c) => rmSync(inPkg(c, 'PACKAGE.p7s')),
    verifier: openFolder,
    location: /缺少文件：PACKAGE\.p7s/,
  },
  {
    name: '把 PACKAGE.p7s 换成专家对报送清单的签名',
    alter: (c) => copyFileSync(join(c.fx.signed, ...(c.fx.signatures[0] as string).split('/')), inPkg(c, 'PACKAGE.p7s')),
    verifier: openFolder,
    location: /PACKAGE\.json 的签名无效：.*内容摘要（messageDigest）与文件内容不符/,
  },
  {
    name: '删除 ca.pem（接收方未固定 CA）',
    alter: (c) => rmSync(inPkg(c, 'ca.pem')),
    verifier: openFolder,
    location: /包中没有可用的 CA 证书（ca\.pem）/,
  },
  {
    name: '改动 PACKAGE.json 后用另一 CA 的证书重签，并换掉 ca.pem 和 crl.pem（接收方固定 CA）',
    alter: (c) => {
      resignManifest(c, c.fx.foreign.issue('导出人'), c.fx.foreign);
      c.options = { caPem: c.fx.caPem };
    },
    verifier: openFolder,
    location: /PACKAGE\.json 的签名无效：.*签名者证书不是由指定的 CA 签发的/,
  },
  {
    name: '改动 CMS 加密副本中的一个字节',
    alter: (c) => flip(inPkg(c, 'cms/submission.tar.p7m'), Math.floor(entry(c, 'cms/submission.tar.p7m').size / 2)),
    verifier: openFolder,
    location: /cms\/submission\.tar\.p7m：SHA-256 与包清单不符/,
  },
  {
    name: '删除 CMS 加密副本',
    alter: (c) => rmSync(inPkg(c, 'cms/submission.tar.p7m')),
    verifier: openFolder,
    location: /缺少文件：cms\/submission\.tar\.p7m/,
  },
];

/** The image with `change` applied to its bytes. */
function editImage(c: SubmissionCopy, change: (b: Buffer) => Buffer | void): void {
  const b = readFileSync(c.image());
  writeFileSync(c.image(), change(b) ?? b);
}

const flipImage = (at: (c: SubmissionCopy, b: Buffer) => number, mask = 0x01) => (c: SubmissionCopy) =>
  editImage(c, (b) => {
    const i = at(c, b);
    b[i] = (b[i] ?? 0) ^ mask;
  });

/** `光盘映像结构被改动：<region>（偏移 <offset>）`, the offset computed from the unaltered image. */
const region = (name: string, at: (c: SubmissionCopy, b: Buffer) => number) => (c: SubmissionCopy) =>
  literal(`光盘映像结构被改动：${name}（偏移 ${at(c, readFileSync(c.fx.image))}）`);

function isoCase(caseName: string, regionName: string, at: (c: SubmissionCopy, b: Buffer) => number): Case {
  return { name: caseName, alter: flipImage(at), verifier: openImage, location: region(regionName, at) };
}

const joliet = (c: SubmissionCopy, path: string) => entry(c, path).offset;
const rootPrimary = (_c: SubmissionCopy, b: Buffer) => b.readUInt32LE(16 * SECTOR + 156 + 2) * SECTOR;

export const ISO_CASES: readonly Case[] = [
  isoCase('系统区改动一个字节', '系统区', () => 1000),
  isoCase('主卷描述符（发布者）改动一个字节', '主卷描述符', () => 16 * SECTOR + 320),
  isoCase('Joliet 补充卷描述符（转义序列）改动一个字节', 'Joliet 补充卷描述符', () => 17 * SECTOR + 90),
  {
    // the reader refuses the image before its structure is compared: the sector is named
    name: '卷描述符集终止符改动一个字节',
    alter: flipImage(() => 18 * SECTOR),
    verifier: openImage,
    location: /不是可读取的 ISO 9660 映像：第 19 扇区不是卷描述符|光盘映像结构被改动：卷描述符集终止符/,
  },
  isoCase('主 L 型路径表改动一个字节', '主 L 型路径表', () => 19 * SECTOR + 2),
  isoCase('主目录（根）中一条记录改动一个字节', '主目录 /', (c, b) => rootPrimary(c, b) + 40),
  isoCase('Joliet 目录 /data 中一条记录的日期改动', 'Joliet 目录 /data', (c) => joliet(c, 'data') + 2 * 34 + 18),
  isoCase('PACKAGE.json 之后的填充改动一个字节', '文件 PACKAGE.json 之后的填充', (c) => joliet(c, 'PACKAGE.json') + entry(c, 'PACKAGE.json').size + 5),
  {
    name: '映像末尾追加数据',
    alter: (c) => editImage(c, (b) => Buffer.concat([b, Buffer.from('附加')])),
    verifier: openImage,
    location: region('映像末尾', (_c, b) => b.length),
  },
  {
    name: '截断映像（去掉最后一个扇区）',
    alter: (c) => editImage(c, (b) => b.subarray(0, b.length - SECTOR)),
    verifier: openImage,
    location: /映像被截断：卷空间为 \d+ 字节，文件只有 \d+ 字节/,
  },
  {
    name: 'Joliet 卷标（只记录一次）改动一个字节',
    alter: flipImage(() => 17 * SECTOR + 40),
    verifier: openImage,
    location: /光盘映像结构被改动：元数据摘要/,
  },
  {
    name: '映像内 data/000000.qbe 的数据改动一个字节',
    alter: flipImage((c) => joliet(c, 'data/000000.qbe') + 100),
    verifier: openImage,
    location: /（data\/000000\.qbe）：第 1 块认证失败/,
  },
  {
    name: '映像内 PACKAGE.json 的数据改动一个字节',
    alter: flipImage((c) => joliet(c, 'PACKAGE.json') + 40),
    verifier: openImage,
    location: /包清单 PACKAGE\.json 格式不正确|PACKAGE\.json 的签名无效/,
  },
];
