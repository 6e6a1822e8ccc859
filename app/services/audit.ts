/**
 * The audit choke point: every service call is recorded here through `invoke` (handlers.ts), and
 * so is every file written (output.ts). Rows are chained: hash = SHA-256(prev ‖ canonical row).
 */
import { canonicalAuditRow, GENESIS_HASH, type AuditEvent, type AuditRow } from '../domain/audit.js';
import { chainHash, firstBrokenLink } from '../../crypto/hash-chain.js';
import { inTransaction, type ReadableDB } from '../store/database.js';
import { appendAuditRow, countAuditRows, iterateAuditRows, lastAuditRow } from '../store/repositories/audit-log.js';
import { timestamp, type ServiceContext } from './context.js';

/** Appends one event for the context's actor; returns the stored row. */
export function recordAudit(ctx: ServiceContext, event: AuditEvent): AuditRow {
  return inTransaction(ctx.db, () => {
    const last = lastAuditRow(ctx.db);
    const base = {
      seq: (last?.seq ?? 0) + 1,
      at: timestamp(ctx),
      actor: ctx.actor.username,
      actorId: ctx.actor.id,
      action: event.action,
      register: event.register,
      objects: [...event.objects],
      result: event.result,
      detail: event.detail.slice(0, 500),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const row: AuditRow = { ...base, prevHash, hash: chainHash(prevHash, canonicalAuditRow(base)) };
    appendAuditRow(ctx.db, row);
    return row;
  });
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  /** Hash of the last row (the chain head), GENESIS_HASH when empty. */
  readonly head: string;
  /** seq of the first row whose link is broken, when not ok. */
  readonly brokenAt?: number;
}

/** Recomputes the whole chain, streaming the rows. */
export function verifyAuditChain(db: ReadableDB): AuditVerification {
  let head = GENESIS_HASH;
  let entries = 0;
  let brokenAt: number | undefined;
  const links = (function* () {
    for (const row of iterateAuditRows(db)) {
      const { prevHash, hash, ...rest } = row;
      entries += 1;
      head = hash;
      brokenAt = row.seq;
      yield { prevHash, hash, canonical: canonicalAuditRow(rest) };
    }
  })();
  const broken = firstBrokenLink(links, GENESIS_HASH);
  if (broken >= 0) return { ok: false, entries: countAuditRows(db), head, brokenAt: brokenAt ?? broken + 1 };
  return { ok: true, entries, head };
}
