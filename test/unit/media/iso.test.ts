import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { openIsoFile, readIsoDirectory, type IsoEntry } from '../../../media/iso/reader.js';
import { Sink } from '../../../media/iso/sink.js';
import { isoSize, writeIso, type IsoFileSource, type IsoOptions } from '../../../media/iso/writer.js';
import { useTempDir } from '../../helpers/tmp.js';

const tmp = useTempDir();

/** Whether a program is on the PATH (tests that need it skip without it; CI installs them). */
function has(tool: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d !== '' && existsSync(join(d, tool)));
}

/** Deterministic bytes (mulberry32). */
function seeded(n: number, seed: number): Buffer {
  const words = new Uint32Array(Math.ceil(n / 4));
  let a = seed >>> 0;
  for (let i = 0; i < words.length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    words[i] = (t ^ (t >>> 14)) >>> 0;
  }
  return Buffer.from(words.buffer, 0, n);
}

const LONG = `${'很长的文件名'.repeat(10)}.txt`; // 64 characters, the Joliet maximum

/** The sample: nested and Chinese names, 8.3 collisions, an empty file, many sectors, exactly one sector. */
function sampleFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>([
    ['data/0001.qbe', seeded(3 * 1024 * 1024 + 123, 1)],
    ['data/0002.qbe', seeded(2048, 2)],
    ['data/empty.bin', Buffer.alloc(0)],
    ['附件6/01_题库编制说明.docx', seeded(5000, 3)],
    ['附件6/清单.json', Buffer.from('{"文件":["01_题库编制说明.docx"]}')],
    ['06_数字签名/01_陈静.p7s', seeded(1500, 4)],
    ['06_数字签名/02_李明.p7s', seeded(1501, 5)],
    ['long file name number one.txt', Buffer.from('one')],
    ['long file name number two.txt', Buffer.from('two')],
    ['Readme.TXT', Buffer.from('upper')],
    ['README.txt', Buffer.from('lower')],
    [LONG, seeded(4097, 6)],
    ['a/b/c/d/e/f/g/deep.txt', Buffer.from('eight levels with the root')],
  ]);
  // a folder whose directory spans several sectors in both trees
  for (let i = 1; i <= 40; i++) files.set(`many/第${i}号附件_${'x'.repeat(30)}.bin`, seeded(100 + i, 100 + i));
  return files;
}

/** Sources of three kinds: a Node stream, a generator that reuses one buffer, a file on disk. */
function sources(files: Map<string, Buffer>, dir: string): IsoFileSource[] {
  return [...files].map(([path, bytes], i) => {
    if (i % 3 === 0) return { path, size: bytes.length, open: () => Readable.from(chunks(bytes, 65536)) };
    if (i % 3 === 1) {
      return {
        path,
        size: bytes.length,
        open: async function* () {
          const reused = Buffer.alloc(777);
          for (let off = 0; off < bytes.length; off += reused.length) {
            const n = bytes.copy(reused, 0, off, off + reused.length);
            yield reused.subarray(0, n);
          }
        },
      };
    }
    const file = join(dir, `src-${i}`);
    writeFileSync(file, bytes);
    return { path, size: bytes.length, open: () => createReadStream(file) };
  });
}

function chunks(b: Buffer, n: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += n) out.push(b.subarray(i, i + n));
  return out;
}

const OPTIONS: IsoOptions = { volumeId: '机密★题库报送', publisher: '某某职业技能鉴定中心 QBANK', application: 'QBANK 0.1', date: new Date('2025-03-01T08:09:10.120Z') };

async function writeTo(path: string, files: readonly IsoFileSource[], options = OPTIONS, onProgress?: (done: number, total: number) => void) {
  const out = createWriteStream(path);
  const result = await writeIso(files, options, out, { onProgress });
  out.end();
  await finished(out);
  return result;
}

async function sampleImage(): Promise<{ dir: string; image: string; files: Map<string, Buffer> }> {
  const dir = tmp();
  const files = sampleFiles();
  const image = join(dir, 'sample.iso');
  await writeTo(image, sources(files, dir));
  return { dir, image, files };
}

/** Every file below `dir`, by '/'-separated relative path, and the folders. */
function tree(dir: string, base = ''): { files: Map<string, Buffer>; dirs: Set<string> } {
  const files = new Map<string, Buffer>();
  const dirs = new Set<string>();
  for (const e of readdirSync(join(dir, base), { withFileTypes: true })) {
    const rel = base === '' ? e.name : `${base}/${e.name}`;
    if (e.isDirectory()) {
      dirs.add(rel);
      const sub = tree(dir, rel);
      sub.files.forEach((v, k) => files.set(k, v));
      sub.dirs.forEach((d) => dirs.add(d));
    } else files.set(rel, readFileSync(join(dir, rel)));
  }
  return { files, dirs };
}

function parentsOf(paths: Iterable<string>): Set<string> {
  const dirs = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return dirs;
}

function expectSameTree(dir: string, files: Map<string, Buffer>): void {
  const got = tree(dir);
  expect([...got.files.keys()].sort()).toEqual([...files.keys()].sort());
  expect([...got.dirs].sort()).toEqual([...parentsOf(files.keys())].sort());
  for (const [p, bytes] of files) expect(got.files.get(p)?.equals(bytes), p).toBe(true);
}

async function readEntry(image: string, e: IsoEntry): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of openIsoFile(image, e)) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** Offset of the directory record with this identifier in the one-sector directory at `dir`. */
function recordOf(image: Buffer, dir: number, id: Buffer): number {
  for (let at = dir; image[at] !== 0; at += image[at] as number) {
    const len = image[at + 32] as number;
    if (image.subarray(at + 33, at + 33 + len).equals(id)) return at;
  }
  throw new Error(`no record ${id.toString('hex')}`);
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('iso', () => {
  describe('#writeIso', () => {
    it('writes isoSize bytes, returns their SHA-256, and the same input gives the same image', async () => {
      const { dir, image, files } = await sampleImage();
      const again = join(dir, 'again.iso');
      const result = await writeTo(again, sources(files, dir).reverse()); // the order given does not matter
      const bytes = readFileSync(image);
      expect(readFileSync(again).equals(bytes)).toBe(true);
      expect(result).toEqual({ bytes: bytes.length, sha256: sha256(bytes) });
      expect(isoSize(sources(files, dir), OPTIONS)).toBe(bytes.length);
      expect(bytes.length % 2048).toBe(0);
    });

    it('reports progress up to the total and writes batches of at least 1 MiB, waiting for drain', async () => {
      const files = sampleFiles();
      const sizes: number[] = [];
      const parts: Buffer[] = [];
      let ignoredBackPressure = 0;
      const out = new Writable({
        highWaterMark: 1024,
        write(chunk: Buffer, _enc, cb) {
          sizes.push(chunk.length);
          parts.push(Buffer.from(chunk));
          setTimeout(cb, 1);
        },
      });
      const write = out.write.bind(out) as (c: Buffer, cb?: () => void) => boolean;
      out.write = ((c: Buffer, cb?: () => void) => {
        if (out.writableNeedDrain) ignoredBackPressure++;
        return write(c, cb);
      }) as typeof out.write;
      const progress: number[] = [];
      const srcs = sources(files, tmp());
      const result = await writeIso(srcs, OPTIONS, out, { onProgress: (done, total) => {
        expect(total).toBe(isoSize(srcs));
        progress.push(done);
      } });
      expect(ignoredBackPressure).toBe(0);
      expect(sizes.slice(0, -1).every((n) => n >= 1024 * 1024)).toBe(true);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress.at(-1)).toBe(result.bytes);
      expect(sha256(Buffer.concat(parts))).toBe(result.sha256);
    });

    it('hashes in a worker thread to the same SHA-256, recycling batches written to a file, or not at all when asked', async () => {
      const dir = tmp();
      const data = seeded(5 * 1024 * 1024 + 17, 9);
      const results = [];
      for (const options of [{ workerHash: false }, { workerHash: true }, { hash: false }]) {
        const name = JSON.stringify(options).replace(/\W/g, '');
        const out = createWriteStream(join(dir, name));
        const sink = new Sink(out, data.length, options);
        await sink.copy(Readable.from(chunks(data, 300_000)), data.length, () => new Error('long'), () => new Error('text'));
        results.push(await sink.finish());
        sink.release();
        out.end();
        await finished(out);
        expect(readFileSync(join(dir, name)).equals(data)).toBe(true);
      }
      expect(results[0]).toEqual({ bytes: data.length, sha256: sha256(data) });
      expect(results[1]).toEqual(results[0]);
      // unhashed (the caller hashes what it reads back): the same bytes, no digest
      expect(results[2]).toEqual({ bytes: data.length, sha256: null });
    });

    it('stops with the file named when a source yields fewer or more bytes than declared', async () => {
      const short = [{ path: 'data/短.qbe', size: 10, open: () => Readable.from([Buffer.alloc(9)]) }];
      await expect(writeIso(short, OPTIONS, new Writable({ write: (_c, _e, cb) => cb() }))).rejects.toThrow(
        '文件 data/短.qbe 的实际长度与声明不符：声明 10 字节，实际 9 字节',
      );
      const long = [{ path: 'data/长.qbe', size: 10, open: () => Readable.from([Buffer.alloc(6), Buffer.alloc(6)]) }];
      await expect(writeIso(long, OPTIONS, new Writable({ write: (_c, _e, cb) => cb() }))).rejects.toThrow(
        '文件 data/长.qbe 的实际长度与声明不符：声明 10 字节，实际超过 10 字节',
      );
    });

    it.each([
      ['a folder at level 9 (ECMA-119 6.8.2.1)', [{ path: 'a/b/c/d/e/f/g/h/x.txt', size: 1 }], '目录层级超过 8 层：a/b/c/d/e/f/g/h'],
      ['a name over 64 characters', [{ path: `x${LONG}`, size: 1 }], '文件名过长'],
      ['a file of 4 GiB', [{ path: 'big.bin', size: 2 ** 32 }], '4 GiB'],
      ['a duplicate path', [{ path: 'a.txt', size: 1 }, { path: 'a.txt', size: 2 }], '文件路径重复：a.txt'],
      ['a file where a folder is', [{ path: 'a', size: 1 }, { path: 'a/b', size: 2 }], '既是文件又是文件夹'],
      ['a character Joliet forbids', [{ path: 'a:b.txt', size: 1 }], 'Joliet 不允许的字符'],
      ['an absolute path', [{ path: '/etc/x', size: 1 }], '文件路径无效'],
      ['a parent reference', [{ path: 'a/../x', size: 1 }], '文件路径无效'],
    ])('refuses %s before writing anything', async (_what, infos, message) => {
      expect(() => isoSize(infos)).toThrow(message);
      let writes = 0;
      const files = infos.map((f) => ({ ...f, open: () => Readable.from([]) }));
      await expect(writeIso(files, OPTIONS, new Writable({ write: (_c, _e, cb) => (writes++, cb()) }))).rejects.toThrow(message);
      expect(writes).toBe(0);
    });

    it('refuses a Joliet volume identifier over 16 characters', async () => {
      await expect(writeIso([], { ...OPTIONS, volumeId: '机密★题库报送机密★题库报送机密★题' }, new Writable())).rejects.toThrow('卷标过长');
    });
  });

  describe('#readIsoDirectory / #openIsoFile', () => {
    it('lists the Joliet tree with the volume ids and gives every file back byte for byte', async () => {
      const { image, files } = await sampleImage();
      const listing = readIsoDirectory(image);
      expect(listing).toMatchObject({ volumeId: '机密★题库报送', pvdVolumeId: 'QBANK', imageBytes: statSync(image).size });
      const fileEntries = listing.entries.filter((e) => !e.isDirectory);
      expect(fileEntries.map((e) => e.path).sort()).toEqual([...files.keys()].sort());
      expect(listing.entries.filter((e) => e.isDirectory).map((e) => e.path).sort()).toEqual([...parentsOf(files.keys())].sort());
      for (const e of fileEntries) {
        expect(e.size).toBe(files.get(e.path)?.length);
        expect((await readEntry(image, e)).equals(files.get(e.path) as Buffer), e.path).toBe(true);
      }
      expect(() => openIsoFile(image, listing.entries.find((e) => e.isDirectory) as IsoEntry)).toThrow('是文件夹');
      expect(listing.entries.find((e) => e.path === 'many')?.size).toBeGreaterThan(2048); // a directory over several sectors
    });

    it('falls back to the primary tree (level-1 names, collisions numbered) without a Joliet descriptor', async () => {
      const { dir, image } = await sampleImage();
      const bytes = readFileSync(image);
      bytes.write('%/X', 17 * 2048 + 88, 'latin1'); // no longer a Joliet escape sequence
      writeFileSync(join(dir, 'plain.iso'), bytes);
      const listing = readIsoDirectory(join(dir, 'plain.iso'));
      expect(listing.volumeId).toBe('QBANK');
      const paths = listing.entries.map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['DATA/0001.QBE', 'DATA/EMPTY.BIN', 'LONG_FIL.TXT', 'LONG_F_1.TXT', 'README.TXT', 'README_1.TXT', '_6/_.JSO', 'A/B/C/D/E/F/G/DEEP.TXT']));
      expect(paths.every((p) => /^[A-Z0-9_./]+$/.test(p) && p.split('/').every((n) => /^[A-Z0-9_]{1,8}(\.[A-Z0-9_]{0,3})?$/.test(n)))).toBe(true);
    });

    it('refuses what is not an image, an extent outside it and a directory loop, in Chinese', async () => {
      const { dir, image } = await sampleImage();
      writeFileSync(join(dir, 'noise.iso'), seeded(64 * 1024, 7));
      expect(() => readIsoDirectory(join(dir, 'noise.iso'))).toThrow(/不是可读取的 ISO 9660 映像.*第 16 扇区不是卷描述符/);

      const bytes = readFileSync(image);
      const listing = readIsoDirectory(image);
      const joliet = (path: string) => listing.entries.find((e) => e.path === path) as IsoEntry;
      // the record of "b" in the Joliet directory of "a"
      const at = recordOf(bytes, joliet('a').offset, Buffer.from([0, 0x62]));
      const loop = Buffer.from(bytes);
      const rootExtent = bytes.readUInt32LE(17 * 2048 + 156 + 2);
      loop.writeUInt32LE(rootExtent, at + 2);
      loop.writeUInt32BE(rootExtent, at + 6);
      writeFileSync(join(dir, 'loop.iso'), loop);
      expect(() => readIsoDirectory(join(dir, 'loop.iso'))).toThrow('目录循环');

      const outside = Buffer.from(bytes);
      outside.writeUInt32LE(bytes.length, at + 10);
      writeFileSync(join(dir, 'outside.iso'), outside);
      expect(() => readIsoDirectory(join(dir, 'outside.iso'))).toThrow('目录 /a/b 的区段超出映像范围');

      writeFileSync(join(dir, 'cut.iso'), bytes.subarray(0, bytes.length - 4096));
      expect(() => readIsoDirectory(join(dir, 'cut.iso'))).toThrow('映像被截断');
    });
  });

  describe.skipIf(!has('xorriso'))('xorriso (libisofs) reads the image', () => {
    it('extracts every file byte for byte with its Chinese name', async () => {
      const { dir, image, files } = await sampleImage();
      const out = join(dir, 'out');
      execFileSync('xorriso', ['-abort_on', 'FAILURE', '-indev', image, '-osirrox', 'on', '-extract', '/', out], { stdio: 'pipe' });
      execFileSync('chmod', ['-R', 'u+w', out]); // extracted read-only; the temp folder must be removable
      expectSameTree(out, files);
    });

    it('shows the volume id and dates of the primary descriptor and level-1 names in the primary tree', async () => {
      const { image } = await sampleImage();
      const info = execFileSync('xorriso', ['-abort_on', 'FAILURE', '-indev', image, '-pvd_info', '-toc'], { encoding: 'utf8', stdio: 'pipe' });
      expect(info).toMatch(/Volume Id\s*: QBANK\n/);
      expect(info).toMatch(/ISO session\s*:\s*1\s*,\s*0\s*,\s*\d+s\s*,\s*QBANK\n/);
      expect(info).toMatch(/ISO loaded\s*: Joliet\n/);
      expect(info).toMatch(/Creation Time: 2025030108091012/);
      expect(info).toMatch(/Publisher Id : QBANK\n/);
      const primary = execFileSync('xorriso', ['-abort_on', 'FAILURE', '-read_fs', 'ecma119', '-indev', image, '-find', '/', '-type', 'f'], { encoding: 'utf8', stdio: 'pipe' });
      expect(primary).toContain("'/DATA/0001.QBE'");
      expect(primary).toContain("'/LONG_F_1.TXT'");
      expect(primary).toContain("'/A/B/C/D/E/F/G/DEEP.TXT'");
    });

    it('our reader reads an image xorriso made (-as mkisofs -J)', async () => {
      const dir = tmp();
      const files = new Map([...sampleFiles()].filter(([p]) => !p.startsWith('many/')));
      const src = join(dir, 'src');
      for (const [p, b] of files) {
        mkdirSync(join(src, p, '..'), { recursive: true });
        writeFileSync(join(src, p), b);
      }
      const image = join(dir, 'x.iso');
      execFileSync('xorriso', ['-as', 'mkisofs', '-quiet', '-J', '-joliet-long', '-V', 'XORRISO', '-o', image, src], { stdio: 'pipe' });
      const listing = readIsoDirectory(image);
      expect(listing.pvdVolumeId).toBe('XORRISO');
      const entries = listing.entries.filter((e) => !e.isDirectory);
      expect(entries.map((e) => e.path).sort()).toEqual([...files.keys()].sort());
      for (const e of entries) expect((await readEntry(image, e)).equals(files.get(e.path) as Buffer), e.path).toBe(true);
    });
  });

  describe.skipIf(!has('7z'))('7-Zip reads the Joliet tree', () => {
    it('extracts every file byte for byte with its Chinese name', async () => {
      const { dir, image, files } = await sampleImage();
      const out = join(dir, 'out');
      execFileSync('7z', ['x', '-y', `-o${out}`, image], { stdio: 'pipe' });
      expectSameTree(out, files);
    });
  });

  describe.skipIf(!has('isoinfo'))('isoinfo reads the image', () => {
    it('shows the volume id and the Joliet names', async () => {
      const { image } = await sampleImage();
      expect(execFileSync('isoinfo', ['-d', '-i', image], { encoding: 'utf8' })).toMatch(/Volume id: QBANK/);
      expect(execFileSync('isoinfo', ['-J', '-f', '-i', image], { encoding: 'utf8' })).toContain('/附件6/清单.json');
    });
  });
});
