/**
 * Tamper cases of the access log and its checkpoints, as someone holding the workstation passphrase
 * does them (raw SQL on the decrypted file, the append-only triggers dropped) or with one account's
 * password. Every case is verified by `audit.verify` (`qbank audit verify`) with the anchor file of the
 * OS account, and must name the row (seq) or the checkpoint (#n) concerned.
 */
import { canonicalAuditRow, GENESIS_HASH, type AuditRow } from '../../../app/domain/audit.js';
import { checkpointHash, checkpointMessage } from '../../../app/services/audit/checkpoint-format.js';
import type { WritableDB } from '../../../app/store/database.js';
import { listCheckpoints, type CheckpointRecord } from '../../../app/store/repositories/audit-checkpoints.js';
import { iterateAuditRows } from '../../../app/store/repositories/audit-log.js';
import { chainHash } from '../../../crypto/hash-chain.js';
import { generateSigningKey, keyIdOf, signWith } from '../../../crypto/signing.js';
import { dropLogGuards } from '../../helpers/audit-log.js';
import { auditVerify, contextOf, type AuditCopy } from './audit-fixture.js';
import { literal, type TamperCase } from './harness.js';

type Case = TamperCase<AuditCopy>;

/** The copy's database with every append-only guard dropped (what the passphrase allows). */
function raw(copy: AuditCopy): WritableDB {
  const db = copy.db();
  dropLogGuards(db);
  return db;
}

/** Rewrites rows from `from` on with `edit` and recomputes every later hash: the chain holds again. */
export function rewriteRows(db: WritableDB, from: number, edit: (row: Omit<AuditRow, 'prevHash' | 'hash'>) => Omit<AuditRow, 'prevHash' | 'hash'>): void {
  const rows = [...iterateAuditRows(db)];
  let prev = rows.find((r) => r.seq === from - 1)?.hash ?? GENESIS_HASH;
  for (const row of rows.filter((r) => r.seq >= from)) {
    const { prevHash: _p, hash: _h, ...rest } = row;
    const canonical = canonicalAuditRow(row.seq === from ? edit(rest) : rest);
    const hash = chainHash(prev, canonical);
    db.prepare('UPDATE audit_log SET canonical = ?, hash = ? WHERE seq = ?').run(canonical, hash, row.seq);
    prev = hash;
  }
}

const updateCheckpoint = (db: WritableDB, seq: number, column: string, value: string | number) =>
  db.prepare(`UPDATE audit_checkpoints SET ${column} = ? WHERE seq = ?`).run(value, seq);

/** Re-signs every checkpoint against the log as it now is, with `key`, keeping their own chain whole. */
export function resignAll(db: WritableDB, wsId: string, key: { keyId: string; privateKey: ReturnType<typeof generateSigningKey>['privateKey'] }, signer?: { id: number; name: string }): void {
  let prev = GENESIS_HASH;
  for (const c of listCheckpoints(db)) {
    const auditHash = c.auditSeq === 0 ? GENESIS_HASH : (db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(c.auditSeq) as string);
    const body: CheckpointRecord = { ...c, prevHash: prev, auditHash, keyId: key.keyId, signerId: signer?.id ?? c.signerId, signer: signer?.name ?? c.signer };
    const message = checkpointMessage(wsId, body);
    const signature = signWith(key.privateKey, message);
    const hash = checkpointHash(message, signature);
    db.prepare('UPDATE audit_checkpoints SET prev_hash = ?, audit_hash = ?, key_id = ?, signer_id = ?, signer = ?, signature = ?, hash = ? WHERE seq = ?')
      .run(prev, auditHash, key.keyId, body.signerId, body.signer, signature, hash, c.seq);
    prev = hash;
  }
}

const first = (copy: AuditCopy, atLeast: number): CheckpointRecord => copy.fx.checkpoints.find((c) => c.auditSeq >= atLeast) as CheckpointRecord;
const last = (copy: AuditCopy): CheckpointRecord => copy.fx.checkpoints.at(-1) as CheckpointRecord;
const cpName = (seq: number) => `校验点 #${seq}（`;
const idOf = (db: WritableDB, username: string) => db.prepare('SELECT id FROM accounts WHERE username = ?').pluck().get(username) as number;

export const LOG_CASES: readonly Case[] = [
  {
    name: '改动一行的内容（不重算哈希）',
    alter: (c) => void raw(c).prepare(`UPDATE audit_log SET canonical = json_set(canonical, '$[8]', '改过') WHERE seq = 5`).run(),
    verifier: auditVerify,
    location: /审计日志在第 5 条处断开/,
  },
  {
    name: '改动一行并重算该行的哈希',
    alter: (c) => {
      const db = raw(c);
      const [row4, row5] = [...iterateAuditRows(db)].slice(3, 5) as [AuditRow, AuditRow];
      const canonical = canonicalAuditRow({ ...row5, actor: 'someone' });
      db.prepare('UPDATE audit_log SET canonical = ?, hash = ? WHERE seq = 5').run(canonical, chainHash(row4.hash, canonical));
    },
    verifier: auditVerify,
    location: /审计日志在第 6 条处断开/,
  },
  {
    name: '改动一行并重算其后全部哈希（链重新闭合）',
    alter: (c) => rewriteRows(raw(c), 5, (r) => ({ ...r, detail: '改写的历史' })),
    verifier: auditVerify,
    location: (c) => literal(`${cpName(first(c, 5).seq)}${first(c, 5).at}）之前的第 ${first(c, 5).auditSeq} 条日志已被改动或删除`),
  },
  {
    name: '把一次退出登录改成别的操作并重算哈希（藏起一次退出）',
    alter: (c) => rewriteRows(raw(c), c.fx.logouts[0] as number, (r) => ({ ...r, action: 'session.whoami' })),
    verifier: auditVerify,
    location: (c) => literal(`之前的第 ${first(c, c.fx.logouts[0] as number).auditSeq} 条日志已被改动或删除`),
  },
  {
    name: '删除中间一行',
    alter: (c) => void raw(c).prepare('DELETE FROM audit_log WHERE seq = 7').run(),
    verifier: auditVerify,
    location: /审计日志在第 8 条处断开/,
  },
  {
    name: '插入一行（其后各行序号后移）',
    alter: (c) => {
      const db = raw(c);
      db.pragma('ignore_check_constraints = ON');
      const rows = [...iterateAuditRows(db)].filter((r) => r.seq >= 7).reverse();
      for (const r of rows) db.prepare(`UPDATE audit_log SET seq = seq + 1, canonical = json_set(canonical, '$[0]', seq + 1) WHERE seq = ?`).run(r.seq);
      const prev = db.prepare('SELECT hash FROM audit_log WHERE seq = 6').pluck().get() as string;
      const forged = { seq: 7, at: '2026-11-23T08:00:30.000Z', actor: 'liqiang', actorId: idOf(db, 'liqiang'), action: 'items.get', register: '调阅' as const, objects: ['item:1@1'], result: 'ok' as const, detail: '' };
      db.prepare('INSERT INTO audit_log (seq, canonical, hash) VALUES (7, ?, ?)').run(canonicalAuditRow(forged), chainHash(prev, canonicalAuditRow(forged)));
    },
    verifier: auditVerify,
    location: /审计日志在第 8 条处断开/,
  },
  {
    name: '交换相邻两行',
    alter: (c) => {
      const db = raw(c);
      const [r3, r4] = db.prepare('SELECT canonical, hash FROM audit_log WHERE seq IN (3, 4) ORDER BY seq').all() as { canonical: string; hash: string }[];
      db.pragma('ignore_check_constraints = ON');
      db.prepare('UPDATE audit_log SET canonical = ?, hash = ? WHERE seq = 3').run(r4?.canonical, r4?.hash);
      db.prepare('UPDATE audit_log SET canonical = ?, hash = ? WHERE seq = 4').run(r3?.canonical, r3?.hash);
    },
    verifier: auditVerify,
    location: /审计日志在第 3 条处断开/,
  },
  {
    name: '改动一行的序号（留下空号）',
    alter: (c) => void raw(c).prepare(`UPDATE audit_log SET seq = 1000, canonical = json_set(canonical, '$[0]', 1000) WHERE seq = ?`).run(c.fx.rows),
    verifier: auditVerify,
    location: /审计日志在第 1000 条处断开/,
  },
  {
    name: '删除最后一个校验点之后的全部行',
    alter: (c) => void raw(c).prepare('DELETE FROM audit_log WHERE seq > ?').run(c.fx.rows - c.fx.trailing),
    verifier: auditVerify,
    location: (c) => literal(`锚点记录了 ${c.fx.rows} 条日志，数据库只有 ${c.fx.rows - c.fx.trailing} 条`),
  },
  {
    name: '删除最后几行和最后一个校验点（回到上一个校验点）',
    alter: (c) => {
      const db = raw(c);
      const keep = c.fx.checkpoints.at(-2) as CheckpointRecord;
      db.prepare('DELETE FROM audit_checkpoints WHERE seq > ?').run(keep.seq);
      db.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep.auditSeq);
    },
    verifier: auditVerify,
    location: (c) => literal(`本机锚点记录的校验点 #${last(c).seq} 不在数据库中`),
  },
  {
    name: '截断校验点已覆盖的行（校验点保留）',
    alter: (c) => void raw(c).prepare('DELETE FROM audit_log WHERE seq > ?').run((c.fx.checkpoints[1] as CheckpointRecord).auditSeq),
    verifier: auditVerify,
    location: (c) => literal(`${cpName(last(c).seq)}${last(c).at}）覆盖到第 ${last(c).auditSeq} 条日志，现在只有 ${(c.fx.checkpoints[1] as CheckpointRecord).auditSeq} 条`),
  },
  {
    name: '清空整个日志',
    alter: (c) => void raw(c).prepare('DELETE FROM audit_log').run(),
    verifier: auditVerify,
    location: /覆盖到第 \d+ 条日志，现在只有 0 条：日志被截断/,
  },
  {
    name: '在末尾追加一行格式正确的伪造行',
    alter: (c) => {
      const db = raw(c);
      const tail = [...iterateAuditRows(db)].at(-1) as AuditRow;
      const forged = { seq: tail.seq + 1, at: tail.at, actor: 'liqiang', actorId: idOf(db, 'liqiang'), action: 'items.get', register: '调阅' as const, objects: ['item:1@1'], result: 'ok' as const, detail: '' };
      db.prepare('INSERT INTO audit_log (seq, canonical, hash) VALUES (?, ?, ?)').run(forged.seq, canonicalAuditRow(forged), chainHash(tail.hash, canonicalAuditRow(forged)));
    },
    verifier: auditVerify,
    location: (c) => literal(`第 ${c.fx.rows} 条之后的 1 条日志不是本程序在本机写入的`),
  },
];

export const CHECKPOINT_CASES: readonly Case[] = [
  {
    name: '删除中间一个校验点',
    alter: (c) => void raw(c).prepare('DELETE FROM audit_checkpoints WHERE seq = 2').run(),
    verifier: auditVerify,
    location: /校验点序号不连续：缺少 #2/,
  },
  {
    name: '删除全部校验点',
    alter: (c) => void raw(c).prepare('DELETE FROM audit_checkpoints').run(),
    verifier: auditVerify,
    location: (c) => literal(`${c.fx.logouts.length} 次退出登录没有对应的签名校验点（第 ${c.fx.logouts[0]} 条`),
  },
  {
    name: '删除最后一个校验点（日志不动）',
    alter: (c) => void raw(c).prepare('DELETE FROM audit_checkpoints WHERE seq = ?').run(last(c).seq),
    verifier: auditVerify,
    location: (c) => literal(`1 次退出登录没有对应的签名校验点（第 ${c.fx.logouts.at(-1)} 条）`),
  },
  {
    name: '改动校验点所记的条数（签名不变）',
    alter: (c) => void updateCheckpoint(raw(c), 2, 'entries', 1),
    verifier: auditVerify,
    location: /校验点 #2（[^）]+）签名无效/,
  },
  {
    name: '改动校验点的签名值',
    alter: (c) => {
      const sig = Buffer.from((c.fx.checkpoints[1] as CheckpointRecord).signature, 'base64');
      sig[10] = (sig[10] ?? 0) ^ 1;
      updateCheckpoint(raw(c), 2, 'signature', sig.toString('base64'));
    },
    verifier: auditVerify,
    location: /校验点 #2（[^）]+）签名无效/,
  },
  {
    name: '改动校验点所记的前一校验点哈希',
    alter: (c) => void updateCheckpoint(raw(c), 2, 'prev_hash', 'f'.repeat(64)),
    verifier: auditVerify,
    location: /校验点 #2（[^）]+）与前一个校验点接不上/,
  },
  {
    name: '改动校验点自身的哈希',
    alter: (c) => void updateCheckpoint(raw(c), 2, 'hash', 'e'.repeat(64)),
    verifier: auditVerify,
    location: /校验点 #2（[^）]+）的哈希不符/,
  },
  {
    name: '交换两个校验点的序号',
    alter: (c) => {
      const db = raw(c);
      db.prepare('UPDATE audit_checkpoints SET seq = 100 WHERE seq = 1').run();
      db.prepare('UPDATE audit_checkpoints SET seq = 1 WHERE seq = 2').run();
      db.prepare('UPDATE audit_checkpoints SET seq = 2 WHERE seq = 100').run();
    },
    verifier: auditVerify,
    location: /校验点 #1（[^）]+）与前一个校验点接不上/,
  },
  {
    name: '改写历史后用另一账号的密钥（持其口令）重签全部校验点',
    alter: (c) => {
      const author = contextOf(c, 'liqiang').signer;
      if (!author) throw new Error('liqiang has no key');
      const db = raw(c);
      rewriteRows(db, 3, (r) => ({ ...r, detail: '改写' }));
      resignAll(db, c.fx.wsId, author);
    },
    verifier: auditVerify,
    location: /校验点 #\d+（[^）]+）的签名密钥 [0-9a-f]{16} 不属于签署人 aud/,
  },
  {
    name: '以另一账号的名义重签全部校验点（签署人一并改掉）',
    alter: (c) => {
      const author = contextOf(c, 'liqiang');
      if (!author.signer) throw new Error('liqiang has no key');
      const db = raw(c);
      rewriteRows(db, 3, (r) => ({ ...r, detail: '改写' }));
      resignAll(db, c.fx.wsId, author.signer, { id: author.actor.id as number, name: 'liqiang' });
    },
    verifier: auditVerify,
    location: (c) => new RegExp(`退出登录没有对应的签名校验点（第 (${c.fx.logouts.join('|')}) 条`),
  },
  {
    name: '改写历史后用自造密钥（自行认证）重签全部校验点',
    alter: (c) => {
      const db = raw(c);
      rewriteRows(db, 3, (r) => ({ ...r, detail: '改写' }));
      const forged = generateSigningKey();
      const keyId = keyIdOf(forged.publicKeyPem);
      c.notes.set('key', keyId);
      db.prepare(`INSERT INTO account_keys (key_id, account_id, public_key_pem, wrapped_key_pem, created_at, certified_by, certification) VALUES (?, ?, ?, '', ?, 'self', '')`)
        .run(keyId, idOf(db, 'aud'), forged.publicKeyPem, '2026-11-23T09:00:00.000Z');
      resignAll(db, c.fx.wsId, { keyId, privateKey: forged.privateKey });
    },
    verifier: auditVerify,
    location: (c) => literal(`签名密钥 ${c.notes.get('key') ?? '?'} 自行认证，但不是该账号的第一个密钥`),
  },
  {
    name: '就地替换全部账号公钥并重签（数据库内自洽）',
    alter: (c) => {
      const db = raw(c);
      rewriteRows(db, 3, (r) => ({ ...r, detail: '改写' }));
      const forged = generateSigningKey();
      const keyId = keyIdOf(forged.publicKeyPem);
      const keys = db.prepare('SELECT key_id, account_id, created_at FROM account_keys').all() as { key_id: string; account_id: number; created_at: string }[];
      keys.forEach((k, i) => {
        const id = i === 0 ? keyId : `f${String(i).padStart(15, '0')}`;
        const certification = signWith(forged.privateKey, JSON.stringify(['qbank-account-key/1', c.fx.wsId, id, k.account_id, forged.publicKeyPem, k.created_at]));
        db.prepare(`UPDATE account_keys SET key_id = ?, public_key_pem = ?, certified_by = 'self', certification = ? WHERE key_id = ?`).run(id, forged.publicKeyPem, certification, k.key_id);
      });
      resignAll(db, c.fx.wsId, { keyId, privateKey: forged.privateKey });
    },
    verifier: auditVerify,
    location: (c) => literal(`校验点 #${last(c).seq} 与本机锚点不符：校验点被重新签署`),
  },
];
