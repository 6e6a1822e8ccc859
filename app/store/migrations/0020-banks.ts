import type { Migration } from './index.js';

/**
 * Banks (one per occupation × track × level) and their element tables: theory 细目表 and practical
 * 内容结构表, each saved as a new version (JSON validated by the domain before it is written).
 */
export const migration0020: Migration = {
  version: 20,
  name: 'banks',
  sql: `
    CREATE TABLE banks (
      id              INTEGER PRIMARY KEY,
      name            TEXT NOT NULL,
      occupation_code TEXT NOT NULL,
      occupation_name TEXT NOT NULL,
      track           TEXT NOT NULL DEFAULT '',
      level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
      secrecy         TEXT NOT NULL CHECK (json_valid(secrecy)),
      is_sample       INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
      created_at      TEXT NOT NULL,
      created_by      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      UNIQUE (occupation_code, track, level)
    ) STRICT;

    CREATE TABLE element_tables (
      id         INTEGER PRIMARY KEY,
      bank_id    INTEGER NOT NULL REFERENCES banks (id) ON DELETE RESTRICT,
      kind       TEXT NOT NULL CHECK (kind IN ('theory', 'practical')),
      version    INTEGER NOT NULL CHECK (version >= 1),
      body       TEXT NOT NULL CHECK (json_valid(body)),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      UNIQUE (bank_id, kind, version)
    ) STRICT;
  `,
};
