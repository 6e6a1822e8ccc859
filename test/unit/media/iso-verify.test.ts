import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readIsoDirectory, type IsoEntry } from '../../../media/iso/reader.js';
import { verifyIsoStructure } from '../../../media/iso/verify.js';
import { writeIso, type IsoFileSource } from '../../../media/iso/writer.js';
import { useTempDir } from '../../helpers/tmp.js';

const tmp = useTempDir();

/** Deterministic bytes (a linear congruential generator is enough here). */
function bytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

const FILES = new Map<string, Buffer>([
  ['data/0001.qbe', bytes(100_000, 1)],
  ['data/0002.qbe', bytes(2048, 2)],
  ['data/0003.qbe', bytes(0, 3)],
  ['附件6/清单.json', Buffer.from('{"文件":[]}')],
  ['06_数字签名/01_陈静.p7s', bytes(1500, 4)],
  ['a/b/c/说明.txt', Buffer.from('nested')],
  ['z-last.bin', bytes(3001, 5)],
]);

const sources = (): IsoFileSource[] => [...FILES].map(([path, b]) => ({ path, size: b.length, open: () => Readable.from([b]) }));

async function image(): Promise<{ dir: string; path: string; bytes: Buffer; entries: IsoEntry[] }> {
  const parts: Buffer[] = [];
  const out = new Writable({ write: (c: Buffer, _e, cb) => (parts.push(Buffer.from(c)), cb()) });
  await writeIso(sources(), { volumeId: '机密★题库报送', publisher: 'QBANK 工作站', preparer: '张三', date: new Date('2025-06-30T23:59:58.990Z') }, out);
  const dir = tmp();
  const path = join(dir, 'ok.iso');
  writeFileSync(path, Buffer.concat(parts));
  return { dir, path, bytes: Buffer.concat(parts), entries: readIsoDirectory(path).entries };
}

/** The image with one byte changed (every bit flipped), written beside the original. */
function flipped(img: { dir: string; bytes: Buffer }, offset: number, mask = 0xff): string {
  const b = Buffer.from(img.bytes);
  b[offset] = (b[offset] as number) ^ mask;
  const path = join(img.dir, `flip-${offset}.iso`);
  writeFileSync(path, b);
  return path;
}

const entry = (entries: IsoEntry[], path: string) => entries.find((e) => e.path === path) as IsoEntry;
const SECTOR = 2048;

describe('iso-verify', () => {
  describe('#verifyIsoStructure', () => {
    it('finds nothing wrong with an image as written', async () => {
      const img = await image();
      expect(verifyIsoStructure(img.path)).toEqual({ ok: true, problems: [] });
    });

    it.each<[string, (img: { bytes: Buffer; entries: IsoEntry[] }) => number, string]>([
      ['the system area', () => 1000, '系统区'],
      ['the primary volume descriptor (its publisher)', () => 16 * SECTOR + 320, '主卷描述符'],
      ['the Joliet supplementary volume descriptor (its escape sequence)', () => 17 * SECTOR + 90, 'Joliet 补充卷描述符'],
      ['the volume descriptor set terminator (its type)', () => 18 * SECTOR, '卷描述符集终止符'],
      ['the primary type L path table (the root extent)', () => 19 * SECTOR + 2, '主 L 型路径表'],
      ['the Joliet type M path table', ({ bytes }) => bytes.readUInt32BE(17 * SECTOR + 148) * SECTOR + 5, 'Joliet M 型路径表'],
      ['a Joliet directory (a date in a record)', ({ entries }) => entry(entries, 'data').offset + 2 * 34 + 18, 'Joliet 目录 /data'],
      ['a Joliet directory (the unused end of its sector)', ({ entries }) => entry(entries, 'a/b').offset + 2000, 'Joliet 目录 /a/b'],
      ['the primary root directory', ({ bytes }) => bytes.readUInt32LE(16 * SECTOR + 156 + 2) * SECTOR + 40, '主目录 /'],
      ['the padding after a file', ({ entries }) => entry(entries, 'data/0001.qbe').offset + 100_000 + 5, '文件 data/0001.qbe 之后的填充'],
      ['the padding at the end of the last sector (data in path order)', ({ bytes }) => bytes.length - 1, '文件 附件6/清单.json 之后的填充'],
    ])('reports a byte changed in %s with its region and offset', async (_what, at, region) => {
      const img = await image();
      const offset = at(img);
      const verdict = verifyIsoStructure(flipped(img, offset));
      expect(verdict.ok).toBe(false);
      expect(verdict.problems).toContainEqual({ offset, region });
    });

    it('finds a change in a field recorded only once (the Joliet volume id) by the metadata digest', async () => {
      const img = await image();
      const offset = 17 * SECTOR + 40; // high byte of '机' (U+673A) → U+663A, still a CJK character
      const verdict = verifyIsoStructure(flipped(img, offset, 0x01));
      expect(verdict).toEqual({ ok: false, problems: [{ offset: expect.any(Number), region: expect.stringContaining('元数据摘要') }] });
    });

    it('finds a changed Chinese file name, though the primary tree records it as "_"', async () => {
      const img = await image();
      const dir = entry(img.entries, '06_数字签名').offset;
      const name = img.bytes.indexOf(Buffer.from('9648', 'hex'), dir); // '陈' in UCS-2 big-endian
      expect(verifyIsoStructure(flipped(img, name + 1, 0x01)).ok).toBe(false);
    });

    it('does not report a change inside file data: the caller checks content (authenticated encryption)', async () => {
      const img = await image();
      expect(verifyIsoStructure(flipped(img, entry(img.entries, 'data/0001.qbe').offset + 50_000))).toEqual({ ok: true, problems: [] });
    });

    it('reports data after the end and a truncated image, and accepts zeros after the end (a disc read back)', async () => {
      const img = await image();
      writeFileSync(join(img.dir, 'long.iso'), Buffer.concat([img.bytes, Buffer.alloc(4096), Buffer.from('x')]));
      expect(verifyIsoStructure(join(img.dir, 'long.iso')).problems).toEqual([{ offset: img.bytes.length + 4096, region: '映像末尾' }]);
      writeFileSync(join(img.dir, 'zeros.iso'), Buffer.concat([img.bytes, Buffer.alloc(300 * 1024)]));
      expect(verifyIsoStructure(join(img.dir, 'zeros.iso')).ok).toBe(true);
      writeFileSync(join(img.dir, 'cut.iso'), img.bytes.subarray(0, img.bytes.length - 100));
      expect(verifyIsoStructure(join(img.dir, 'cut.iso')).ok).toBe(false);
    });

    it('reports what cannot be parsed at all in Chinese', async () => {
      const img = await image();
      writeFileSync(join(img.dir, 'tiny.iso'), img.bytes.subarray(0, 10 * SECTOR));
      const verdict = verifyIsoStructure(join(img.dir, 'tiny.iso'));
      expect(verdict.ok).toBe(false);
      expect(verdict.problems[0]?.region).toMatch(/^映像结构无法解析：.*不是可读取的 ISO 9660 映像/);
    });

    it('finds every one of 300 single-byte changes spread over all metadata and padding', async () => {
      const img = await image();
      const firstData = Math.min(...img.entries.filter((e) => !e.isDirectory && e.size > 0).map((e) => e.offset));
      const padding = img.entries
        .filter((e) => !e.isDirectory && e.size % SECTOR !== 0)
        .flatMap((e) => Array.from({ length: SECTOR - (e.size % SECTOR) }, (_, i) => e.offset + e.size + i));
      const candidates = [...Array.from({ length: firstData }, (_, i) => i), ...padding];
      let seed = 7;
      const missed: number[] = [];
      for (let k = 0; k < 300; k++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        const offset = candidates[seed % candidates.length] as number;
        const path = flipped(img, offset, 1 << (k % 8));
        if (verifyIsoStructure(path).ok) missed.push(offset);
      }
      expect(missed).toEqual([]);
    });
  });
});
