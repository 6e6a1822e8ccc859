import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { tarSize, writeTar, type TarFileSource } from '../../../media/tar.js';
import { useTempDir } from '../../helpers/tmp.js';

const tmp = useTempDir();

function has(tool: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d !== '' && existsSync(join(d, tool)));
}

function bytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

const MTIME = new Date('2025-05-04T03:02:01.999Z');
const LONG_ASCII = `${'long-ascii-name-'.repeat(7)}end.txt`; // 119 bytes: over the 100 of the ustar name field

const FILES = new Map<string, Buffer>([
  ['附件6/01_题库编制说明.docx', bytes(70_000, 1)],
  ['附件6/清单.json', Buffer.from('{"文件":[]}')],
  ['06_数字签名/01_陈静.p7s', bytes(1500, 2)],
  ['data/0001.qbe', bytes(512, 3)],
  ['data/empty.bin', Buffer.alloc(0)],
  ['a/b/c/d/e/f/g/h/i/deep.txt', Buffer.from('deeper than any ISO')],
  [`a/${LONG_ASCII}`, bytes(1000, 4)],
  [`${'很长的名字'.repeat(16)}.txt`, Buffer.from('244 bytes of UTF-8, near NAME_MAX')],
  ['manifest.json', Buffer.from('{}')],
]);

const sources = (files = FILES): TarFileSource[] =>
  [...files].map(([path, b], i) => ({
    path,
    size: b.length,
    mtime: MTIME,
    open: () => (i % 2 === 0 ? Readable.from([b.subarray(0, 100), b.subarray(100)]) : (async function* () {
      yield b;
    })()),
  }));

async function archive(files = sources()): Promise<Buffer> {
  const parts: Buffer[] = [];
  await writeTar(files, new Writable({ write: (c: Buffer, _e, cb) => (parts.push(Buffer.from(c)), cb()) }));
  return Buffer.concat(parts);
}

/** Header blocks of the archive in order: type flag, size, the name field and the pax `path`, if any. */
function headers(tar: Buffer): { field: string; path: string | null; type: string; size: number }[] {
  const out = [];
  let pax: string | null = null;
  for (let at = 0; at + 512 <= tar.length; ) {
    const h = tar.subarray(at, at + 512);
    if (h.every((b) => b === 0)) break;
    const size = parseInt(h.toString('latin1', 124, 135), 8);
    const type = h.toString('latin1', 156, 157);
    const field = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    if (type === 'x') pax = /^\d+ path=(.*)\n$/s.exec(tar.toString('utf8', at + 512, at + 512 + size))?.[1] ?? null;
    else {
      out.push({ field, path: pax, type, size });
      pax = null;
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('tar', () => {
  describe('#writeTar', () => {
    it('writes exactly tarSize bytes, the same bytes every time, ending with two zero blocks', async () => {
      const a = await archive();
      expect(a.length).toBe(tarSize(sources()));
      expect(a.length % 512).toBe(0);
      expect(a.subarray(-1024).every((b) => b === 0)).toBe(true);
      expect((await archive([...sources()].reverse())).equals(a)).toBe(true);
    });

    it('writes each parent folder before its contents and a pax header only for names ustar cannot hold', async () => {
      const list = headers(await archive());
      expect(list.slice(0, 4)).toEqual([
        { field: '06_____/', path: '06_数字签名/', type: '5', size: 0 },
        { field: '06_____/01___.p7s', path: '06_数字签名/01_陈静.p7s', type: '0', size: 1500 },
        { field: 'a/', path: null, type: '5', size: 0 },
        { field: 'a/b/', path: null, type: '5', size: 0 },
      ]);
      // a pax header ('x') precedes exactly the entries whose names are not plain ASCII or over 100 bytes
      expect(list.filter((h) => h.path !== null).map((h) => h.path)).toEqual([
        '06_数字签名/',
        '06_数字签名/01_陈静.p7s',
        `a/${LONG_ASCII}`,
        `${'很长的名字'.repeat(16)}.txt`,
        '附件6/',
        '附件6/01_题库编制说明.docx',
        '附件6/清单.json',
      ]);
      expect(list.find((h) => h.field === 'data/0001.qbe')).toEqual({ field: 'data/0001.qbe', path: null, type: '0', size: 512 });
    });

    it('stops with the file named when a source yields fewer or more bytes than declared', async () => {
      const short = [{ path: '附件6/短.bin', size: 10, mtime: MTIME, open: () => Readable.from([Buffer.alloc(3)]) }];
      await expect(archive(short)).rejects.toThrow('文件 附件6/短.bin 的实际长度与声明不符：声明 10 字节，实际 3 字节');
      const long = [{ path: 'x.bin', size: 1, mtime: MTIME, open: () => Readable.from([Buffer.alloc(3)]) }];
      await expect(archive(long)).rejects.toThrow('实际超过 1 字节');
    });

    it.each([
      ['a parent reference', '../etc/passwd', '文件路径无效'],
      ['an absolute path', '/etc/passwd', '文件路径无效'],
      ['an empty component', 'a//b', '文件路径无效'],
    ])('refuses %s', (_what, path, message) => {
      expect(() => tarSize([{ path, size: 0, mtime: MTIME }])).toThrow(message);
    });

    it('refuses a duplicate and a file where a folder is', () => {
      expect(() => tarSize([{ path: 'a', size: 0, mtime: MTIME }, { path: 'a', size: 0, mtime: MTIME }])).toThrow('文件路径重复：a');
      expect(() => tarSize([{ path: 'a', size: 0, mtime: MTIME }, { path: 'a/b', size: 0, mtime: MTIME }])).toThrow('既是文件又是文件夹');
    });

    it('waits for drain: a slow reader behind a small buffer gets every byte', async () => {
      const pass = new PassThrough({ highWaterMark: 1024 });
      const parts: Buffer[] = [];
      const reading = (async () => {
        for await (const c of pass) {
          parts.push(c as Buffer);
          await new Promise((r) => setTimeout(r, 1));
        }
      })();
      await writeTar(sources(), pass);
      pass.end();
      await reading;
      expect(Buffer.concat(parts).equals(await archive())).toBe(true);
    });
  });

  describe.skipIf(!has('tar'))('GNU tar / bsdtar extract it', () => {
    it('extracts the Chinese and long paths, the bytes, the modes and the date', async () => {
      const dir = tmp();
      const file = join(dir, 'x.tar');
      writeFileSync(file, await archive());
      const out = join(dir, 'out');
      execFileSync('mkdir', [out]);
      execFileSync('tar', ['-xf', file, '-C', out], { stdio: 'pipe' });
      const found = new Map<string, Buffer>();
      const walk = (rel: string) => {
        for (const e of readdirSync(join(out, rel), { withFileTypes: true })) {
          const p = rel === '' ? e.name : `${rel}/${e.name}`;
          if (e.isDirectory()) {
            expect(statSync(join(out, p)).mode & 0o777).toBe(0o755);
            walk(p);
          } else found.set(p, readFileSync(join(out, p)));
        }
      };
      walk('');
      expect([...found.keys()].sort()).toEqual([...FILES.keys()].sort());
      for (const [p, b] of FILES) expect(found.get(p)?.equals(b), p).toBe(true);
      const st = statSync(join(out, '附件6', '清单.json'));
      expect(st.mtime.getTime()).toBe(Math.floor(MTIME.getTime() / 1000) * 1000);
      const listing = execFileSync('tar', ['-tvf', file, '--numeric-owner'], { encoding: 'utf8' });
      expect(listing).toMatch(/^drwxr-xr-x 0\/0\s+0 2025-05-0\d \d\d:\d\d 附件6\/$/m);
      expect(listing).toMatch(/^-rw-r--r-- 0\/0\s+70000 2025-05-0\d \d\d:\d\d 附件6\/01_题库编制说明.docx$/m);
    });
  });
});
