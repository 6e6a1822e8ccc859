import type { Migration } from './index.js';

/**
 * The review workflow of items: every state change (草稿 → 待审 → 已审 → 入库 → 停用, and back) with who
 * made it, when, on which version, and the comment. Append-only, like the versions themselves.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'item-workflow',
  sql: `
    CREATE TABLE item_transitions (
      id         INTEGER PRIMARY KEY,
      item_id    INTEGER NOT NULL REFERENCES items (id) ON DELETE RESTRICT,
      version    INTEGER NOT NULL,
      from_state TEXT NOT NULL CHECK (from_state IN ('', '草稿', '待审', '已审', '入库', '停用')),
      to_state   TEXT NOT NULL CHECK (to_state IN ('草稿', '待审', '已审', '入库', '停用')),
      comment    TEXT NOT NULL DEFAULT '',
      at         TEXT NOT NULL,
      by         TEXT NOT NULL
    ) STRICT;
    CREATE INDEX item_transitions_by_item ON item_transitions (item_id, id);
    CREATE TRIGGER item_transitions_immutable BEFORE UPDATE ON item_transitions
    BEGIN SELECT RAISE(ABORT, '审核记录不可修改'); END;
    CREATE TRIGGER item_transitions_permanent BEFORE DELETE ON item_transitions
    BEGIN SELECT RAISE(ABORT, '审核记录不可删除'); END;

    -- Items that existed before: one transition each, for the state they were created in.
    INSERT INTO item_transitions (item_id, version, from_state, to_state, comment, at, by)
      SELECT id, current_version, '', state, '建立', created_at, created_by FROM items;
  `,
};
