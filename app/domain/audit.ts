/**
 * Access-log entries (规程第十四条: 调阅、组卷、销毁、存档 必须登记) and their canonical encoding for
 * the hash chain h_i = SHA-256(h_{i-1} ‖ canonical(row_i)) (cf. RFC 9162 §2.1 for hashing log entries).
 * Entries name objects by id, never carry item text.
 */

/** Registers the 审计员 prints; '' for entries that belong to no register. */
export const AUDIT_REGISTERS = ['调阅', '组卷', '销毁', '存档', '登录', '权限', '拒绝', ''] as const;
export type AuditRegister = (typeof AUDIT_REGISTERS)[number];

export const AUDIT_RESULTS = ['ok', 'refused', 'error'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export const GENESIS_HASH = '0'.repeat(64);

/** What a service records about one operation. */
export interface AuditEvent {
  readonly action: string;
  readonly register: AuditRegister;
  /** Object references such as `bank:1`, `item:42@3`, `file:submission/01_题库编制说明.docx`. */
  readonly objects: readonly string[];
  readonly result: AuditResult;
  /** Short reason or summary; never secret content. */
  readonly detail: string;
}

/** One stored row of the log. */
export interface AuditRow extends AuditEvent {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly actorId: number | null;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * Text as SQLite stores it: a lone UTF-16 surrogate cannot be encoded in UTF-8, so it becomes
 * U+FFFD before the row is hashed (the verifier reads the stored text back).
 */
export function wellFormedText(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Canonical encoding of a row for hashing: a JSON array in fixed field order (no whitespace,
 * UTF-8), so the same row always hashes to the same value on every platform.
 */
export function canonicalAuditRow(row: Omit<AuditRow, 'prevHash' | 'hash'>): string {
  return JSON.stringify([
    row.seq,
    row.at,
    row.actor,
    row.actorId,
    row.action,
    row.register,
    [...row.objects],
    row.result,
    row.detail,
  ]);
}
