import type { Migration } from './index.js';

/** The free-text parts of a bank's submission (编制依据, 开发过程, 保密措施, 审核意见 …), as JSON. */
export const migration0130: Migration = {
  version: 130,
  name: 'submission-notes',
  sql: `
    CREATE TABLE submission_notes (
      bank_id    INTEGER PRIMARY KEY REFERENCES banks (id) ON DELETE RESTRICT,
      body       TEXT NOT NULL CHECK (json_valid(body)),
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;
  `,
};
