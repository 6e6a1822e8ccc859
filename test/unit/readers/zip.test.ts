import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ReaderError, ReaderLimitError } from '../../../app/readers/errors.js';
import { withLimits } from '../../../app/readers/limits.js';
import { openZip } from '../../../app/readers/zip.js';
import { zipOf } from '../../fixtures/hostile/zip-writer.js';

const text = (n: number) => 'x'.repeat(n);
const limitOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ReaderLimitError) return { limit: e.limit, message: e.message };
    throw e;
  }
  throw new Error('no limit error');
};

describe('readers/zip', () => {
  describe('#openZip', () => {
    it('reads stored and deflated entries back, checking size and CRC-32, with OPC names case-insensitive', () => {
      const zip = openZip(zipOf([{ name: 'a.xml', data: '<a/>' }, { name: 'word/Media/B.bin', data: new Uint8Array([1, 2, 3]), method: 0 }]));
      expect(zip.entries.map((e) => e.name)).toEqual(['a.xml', 'word/Media/B.bin']);
      expect(zip.text('/A.XML')).toBe('<a/>');
      expect([...zip.read(zip.entry('word/media/b.bin')!)]).toEqual([1, 2, 3]);
      expect(zip.entry('missing')).toBeUndefined();
    });

    it('refuses bytes that are not a ZIP archive, an empty file and a cut one', () => {
      const good = zipOf([{ name: 'a.xml', data: text(1000) }]);
      for (const bytes of [new TextEncoder().encode('题型,题干\n'), new Uint8Array(), good.slice(0, good.length - 30), good.slice(0, 40)]) {
        expect(() => openZip(bytes)).toThrow(ReaderError);
      }
    });

    it('refuses a file over the file size bound before reading anything', () => {
      expect(limitOf(() => openZip(zipOf([{ name: 'a', data: text(5000), method: 0 }]), withLimits({ fileBytes: 1000 })))).toMatchObject({ limit: 'fileBytes', message: expect.stringContaining('文件大小超过上限 1000 字节') });
    });

    it('refuses too many entries', () => {
      const entries = Array.from({ length: 11 }, (_, k) => ({ name: `f${k}.xml`, data: '<a/>' }));
      expect(limitOf(() => openZip(zipOf(entries), withLimits({ zipEntries: 10 })))).toMatchObject({ limit: 'zipEntries', message: expect.stringContaining('压缩包内的文件数超过上限 10 个（实际 11 个）') });
    });

    it('refuses a declared entry size over the bound, and a total over the bound', () => {
      expect(limitOf(() => openZip(zipOf([{ name: 'big.xml', data: text(100), declaredSize: 4_000_000_000 }])))).toMatchObject({ limit: 'entryBytes', message: expect.stringContaining('big.xml') });
      const two = zipOf([{ name: 'a', data: text(600) }, { name: 'b', data: text(600) }]);
      expect(limitOf(() => openZip(two, withLimits({ totalBytes: 1000 })))).toMatchObject({ limit: 'totalBytes' });
    });

    it('refuses the compression ratio of a zip bomb, but not small well-compressed parts', () => {
      const bomb = zipOf([{ name: 'word/document.xml', data: text(4 * 1024 * 1024) }]);
      expect(limitOf(() => openZip(bomb))).toMatchObject({ limit: 'compressionRatio', message: expect.stringContaining('压缩比') });
      expect(() => openZip(zipOf([{ name: 'small.xml', data: text(100_000) }]))).not.toThrow();
    });

    it('refuses duplicate entry names, also when they differ only in case', () => {
      expect(() => openZip(zipOf([{ name: 'word/document.xml', data: '<a/>' }, { name: 'word/document.xml', data: '<b/>' }]))).toThrow(/重名文件 word\/document.xml/);
      expect(() => openZip(zipOf([{ name: 'Word/Document.xml', data: '<a/>' }, { name: 'word/document.xml', data: '<b/>' }]))).toThrow(/重名文件/);
    });

    it('refuses entries whose data overlap (the overlapping zip bomb)', () => {
      // b.xml's local header and data sit inside a.xml's stored data; b's central record points there
      const inner = zipOf([{ name: 'b.xml', data: '<b/>', method: 0 }]).subarray(0, 30 + 5 + 4);
      const bytes = Buffer.from(zipOf([{ name: 'a.xml', data: inner, method: 0 }, { name: 'b.xml', data: '<b/>', method: 0 }]));
      const cdOffset = bytes.readUInt32LE(bytes.length - 6);
      bytes.writeUInt32LE(30 + 5, cdOffset + 46 + 5 + 42);
      const forged = new Uint8Array(bytes);
      expect(() => openZip(forged)).toThrow(/b.xml 与其他文件的数据重叠/);
    });

    it('refuses encryption, unknown methods and ZIP64 end records', () => {
      const good = Buffer.from(zipOf([{ name: 'a.xml', data: '<a/>' }]));
      const cd = good.readUInt32LE(good.length - 6);
      const encrypted = Buffer.from(good);
      encrypted.writeUInt16LE(0x0801, cd + 8);
      expect(() => openZip(new Uint8Array(encrypted))).toThrow(/已加密/);
      const bzip = Buffer.from(good);
      bzip.writeUInt16LE(12, cd + 10);
      expect(() => openZip(new Uint8Array(bzip))).toThrow(/不支持的压缩方法（12）/);
      const zip64 = Buffer.from(good);
      zip64.writeUInt16LE(0xffff, zip64.length - 12);
      expect(() => openZip(new Uint8Array(zip64))).toThrow(/ZIP64/);
    });
  });

  describe('#read', () => {
    it('refuses a CRC-32 that does not match', () => {
      const zip = openZip(zipOf([{ name: 'a.xml', data: '<a>1</a>', crc: 0x12345678 }]));
      expect(() => zip.text('a.xml')).toThrow(/a.xml CRC32 校验失败/);
      expect(() => zip.verifyAll()).toThrow(/CRC32/);
    });

    it('stops inflating at the declared size: an entry that inflates to more is refused, as is one that inflates to less', () => {
      const liar = openZip(zipOf([{ name: 'bomb.xml', data: text(3_000_000), declaredSize: 1000 }]));
      expect(() => liar.verifyAll()).toThrow(/实际大小（超过 1000 字节）/);
      const short = openZip(zipOf([{ name: 'short.xml', data: text(10), declaredSize: 1000 }]));
      expect(() => short.verifyAll()).toThrow(/实际大小（10 字节）与声明的 1000 字节不符/);
    });

    it('refuses deflate data that is damaged', () => {
      const raw = deflateRawSync(Buffer.from(text(5000)));
      const bytes = Buffer.from(zipOf([{ name: 'a.xml', data: text(5000) }]));
      const at = bytes.indexOf(raw);
      bytes.fill(0xff, at + 2, at + 8);
      expect(() => openZip(new Uint8Array(bytes)).verifyAll()).toThrow(ReaderError);
    });
  });
});
