import type { Migration } from './index.js';

/** Who may work on which bank, and as what (题库管理员, 命题人员, 审核专家). */
export const migration0070: Migration = {
  version: 70,
  name: 'bank-members',
  sql: `
    CREATE TABLE bank_members (
      bank_id    INTEGER NOT NULL REFERENCES banks (id) ON DELETE RESTRICT,
      account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
      role       TEXT NOT NULL CHECK (role IN ('manager', 'author', 'reviewer')),
      granted_at TEXT NOT NULL,
      granted_by TEXT NOT NULL,
      PRIMARY KEY (bank_id, account_id, role)
    ) STRICT;
    CREATE INDEX bank_members_by_account ON bank_members (account_id);
  `,
};
