import { describe, expect, it } from 'vitest';
import { Budget, ReaderError, ReaderLimitError } from '../../../app/readers/errors.js';
import { DEFAULT_LIMITS, withLimits } from '../../../app/readers/limits.js';
import { scanXml } from '../../../app/readers/xml-guard.js';

const part = { part: 'word/document.xml' };
const limitOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof ReaderLimitError) return `${e.limit}: ${e.message}`;
    throw e;
  }
  throw new Error('no limit error');
};

describe('readers/xml-guard', () => {
  describe('#scanXml', () => {
    it('counts elements, depth and the elements asked for, through comments, CDATA and quoted “>”', () => {
      const xml = '<?xml version="1.0"?><w:document a="x>y"><!-- <w:p> --><w:body><w:p><w:t><![CDATA[<w:p>]]></w:t></w:p><w:p/></w:body></w:document>';
      const scan = scanXml(xml, DEFAULT_LIMITS, { ...part, count: new Set(['p']) });
      expect(scan).toMatchObject({ elements: 5, maxDepth: 4 });
      expect(scan.counts.get('p')).toBe(2);
    });

    it('refuses nesting deeper than the bound', () => {
      const xml = `${'<a>'.repeat(129)}${'</a>'.repeat(129)}`;
      expect(limitOf(() => scanXml(xml, DEFAULT_LIMITS, part))).toMatch(/^xmlDepth: word\/document.xml：XML 嵌套层数超过上限 128 层（实际 129 层）/);
      expect(() => scanXml(`${'<a>'.repeat(128)}${'</a>'.repeat(128)}`, DEFAULT_LIMITS, part)).not.toThrow();
    });

    it('refuses more elements than the bound', () => {
      expect(limitOf(() => scanXml(`<r>${'<a/>'.repeat(11)}</r>`, withLimits({ xmlElements: 10 }), part))).toMatch(/^xmlElements: .*XML 元素个数超过上限 10 个/);
    });

    it('bounds the text of one paragraph, however many runs it is split into, and not the text of the whole part', () => {
      const runs = (n: number) => `<w:p>${'<w:r><w:t>一二三四五六七八九十</w:t></w:r>'.repeat(n)}</w:p>`;
      const limits = withLimits({ textChars: 1000 });
      const options = { ...part, textContainers: new Set(['p']) };
      expect(limitOf(() => scanXml(`<w:body>${runs(101)}</w:body>`, limits, options))).toMatch(/^textChars: .*单个段落或单元格的文字长度超过上限 1000 字/);
      expect(() => scanXml(`<w:body>${runs(90).repeat(50)}</w:body>`, limits, options)).not.toThrow();
      // a nested empty paragraph does not reset the outer paragraph's count
      expect(() => scanXml(`<w:body><w:p>${'<w:t>一二三四五六七八九十</w:t><w:p/>'.repeat(101)}</w:p></w:body>`, limits, options)).toThrow(ReaderLimitError);
    });

    it('bounds the length of one tag (a 20 MB attribute is text too)', () => {
      expect(limitOf(() => scanXml(`<a b="${'x'.repeat(2000)}"/>`, withLimits({ textChars: 1000 }), part))).toMatch(/^textChars: word\/document.xml 的一个标记/);
    });

    it('refuses a DOCTYPE (entity expansion) outright', () => {
      const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><w:document>&lol2;</w:document>';
      expect(() => scanXml(bomb, DEFAULT_LIMITS, part)).toThrow(/DOCTYPE/);
    });

    it('refuses a tag or comment that never ends and an end tag without a start', () => {
      for (const xml of ['<a><b c="', '<a><!-- never', '</a>']) expect(() => scanXml(xml, DEFAULT_LIMITS, part)).toThrow(ReaderError);
    });

    it('hands the caller the tags it counts', () => {
      const refs: string[] = [];
      scanXml('<s><mergeCell ref="A1:B2"/><mergeCell ref="C3:D4"/></s>', DEFAULT_LIMITS, { part: 's', count: new Set(['mergeCell']), onTag: (_l, tag) => refs.push(tag) });
      expect(refs).toEqual(['<mergeCell ref="A1:B2"/>', '<mergeCell ref="C3:D4"/>']);
    });

    it('stops when the time budget is spent', () => {
      let t = 0;
      const budget = new Budget(withLimits({ timeMs: 1000 }), () => (t += 600));
      expect(limitOf(() => scanXml(`<r>${'<a/>'.repeat(70_000 * 2)}</r>`, DEFAULT_LIMITS, part, budget))).toMatch(/^timeMs: 单个文件的读取时间超过上限 1 秒/);
    });
  });
});
