import { describe, expect, it } from 'vitest';
import { ReaderError } from '../../../../app/readers/errors.js';
import { svgForbiddenLabels, svgMessages } from '../../../../app/readers/svg/messages.js';
import { rasteriseSvg, SVG_LIMITS } from '../../../../app/readers/svg/rasterise.js';
import { darkPixels, decodePng } from './png-pixels.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const svg = (body: string, attributes = 'width="200" height="100" viewBox="0 0 200 100"') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attributes}>${body}</svg>`;

async function refusal(input: string | Uint8Array, options = {}): Promise<string> {
  try {
    await rasteriseSvg(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ReaderError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('readers/svg/rasterise', () => {
  it('renders an SVG to a PNG of the asked width, the height following the aspect', async () => {
    const out = await rasteriseSvg(svg('<rect x="10" y="10" width="180" height="80" fill="none" stroke="#000" stroke-width="2"/>'), { widthPx: 400 });
    expect([...out.png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(out.width).toBe(400);
    expect(out.height).toBe(200);
    const decoded = decodePng(out.png);
    expect([decoded.width, decoded.height]).toEqual([400, 200]);
    expect(darkPixels(out.png)).toBeGreaterThan(1000);
  });

  it('takes bytes as well as text, and the SVG’s own size when no width is asked', async () => {
    const out = await rasteriseSvg(new TextEncoder().encode(svg('<circle cx="100" cy="50" r="40"/>')));
    expect([out.width, out.height]).toEqual([200, 100]);
  });

  it('renders Chinese text (title blocks) with a CJK system font', async () => {
    const blank = await rasteriseSvg(svg('<rect width="200" height="100" fill="#fff"/>'), { widthPx: 400 });
    expect(darkPixels(blank.png)).toBe(0);
    const text = await rasteriseSvg(svg('<text x="10" y="60" font-size="36" font-family="Noto Sans CJK SC, sans-serif">轴承座</text>'), { widthPx: 400 });
    expect(darkPixels(text.png)).toBeGreaterThan(500);
    const defaultFace = await rasteriseSvg(svg('<text x="10" y="60" font-size="36">制图员</text>'), { widthPx: 400 });
    expect(darkPixels(defaultFace.png)).toBeGreaterThan(500);
  });

  it('allows references inside the document (#id) in href and url()', async () => {
    const body =
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient><path id="p" d="M0 0L10 10"/></defs>' +
      '<use href="#p" stroke="#000"/><use xlink:href="#p"/><rect width="50" height="50" fill="url(#g)"/>';
    expect((await rasteriseSvg(svg(body))).width).toBe(200);
  });

  it.each([
    ['doctype', '<!DOCTYPE svg [<!ENTITY a "aaaa">]>' + svg('<text>&a;</text>')],
    ['doctype', svg('<!ENTITY x SYSTEM "file:///etc/passwd">')],
    ['script', svg('<script>alert(1)</script>')],
    ['script', svg('<svg:SCRIPT xmlns:svg="http://www.w3.org/2000/svg"/>')],
    ['foreignObject', svg('<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>')],
    ['image', svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="10" height="10"/>')],
    ['image', svg('<image xlink:href="/etc/passwd" width="10" height="10"/>')],
    ['externalHref', svg('<use href="other.svg#a"/>')],
    ['externalHref', svg('<use xlink:href="file:///etc/hosts#a"/>')],
    ['externalHref', svg('<a href="http://example.invalid/"><rect width="5" height="5"/></a>')],
    ['externalHref', svg('<feImage href="/tmp/x.png"/>')],
    ['externalUrl', svg('<rect width="5" height="5" fill="url(http://example.invalid/p.svg#g)"/>')],
    ['externalUrl', svg('<style>@import "x.css";</style>')],
    ['stylesheet', '<?xml-stylesheet type="text/css" href="x.css"?>' + svg('')],
  ] as const)('refuses %s', async (what, input) => {
    expect(await refusal(input)).toBe(svgMessages.forbidden(what));
    expect(svgForbiddenLabels[what]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses an SVG over the size bound before reading it', async () => {
    const big = svg(`<!--${'x'.repeat(SVG_LIMITS.bytes)}-->`);
    expect(await refusal(big)).toMatch(/^SVG 图形大小超过上限 2 MB（实际 2 MB）/);
  });

  it('refuses bytes that are not UTF-8, text without an <svg> root, and damaged XML', async () => {
    expect(await refusal(new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0xff, 0xfe]))).toBe(svgMessages.notUtf8);
    expect(await refusal('<html></html>')).toBe(svgMessages.notSvg);
    expect(await refusal('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect></svg>')).toMatch(/^SVG 图形无法解析/);
  });

  it('refuses nesting deeper than the bound', async () => {
    const deep = svg(`${'<g>'.repeat(SVG_LIMITS.depth + 5)}${'</g>'.repeat(SVG_LIMITS.depth + 5)}`);
    expect(await refusal(deep)).toMatch(/XML 嵌套层数超过上限/);
  });

  it('refuses an SVG that crashes the native renderer, and the program goes on', async () => {
    // resvg 0.x panics (process abort) on nested clip paths whose content lies outside the view box.
    const crash =
      '<defs><clipPath id="a"><rect width="10" height="10"/><rect x="50" y="50" width="10" height="10"/></clipPath>' +
      '<clipPath id="b"><rect x="200" y="200" width="10" height="10"/></clipPath><clipPath id="c"><rect width="50" height="50"/></clipPath></defs>' +
      '<g clip-path="url(#a)"><g clip-path="url(#b)"><rect x="200" y="200" width="10" height="10"/></g>' +
      '<g clip-path="url(#c)"><rect width="20" height="20"/></g></g>';
    expect(await refusal(svg(crash, 'width="100" height="100" viewBox="0 0 100 100"'))).toBe(svgMessages.crashed);
    expect((await rasteriseSvg(svg('<circle cx="100" cy="50" r="40"/>'))).width).toBe(200);
  });

  it('bounds the output pixels before rendering', async () => {
    expect(await refusal(svg('', 'width="100000" height="100000"'))).toBe(svgMessages.tooManyPixels(100000, 100000, SVG_LIMITS.side));
    expect(await refusal(svg('', 'width="10000" height="10000"'))).toBe(svgMessages.tooManyPixelsTotal(100_000_000, SVG_LIMITS.pixels));
    expect(await refusal(svg('', 'width="10" height="1000"'), { widthPx: 1000 })).toBe(svgMessages.tooManyPixels(1000, 100000, SVG_LIMITS.side));
    expect(await refusal(svg(''), { widthPx: 0 })).toBe(svgMessages.badWidth(SVG_LIMITS.side));
    expect(await refusal(svg(''), { widthPx: 2.5 })).toBe(svgMessages.badWidth(SVG_LIMITS.side));
  });
});
