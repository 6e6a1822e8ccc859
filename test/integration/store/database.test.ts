import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, openReadOnly, LATEST_SCHEMA_VERSION } from '../../../app/store/database.js';
import { DatabaseMissingError, NotADatabaseError, SchemaTooNewError } from '../../../app/store/errors.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();

/** Asserts that opening fails with `error` and that neither the file nor its neighbours changed. */
function expectRefusedUnchanged(file: string, open: () => unknown, error: new (...a: never[]) => Error, message: RegExp) {
  const before = readFileSync(file);
  expect(open).toThrow(error);
  expect(open).toThrow(message);
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(existsSync(`${file}-wal`)).toBe(false);
  expect(existsSync(`${file}-journal`)).toBe(false);
}

describe('database', () => {
  it('creates a database in WAL mode with foreign keys and synchronous=FULL, at the latest version', () => {
    const db = openDatabase(join(tempDir(), 'q.db'), { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    // Every ordinary table is STRICT; FTS5's virtual table and its shadow tables are SQLite's own (migration 0170).
    const strict = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%STRICT'").pluck().all();
    const own = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('virtual', 'shadow')").pluck().all();
    expect(strict.filter((name) => !own.includes(name))).toEqual([]);
    expect(own.sort()).toEqual(['search_fts', 'search_fts_config', 'search_fts_data', 'search_fts_idx']);
    closeDatabase(db);
  });

  it('refuses a missing file unless asked to create it', () => {
    expect(() => openDatabase(join(tempDir(), 'none.db'))).toThrow(DatabaseMissingError);
    expect(() => openDatabase(join(tempDir(), 'none.db'))).toThrow(/不存在；请先运行 qbank init/);
  });

  it('refuses a file that is not a database and leaves it untouched', () => {
    const file = join(tempDir(), 'notes.db');
    writeFileSync(file, '这是一个文本文件，不是数据库。\n'.repeat(100));
    expectRefusedUnchanged(file, () => openDatabase(file), NotADatabaseError, /不是题库数据库/);
  });

  it('refuses a corrupt database and leaves it untouched', () => {
    const file = join(tempDir(), 'corrupt.db');
    const db = openDatabase(file, { create: true });
    closeDatabase(db);
    const bytes = readFileSync(file);
    randomBytes(bytes.length - 100).copy(bytes, 100);
    writeFileSync(file, bytes);
    expectRefusedUnchanged(file, () => openDatabase(file), NotADatabaseError, /不是题库数据库，或已损坏/);
  });

  it('refuses a database from a newer version of the program and changes nothing', () => {
    const file = join(tempDir(), 'newer.db');
    closeDatabase(openDatabase(file, { create: true }));
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    raw.close();
    expectRefusedUnchanged(file, () => openDatabase(file), SchemaTooNewError, new RegExp(`结构版本为 ${LATEST_SCHEMA_VERSION + 10}，高于本程序支持的版本`));
    expect(() => openReadOnly(file)).toThrow(SchemaTooNewError);
  });

  describe('encrypted at rest', () => {
    const key = `"x'${randomBytes(32).toString('hex')}'"`;
    const marker = '样例题干ZQX-MARKER-投影';

    it('keeps no plaintext in the file or its WAL, and needs the key to open', () => {
      const file = join(tempDir(), 'enc.db');
      const db = openDatabase(file, { create: true, keyPragma: key });
      db.prepare("INSERT INTO settings VALUES ('m', ?)").run(marker);
      const wal = readFileSync(`${file}-wal`);
      expect(wal.includes(Buffer.from(marker))).toBe(false);
      closeDatabase(db);
      expect(readFileSync(file).includes(Buffer.from(marker))).toBe(false);
      expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');

      expect(() => openDatabase(file)).toThrow(/已加密需要口令/);
      expect(() => openDatabase(file, { keyPragma: `"x'${randomBytes(32).toString('hex')}'"` })).toThrow(NotADatabaseError);
      const again = openDatabase(file, { keyPragma: key });
      expect(again.prepare("SELECT value FROM settings WHERE key = 'm'").pluck().get()).toBe(marker);
      closeDatabase(again);
    });
  });
});
