/**
 * The one database of the workstation: a SQLite file (SQLite3MultipleCiphers build of better-sqlite3,
 * so it can be encrypted at rest), in WAL mode with foreign keys and synchronous=FULL, migrated
 * forward-only on open. Read and write handles are distinct types (a repository that only reads
 * takes a ReadableDB).
 *
 * No plaintext outside the encrypted file (issue 11 point 2): every connection keeps its temporary
 * tables, indices and sort runs in memory (`temp_store = MEMORY`; SQLite otherwise writes them, in
 * clear, to `etilqs_*` files in $SQLITE_TMPDIR / $TMPDIR / /var/tmp / /tmp), and the file is created
 * 0600 before SQLite opens it (SQLite gives -wal and -shm the mode of the main file); an existing
 * file, WAL or SHM readable by others is narrowed to 0600 on open.
 */
import { chmodSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { DatabaseMissingError, MigrationError, NotADatabaseError, SchemaTooNewError } from './errors.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index.js';

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

type Connection = Database.Database;
/** A handle that may only be read through. */
export type ReadableDB = Connection & { readonly [readableBrand]: true };
/** A handle that may also be written through (every WritableDB is a ReadableDB). */
export type WritableDB = ReadableDB & { readonly [writableBrand]: true };

export interface OpenOptions {
  /** Create the file when it does not exist (default false: a missing file is an error). */
  readonly create?: boolean;
  /**
   * Value for `PRAGMA key` of an encrypted database (SQLCipher scheme), already quoted: a passphrase
   * `'…'` or a raw key `"x'<64 hex>'"` (see crypto/database-key.ts); absent for a plain file.
   */
  readonly keyPragma?: string;
  /** Apply pending migrations (default true). */
  readonly migrate?: boolean;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The first 16 bytes of a plain SQLite file; an encrypted file starts with random bytes. */
function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Owner read/write only: the database and its -wal and -shm files. */
export const DATABASE_FILE_MODE = 0o600;

/** Narrows the file and its -wal/-shm to 0600 where they are wider (POSIX only: Windows has no modes). */
function restrictFileModes(file: string): void {
  if (process.platform === 'win32') return;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (!existsSync(f)) continue;
    if ((statSync(f).mode & 0o777 & ~DATABASE_FILE_MODE) !== 0) chmodSync(f, DATABASE_FILE_MODE);
  }
}

/** Creates an empty file 0600 (whatever the umask), so that SQLite never creates it wider. */
function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', DATABASE_FILE_MODE));
  if (process.platform !== 'win32') chmodSync(file, DATABASE_FILE_MODE);
}

/** Pragmas every connection gets, read-only ones too. */
function configurePrivacy(db: Connection): void {
  db.pragma('temp_store = MEMORY');
}

function applyKey(db: Connection, keyPragma: string): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma(`legacy=4`);
  db.pragma(`key=${keyPragma}`);
}

/** Reads the schema; this is where a non-database, damaged or wrongly keyed file is detected. */
function probe(db: Connection, file: string): number {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return Number(db.pragma('user_version', { simple: true }));
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    throw new NotADatabaseError(file, code === 'SQLITE_NOTADB' ? '文件头无法识别' : (e as Error).message);
  }
}

function configure(db: Connection): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('recursive_triggers = ON');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  // 32 MiB page cache: the search index verifies long terms against stored text (scripts/bench/search.mjs).
  db.pragma('cache_size = -32768');
  // Wipe freed memory (SQLite3MultipleCiphers); a no-op in builds compiled without SQLITE3MC_SECURE_MEMORY.
  db.pragma('memory_security = fill');
}

/** Whether this build wipes freed memory (PRAGMA memory_security of SQLite3MultipleCiphers). */
export function hasMemorySecurity(db: ReadableDB): boolean {
  return db.pragma('memory_security', { simple: true }) !== undefined;
}

/** Applies every migration newer than the file's version, each in its own transaction. */
export function migrate(db: WritableDB, migrations: readonly Migration[] = MIGRATIONS): number {
  let version = Number(db.pragma('user_version', { simple: true }));
  for (const m of migrations) {
    if (m.version <= version) continue;
    try {
      db.transaction(() => {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      })();
    } catch (e) {
      throw new MigrationError(m.version, e);
    }
    version = m.version;
  }
  return version;
}

/**
 * Opens (or creates) the workstation database. Refuses, without changing the file: a missing file
 * (unless `create`), a file that is not a database of this program or has the wrong key, and a
 * database from a newer schema version.
 */
export function openDatabase(file: string, options: OpenOptions = {}): WritableDB {
  const exists = existsSync(file);
  if (!exists && options.create !== true) throw new DatabaseMissingError(file);
  if (exists && options.keyPragma === undefined && statSync(file).size > 0) {
    const header = readHeader(file);
    if (!header.equals(SQLITE_HEADER)) throw new NotADatabaseError(file, '文件头不是 SQLite 格式，或数据库已加密需要口令');
  }
  if (exists) restrictFileModes(file);
  else createPrivateFile(file);
  const db = new Database(file, { fileMustExist: true });
  try {
    configurePrivacy(db);
    if (options.keyPragma !== undefined) applyKey(db, options.keyPragma);
    const version = probe(db, file);
    if (version > LATEST_SCHEMA_VERSION) throw new SchemaTooNewError(file, version, LATEST_SCHEMA_VERSION);
    configure(db);
    const handle = db as WritableDB;
    if (options.migrate !== false) migrate(handle);
    return handle;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** A read-only connection (for exports and verification that must not write). */
export function openReadOnly(file: string, options: Pick<OpenOptions, 'keyPragma'> = {}): ReadableDB {
  if (!existsSync(file)) throw new DatabaseMissingError(file);
  restrictFileModes(file);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    configurePrivacy(db);
    if (options.keyPragma !== undefined) applyKey(db, options.keyPragma);
    const version = probe(db, file);
    if (version > LATEST_SCHEMA_VERSION) throw new SchemaTooNewError(file, version, LATEST_SCHEMA_VERSION);
    db.pragma('query_only = ON');
    return db as ReadableDB;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Copies the committed state of the database into a new file (VACUUM INTO, encrypted like the source)
 * on a read-only connection of its own, so the caller may hold a write transaction meanwhile: the
 * copy and the caller's log row then commit or roll back together.
 */
export function copyCommittedInto(file: string, keyPragma: string | undefined, target: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    configurePrivacy(db);
    if (keyPragma !== undefined) applyKey(db, keyPragma);
    probe(db, file);
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
}

/**
 * Re-encrypts the whole file under a new key (or encrypts a plain one). SQLite3MultipleCiphers cannot
 * rekey in WAL mode, so the journal is switched to DELETE for the duration and back to WAL after.
 */
export function rekeyDatabase(db: WritableDB, newKeyPragma: string): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  try {
    db.pragma(`rekey=${newKeyPragma}`);
  } finally {
    db.pragma('journal_mode = WAL');
  }
}

/** Whether the connection reads an encrypted file. */
export function isEncrypted(db: ReadableDB): boolean {
  const header = readHeader(db.name);
  return !header.equals(SQLITE_HEADER);
}

export function schemaVersion(db: ReadableDB): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Runs `fn` in one transaction (nested calls become savepoints). */
export function inTransaction<T>(db: WritableDB, fn: () => T): T {
  return db.transaction(fn)();
}

export function closeDatabase(db: ReadableDB): void {
  if (db.open) db.close();
}

export { LATEST_SCHEMA_VERSION };
