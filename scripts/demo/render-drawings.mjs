#!/usr/bin/env node
// Writes the sample bank's task drawings (app/demo/drawings) as SVG and PNG so a person can look at them.
// Usage (after `npm run build`): node scripts/demo/render-drawings.mjs [folder]   (default /tmp/drawings)
// DRAWINGS_PX_PER_MM sets the resolution (default 6 px per sheet millimetre); DRAWINGS_DIST another build folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const dist = process.env.DRAWINGS_DIST ?? join(root, 'dist');
const { sampleDrawings } = await import(pathToFileURL(join(dist, 'app/demo/drawings/index.js')).href);
const { rasteriseSvg } = await import(pathToFileURL(join(dist, 'app/readers/svg/rasterise.js')).href);

const out = resolve(process.argv[2] ?? '/tmp/drawings');
/** Pixels per millimetre of the sheet: 6 gives a legible A3 (2520 px wide) and A4. */
const PX_PER_MM = Number(process.env.DRAWINGS_PX_PER_MM ?? 6);
mkdirSync(out, { recursive: true });

const drawings = sampleDrawings();
for (const [k, drawing] of drawings.entries()) {
  const name = `${String(k + 1).padStart(2, '0')}-${drawing.caption}`;
  writeFileSync(join(out, `${name}.svg`), drawing.svg);
  const widthMm = Number(/width="([\d.]+)mm"/.exec(drawing.svg)?.[1] ?? 297);
  const png = await rasteriseSvg(drawing.svg, { widthPx: Math.round(widthMm * PX_PER_MM) });
  writeFileSync(join(out, `${name}.png`), png.png);
  console.log(`${name}.png  ${png.width}×${png.height}  ${drawing.title}`);
}
console.log(`${drawings.length} drawings in ${out}`);
