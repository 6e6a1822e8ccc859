import type { Migration } from './index.js';

/**
 * Search index, second form (replaces the trigram postings of migration 0100). Migration 0100 kept,
 * per bank, a block of item ids for every distinct unigram, bigram and trigram of every text: about
 * 390 000 posting rows per 20 000 items (1.9 MB per 1 000 items with its text and filters), written
 * by the program one block at a time (1 300 items/s), and a saved edit rewrote the blocks of some
 * 130 grams (p95 31 ms). Trigrams, most of them found in one or two items, were two thirds of it.
 *
 * - `search_fts`: an FTS5 table with the trigram tokenizer (SQLite ≥ 3.34; case-sensitive, since
 *   the text is already folded) over `search_text` as its external content, so the text is stored
 *   once. It answers terms of three or more characters as phrases of trigrams, which match exactly
 *   where the text contains the term: no check against the text is needed. Its index is compressed
 *   doclists written by SQLite in bulk: about 0.43 MB per 1 000 items. `hashsize` lets one batch
 *   of a few thousand items be written as one segment (16 MiB of pending index in memory instead of
 *   1 MiB), which halves the time to build and merge.
 * - `search_grams (gram, block, part, ids)`: for every unigram and bigram, the items (of any bank)
 *   whose text contains it, as blocks of 4096 ids (format in repositories/search-blocks.ts): FTS5
 *   cannot look up one or two characters, and most Chinese terms are that short and common (的,
 *   视图), so a query must read their items as a few bitmaps, not row by row. Without the bank in
 *   the key there are a third as many rows as before; the bank is the `*` bitmap of
 *   `search_attributes`, intersected with every query. A block may be stored in several rows
 *   (`part`) whose ids are OR-ed: the per-bank blocks of 0100 are carried over as parts (part =
 *   their bank), and the program writes part 0 and folds the others into it when it rewrites the
 *   block. So existing databases keep their unigram and bigram blocks as they are, and only the
 *   trigram index is rebuilt, from `search_text`, the current indexed text of every item.
 * - `search_pending (item_id, indexed, text)`: items whose text changed since their grams were
 *   written, with the text `search_grams` still holds for them and their current text ('' for
 *   none), so one save writes a handful of pages; queries check these few items by their current
 *   text (kept here, in a few pages, rather than read from all over `search_text`), and the program
 *   folds them into `search_grams` once there are a few dozen or a batch is indexed. No foreign
 *   key: an item may be deleted once its text is removed while its old grams still wait to be
 *   cleared.
 *
 * `search_attributes`, `search_text` and the triggers of 0100 are unchanged.
 */
export const migration0170: Migration = {
  version: 170,
  name: 'search-fts',
  sql: `
    CREATE VIRTUAL TABLE search_fts USING fts5 (
      text,
      content = 'search_text',
      content_rowid = 'item_id',
      columnsize = 0,
      tokenize = 'trigram case_sensitive 1'
    );
    INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 16777216);
    INSERT INTO search_fts (search_fts) VALUES ('rebuild');

    CREATE TABLE search_grams (
      gram  TEXT NOT NULL CHECK (length(gram) BETWEEN 1 AND 2),
      block INTEGER NOT NULL CHECK (block >= 0),
      part  INTEGER NOT NULL CHECK (part >= 0),
      ids   BLOB NOT NULL CHECK (length(ids) BETWEEN 2 AND 512),
      PRIMARY KEY (block, gram, part)
    ) WITHOUT ROWID, STRICT;

    INSERT INTO search_grams (gram, block, part, ids)
      SELECT gram, block, bank_id, ids FROM search_postings WHERE length(gram) <= 2
      ORDER BY block, gram, bank_id;
    DROP TABLE search_postings;

    CREATE TABLE search_pending (
      item_id INTEGER PRIMARY KEY,
      indexed TEXT NOT NULL,
      text    TEXT NOT NULL
    ) STRICT;
  `,
};
