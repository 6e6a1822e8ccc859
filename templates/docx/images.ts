/**
 * Images of items in Word documents: format and pixel size read from the PNG/JPEG header (no decoder),
 * and the display size — natural size at 96 dpi, scaled down to fit a box, aspect kept.
 */

export interface ImageInfo {
  readonly type: 'png' | 'jpg';
  readonly width: number;
  readonly height: number;
}

/** Format and pixel size of a PNG or JPEG, read from its header; undefined when it is neither. */
export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const b = bytes;
  const u16 = (i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
  const u32 = (i: number) => u16(i) * 65536 + u16(i + 2);
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 24 && PNG.every((v, i) => b[i] === v) && String.fromCharCode(b[12] ?? 0, b[13] ?? 0, b[14] ?? 0, b[15] ?? 0) === 'IHDR') {
    const width = u32(16);
    const height = u32(20);
    return width > 0 && height > 0 ? { type: 'png', width, height } : undefined;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 3 < b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1] ?? 0;
      if (marker === 0xff) {
        i += 1; // fill byte
        continue;
      }
      if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
        i += 2; // markers without a length
        continue;
      }
      const length = u16(i + 2);
      const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isFrame && i + 8 < b.length) {
        const height = u16(i + 5);
        const width = u16(i + 7);
        return width > 0 && height > 0 ? { type: 'jpg', width, height } : undefined;
      }
      if (length < 2) return undefined;
      i += 2 + length;
    }
  }
  return undefined;
}

/** Display size in docx pixels (96 to the inch): natural size, scaled down to fit `maxCm`, never enlarged. */
export function fitImage(size: { readonly width: number; readonly height: number }, maxCm: { readonly width: number; readonly height: number }): { width: number; height: number } {
  const px = (cm: number) => Math.round((cm / 2.54) * 96);
  const scale = Math.min(1, px(maxCm.width) / size.width, px(maxCm.height) / size.height);
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}
