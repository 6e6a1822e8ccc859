/** Reading back the PNGs of the SVG rasteriser in tests: pixels, and how much of them is ink. */
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly rows: readonly Uint8Array[];
}

/** The 8-bit pixels of a non-interlaced PNG (grey, grey+alpha, RGB or RGBA): enough for resvg's output. */
export function decodePng(png: Uint8Array): DecodedPng {
  const view = Buffer.from(png);
  let at = 8;
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  let channels = 4;
  while (at < view.length) {
    const length = view.readUInt32BE(at);
    const type = view.toString('latin1', at + 4, at + 8);
    const data = view.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit non-interlaced PNG');
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : data[9] === 4 ? 2 : 1;
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows: Uint8Array[] = [];
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (out[x - channels] as number) : 0;
      const b = previous[x] as number;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const c = x >= channels ? (previous[x - channels] as number) : 0;
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[x] = ((line[x] as number) + predictor) & 0xff;
    }
    rows.push(out);
    previous = out;
  }
  return { width, height, channels, rows };
}

/** Pixels whose first channel is darker than mid-grey. */
export function darkPixels(png: Uint8Array): number {
  const { rows, channels } = decodePng(png);
  let dark = 0;
  for (const row of rows) for (let x = 0; x < row.length; x += channels) if ((row[x] as number) < 128) dark++;
  return dark;
}
