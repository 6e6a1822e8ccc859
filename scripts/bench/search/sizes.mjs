// Sizes of the search index (migrations 0100 and 0170) and of a plain FTS5 trigram table of the same
// texts, for scripts/bench/search.mjs.

/** Bytes of the named tables and indexes (pages in use, dbstat). */
export function bytesOf(db, names) {
  const marks = names.map(() => '?').join(', ');
  return db.prepare(`SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN (${marks})`).pluck().get(...names);
}

/** The tables of the search index by role (the FTS5 table's shadow tables hold its index). */
export const INDEX_TABLES = {
  grams: ['search_grams', 'search_blocks', 'search_pending'],
  trigrams: ['search_fts_data', 'search_fts_idx', 'search_fts_config', 'search_fts_docsize'],
  text: ['search_text'],
  filters: ['search_attributes'],
};

/**
 * Builds `CREATE VIRTUAL TABLE … USING fts5(text, tokenize = 'trigram')` — FTS5 with its defaults,
 * content stored — from the same normalised texts, in the same batches per transaction, and returns
 * its build time and size; then drops it.
 */
export function plainFts5(db, rows, batch) {
  db.exec("CREATE VIRTUAL TABLE bench_plain_fts USING fts5 (text, tokenize = 'trigram')");
  const insert = db.prepare('INSERT INTO bench_plain_fts (rowid, text) VALUES (?, ?)');
  const start = performance.now();
  for (let at = 0; at < rows.length; at += batch) {
    db.transaction(() => {
      for (const [id, text] of rows.slice(at, at + batch)) insert.run(id, text);
    })();
  }
  const ms = performance.now() - start;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const shadow = ['data', 'idx', 'content', 'docsize', 'config'].map((s) => `bench_plain_fts_${s}`);
  const bytes = bytesOf(db, shadow);
  db.exec('DROP TABLE bench_plain_fts');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { ms, bytes };
}
