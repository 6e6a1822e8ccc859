/**
 * A quick bounded scan of an XML part before a parser builds anything from it: nesting depth, element
 * count, the text of one paragraph/cell (and the length of one tag), and no DTD at all (OOXML parts never
 * have one, ECMA-376 Part 2 §8.1.4; a DOCTYPE is how entity-expansion bombs start). It counts the elements
 * a caller asks for (rows, cells, merged ranges) and hands it the tags it wants to look into. It is not a
 * validating parser: well-formedness stays the parser's job (saxes, exceljs); the scan only proves the
 * part cannot make them run away.
 */
import { bound, ReaderError, type Budget } from './errors.js';
import { DEFAULT_LIMITS, type ReaderLimits } from './limits.js';
import { readerMessages as m } from './messages.js';

export interface XmlScanOptions {
  /** The part's name for messages (`word/document.xml`). */
  readonly part: string;
  /** Local names whose text is bounded by `textChars` (`p` in Word, `si` and `c` in Excel). */
  readonly textContainers?: ReadonlySet<string>;
  /** Local names to count. */
  readonly count?: ReadonlySet<string>;
  /** Called with the local name and the whole start tag of every element in `count`. */
  readonly onTag?: (local: string, tag: string) => void;
}

export interface XmlScan {
  readonly elements: number;
  readonly maxDepth: number;
  readonly counts: ReadonlyMap<string, number>;
}

const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;

function isNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === SLASH || c === GT;
}

export function scanXml(xml: string, limits: ReaderLimits = DEFAULT_LIMITS, options: XmlScanOptions, budget?: Budget): XmlScan {
  const where = options.part;
  const containers = options.textContainers ?? new Set<string>();
  const counted = options.count ?? new Set<string>();
  const counts = new Map<string, number>();
  /** Per open element: the index into `texts` of its text counter, or -1. */
  const stack: number[] = [];
  const texts: number[] = [];
  let elements = 0;
  let maxDepth = 0;
  let i = 0;
  const n = xml.length;
  const addText = (length: number) => {
    if (texts.length === 0 || length === 0) return;
    const k = texts.length - 1;
    texts[k] = (texts[k] as number) + length;
    bound('textChars', limits, texts[k] as number, where);
  };
  const skipTo = (close: string, from: number): number => {
    const at = xml.indexOf(close, from);
    if (at < 0) throw new ReaderError(m.badXml(where, '标记未结束'));
    return at + close.length;
  };

  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      addText(n - i);
      break;
    }
    addText(lt - i);
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      i = skipTo('?>', lt + 2);
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) i = skipTo('-->', lt + 4);
      else if (xml.startsWith('<![CDATA[', lt)) {
        const end = skipTo(']]>', lt + 9);
        addText(end - lt - 12);
        i = end;
      } else throw new ReaderError(m.doctype(where));
      continue;
    }
    // A start or end tag: up to the `>` outside quotes.
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const c = xml.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === QUOTE || c === APOS) quote = c;
      else if (c === GT) break;
    }
    if (j >= n) throw new ReaderError(m.badXml(where, '标记未结束'));
    bound('textChars', limits, j - lt, `${where} 的一个标记`);
    if (next === SLASH) {
      const top = stack.pop();
      if (top === undefined) throw new ReaderError(m.badXml(where, '结束标记多于开始标记'));
      if (top >= 0) texts.pop();
      i = j + 1;
      continue;
    }
    let e = lt + 1;
    while (e < j && !isNameEnd(xml.charCodeAt(e))) e++;
    const name = xml.slice(lt + 1, e);
    const local = name.slice(name.indexOf(':') + 1);
    elements++;
    if ((elements & 0xffff) === 0) budget?.check();
    bound('xmlElements', limits, elements, where);
    if (counted.has(local)) {
      counts.set(local, (counts.get(local) ?? 0) + 1);
      options.onTag?.(local, xml.slice(lt, j + 1));
    }
    const selfClosing = xml.charCodeAt(j - 1) === SLASH;
    if (!selfClosing) {
      if (containers.has(local)) {
        texts.push(0);
        stack.push(texts.length - 1);
      } else stack.push(-1);
      if (stack.length > maxDepth) {
        maxDepth = stack.length;
        bound('xmlDepth', limits, maxDepth, where);
      }
    }
    i = j + 1;
  }
  return { elements, maxDepth, counts };
}
