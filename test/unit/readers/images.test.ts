import { describe, expect, it } from 'vitest';
import { ReaderError, ReaderLimitError } from '../../../app/readers/errors.js';
import { acceptImage, sniffImage } from '../../../app/readers/images.js';
import { DEFAULT_LIMITS, withLimits } from '../../../app/readers/limits.js';
import { ELF, EMF, GIF, png } from '../../fixtures/hostile/corpus.js';

/** A baseline JPEG header: SOI, APP0, SOF0 (height 480, width 640). */
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0xff, 0xc0, 0x00, 0x0b, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9,
]);
const BMP = (() => {
  const b = Buffer.alloc(54);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(32, 18);
  b.writeInt32LE(-16, 22);
  return new Uint8Array(b);
})();
const WMF = new Uint8Array([0xd7, 0xcd, 0xc6, 0x9a, 0, 0, 0, 0]);

describe('readers/images', () => {
  describe('#sniffImage', () => {
    it('knows PNG, JPEG, GIF and BMP by their bytes and reads their pixel size', () => {
      expect(sniffImage(png(3, 2))).toEqual({ format: 'png', width: 3, height: 2 });
      expect(sniffImage(JPEG)).toEqual({ format: 'jpeg', width: 640, height: 480 });
      expect(sniffImage(GIF)).toEqual({ format: 'gif', width: 1, height: 1 });
      expect(sniffImage(BMP)).toEqual({ format: 'bmp', width: 32, height: 16 });
    });

    it('knows the vector formats Word embeds, and nothing else', () => {
      expect(sniffImage(EMF)?.format).toBe('emf');
      expect(sniffImage(WMF)?.format).toBe('wmf');
      expect(sniffImage(new TextEncoder().encode('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'))?.format).toBe('svg');
      expect(sniffImage(ELF)).toBeUndefined();
      expect(sniffImage(new Uint8Array())).toBeUndefined();
    });
  });

  describe('#acceptImage', () => {
    it('accepts PNG and JPEG, with the type from the bytes', () => {
      expect(acceptImage(png(3, 2))).toEqual({ contentType: 'image/png', width: 3, height: 2 });
      expect(acceptImage(JPEG)).toEqual({ contentType: 'image/jpeg', width: 640, height: 480 });
    });

    it('refuses an executable, GIF, BMP and vector images with the reason and what to do', () => {
      expect(() => acceptImage(ELF)).toThrow(/不是可识别的 PNG、JPEG、GIF 或 BMP 格式/);
      expect(() => acceptImage(GIF)).toThrow(/GIF 图片不能导入：请在 Word 中将图片另存为 PNG 或 JPEG/);
      expect(() => acceptImage(BMP)).toThrow(/BMP 图片不能导入/);
      expect(() => acceptImage(EMF)).toThrow(/EMF 矢量图/);
      expect(() => acceptImage(WMF)).toThrow(/WMF 矢量图/);
    });

    it('refuses a PNG or JPEG whose header is cut off', () => {
      expect(() => acceptImage(png(3, 2).slice(0, 20))).toThrow(/PNG 图片已损坏/);
      expect(() => acceptImage(JPEG.slice(0, 22))).toThrow(/JPEG 图片已损坏/);
    });

    it('bounds bytes, width or height, and pixels', () => {
      const limitOf = (f: () => unknown) => {
        try {
          f();
        } catch (e) {
          if (e instanceof ReaderLimitError) return e.limit;
          throw e;
        }
        return undefined;
      };
      expect(limitOf(() => acceptImage(png(3, 2), withLimits({ imageBytes: 10 }), '图片 x.png'))).toBe('imageBytes');
      expect(limitOf(() => acceptImage(png(100_000, 1, true)))).toBe('imageSide');
      expect(limitOf(() => acceptImage(png(9000, 9000, true)))).toBe('imagePixels');
      expect(() => acceptImage(png(100_000, 1, true), DEFAULT_LIMITS, '图片 a.png')).toThrow('图片 a.png：图片宽度或高度超过上限 10000 像素（实际 100000 像素）');
      expect(() => acceptImage(ELF)).toThrow(ReaderError);
    });
  });
});
