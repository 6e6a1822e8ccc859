import type { Migration } from './index.js';

/**
 * Signed checkpoints of the access log: (seq, hash, entries, time) signed with the workstation's
 * audit key at logout, on export and on demand. Append-only like the log itself.
 */
export const migration0080: Migration = {
  version: 80,
  name: 'audit-checkpoints',
  sql: `
    CREATE TABLE audit_checkpoints (
      id         INTEGER PRIMARY KEY,
      audit_seq  INTEGER NOT NULL,
      audit_hash TEXT NOT NULL CHECK (length(audit_hash) = 64),
      entries    INTEGER NOT NULL,
      at         TEXT NOT NULL,
      reason     TEXT NOT NULL CHECK (reason IN ('logout', 'export', 'demand')),
      signature  TEXT NOT NULL,
      key_id     TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
    BEGIN SELECT RAISE(ABORT, '审计校验点只能追加，不能修改'); END;
    CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
    BEGIN SELECT RAISE(ABORT, '审计校验点只能追加，不能删除'); END;
  `,
};
