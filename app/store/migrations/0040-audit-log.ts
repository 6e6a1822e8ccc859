import { appendOnlyTriggers } from './append-only.js';
import type { Migration } from './index.js';

/**
 * The access log (规程第十四条: 调阅、组卷、销毁、存档 登记), append-only and hash-chained:
 * hash = SHA-256(prev_hash ‖ canonical row), computed by the audit service. Triggers refuse UPDATE
 * and DELETE; INSERT OR REPLACE is refused too because, with recursive_triggers=ON (set on every
 * connection), its implicit delete fires the delete trigger; a gap or reuse of seq is refused.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'audit-log',
  sql: `
    CREATE TABLE audit_log (
      seq       INTEGER PRIMARY KEY,
      at        TEXT NOT NULL,
      actor     TEXT NOT NULL,
      actor_id  INTEGER,
      action    TEXT NOT NULL,
      register  TEXT NOT NULL DEFAULT '',
      objects   TEXT NOT NULL CHECK (json_valid(objects)),
      result    TEXT NOT NULL CHECK (result IN ('ok', 'refused', 'error')),
      detail    TEXT NOT NULL DEFAULT '',
      prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
      hash      TEXT NOT NULL CHECK (length(hash) = 64)
    ) STRICT;

    ${appendOnlyTriggers('audit_log', '审计日志')}
  `,
};
