import type { Migration } from './index.js';

/**
 * Exam results and item analysis (issue [L]):
 * - sittings: one exam sitting of one stored paper (its pinned item versions), with the paper's
 *   statistics as computed at import (JSON); the same file is not imported twice for a paper.
 * - sitting_responses: each candidate's normalised responses (JSON array, one per paper position),
 *   under a pseudonym only — `C0001…`, or a keyed hash (HMAC-SHA-256 with this workstation's
 *   pseudonym key) when the sheet gave an identifier; names and ID numbers are never stored.
 * - sitting_item_stats: per item version and sitting, the classical statistics and the flags.
 * All three are fixed once written: a wrong import is corrected by another sitting, not an edit.
 */
export const migration0210: Migration = {
  version: 210,
  name: 'results',
  sql: `
    CREATE TABLE sittings (
      id            INTEGER PRIMARY KEY,
      bank_id       INTEGER NOT NULL REFERENCES banks (id) ON DELETE RESTRICT,
      paper_id      INTEGER NOT NULL REFERENCES papers (id) ON DELETE RESTRICT,
      label         TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
      held_on       TEXT NOT NULL,
      candidates    INTEGER NOT NULL CHECK (candidates >= 1),
      source_sha256 TEXT NOT NULL CHECK (length(source_sha256) = 64),
      statistics    TEXT NOT NULL CHECK (json_valid(statistics)),
      imported_at   TEXT NOT NULL,
      imported_by   TEXT NOT NULL,
      UNIQUE (paper_id, source_sha256)
    ) STRICT;
    CREATE INDEX sittings_by_bank ON sittings (bank_id);

    CREATE TABLE sitting_responses (
      sitting_id INTEGER NOT NULL REFERENCES sittings (id) ON DELETE RESTRICT,
      seq        INTEGER NOT NULL CHECK (seq >= 1),
      candidate  TEXT NOT NULL,
      responses  TEXT NOT NULL CHECK (json_valid(responses)),
      PRIMARY KEY (sitting_id, seq)
    ) STRICT;

    CREATE TABLE sitting_item_stats (
      sitting_id     INTEGER NOT NULL REFERENCES sittings (id) ON DELETE RESTRICT,
      item_id        INTEGER NOT NULL,
      version        INTEGER NOT NULL,
      position       INTEGER NOT NULL CHECK (position >= 1),
      n              INTEGER NOT NULL CHECK (n >= 1),
      p              REAL NOT NULL CHECK (p >= 0 AND p <= 1),
      point_biserial REAL CHECK (point_biserial IS NULL OR (point_biserial >= -1 AND point_biserial <= 1)),
      discrimination REAL NOT NULL CHECK (discrimination >= -1 AND discrimination <= 1),
      omit_rate      REAL NOT NULL CHECK (omit_rate >= 0 AND omit_rate <= 1),
      options        TEXT NOT NULL CHECK (json_valid(options)),
      flags          TEXT NOT NULL CHECK (json_valid(flags)),
      PRIMARY KEY (sitting_id, item_id),
      FOREIGN KEY (item_id, version) REFERENCES item_versions (item_id, version) ON DELETE RESTRICT
    ) STRICT;
    CREATE INDEX sitting_item_stats_by_item ON sitting_item_stats (item_id, version);

    CREATE TRIGGER sittings_fixed BEFORE UPDATE ON sittings BEGIN SELECT RAISE(ABORT, '考试结果一经导入不可修改'); END;
    CREATE TRIGGER sittings_permanent BEFORE DELETE ON sittings BEGIN SELECT RAISE(ABORT, '考试结果不可删除'); END;
    CREATE TRIGGER sitting_responses_fixed BEFORE UPDATE ON sitting_responses BEGIN SELECT RAISE(ABORT, '考试结果一经导入不可修改'); END;
    CREATE TRIGGER sitting_responses_permanent BEFORE DELETE ON sitting_responses BEGIN SELECT RAISE(ABORT, '考试结果不可删除'); END;
    CREATE TRIGGER sitting_item_stats_fixed BEFORE UPDATE ON sitting_item_stats BEGIN SELECT RAISE(ABORT, '考试结果一经导入不可修改'); END;
    CREATE TRIGGER sitting_item_stats_permanent BEFORE DELETE ON sitting_item_stats BEGIN SELECT RAISE(ABORT, '考试结果不可删除'); END;
  `,
};
