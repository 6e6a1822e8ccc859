/**
 * Tamper cases of the database file and of the anchors kept outside it: the anchor file of the OS
 * account, an anchor printed on a register (`audit verify --anchor seq:hash`), and the audit anchor a
 * package carries (checked by `verifyAnchor`, which `openPackage` runs on the receiving side).
 */
import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackageAnchor } from '../../../app/domain/package/format.js';
import { createContext } from '../../../app/services/context.js';
import { currentAnchor, verifyAnchor } from '../../../app/services/package/anchor.js';
import { checkpointHash } from '../../../app/services/audit/checkpoint-format.js';
import { generateSigningKey, signWith } from '../../../crypto/signing.js';
import { auditVerify, auditVerifyPages, editAnchorFile, flipPageByte, type AuditCopy } from './audit-fixture.js';
import { literal, type TamperCase, type Verifier } from './harness.js';

type Case = TamperCase<AuditCopy>;

const anchorPath = (c: AuditCopy) => join(c.anchorDir, `${c.fx.wsId}.json`);
const dbPath = (c: AuditCopy) => literal(c.file);

export const DATABASE_CASES: readonly Case[] = [
  {
    name: '数据库文件换成较旧的副本（无需口令）',
    alter: (c) => copyFileSync(c.fx.olderFile, c.file),
    verifier: auditVerify,
    location: /数据库比本机锚点旧：锚点记录了 \d+ 条日志，数据库只有 \d+ 条/,
  },
  {
    name: '数据库和本机锚点文件一起换成旧副本（印出的锚点作证）',
    alter: (c) => {
      copyFileSync(c.fx.olderFile, c.file);
      copyFileSync(c.fx.olderAnchorFile, anchorPath(c));
      c.printed = [c.fx.printed];
    },
    verifier: auditVerify,
    location: (c) => literal(`锚点 ${c.fx.printedSeq}:${c.fx.printed.split(':')[1]?.slice(0, 12)}… 不在日志中`),
  },
  {
    name: '换成同一口令下另一工作站的数据库（印出的锚点作证）',
    alter: (c) => {
      copyFileSync(c.fx.otherFile, c.file);
      c.printed = [c.fx.printed];
    },
    verifier: auditVerify,
    location: (c) => literal(`锚点 ${c.fx.printedSeq}:`),
  },
  {
    name: '改动加密文件第 1 页的一个字节（无需口令）',
    alter: (c) => flipPageByte(c, 1),
    verifier: auditVerify,
    location: (c) => dbPath(c),
  },
  {
    name: '截断加密的数据库文件',
    alter: (c) => truncateSync(c.file, Math.floor(readFileSync(c.file).length / 3)),
    verifier: auditVerify,
    location: (c) => dbPath(c),
  },
  {
    name: '改动访问日志中间一页的一个字节（无需口令）',
    alter: (c) => flipPageByte(c, c.fx.logPages[0] as number),
    verifier: auditVerify,
    location: (c) => dbPath(c),
  },
  {
    name: '改动访问日志最后一页（链头所在）的一个字节（无需口令）',
    alter: (c) => flipPageByte(c, c.fx.logPages.at(-1) as number),
    verifier: auditVerify,
    location: (c) => dbPath(c),
  },
  {
    name: '改动人员登记表所在页的一个字节（无需口令）',
    alter: (c) => flipPageByte(c, c.fx.peoplePages[0] as number),
    verifier: auditVerifyPages,
    location: (c) => literal(`数据库文件 ${c.file} 中 people 的第`),
  },
];

/** The audit anchor a package would carry, taken from the copy and altered; `verifyAnchor` checks it. */
const packageAnchor: Verifier<AuditCopy> = {
  name: 'verifyAnchor (openPackage)',
  run: (c) => {
    const v = verifyAnchor(JSON.parse(c.notes.get('anchor') ?? 'null') as PackageAnchor);
    return { ok: v.ok, problems: v.problems };
  },
};

function alterPackageAnchor(c: AuditCopy, change: (a: PackageAnchor) => PackageAnchor): void {
  const a = currentAnchor(createContext(c.db(), { anchorDir: null }));
  if (!a) throw new Error('no checkpoint');
  c.notes.set('anchor', JSON.stringify(change(a)));
}

export const ANCHOR_CASES: readonly Case[] = [
  {
    name: '本机锚点文件换成较旧的一份',
    alter: (c) => copyFileSync(c.fx.olderAnchorFile, anchorPath(c)),
    verifier: auditVerify,
    location: /第 \d+ 条之后的 \d+ 条日志不是本程序在本机写入的（本机锚点只到第 \d+ 条）/,
  },
  {
    name: '本机锚点文件的链头哈希被改',
    alter: (c) => editAnchorFile(c, (a) => void Object.assign(a, { head: { ...(a.head as object), hash: 'a'.repeat(64) } })),
    verifier: auditVerify,
    location: (c) => literal(`第 ${c.fx.rows} 条日志与本机锚点不符`),
  },
  {
    name: '本机锚点文件的链头序号被调大',
    alter: (c) => editAnchorFile(c, (a) => void Object.assign(a, { head: { seq: c.fx.rows + 5, hash: 'a'.repeat(64) } })),
    verifier: auditVerify,
    location: (c) => literal(`锚点记录了 ${c.fx.rows + 5} 条日志，数据库只有 ${c.fx.rows} 条`),
  },
  {
    name: '本机锚点文件被写坏（不是 JSON）',
    alter: (c) => writeFileSync(anchorPath(c), '{"version":1,'),
    verifier: auditVerify,
    location: /审计锚点文件已损坏或被改动/,
  },
  {
    name: '换上另一工作站的锚点文件',
    alter: (c) => editAnchorFile(c, (a) => void Object.assign(a, { workstationId: 'WS-OTHER-0001' })),
    verifier: auditVerify,
    location: /审计锚点文件已损坏或被改动/,
  },
  {
    name: '本机锚点文件中的校验点哈希被改',
    alter: (c) => editAnchorFile(c, (a) => void Object.assign(a, { checkpoint: { ...(a.checkpoint as object), hash: 'b'.repeat(64) } })),
    verifier: auditVerify,
    location: (c) => literal(`校验点 #${c.fx.checkpoints.at(-1)?.seq} 与本机锚点不符：校验点被重新签署`),
  },
  {
    name: '本机锚点文件中的校验点序号超出数据库',
    alter: (c) => editAnchorFile(c, (a) => void Object.assign(a, { checkpoint: { ...(a.checkpoint as object), seq: 99 } })),
    verifier: auditVerify,
    location: /本机锚点记录的校验点 #99 不在数据库中/,
  },
  {
    name: '本机锚点文件记下了数据库中没有的签名密钥',
    alter: (c) => editAnchorFile(c, (a) => void Object.assign(a, { keys: [...(a.keys as string[]), '0123456789abcdef'] })),
    verifier: auditVerify,
    location: /签名密钥 0123456789abcdef 已不在数据库中：签名密钥被替换/,
  },
  {
    name: '印出的锚点哈希与日志不符',
    alter: (c) => void (c.printed = [`${c.fx.printedSeq}:${'c'.repeat(64)}`]),
    verifier: auditVerify,
    location: (c) => literal(`第 ${c.fx.printedSeq} 条日志与锚点 ${c.fx.printedSeq}:cccccccccccc… 不符`),
  },
  {
    name: '印出的锚点超出日志',
    alter: (c) => void (c.printed = [`${c.fx.rows + 10}:${'d'.repeat(64)}`]),
    verifier: auditVerify,
    location: (c) => literal(`锚点 ${c.fx.rows + 10}:dddddddddddd… 不在日志中：日志只有 ${c.fx.rows} 条`),
  },
  {
    name: '包内审计锚点：所列日志条数与签名内容不符',
    alter: (c) => alterPackageAnchor(c, (a) => ({ ...a, auditSeq: a.auditSeq + 1 })),
    verifier: packageAnchor,
    location: /审计锚点的签名内容与所列校验点不符/,
  },
  {
    name: '包内审计锚点：签名内容被改（签名不变）',
    alter: (c) => alterPackageAnchor(c, (a) => ({ ...a, message: a.message.replace(`,${a.auditSeq},`, `,${a.auditSeq - 1},`), auditSeq: a.auditSeq - 1 })),
    verifier: packageAnchor,
    location: (c) => literal(`审计锚点（校验点 #${c.fx.checkpoints.at(-1)?.seq}）的签名无效`),
  },
  {
    name: '包内审计锚点：换用别的公钥重签（密钥标识未改）',
    alter: (c) =>
      alterPackageAnchor(c, (a) => {
        const forged = generateSigningKey();
        const signature = signWith(forged.privateKey, a.message);
        return { ...a, publicKeyPem: forged.publicKeyPem, signature, hash: checkpointHash(a.message, signature) };
      }),
    verifier: packageAnchor,
    location: /审计锚点（校验点 #\d+）的签名无效/,
  },
  {
    name: '包内审计锚点：哈希被改',
    alter: (c) => alterPackageAnchor(c, (a) => ({ ...a, hash: 'f'.repeat(64) })),
    verifier: packageAnchor,
    location: /审计锚点（校验点 #\d+）的哈希不符/,
  },
];
