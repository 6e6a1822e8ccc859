import type { Migration } from './index.js';

/**
 * Accounts with roles, password history and lockout state. The 三员 separation (安全审计员 never
 * together with 系统管理员 or 安全保密管理员) is enforced here too, so no code path can break it.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'accounts',
  sql: `
    CREATE TABLE accounts (
      id                   INTEGER PRIMARY KEY,
      username             TEXT NOT NULL UNIQUE,
      display_name         TEXT NOT NULL,
      password_hash        TEXT NOT NULL,
      password_changed_at  TEXT NOT NULL,
      must_change_password INTEGER NOT NULL DEFAULT 1 CHECK (must_change_password IN (0, 1)),
      failures             INTEGER NOT NULL DEFAULT 0,
      locked_until         TEXT NOT NULL DEFAULT '',
      disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      person_id            INTEGER REFERENCES people (id) ON DELETE RESTRICT,
      created_at           TEXT NOT NULL,
      created_by           TEXT NOT NULL
    ) STRICT;

    CREATE TABLE account_roles (
      account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
      role       TEXT NOT NULL CHECK (role IN ('sysadmin', 'secadmin', 'auditor', 'manager', 'author', 'reviewer')),
      granted_at TEXT NOT NULL,
      granted_by TEXT NOT NULL,
      PRIMARY KEY (account_id, role)
    ) STRICT;

    CREATE TRIGGER account_roles_separation BEFORE INSERT ON account_roles
    WHEN (NEW.role = 'auditor' AND EXISTS (SELECT 1 FROM account_roles WHERE account_id = NEW.account_id AND role IN ('sysadmin', 'secadmin')))
      OR (NEW.role IN ('sysadmin', 'secadmin') AND EXISTS (SELECT 1 FROM account_roles WHERE account_id = NEW.account_id AND role = 'auditor'))
    BEGIN SELECT RAISE(ABORT, '三员分立：安全审计员不能兼任系统管理员或安全保密管理员'); END;

    CREATE TABLE password_history (
      id            INTEGER PRIMARY KEY,
      account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
      password_hash TEXT NOT NULL,
      changed_at    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX password_history_by_account ON password_history (account_id, id);
  `,
};
