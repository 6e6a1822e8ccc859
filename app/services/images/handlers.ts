/**
 * Images of items (附图 of practical tasks, figures of theory items): stored once by content hash, as the
 * documents embed them. An image is accepted by its bytes (app/readers/images.ts: PNG or JPEG within
 * the byte, side and pixel bounds), never by its name; the item then refers to it by SHA-256. A vector
 * drawing (SVG, as CAD programs export it) is rendered to a PNG first (app/readers/svg: no scripts, no
 * outside references, bounded) at print resolution, and the PNG is what is stored. Reading an image back
 * is a 调阅 of item content; so is exporting it to a file (`images.export`), which leaves through
 * app/services/output like every file the program writes (write-target check, 存档 register).
 */
import { z } from 'zod';
import { acceptImage, sniffImage } from '../../readers/images.js';
import { PRINT_WIDTH_PX, rasteriseSvg } from '../../readers/svg/rasterise.js';
import { ReaderError } from '../../readers/errors.js';
import { getImage, putImage } from '../../store/repositories/images.js';
import { sha256Hex } from '../../../crypto/digest.js';
import { requireBank } from '../banks/context.js';
import { timestamp } from '../context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { writeOutputFile, type WrittenFile } from '../output/write.js';
import { imagesMessages as M } from './messages.js';

const bankId = z.number().int().positive();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export interface StoredImage {
  readonly sha256: string;
  readonly contentType: 'image/png' | 'image/jpeg';
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
}

export const imageHandlers = handlerMap(
  defineHandler({
    name: 'images.put',
    summary: '保存试题图片（PNG、JPEG，或渲染为 PNG 的 SVG 矢量图）',
    input: z.object({
      bankId,
      bytes: z.instanceof(Uint8Array),
      /** Width in pixels an SVG is rendered at (default: A4 text width at about 250 dpi). */
      svgWidthPx: z.number().int().min(100).max(8000).default(PRINT_WIDTH_PX),
    }),
    roles: ['manager', 'author'],
    register: '',
    secret: true,
    bank: bankOf('manager', 'author'),
    objects: (i, out: StoredImage) => [`bank:${String(i.bankId)}`, `image:${out.sha256.slice(0, 16)}`],
    run: async (ctx, input): Promise<StoredImage> => {
      requireBank(ctx, input.bankId);
      let bytes: Uint8Array = input.bytes;
      let accepted;
      try {
        if (sniffImage(bytes)?.format === 'svg') bytes = (await rasteriseSvg(bytes, { widthPx: input.svgWidthPx })).png;
        accepted = acceptImage(bytes);
      } catch (e) {
        if (e instanceof ReaderError) throw new ServiceError(M.refused(e.message));
        throw e;
      }
      const hash = sha256Hex(bytes);
      putImage(ctx.db, { sha256: hash, contentType: accepted.contentType, bytes }, ctx.actor.username, timestamp(ctx));
      return { sha256: hash, contentType: accepted.contentType, width: accepted.width, height: accepted.height, bytes: bytes.byteLength };
    },
  }),
  defineHandler({
    name: 'images.get',
    summary: '查看试题图片',
    input: z.object({ bankId, sha256 }),
    roles: ['manager', 'author', 'reviewer'],
    register: '调阅',
    secret: true,
    bank: bankOf('manager', 'author', 'reviewer'),
    objects: (i) => [`bank:${String(i.bankId)}`, `image:${i.sha256.slice(0, 16)}`],
    run: (ctx, input): { contentType: 'image/png' | 'image/jpeg'; bytes: Uint8Array } => {
      requireBank(ctx, input.bankId);
      const image = getImage(ctx.db, input.sha256);
      if (image === undefined) throw new ServiceError(M.notFound(input.sha256));
      return image;
    },
  }),
  defineHandler({
    name: 'images.export',
    summary: '导出试题图片（写入文件）',
    input: z.object({ bankId, sha256, outDir: z.string().trim().min(1) }),
    roles: ['manager', 'author', 'reviewer'],
    register: '调阅',
    secret: true,
    bank: bankOf('manager', 'author', 'reviewer'),
    objects: (i, out: WrittenFile) => [`bank:${String(i.bankId)}`, `image:${i.sha256.slice(0, 16)}`, `file:${out.path}`],
    run: (ctx, input): WrittenFile => {
      requireBank(ctx, input.bankId);
      const image = getImage(ctx.db, input.sha256);
      if (image === undefined) throw new ServiceError(M.notFound(input.sha256));
      return writeOutputFile(ctx, input.outDir, M.fileName(input.sha256, image.contentType === 'image/png' ? 'png' : 'jpg'), image.bytes, { classified: true });
    },
  }),
);
