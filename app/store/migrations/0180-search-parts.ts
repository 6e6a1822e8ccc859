import type { Migration } from './index.js';

/**
 * Search index: gram blocks in parts written by batches (measured in scripts/bench/search.mjs, figures
 * in the README). `search_blocks (block, top)` holds the highest `part` in use in each block of
 * `search_grams`. A batch that only adds items to a block that already holds some writes their
 * grams as a new part, top + 1, instead of reading and rewriting the rows of every gram of the
 * block: with batches of 5 000 items, each block of 4 096 ids is touched by two batches, and that
 * read and rewrite was half of the time to index a batch. Once a block has MAX_TOP + 1 parts, the
 * next such batch merges the block back into part 0 (repositories/search-index.ts). Queries already
 * OR the parts of a block (migration 0170).
 *
 * Also measured, and left: FTS5 with `detail = none` (no positions) builds the trigram index in 70 %
 * of the time at half the size, but a term of four or more characters must then be checked against
 * its candidates' text, read page by page: p50 15 ms instead of 1–3 ms with SQLite's default cache.
 */
export const migration0180: Migration = {
  version: 180,
  name: 'search-parts',
  sql: `
    CREATE TABLE search_blocks (
      block INTEGER PRIMARY KEY CHECK (block >= 0),
      top   INTEGER NOT NULL CHECK (top >= 0)
    ) STRICT;
    INSERT INTO search_blocks (block, top) SELECT block, max(part) FROM search_grams GROUP BY block;
  `,
};
