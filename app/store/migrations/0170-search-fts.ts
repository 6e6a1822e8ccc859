import type { Migration } from './index.js';

/**
 * Search index, second form (replaces the trigram postings of migration 0100). Migration 0100 kept,
 * per bank, a block of item ids for every distinct unigram, bigram and trigram of every text: some
 * 52 posting rows per item, written by the program one block at a time. In the benchmark
 * (scripts/bench/search.mjs, 100 000 items) that was 187 MB per 100 000 items with text and filters,
 * 2.8 times a plain FTS5 trigram table of the same texts, built at a twelfth of its speed, and a
 * saved edit rewrote the blocks of a hundred grams or more (p95 31–59 ms). Trigrams, most of them
 * found in one or two items, were two thirds of the rows.
 *
 * - `search_fts`: an FTS5 table with the trigram tokenizer (SQLite ≥ 3.34; case-sensitive, since the
 *   text is already folded) over `search_text` as its external content, so the text is stored once.
 *   It answers terms of three or more characters as phrases of trigrams, which match exactly where
 *   the text contains the term: no check against the text is needed. `hashsize` lets a batch of a
 *   few thousand items be written as one segment (16 MiB of new index in memory instead of 1 MiB),
 *   which halves the time to build and merge it and makes it smaller.
 * - `search_grams (block, gram, part, ids)`: for every unigram and bigram, the items (of any bank)
 *   whose text contains it, as blocks of 4096 ids (format in repositories/search-blocks.ts). FTS5
 *   cannot look up one or two characters, and most Chinese terms are that short and common (的,
 *   视图), so a query must get their items as a few bitmaps, not row by row. Without the bank in the
 *   key there are a third as many rows as in 0100; the bank is the `*` bitmap of
 *   `search_attributes`, intersected with every query, whose blocks are also the only ones read.
 *   The key starts with the block, so a batch of new items appends its rows. With the gram first a
 *   query would find a gram's blocks in one place, but each batch would rewrite pages all over the
 *   table (benchmark, 100 000 items: one-character queries p50 0.4 instead of 1.0 ms with a 2 MB
 *   page cache, 0.3 ms either way with the program's 32 MiB, but the build at 60 % of the speed and
 *   slower the larger the index). A block may be stored in several rows (`part`) whose ids are
 *   OR-ed: the per-bank blocks of 0100 are carried over as parts (part = their bank), and the
 *   program writes part 0 and folds the others into it whenever it rewrites the block. So existing
 *   databases keep their unigram and bigram blocks as they are, and only the trigram index is
 *   built, from `search_text`, the current indexed text of every item (100 000 items: 14 s, once).
 * - `search_pending (item_id, indexed, text)`: items whose text changed since `search_fts` and
 *   `search_grams` were last written for them, with the text those still hold (`indexed`, '' for
 *   none) and the current one (`text`, '' when removed). A single save writes `search_text` and one
 *   row here, a few pages; queries judge these few items by `text`, read from this small table, and
 *   the program writes them into both indexes in bulk once there are a few dozen or a batch is
 *   indexed. Until then `search_fts` is behind `search_text` for them (an FTS5 'integrity-check'
 *   holds once they are written). No foreign key: an item may be deleted once its text is removed,
 *   while its entries still wait to be taken out.
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
