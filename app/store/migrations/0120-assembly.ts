import type { Migration } from './index.js';

/**
 * Paper assembly (组卷): the paper structure per bank and kind, item statistics (difficulty index p),
 * assembly runs with their parameters and certificates, and the papers (sets) they produced, each
 * pinning item versions. An approved (已审定) paper is locked: its items and figures never change; it
 * can only be voided (已作废). Paper items are written once, when the paper is created.
 */
export const migration0120: Migration = {
  version: 120,
  name: 'assembly',
  sql: `
    CREATE TABLE paper_structures (
      bank_id    INTEGER NOT NULL REFERENCES banks (id) ON DELETE RESTRICT,
      kind       TEXT NOT NULL CHECK (kind IN ('theory', 'practical', 'comprehensive')),
      body       TEXT NOT NULL CHECK (json_valid(body)),
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      PRIMARY KEY (bank_id, kind)
    ) STRICT;

    CREATE TABLE item_statistics (
      item_id        INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE RESTRICT,
      p              REAL NOT NULL CHECK (p >= 0 AND p <= 1),
      discrimination REAL CHECK (discrimination IS NULL OR (discrimination >= -1 AND discrimination <= 1)),
      sample_size    INTEGER NOT NULL CHECK (sample_size >= 1),
      source         TEXT NOT NULL DEFAULT '',
      updated_at     TEXT NOT NULL,
      updated_by     TEXT NOT NULL
    ) STRICT;

    CREATE TABLE assembly_runs (
      id         INTEGER PRIMARY KEY,
      bank_id    INTEGER NOT NULL REFERENCES banks (id) ON DELETE RESTRICT,
      kind       TEXT NOT NULL CHECK (kind IN ('theory', 'practical', 'comprehensive')),
      settings   TEXT NOT NULL CHECK (json_valid(settings)),
      result     TEXT NOT NULL CHECK (json_valid(result)),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX assembly_runs_by_bank ON assembly_runs (bank_id, kind, id);

    CREATE TABLE papers (
      id           INTEGER PRIMARY KEY,
      bank_id      INTEGER NOT NULL REFERENCES banks (id) ON DELETE RESTRICT,
      run_id       INTEGER NOT NULL REFERENCES assembly_runs (id) ON DELETE RESTRICT,
      kind         TEXT NOT NULL CHECK (kind IN ('theory', 'practical', 'comprehensive')),
      set_label    TEXT NOT NULL,
      status       TEXT NOT NULL DEFAULT '草稿' CHECK (status IN ('草稿', '已审定', '已作废')),
      minutes      INTEGER NOT NULL CHECK (minutes >= 1),
      total_points REAL NOT NULL,
      stats        TEXT NOT NULL CHECK (json_valid(stats)),
      created_at   TEXT NOT NULL,
      created_by   TEXT NOT NULL,
      approved_at  TEXT,
      approved_by  TEXT,
      voided_at    TEXT,
      voided_by    TEXT,
      note         TEXT NOT NULL DEFAULT '',
      UNIQUE (run_id, set_label)
    ) STRICT;
    CREATE INDEX papers_by_bank ON papers (bank_id, kind, status);

    CREATE TABLE paper_items (
      paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE RESTRICT,
      position INTEGER NOT NULL CHECK (position >= 1),
      section  TEXT NOT NULL,
      item_id  INTEGER NOT NULL,
      version  INTEGER NOT NULL,
      points   REAL NOT NULL CHECK (points > 0),
      PRIMARY KEY (paper_id, position),
      UNIQUE (paper_id, item_id),
      FOREIGN KEY (item_id, version) REFERENCES item_versions (item_id, version) ON DELETE RESTRICT
    ) STRICT;
    CREATE INDEX paper_items_by_item ON paper_items (item_id);

    CREATE TRIGGER paper_items_immutable BEFORE UPDATE ON paper_items
    BEGIN SELECT RAISE(ABORT, '试卷的试题一经组成不可修改'); END;
    CREATE TRIGGER paper_items_permanent BEFORE DELETE ON paper_items
    BEGIN SELECT RAISE(ABORT, '试卷的试题不可删除'); END;
    CREATE TRIGGER paper_items_only_drafts BEFORE INSERT ON paper_items
    WHEN (SELECT status FROM papers WHERE id = NEW.paper_id) IS NOT '草稿'
    BEGIN SELECT RAISE(ABORT, '只能向草稿试卷加入试题'); END;

    CREATE TRIGGER papers_permanent BEFORE DELETE ON papers
    BEGIN SELECT RAISE(ABORT, '试卷不可删除，只能作废'); END;
    CREATE TRIGGER papers_locked BEFORE UPDATE ON papers
    WHEN OLD.status <> '草稿' AND (
      NEW.status NOT IN (OLD.status, '已作废') OR OLD.status = '已作废'
      OR NEW.stats IS NOT OLD.stats OR NEW.minutes IS NOT OLD.minutes OR NEW.total_points IS NOT OLD.total_points
      OR NEW.set_label IS NOT OLD.set_label OR NEW.run_id IS NOT OLD.run_id OR NEW.bank_id IS NOT OLD.bank_id
      OR NEW.approved_at IS NOT OLD.approved_at OR NEW.approved_by IS NOT OLD.approved_by)
    BEGIN SELECT RAISE(ABORT, '试卷已审定或已作废，不可修改'); END;
    CREATE TRIGGER papers_draft_fields BEFORE UPDATE ON papers
    WHEN OLD.status = '草稿' AND (NEW.stats IS NOT OLD.stats OR NEW.run_id IS NOT OLD.run_id OR NEW.set_label IS NOT OLD.set_label OR NEW.bank_id IS NOT OLD.bank_id)
    BEGIN SELECT RAISE(ABORT, '试卷的组成不可修改'); END;
  `,
};
