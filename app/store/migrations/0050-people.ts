import type { Migration } from './index.js';

/**
 * 涉密人员登记 and 保密责任书 (规程第七条): people with their work types and the 参与培训/辅导 flag
 * (第十五条), and their signed pledges (optionally with the scanned document and its SHA-256).
 */
export const migration0050: Migration = {
  version: 50,
  name: 'people',
  sql: `
    CREATE TABLE people (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL,
      unit        TEXT NOT NULL,
      title       TEXT NOT NULL DEFAULT '',
      position    TEXT NOT NULL DEFAULT '',
      phone       TEXT NOT NULL,
      specialty   TEXT NOT NULL DEFAULT '',
      work_types  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(work_types)),
      expert_role TEXT NOT NULL DEFAULT '' CHECK (expert_role IN ('', '方法专家', '内容专家', '实际工作专家')),
      trainer     INTEGER NOT NULL DEFAULT 0 CHECK (trainer IN (0, 1)),
      created_at  TEXT NOT NULL,
      created_by  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE pledges (
      id            INTEGER PRIMARY KEY,
      person_id     INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
      signed_on     TEXT NOT NULL,
      expires_on    TEXT NOT NULL,
      scope         TEXT NOT NULL,
      scan          BLOB,
      scan_sha256   TEXT NOT NULL DEFAULT '',
      registered_at TEXT NOT NULL,
      registered_by TEXT NOT NULL,
      CHECK (expires_on > signed_on)
    ) STRICT;
    CREATE INDEX pledges_by_person ON pledges (person_id);
  `,
};
