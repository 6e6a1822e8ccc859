import type { Migration } from './index.js';

/**
 * Items of every kind with immutable versions: an edit adds a version, papers pin versions, so a
 * version row is never updated or deleted (triggers enforce it).
 * binding = full 鉴定点 code (theory), 职业功能 code (practical) or '' (综合评审).
 */
export const migration0030: Migration = {
  version: 30,
  name: 'items',
  sql: `
    CREATE TABLE items (
      id              INTEGER PRIMARY KEY,
      bank_id         INTEGER NOT NULL REFERENCES banks (id) ON DELETE RESTRICT,
      kind            TEXT NOT NULL CHECK (kind IN ('theory', 'practical', 'comprehensive')),
      type            TEXT NOT NULL CHECK (type IN ('trueFalse', 'singleChoice', 'multipleChoice', 'practical', 'comprehensive')),
      binding         TEXT NOT NULL DEFAULT '',
      state           TEXT NOT NULL DEFAULT '草稿' CHECK (state IN ('草稿', '待审', '已审', '入库', '停用')),
      current_version INTEGER NOT NULL DEFAULT 1 CHECK (current_version >= 1),
      difficulty      INTEGER CHECK (difficulty BETWEEN 1 AND 5),
      created_at      TEXT NOT NULL,
      created_by      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX items_by_bank ON items (bank_id, kind, type, state);
    CREATE INDEX items_by_binding ON items (bank_id, binding);

    CREATE TABLE item_versions (
      item_id    INTEGER NOT NULL REFERENCES items (id) ON DELETE RESTRICT,
      version    INTEGER NOT NULL CHECK (version >= 1),
      body       TEXT NOT NULL CHECK (json_valid(body)),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      note       TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (item_id, version)
    ) STRICT;

    CREATE TRIGGER item_versions_immutable BEFORE UPDATE ON item_versions
    BEGIN SELECT RAISE(ABORT, '试题版本一经保存不可修改'); END;
    CREATE TRIGGER item_versions_permanent BEFORE DELETE ON item_versions
    BEGIN SELECT RAISE(ABORT, '试题版本不可删除'); END;
  `,
};
