/**
 * Numbers Word writes itself (ECMA-376 Part 1 §17.9, numbering): a paragraph with `w:numPr` (directly
 * or through its paragraph style) shows a label made from its list level's `w:lvlText` (`%1.`, `（%1）`,
 * `%2)`) and counters in the level's `w:numFmt`. Writers often number items, options and headings this
 * way, so the label is not in the text; it is put back in front of the paragraph's text (`1. `, `A. `,
 * `一、`) before the layouts are matched.
 *
 * Counters are kept per list (`w:num`), start at the level's `w:start` (or the list's `w:startOverride`),
 * and a level restarts when a level above it advances. Bullets and `none` give no label.
 */
import { SaxesParser } from 'saxes';

/** A paragraph's numbering: its list and level, or its paragraph style (whose numbering applies). */
export interface ParagraphNumbering {
  readonly numId?: string;
  readonly level?: number;
  readonly style?: string;
}

interface Level {
  start: number;
  format: string;
  text: string;
}

const CHINESE = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const HEAVENLY = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const ROMAN: readonly [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function chinese(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return CHINESE[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : (CHINESE[tens] ?? '')}十${n % 10 === 0 ? '' : (CHINESE[n % 10] ?? '')}`;
}

function letters(n: number): string {
  // A … Z, then AA, BBB … as Word counts.
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  let out = '';
  let rest = n;
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** A counter in a `w:numFmt` (undefined: no label, e.g. bullets). */
export function formatCounter(n: number, format: string): string | undefined {
  switch (format) {
    case 'bullet':
    case 'none':
      return undefined;
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'ideographDigital':
      return chinese(n);
    case 'ideographTraditional':
      return HEAVENLY[(n - 1) % 10] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

export interface NumberingResolver {
  /** The label of the next paragraph with this numbering (counters advance), or undefined. */
  label(p: ParagraphNumbering): string | undefined;
}

/** Reads numbering.xml and styles.xml (either may be absent) into a resolver of labels; parts that are not well-formed give none. */
export function readNumbering(numberingXml: string | undefined, stylesXml: string | undefined): NumberingResolver {
  try {
    return numberingOf(numberingXml, stylesXml);
  } catch {
    return { label: () => undefined };
  }
}

function numberingOf(numberingXml: string | undefined, stylesXml: string | undefined): NumberingResolver {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  const styles = new Map<string, { numId?: string; level?: number; basedOn?: string }>();

  if (numberingXml !== undefined) {
    let abstract: Map<number, Level> | undefined;
    let level: Level | undefined;
    let num: { abstract: string; starts: Map<number, number> } | undefined;
    let override: number | undefined;
    const parser = new SaxesParser();
    parser.on('opentag', (tag) => {
      const local = tag.name.slice(tag.name.indexOf(':') + 1);
      const a = (name: string) => tag.attributes[`w:${name}`] ?? tag.attributes[name];
      if (local === 'abstractNum') {
        abstract = new Map();
        abstracts.set(a('abstractNumId') ?? '', abstract);
      } else if (local === 'lvl' && abstract !== undefined && num === undefined) {
        level = { start: 1, format: 'decimal', text: '' };
        abstract.set(Number(a('ilvl') ?? 0), level);
      } else if (local === 'start' && level !== undefined) level.start = Number(a('val') ?? 1);
      else if (local === 'numFmt' && level !== undefined) level.format = a('val') ?? 'decimal';
      else if (local === 'lvlText' && level !== undefined) level.text = a('val') ?? '';
      else if (local === 'num') {
        num = { abstract: '', starts: new Map() };
        nums.set(a('numId') ?? '', num);
      } else if (local === 'abstractNumId' && num !== undefined) num.abstract = a('val') ?? '';
      else if (local === 'lvlOverride' && num !== undefined) override = Number(a('ilvl') ?? 0);
      else if (local === 'startOverride' && num !== undefined && override !== undefined) num.starts.set(override, Number(a('val') ?? 1));
    });
    parser.on('closetag', (tag) => {
      const local = tag.name.slice(tag.name.indexOf(':') + 1);
      if (local === 'abstractNum') abstract = undefined;
      else if (local === 'lvl') level = undefined;
      else if (local === 'num') num = undefined;
      else if (local === 'lvlOverride') override = undefined;
    });
    parser.write(numberingXml).close();
  }

  if (stylesXml !== undefined) {
    let style: { numId?: string; level?: number; basedOn?: string } | undefined;
    const parser = new SaxesParser();
    parser.on('opentag', (tag) => {
      const local = tag.name.slice(tag.name.indexOf(':') + 1);
      const a = (name: string) => tag.attributes[`w:${name}`] ?? tag.attributes[name];
      if (local === 'style') {
        style = {};
        styles.set(a('styleId') ?? '', style);
      } else if (style !== undefined && local === 'basedOn') style.basedOn = a('val');
      else if (style !== undefined && local === 'numId') style.numId = a('val');
      else if (style !== undefined && local === 'ilvl') style.level = Number(a('val') ?? 0);
    });
    parser.on('closetag', (tag) => {
      if (tag.name.slice(tag.name.indexOf(':') + 1) === 'style') style = undefined;
    });
    parser.write(stylesXml).close();
  }

  const counters = new Map<string, (number | undefined)[]>();
  /** The numbering a style gives (its own or the one it is based on). */
  const fromStyle = (id: string | undefined): { numId?: string; level?: number } => {
    for (let depth = 0, s = id === undefined ? undefined : styles.get(id); s !== undefined && depth < 8; depth++, s = s.basedOn === undefined ? undefined : styles.get(s.basedOn)) {
      if (s.numId !== undefined) return { numId: s.numId, level: s.level ?? 0 };
    }
    return {};
  };

  return {
    label(p: ParagraphNumbering): string | undefined {
      const styled = fromStyle(p.style);
      const numId = p.numId ?? styled.numId;
      const levelIndex = p.level ?? (p.numId === undefined ? styled.level : undefined) ?? 0;
      if (numId === undefined || numId === '0') return undefined;
      const num = nums.get(numId);
      const levels = num === undefined ? undefined : abstracts.get(num.abstract);
      if (num === undefined || levels === undefined) return undefined;
      const start = (k: number) => num.starts.get(k) ?? levels.get(k)?.start ?? 1;
      const list = counters.get(numId) ?? [];
      counters.set(numId, list);
      list[levelIndex] = list[levelIndex] === undefined ? start(levelIndex) : (list[levelIndex] as number) + 1;
      list.length = levelIndex + 1;
      const level = levels.get(levelIndex);
      if (level === undefined || formatCounter(1, level.format) === undefined) return undefined;
      const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
        const k = Number(d) - 1;
        return formatCounter(list[k] ?? start(k), levels.get(k)?.format ?? 'decimal') ?? '';
      });
      return text.trim() === '' ? undefined : text;
    },
  };
}
