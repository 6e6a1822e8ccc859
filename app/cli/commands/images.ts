/** `qbank images …`: pictures of items by their SHA-256 (images.put, images.get, images.export). */
import { invoke } from '../../services/handler.js';
import { handlers } from '../../services/registry.js';
import { bankOption, outOption, readInput, stringOption, UsageError } from '../command.js';
import { arg, call, groupCommand } from '../group.js';
import { imagesText } from '../messages/images.js';

/** Largest picture file read: the image reader refuses far smaller ones with its own message. */
const IMAGE_FILE_MAX_BYTES = 50 * 1024 * 1024;

function shaArg(args: readonly string[]): string {
  const v = arg(args, 0, imagesText.sha256).toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(v)) throw new UsageError(imagesText.badSha(v));
  return v;
}

function svgWidth(text: string | undefined): { svgWidthPx?: number } {
  if (text === undefined) return {};
  const n = Number(text);
  if (!Number.isInteger(n) || n < 100 || n > 8000) throw new UsageError(imagesText.badWidth(text));
  return { svgWidthPx: n };
}

export const imagesCommand = groupCommand(
  'images',
  imagesText.summary,
  [
    {
      name: 'put',
      usage: imagesText.putUsage,
      summary: imagesText.putSummary,
      run: async (ctx, s, args) => {
        const input = { bankId: bankOption(ctx), bytes: readInput(ctx, arg(args, 0, imagesText.file), IMAGE_FILE_MAX_BYTES), ...svgWidth(stringOption(ctx, 'svg-width')) };
        await call(ctx, s, handlers['images.put'], input, (r) => [imagesText.stored(r.sha256, r.contentType, r.width, r.height, r.bytes)]);
      },
    },
    {
      name: 'show',
      usage: imagesText.showUsage,
      summary: imagesText.showSummary,
      // Only what the picture is, never its bytes (not even with --json): `export` writes it out.
      run: async (ctx, s, args) => {
        const sha256 = shaArg(args);
        const image = await invoke(s, handlers['images.get'], { bankId: bankOption(ctx), sha256 });
        const facts = { sha256, contentType: image.contentType, bytes: image.bytes.byteLength };
        ctx.io.out(ctx.values.json === true ? `${JSON.stringify(facts, null, 2)}\n` : `${imagesText.shown(sha256, facts.contentType, facts.bytes)}\n`);
      },
    },
    {
      name: 'export',
      usage: imagesText.exportUsage,
      summary: imagesText.exportSummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['images.export'], { bankId: bankOption(ctx), sha256: shaArg(args), outDir: outOption(ctx) }, (f) => [imagesText.exported(f.absolutePath, f.bytes)])),
    },
  ],
  { bank: { type: 'string' }, out: { type: 'string' }, 'svg-width': { type: 'string' } },
);
