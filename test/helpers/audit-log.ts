/** What an attacker with the workstation passphrase can do to the access log with raw SQL. */
import { canonicalAuditRow, GENESIS_HASH } from '../../app/domain/audit.js';
import type { WritableDB } from '../../app/store/database.js';
import { iterateAuditRows } from '../../app/store/repositories/audit-log.js';
import { chainHash } from '../../crypto/hash-chain.js';

/** Drops every append-only guard of the log, its checkpoints and the account keys. */
export function dropLogGuards(db: WritableDB): void {
  db.exec(`
    DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; DROP TRIGGER IF EXISTS audit_log_sequential;
    DROP TRIGGER IF EXISTS audit_checkpoints2_no_update; DROP TRIGGER IF EXISTS audit_checkpoints2_no_delete; DROP TRIGGER IF EXISTS audit_checkpoints2_sequential;
    DROP TRIGGER IF EXISTS account_keys_no_delete; DROP TRIGGER IF EXISTS account_keys_fixed;`);
}

/** Rewrites the detail of row `seq` and recomputes every later hash, so that the chain holds again. */
export function rewriteLogFrom(db: WritableDB, seq: number, detail: string): void {
  const rows = [...iterateAuditRows(db)];
  let prev = rows[seq - 2]?.hash ?? GENESIS_HASH;
  for (const row of rows.slice(seq - 1)) {
    const { prevHash: _p, hash: _h, ...rest } = row;
    const edited = row.seq === seq ? { ...rest, detail } : rest;
    const hash = chainHash(prev, canonicalAuditRow(edited));
    db.prepare('UPDATE audit_log SET canonical = ?, hash = ? WHERE seq = ?').run(canonicalAuditRow(edited), hash, row.seq);
    prev = hash;
  }
}

/** The access log's rows in order, as the tests compare them. */
export function auditRows(ctx: { db: WritableDB }): { action: string; register: string; objects: string; result: string; detail: string }[] {
  return ctx.db.prepare('SELECT action, register, objects, result, detail FROM audit_log ORDER BY seq').all() as ReturnType<typeof auditRows>;
}
