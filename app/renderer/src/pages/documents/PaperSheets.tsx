/**
 * A document as A4-proportioned white sheets: the blocks (a title, an item, a table row group …) are
 * measured once in a hidden column of the page's text width, then laid onto pages — a block that
 * does not fit starts the next page, `breakBefore` always does, `keepWithNext` moves a heading with
 * what follows. Every page prints the secrecy mark (and a sample bank's note) top left and
 * `第 X 页 共 Y 页` at the foot, as the .docx header and footer do. Pure layout: no text of its own
 * beyond what it is given.
 */
import { useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';

export interface Block {
  readonly key: string;
  readonly node: ReactNode;
  readonly breakBefore?: boolean;
  readonly keepWithNext?: boolean;
}

/** Sheet size: A4 (210 × 297 mm) at 640 px wide. */
export const PAGE = { width: 640, height: Math.round((640 * 297) / 210), marginX: 60, top: 64, bottom: 52 } as const;
const TEXT_WIDTH = PAGE.width - 2 * PAGE.marginX;
const TEXT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

export const FONTS = {
  body: '"SimSun", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", serif',
  heading: '"SimHei", "Heiti SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif',
} as const;

const sheet: CSSProperties = {
  position: 'relative',
  width: PAGE.width,
  height: PAGE.height,
  background: '#fff',
  boxShadow: '0 1px 6px rgba(0, 0, 0, 0.25)',
  margin: '0 auto 24px',
  fontFamily: FONTS.body,
  fontSize: 12,
  lineHeight: 1.6,
  color: '#000',
  overflow: 'hidden',
};

/** Pages as lists of block indexes. */
export function paginate(heights: readonly number[], blocks: readonly Block[], room: number): number[][] {
  const pages: number[][] = [[]];
  let used = 0;
  const current = () => pages[pages.length - 1] ?? [];
  for (let i = 0; i < blocks.length; i++) {
    const h = heights[i] ?? 0;
    // A heading kept with the next block: the run of kept blocks and the one after it must fit together.
    let need = h;
    for (let j = i; blocks[j]?.keepWithNext === true && j + 1 < blocks.length; j++) need += heights[j + 1] ?? 0;
    const fresh = current().length === 0;
    if (!fresh && (blocks[i]?.breakBefore === true || used + h > room || (need > h && used + need > room && need <= room))) {
      pages.push([]);
      used = 0;
    }
    current().push(i);
    used += h;
  }
  return pages;
}

function Page(props: { mark: string; note: string; number: number; total: number; footer: (n: number, total: number) => string; children: ReactNode }) {
  return (
    <div style={sheet} data-testid="sheet">
      <div style={{ position: 'absolute', top: 20, left: PAGE.marginX, fontFamily: FONTS.heading, fontSize: 12, lineHeight: 1.3 }} data-testid="sheet-mark">
        <div>{props.mark}</div>
        {props.note !== '' && <div style={{ fontSize: 10, fontFamily: FONTS.body }}>{props.note}</div>}
      </div>
      <div style={{ position: 'absolute', top: PAGE.top, left: PAGE.marginX, width: TEXT_WIDTH }}>{props.children}</div>
      <div style={{ position: 'absolute', bottom: 20, width: '100%', textAlign: 'center', fontSize: 10.5 }}>{props.footer(props.number, props.total)}</div>
    </div>
  );
}

const wrap: CSSProperties = { display: 'flow-root' };

export function PaperSheets(props: { blocks: readonly Block[]; mark: string; note: string; footer: (n: number, total: number) => string; testId: string }) {
  const measure = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<number[][] | null>(null);
  const [loaded, setLoaded] = useState(0);

  useLayoutEffect(() => {
    const box = measure.current;
    if (!box) return undefined;
    const heights = Array.from(box.children).map((el) => (el as HTMLElement).getBoundingClientRect().height);
    setPages(paginate(heights, props.blocks, TEXT_HEIGHT));
    // Images change their height once decoded: measure again then.
    const again = () => setLoaded((n) => n + 1);
    box.addEventListener('load', again, true);
    return () => box.removeEventListener('load', again, true);
  }, [props.blocks, loaded]);

  return (
    <div data-testid={props.testId}>
      <div ref={measure} aria-hidden="true" style={{ position: 'absolute', left: -10000, top: 0, width: TEXT_WIDTH, visibility: 'hidden', fontFamily: FONTS.body, fontSize: 12, lineHeight: 1.6 }}>
        {props.blocks.map((b) => (
          <div key={b.key} style={wrap}>
            {b.node}
          </div>
        ))}
      </div>
      {pages?.map((indexes, p) => (
        <Page key={p} mark={props.mark} note={props.note} number={p + 1} total={pages.length} footer={props.footer}>
          {indexes.map((i) => {
            const b = props.blocks[i];
            return b ? (
              <div key={b.key} style={wrap}>
                {b.node}
              </div>
            ) : null;
          })}
        </Page>
      ))}
    </div>
  );
}
