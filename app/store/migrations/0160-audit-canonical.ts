import { appendOnlyTriggers } from './append-only.js';
import type { Migration } from './index.js';

/**
 * Each access-log row is stored as the very text that was hashed: `canonical` (the JSON array of
 * domain/audit.ts canonicalAuditRow), and the familiar columns become generated from it. A column can
 * no longer say something other than what the hash covers, and verification reads one text per row
 * instead of assembling it (issue [S]: verify 1,000,000 rows ≤ 1.5 s; scripts/bench/audit.mjs).
 * `prev_hash` is no longer stored: it is by definition the hash of the row before (readers get it
 * from there), and verification always computed each link from that row anyway.
 * Existing rows are carried over with json_array, which writes the same text as JSON.stringify for
 * everything the program stores (test/integration/store/audit-canonical.test.ts), so their hashes still
 * hold; a row changed before the upgrade still fails its hash afterwards.
 */
export const migration0160: Migration = {
  version: 160,
  name: 'audit-canonical',
  sql: `
    CREATE TABLE audit_log_canonical (
      seq       INTEGER PRIMARY KEY,
      canonical TEXT NOT NULL CHECK (json_valid(canonical) AND json_type(canonical) = 'array' AND json_array_length(canonical) = 9
                                     AND json_extract(canonical, '$[0]') = seq),
      hash      TEXT NOT NULL CHECK (length(hash) = 64),
      at        TEXT GENERATED ALWAYS AS (json_extract(canonical, '$[1]')) VIRTUAL,
      actor     TEXT GENERATED ALWAYS AS (json_extract(canonical, '$[2]')) VIRTUAL,
      actor_id  INTEGER GENERATED ALWAYS AS (json_extract(canonical, '$[3]')) VIRTUAL,
      action    TEXT GENERATED ALWAYS AS (json_extract(canonical, '$[4]')) VIRTUAL,
      register  TEXT GENERATED ALWAYS AS (json_extract(canonical, '$[5]')) VIRTUAL,
      objects   TEXT GENERATED ALWAYS AS (json_extract(canonical, '$[6]')) VIRTUAL,
      result    TEXT GENERATED ALWAYS AS (json_extract(canonical, '$[7]')) VIRTUAL,
      detail    TEXT GENERATED ALWAYS AS (json_extract(canonical, '$[8]')) VIRTUAL
    ) STRICT;

    INSERT INTO audit_log_canonical (seq, canonical, hash)
      SELECT seq, json_array(seq, at, actor, actor_id, action, register, json(objects), result, detail), hash
      FROM audit_log ORDER BY seq;

    DROP TABLE audit_log;
    ALTER TABLE audit_log_canonical RENAME TO audit_log;

    -- verification pairs every logout with its checkpoint without reading every row
    CREATE INDEX audit_log_action ON audit_log (action);

    ${appendOnlyTriggers('audit_log', '审计日志')}
  `,
};
