import { appendOnlyTriggers } from './append-only.js';
import type { Migration } from './index.js';

/**
 * Audit checkpoints signed by per-account keys (issue [S]: the workstation passphrase alone must not
 * be able to forge or roll back the log).
 * - `account_keys`: each account's Ed25519 key, the private half wrapped by the account's own
 *   password; certified by the administrator who created it (or self-certified for the 三员 made at
 *   first run). Rows are never deleted; only the wrapping (password change) and retirement change.
 * - `audit_checkpoints` is rebuilt as a chain of its own: continuous `seq`, each row carrying the
 *   hash of the previous checkpoint, its signer and key. The checkpoints of schema 80 (signed with
 *   the workstation key, which the passphrase opens) are kept, frozen, as `audit_checkpoints_v1`
 *   and no longer count as proof; the workstation key's private half is removed.
 * - `audit.nameKey`: the key of the HMAC under which unknown user names are logged.
 */
export const migration0150: Migration = {
  version: 150,
  name: 'account-keys',
  sql: `
    CREATE TABLE account_keys (
      key_id          TEXT PRIMARY KEY CHECK (length(key_id) = 16),
      account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
      public_key_pem  TEXT NOT NULL,
      wrapped_key_pem TEXT NOT NULL,
      created_at      TEXT NOT NULL,
      certified_by    TEXT NOT NULL,
      certification   TEXT NOT NULL,
      retired_at      TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX account_keys_account ON account_keys (account_id, retired_at);
    CREATE TRIGGER account_keys_no_delete BEFORE DELETE ON account_keys
    BEGIN SELECT RAISE(ABORT, '账号签名密钥不能删除'); END;
    CREATE TRIGGER account_keys_fixed BEFORE UPDATE ON account_keys
    WHEN NEW.key_id IS NOT OLD.key_id OR NEW.account_id IS NOT OLD.account_id OR NEW.public_key_pem IS NOT OLD.public_key_pem
      OR NEW.created_at IS NOT OLD.created_at OR NEW.certified_by IS NOT OLD.certified_by OR NEW.certification IS NOT OLD.certification
      OR (OLD.retired_at <> '' AND NEW.retired_at IS NOT OLD.retired_at)
    BEGIN SELECT RAISE(ABORT, '账号签名密钥只能重新加密或停用'); END;

    ALTER TABLE audit_checkpoints RENAME TO audit_checkpoints_v1;

    CREATE TABLE audit_checkpoints (
      seq           INTEGER PRIMARY KEY,
      prev_hash     TEXT NOT NULL CHECK (length(prev_hash) = 64),
      audit_seq     INTEGER NOT NULL,
      audit_hash    TEXT NOT NULL CHECK (length(audit_hash) = 64),
      entries       INTEGER NOT NULL,
      at            TEXT NOT NULL,
      reason        TEXT NOT NULL CHECK (reason IN ('init', 'logout', 'export', 'demand', 'verify', 'rekey')),
      signer_id     INTEGER NOT NULL,
      signer        TEXT NOT NULL,
      key_id        TEXT NOT NULL,
      countersigns  INTEGER,
      signature     TEXT NOT NULL,
      hash          TEXT NOT NULL CHECK (length(hash) = 64)
    ) STRICT;
    ${appendOnlyTriggers('audit_checkpoints', '审计校验点', 'audit_checkpoints2')}

    DELETE FROM settings WHERE key = 'audit.privateKey';
    INSERT INTO settings (key, value) VALUES ('audit.nameKey', lower(hex(randomblob(32))))
      ON CONFLICT (key) DO NOTHING;
  `,
};
