import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { sqlCipherKeyPragmaValue } from '../../../crypto/database-key.js';
import { sampleTheoryItems } from '../../../app/demo/sample-bank.js';
import { closeWorkstation, openWorkstation } from '../../../app/services/workstation/handlers.js';
import { closeDatabase, DATABASE_FILE_MODE, openDatabase, openReadOnly, type ReadableDB } from '../../../app/store/database.js';
import { useTempDir } from '../../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const KEY = { kind: 'keyFile', bytes: randomBytes(32) } as const;
const mode = (file: string) => statSync(file).mode & 0o777;

/** Every file name created in `dir` while the watcher runs (SQLite unlinks its temp files at once: only inotify sees them). */
function watchFolder(dir: string): { readonly seen: string[]; close(): void } {
  const seen: string[] = [];
  const watcher = watch(dir, { recursive: false }, (_, name) => void seen.push(String(name)));
  return { seen, close: () => watcher.close() };
}

const settle = () => new Promise((r) => setTimeout(r, 200));

/** Fills a table with text and sorts it through a tiny page cache, the way that spilled item text before. */
function bigSort(db: ReadableDB & Database.Database): void {
  db.pragma('cache_size = 10');
  db.exec('CREATE TABLE IF NOT EXISTS spill (body TEXT)');
  const insert = db.prepare('INSERT INTO spill VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 5000; i++) insert.run(`试题题干 ${i} ${'机械制图的基本规定'.repeat(20)}`);
  })();
  expect(db.prepare('SELECT count(*) FROM (SELECT body FROM spill ORDER BY body DESC)').pluck().get()).toBe(5000);
}

describe('no plaintext outside the encrypted file (issue 11 point 2)', () => {
  const tempDir = useTempDir();

  describe('file modes', () => {
    it('creates the folder 0700 and the database, its WAL and SHM 0600, whatever the umask', () => {
      const old = process.umask(0o022);
      try {
        const folder = join(tempDir(), 'new', 'workstation');
        const db = openWorkstation(join(folder, 'qbank.db'), KEY, { create: true });
        try {
          db.exec('CREATE TABLE IF NOT EXISTS t (x TEXT); INSERT INTO t VALUES (1)');
          expect(mode(folder)).toBe(0o700);
          expect(mode(join(folder, '..'))).toBe(0o700);
          for (const f of ['qbank.db', 'qbank.db-wal', 'qbank.db-shm']) expect(mode(join(folder, f)), f).toBe(DATABASE_FILE_MODE);
        } finally {
          closeWorkstation(db);
        }
      } finally {
        process.umask(old);
      }
    });

    it('narrows an existing database, WAL and SHM that others could read to 0600 on open, read-only opens too', () => {
      const dir = tempDir();
      const file = join(dir, 'old.db');
      const first = openDatabase(file, { create: true });
      try {
        first.exec('CREATE TABLE t (x TEXT); INSERT INTO t VALUES (1)');
        for (const f of [file, `${file}-wal`, `${file}-shm`]) chmodSync(f, 0o644);
        const second = openDatabase(file);
        for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
        closeDatabase(second);
        chmodSync(file, 0o666);
        const reader = openReadOnly(file);
        expect(mode(file)).toBe(0o600);
        closeDatabase(reader);
      } finally {
        closeDatabase(first);
      }
    });

    it('creates nothing beside a file it refuses as not a database', () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'x.db'), 'not a database at all, not even close');
      expect(() => openDatabase(join(dir, 'x.db'))).toThrow();
      expect(readdirSync(dir)).toEqual(['x.db']);
    });
  });

  describe('temp_store', () => {
    it('is MEMORY (2) on every connection: read-write, read-only and the workstation', () => {
      const dir = tempDir();
      const file = join(dir, 'q.db');
      const ws = openWorkstation(file, KEY, { create: true });
      const reader = openReadOnly(file, { keyPragma: sqlCipherKeyPragmaValue(KEY) });
      try {
        expect(ws.pragma('temp_store', { simple: true })).toBe(2);
        expect(reader.pragma('temp_store', { simple: true })).toBe(2);
      } finally {
        closeDatabase(reader);
        closeWorkstation(ws);
      }
      const plain = openDatabase(join(dir, 'plain.db'), { create: true });
      const plainReader = openReadOnly(join(dir, 'plain.db'));
      try {
        expect(plain.pragma('temp_store', { simple: true })).toBe(2);
        expect(plainReader.pragma('temp_store', { simple: true })).toBe(2);
      } finally {
        closeDatabase(plainReader);
        closeDatabase(plain);
      }
    });

    it('keeps a large sort in memory, where a default connection spills it to etilqs_* files in the temp folder', async () => {
      const dir = tempDir();
      const spill = join(dir, 'tmp');
      mkdirSync(spill);
      const probe = new Database(':memory:');
      // The process-wide temp folder of SQLite (sqlite3_temp_directory), set for this test only.
      probe.pragma(`temp_store_directory = '${spill}'`);
      const watcher = watchFolder(spill);
      try {
        const control = new Database(join(dir, 'control.db'));
        bigSort(control as ReadableDB & Database.Database);
        control.close();
        await settle();
        expect(watcher.seen.some((n) => n.startsWith('etilqs_')), 'the control spills: the watcher works').toBe(true);
        watcher.seen.length = 0;

        const ours = openDatabase(join(dir, 'ours.db'), { create: true });
        bigSort(ours);
        closeDatabase(ours);
        await settle();
        expect(watcher.seen).toEqual([]);
        expect(readdirSync(spill)).toEqual([]);
      } finally {
        watcher.close();
        probe.pragma(`temp_store_directory = ''`);
        probe.close();
      }
    });
  });

  describe('the demo, run by the built CLI with TMPDIR and SQLITE_TMPDIR pointed at a fresh folder', () => {
    it('creates no file at all in that folder, so no item text either, and keeps its own files to the account', async () => {
      const built = join(ROOT, 'dist', 'app', 'store', 'database.js');
      expect(existsSync(built), 'dist/ missing: run npm run build').toBe(true);
      expect(readFileSync(built, 'utf8'), 'dist/ is older than the source: run npm run build').toContain('temp_store = MEMORY');

      const dir = tempDir();
      const tmp = join(dir, 'tmp');
      const out = join(dir, 'out');
      mkdirSync(tmp);
      const watcher = watchFolder(tmp);
      let code: number | null;
      let stderr = '';
      let stdout = '';
      try {
        const child = spawn(process.execPath, [join(ROOT, 'bin', 'qbank.js'), 'demo', '--out', out], {
          cwd: dir,
          env: { PATH: process.env.PATH ?? '', HOME: dir, LANG: 'C.UTF-8', TMPDIR: tmp, SQLITE_TMPDIR: tmp, TMP: tmp, TEMP: tmp },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout.on('data', (d: Buffer) => void (stdout += d.toString('utf8')));
        child.stderr.on('data', (d: Buffer) => void (stderr += d.toString('utf8')));
        code = await new Promise<number | null>((done) => child.on('close', done));
        await settle();
      } finally {
        watcher.close();
      }
      expect(stderr).toBe('');
      expect(code).toBe(0);
      // what `qbank demo --out` prints, step by step (the one run of the demo by the CLI in npm test)
      for (const step of ['✓ 题库', '✓ 组卷', '✓ 审计日志']) expect(stdout).toContain(step);
      expect(existsSync(join(out, 'demo.json'))).toBe(true);
      expect(watcher.seen, 'files created in TMPDIR during the demo').toEqual([]);
      expect(readdirSync(tmp)).toEqual([]);

      // Belt and braces: were anything there, it must not hold item text.
      const stems = (sampleTheoryItems() as { stem: string }[]).slice(0, 20).map((i) => Buffer.from(i.stem.slice(0, 12), 'utf8'));
      for (const name of readdirSync(tmp, { recursive: true }) as string[]) {
        const bytes = readFileSync(join(tmp, name));
        for (const stem of stems) expect(bytes.includes(stem), name).toBe(false);
      }

      // The demo's own files: the database 0600, nothing it wrote readable by group or others.
      expect(mode(join(out, 'qbank.db'))).toBe(0o600);
      for (const name of readdirSync(out, { recursive: true }) as string[]) expect(mode(join(out, name)) & 0o077, name).toBe(0);
    }, 180_000);
  });
});
