/**
 * Prepared statements cached per connection: preparing costs tens of microseconds, which adds up
 * when an import inserts ten thousand items. The cache is bounded and dies with the connection.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ReadableDB } from './database.js';

const MAX_CACHED = 256;
const caches = new WeakMap<ReadableDB, Map<string, Database.Statement>>();

export function cachedStatement(db: ReadableDB, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= MAX_CACHED) cache.clear();
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
