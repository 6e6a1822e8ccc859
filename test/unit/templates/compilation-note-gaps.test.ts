/** The 编制说明 where the bank is incomplete: the level's 鉴定方式 in full, and blanks to fill instead of zeros. */
import { describe, expect, it } from 'vitest';
import { elementTableStats, theoryElementTableSchema } from '../../../app/domain/element-table.js';
import type { CompilationNoteData, ItemCountRow } from '../../../app/domain/submission/documents.js';
import { sampleElementTable } from '../../../app/demo/sample-bank.js';
import { compilationNoteDocx } from '../../../templates/docx/compilation-note.js';
import { packDocx } from '../../../templates/docx/kit.js';
import { sampleExperts, sampleHeader, sampleTeam } from '../../helpers/documents.js';
import { docxParagraphs } from '../../helpers/office.js';

const TABLE = theoryElementTableSchema.parse(sampleElementTable());

function row(type: string, count: number): ItemCountRow {
  return { type, perSet: ['甲', '乙', '丙'].map((label) => ({ label, count, points: count })), inBank: count * 4, inSubmission: count * 3 };
}

function data(level: 2 | 4, overrides: Partial<CompilationNoteData> = {}): CompilationNoteData {
  const stats = elementTableStats(TABLE);
  return {
    header: sampleHeader(level === 2 ? { level: 2, levelName: '二级/技师' } : {}),
    occupation: { definition: '定义', levels: [], levelsSource: '', tracks: [] },
    basis: { standard: '《制图员国家职业技能标准》（2019年版）', other: '' },
    structure: {
      elements: stats.elements,
      importance: stats.counts,
      topScopes: stats.scopes.filter((s) => s.depth === 1).map((s) => ({ code: s.path, name: s.name, weight: s.weight, elements: s.total })),
      practicalModules: [],
    },
    counts: { theory: [row('判断题', 20)], practical: row('技能考核试题', 3), comprehensive: null, theorySets: 3, practicalSets: 3 },
    paper: { theorySections: [{ type: '判断题', count: 20, pointsEach: 1 }], theoryMinutes: 120, practicalMinutes: 200, overlap: '', difficulty: '' },
    organisation: { team: sampleTeam(), reviewers: sampleExperts(), process: '过程' },
    secrecyMeasures: '措施',
    date: '2026年11月23日',
    ...overrides,
  };
}

const paragraphsOf = async (d: CompilationNoteData) => docxParagraphs(await packDocx(compilationNoteDocx(d)));

describe('编制说明 of an incomplete bank', () => {
  it('level 2 without 综合评审: states 理论知识考试、技能考核和综合评审 and what is missing', async () => {
    const text = (await paragraphsOf(data(2))).join('\n');
    expect(text).toContain('本等级的鉴定方式为理论知识考试、技能考核和综合评审。本题库尚缺综合评审试题，须补足后报送。');
    expect(text).not.toContain('本题库鉴定方式为理论知识考试、技能考核。');
    expect(text).not.toContain('不设综合评审');
  });

  it('level 2 with 综合评审 and level 4: the methods of the level, nothing missing', async () => {
    const two = (await paragraphsOf(data(2, { counts: { ...data(2).counts, comprehensive: row('综合评审试题', 1) } }))).join('\n');
    expect(two).toContain('本等级的鉴定方式为理论知识考试、技能考核和综合评审。');
    expect(two).not.toContain('尚缺');
    const four = (await paragraphsOf(data(4))).join('\n');
    expect(four).toContain('本等级的鉴定方式为理论知识考试和技能考核。综合评审仅适用于二级/技师和一级/高级技师，本等级不设综合评审，本题库不含综合评审试题。');
  });

  it('never prints 由 0 名专家: no reviewers, no team, no institution are blanks to fill', async () => {
    const d = data(4, { header: sampleHeader({ institution: '' }), organisation: { team: [], reviewers: [], process: '过程' } });
    const paragraphs = await paragraphsOf(d);
    const text = paragraphs.join('\n');
    expect(text).not.toMatch(/由 0 名|共 0 人/);
    expect(text).toContain('本题库由（待填写：开发单位）组织开发。题库开发组成员及分工见表4（待填写）。');
    expect(text).toContain('题库由（待填写：不少于 5 名专家的姓名）进行内部审核（方法专家、内容专家、实际工作专家，均不属题库开发组），审核专家见表5（待填写）。');
    // The reviewer table has five numbered rows to fill by hand; the signature line a blank for the institution.
    const header = paragraphs.lastIndexOf('专家类别');
    expect(paragraphs.slice(header + 1, header + 1 + 25).filter((p) => /^[1-5]$/.test(p))).toEqual(['1', '2', '3', '4', '5']);
    expect(paragraphs.slice(-2)).toEqual(['（待填写：开发单位）', '2026年11月23日']);
  });

  it('a short panel says how many are missing', async () => {
    const text = (await paragraphsOf(data(4, { organisation: { team: sampleTeam(), reviewers: sampleExperts().slice(0, 3), process: '过程' } }))).join('\n');
    expect(text).toContain('题库由 3 名专家（待填写：尚缺 2 名，须不少于 5 名）进行内部审核');
  });
});
