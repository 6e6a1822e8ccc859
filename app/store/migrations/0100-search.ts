import type { Migration } from './index.js';

/**
 * Full-text search of item text (issue [C] part 7). Most Chinese search terms are one or two
 * characters (投影, 尺寸, 公差), which FTS5's trigram tokenizer cannot look up, and counting a common
 * term through FTS5 plus a join to `items` costs about 1 µs per matching row. So the index is a plain
 * B-tree of grams, keyed by bank first, so that a term of one bank is one contiguous key range that
 * SQLite counts at index speed:
 *
 * - `search_grams (bank_id, gram, item_id)`: every distinct unigram and bigram of the item's
 *   normalised text (NFKC, lower case, whitespace and control characters removed; see
 *   repositories/search.ts), plus *attribute grams* that start with U+0001 (which normalised text
 *   never contains): `\x01*` (every item of the bank), `\x01type=…`, `\x01state=…`,
 *   `\x01difficulty=…`, `\x01version=…` (current version) and `\x01element=…` for the binding and
 *   each of its prefixes (`B`, `B-A`, `B-A-A`, `B-A-A-001`). A query intersects key ranges: the
 *   smallest drives, the others are probed by primary key.
 * - `search_text (item_id, text)`: the normalised text last indexed, used to verify terms of three
 *   or more characters (their bigrams only narrow the candidates) and to remove exactly the grams an
 *   item had when its text changes. Item text is already in `item_versions` of the same encrypted
 *   file; secure_delete wipes what is deleted.
 *
 * Text grams are written by the repository on every save of a version; attribute grams follow the
 * `items` row through the triggers below, so a state change needs no re-indexing. Items that
 * existed before this migration get their attribute grams here; their text must be indexed once by
 * the service (replaceSearchText for each item's current version).
 */
export const migration0100: Migration = {
  version: 100,
  name: 'search',
  sql: `
    CREATE TABLE search_grams (
      bank_id INTEGER NOT NULL,
      gram    TEXT NOT NULL,
      item_id INTEGER NOT NULL,
      PRIMARY KEY (bank_id, gram, item_id)
    ) WITHOUT ROWID, STRICT;

    CREATE TABLE search_text (
      item_id INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
      text    TEXT NOT NULL
    ) STRICT;

    -- The attribute grams of every item, derived from its row (one place for the triggers and the
    -- back-fill). Element prefixes end before each '-' of the binding (codes like B-A-A-001; the
    -- first 64 characters are looked at).
    CREATE VIEW search_item_attributes (item_id, bank_id, gram) AS
      WITH RECURSIVE positions (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM positions WHERE n < 64)
      SELECT id, bank_id, char(1) || '*' FROM items
      UNION ALL SELECT id, bank_id, char(1) || 'type=' || type FROM items
      UNION ALL SELECT id, bank_id, char(1) || 'state=' || state FROM items
      UNION ALL SELECT id, bank_id, char(1) || 'difficulty=' || difficulty FROM items WHERE difficulty IS NOT NULL
      UNION ALL SELECT id, bank_id, char(1) || 'version=' || current_version FROM items
      UNION ALL SELECT id, bank_id, char(1) || 'element=' || binding FROM items WHERE binding <> ''
      UNION ALL SELECT i.id, i.bank_id, char(1) || 'element=' || substr(i.binding, 1, p.n - 1)
        FROM items i JOIN positions p ON p.n > 1 AND p.n <= length(i.binding) AND substr(i.binding, p.n, 1) = '-';

    INSERT INTO search_grams (bank_id, gram, item_id)
      SELECT DISTINCT bank_id, gram, item_id FROM search_item_attributes;

    CREATE TRIGGER search_items_insert AFTER INSERT ON items
    BEGIN
      INSERT OR IGNORE INTO search_grams (bank_id, gram, item_id)
        SELECT bank_id, gram, item_id FROM search_item_attributes WHERE item_id = new.id;
    END;

    CREATE TRIGGER search_items_before_update BEFORE UPDATE OF bank_id, type, state, difficulty, binding, current_version ON items
    BEGIN
      DELETE FROM search_grams WHERE bank_id = old.bank_id AND item_id = old.id
        AND gram IN (SELECT gram FROM search_item_attributes WHERE item_id = old.id);
    END;

    -- A bank change (never done by the program) moves the text grams with a scan of the old bank.
    CREATE TRIGGER search_items_after_update AFTER UPDATE OF bank_id, type, state, difficulty, binding, current_version ON items
    BEGIN
      UPDATE search_grams SET bank_id = new.bank_id
        WHERE new.bank_id <> old.bank_id AND bank_id = old.bank_id AND item_id = old.id;
      INSERT OR IGNORE INTO search_grams (bank_id, gram, item_id)
        SELECT bank_id, gram, item_id FROM search_item_attributes WHERE item_id = new.id;
    END;

    CREATE TRIGGER search_items_delete BEFORE DELETE ON items
    BEGIN
      DELETE FROM search_grams WHERE bank_id = old.bank_id AND item_id = old.id;
    END;
  `,
};
