import { describe, expect, it } from 'vitest';
import type { TheoryItem } from '../../../app/domain/theory-item.js';
import { importRefused, lintFindingsOf } from '../../../app/services/import/report.js';

const clean: TheoryItem = {
  type: 'trueFalse',
  element: 'A-A-A-001',
  stem: '职业道德具有鲜明的行业特点，各行各业都有与其职业活动相适应的道德规范。',
  key: true,
  difficulty: 1,
  explanation: '',
  images: [],
} as TheoryItem;
const negative: TheoryItem = {
  type: 'singleChoice',
  element: 'A-A-A-002',
  stem: '下列关于图纸幅面的说法中，不正确的是（ ）。',
  options: ['A0 最大', 'A4 最小', 'A3 是 A4 的两倍', 'A1 是 A0 的两倍'],
  key: 'D',
  difficulty: 3,
  explanation: '',
  images: [],
} as TheoryItem;

describe('services/import/report', () => {
  it('gives every lint finding of the rows to be saved its row and its rule’s title, in file order', () => {
    const codes = new Set(['A-A-A-001', 'A-A-A-002']);
    const findings = lintFindingsOf(
      [
        { where: '理论知识试题 第4行', theory: clean },
        { where: '技能考核试题 第2行' },
        { where: '理论知识试题 第5行', theory: negative },
        { where: '理论知识试题 第6行', theory: { ...clean, element: 'Z-Z-Z-999' } },
      ],
      { elementCodes: codes },
    );
    expect(findings.map((f) => [f.where, f.rule, f.title])).toEqual([
      ['理论知识试题 第5行', 'negative-not-emphasised', '否定词未加强调'],
      ['理论知识试题 第6行', 'element-unknown', '鉴定点不在细目表中'],
    ]);
    expect(findings[0]).toMatchObject({ severity: expect.stringMatching(/^(error|warning|info)$/), field: '题干', message: expect.stringContaining('不正确') });
  });

  it('calls an import refused exactly when it saves (or would save) nothing', () => {
    expect([0, 1, 40].map((accepted) => importRefused({ accepted }))).toEqual([true, false, false]);
  });
});
