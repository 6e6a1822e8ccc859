import { describe, expect, it } from 'vitest';
import { elementTableStats, formatImportanceRatio, listElements, theoryElementTableSchema } from '../../../app/domain/element-table.js';
import { practicalStructureSchema, type PracticalStructure } from '../../../app/domain/practical-structure.js';
import type {
  CompilationNoteData,
  ElementTablesData,
  ItemCountRow,
  ReviewExpert,
  ReviewOpinionData,
  TeamListData,
  TeamMember,
} from '../../../app/domain/submission/documents.js';
import { sampleElementTable, samplePracticalStructure } from '../../../app/demo/sample-bank.js';
import { COMPILATION_NOTE_TITLE, compilationNoteDocx, SECTION_HEADINGS } from '../../../templates/docx/compilation-note.js';
import { practicalStructureDocx, SIGNATURE_LINE, theoryElementTableDocx } from '../../../templates/docx/element-tables.js';
import { packDocx } from '../../../templates/docx/kit.js';
import { CONCLUSION_BOXES, LEADER_SIGNATURE, PANEL_RULE, reviewOpinionDocx } from '../../../templates/docx/review-opinion.js';
import { TEAM_LIST_COLUMNS, teamListDocx } from '../../../templates/docx/team-list.js';
import { TEAM_SHEET_NAME, teamListXlsx } from '../../../templates/xlsx/team-list.js';
import { sampleHeader } from '../../helpers/documents.js';
import { docxPart, docxParagraphs, renderPdf } from '../../helpers/office.js';
import { loadWorkbook, sheetOf } from '../../helpers/xlsx.js';

const TABLE = theoryElementTableSchema.parse(sampleElementTable());
const STRUCTURE = practicalStructureSchema.parse(samplePracticalStructure());
const HEADER = sampleHeader();
const GENERATED_AT = new Date('2026-11-23T08:00:00.000Z');
const RENDER_TIMEOUT = 180_000;

const TEAM: readonly TeamMember[] = [
  { name: '王建国', unit: '样例职业技能评价中心', title: '高级工程师', position: '主任', phone: '020-83000001', work: '组长、审定' },
  { name: '李秀梅', unit: '样例高级技工学校机械系', title: '高级讲师', position: '系主任', phone: '13800000002', work: '命题（理论知识）' },
  { name: '陈志强', unit: '样例机械制造有限公司技术部', title: '工程师', position: '主管', phone: '13800000003', work: '命题（技能考核）' },
  { name: '刘芳', unit: '样例高级技工学校', title: '讲师', position: '教师', phone: '13800000004', work: '校对、录入' },
];

const EXPERTS: readonly ReviewExpert[] = [
  { name: '赵明', unit: '样例职业技术学院', title: '教授', category: '方法专家' },
  { name: '孙丽', unit: '样例技师学院', title: '高级讲师', category: '内容专家' },
  { name: '周伟', unit: '样例大学机械工程学院', title: '副教授', category: '内容专家' },
  { name: '吴刚', unit: '样例重工股份有限公司', title: '高级技师', category: '实际工作专家' },
  { name: '郑华', unit: '样例设计院有限公司', title: '高级工程师', category: '实际工作专家' },
];

const elementsData = (practical: PracticalStructure | null = STRUCTURE): ElementTablesData => ({ header: HEADER, theory: TABLE, practical });
const teamData = (): TeamListData => ({ header: HEADER, members: TEAM });

function reviewData(overrides: Partial<ReviewOpinionData> = {}): ReviewOpinionData {
  return {
    header: HEADER,
    checklist: [
      { item: '细目表与国家职业技能标准一致', result: '符合' },
      { item: '试题覆盖全部鉴定点', result: '' },
    ],
    conclusion: '',
    opinion: '',
    experts: EXPERTS,
    leader: '',
    round: 1,
    ...overrides,
  };
}

const SETS = ['甲', '乙', '丙'] as const;
const countRow = (type: string, count: number, pointsEach: number, inBank: number): ItemCountRow => ({
  type,
  perSet: SETS.map((label) => ({ label, count, points: count * pointsEach })),
  inBank,
  inSubmission: count * SETS.length,
});

function noteData(overrides: Partial<CompilationNoteData> = {}): CompilationNoteData {
  const stats = elementTableStats(TABLE);
  const level = STRUCTURE.levels.find((l) => l.level === HEADER.level);
  return {
    header: HEADER,
    occupation: {
      definition: '使用绘图仪器、设备，根据工程或产品的设计方案、草图和技术性说明，绘制其正图（原图）、底图及其他技术图样的人员',
      levels: ['三级/高级工', '四级/中级工'],
      levelsSource: '粤人社办〔2020〕39号 附件1',
      tracks: ['机械', '建筑', '电子'],
    },
    basis: { standard: '《制图员国家职业技能标准》（2019年版）', other: '《制图员》培训教程（第2版）' },
    structure: {
      elements: stats.elements,
      importance: stats.counts,
      topScopes: stats.scopes.filter((s) => s.depth === 1).map((s) => ({ code: s.path, name: s.name, weight: s.weight, elements: s.total })),
      practicalModules: STRUCTURE.modules.map((m) => {
        const e = level?.entries.find((x) => x.module === m.code);
        return { code: m.code, name: m.name, mode: e?.mode ?? '—', weight: e?.weight ?? 0, minutes: e?.minutes ?? 0 };
      }),
    },
    counts: {
      theory: [countRow('判断题', 20, 1, 150), countRow('单项选择题', 140, 0.5, 440), countRow('多项选择题', 10, 1, 60)],
      practical: countRow('技能考核试题', 3, 100 / 3, 9),
      comprehensive: null,
      theorySets: 3,
      practicalSets: 3,
    },
    paper: {
      theorySections: [
        { type: '判断题', count: 20, pointsEach: 1 },
        { type: '单项选择题', count: 140, pointsEach: 0.5 },
        { type: '多项选择题', count: 10, pointsEach: 1 },
      ],
      theoryMinutes: 120,
      practicalMinutes: 200,
      overlap: '各套试题互不重复',
      difficulty: '各套难度（通过率之和）相差不超过 0.001，难度 1～5 级比例 1:2:4:2:1',
    },
    organisation: {
      team: TEAM,
      reviewers: EXPERTS,
      process: '2026年3月成立题库开发组，完成细目表编制。\n2026年6月完成试题编写与校对。\n2026年9月组织内部审核并修改。',
    },
    secrecyMeasures: '题库开发、组卷和录入在物理隔离的专用计算机上进行，数据加密存储，备份只使用光盘。\n参与人员均签订保密责任书，调阅、组卷、销毁和存档均登记。',
    date: '2026年11月23日',
    ...overrides,
  };
}

/** Index of `sequence` as consecutive paragraphs at or after `from`, -1 when absent. */
function indexOfRun(paragraphs: readonly string[], sequence: readonly string[], from = 0): number {
  for (let i = from; i + sequence.length <= paragraphs.length; i += 1) {
    if (sequence.every((s, k) => paragraphs[i + k] === s)) return i;
  }
  return -1;
}

function expectRun(paragraphs: readonly string[], sequence: readonly string[], from = 0): number {
  const at = indexOfRun(paragraphs, sequence, from);
  expect(at, `paragraphs ${JSON.stringify(sequence)} after ${String(from)}`).toBeGreaterThanOrEqual(0);
  return at;
}

/** The kit's page furniture: mark and sample note in the header, 第 X 页 共 Y 页 and the mark in the footer. */
async function expectPageFurniture(bytes: Uint8Array): Promise<void> {
  expect(await docxParagraphs(bytes, 'word/header1.xml')).toEqual([HEADER.mark, HEADER.sampleNote]);
  const footer = await docxPart(bytes, 'word/footer1.xml');
  expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
  expect((await docxParagraphs(bytes, 'word/footer1.xml')).join('')).toBe(`第  页 共  页    ${HEADER.mark}`);
}

/** LibreOffice's rendering: page count and what pdftotext reads (titles, mark, 第 1 页 共 N 页). */
function expectRendered(bytes: Uint8Array, fileName: string, titleText: string, pages: { min: number; max: number }): void {
  const pdf = renderPdf(bytes, fileName);
  if (pdf === undefined) return;
  expect(pdf.pages).toBeGreaterThanOrEqual(pages.min);
  expect(pdf.pages).toBeLessThanOrEqual(pages.max);
  const text = pdf.text.replace(/[ \t]+/g, ' ');
  expect(text).toContain(titleText);
  expect(text).toContain(HEADER.mark);
  expect(text).toContain(`第 1 页 共 ${String(pdf.pages)} 页`);
  if (pdf.pages > 1) expect(text).toContain(`第 ${String(pdf.pages)} 页 共 ${String(pdf.pages)} 页`);
}

describe('templates/docx/element-tables', () => {
  describe('#theoryElementTableDocx', () => {
    const title = '制图员（机械）四级/中级工 理论知识考核要素细目表';

    it('prints the title and the header line on an A4 landscape page with the mark and page numbers', async () => {
      const bytes = await packDocx(theoryElementTableDocx(elementsData()));
      const paragraphs = await docxParagraphs(bytes);
      expect(paragraphs[0]).toBe(title);
      expect(paragraphs[1]).toBe('职业：制图员　　职业编码：3-01-02-07　　方向：机械　　等级：四级/中级工　　鉴定方式：理论知识　　鉴定点数：113');
      const xml = await docxPart(bytes);
      expect(xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
      await expectPageFurniture(bytes);
    });

    it('has the three header rows: 鉴定范围 | 鉴定点, 一级 二级 三级, and the fields of each', async () => {
      const paragraphs = await docxParagraphs(await packDocx(theoryElementTableDocx(elementsData())));
      const field = ['代码', '名称', '鉴定', '比重', '(%)', '重要程度', '比例'];
      expectRun(paragraphs, ['鉴定范围', '鉴定点', '一级', '二级', '三级', '代码', '名称', '重要程度', ...field, ...field, ...field]);
    });

    it('lists all 113 鉴定点 in the order of the table, each with its code, name and importance', async () => {
      const paragraphs = await docxParagraphs(await packDocx(theoryElementTableDocx(elementsData())));
      const elements = listElements(TABLE);
      expect(elements).toHaveLength(113);
      let at = 0;
      for (const e of elements) at = expectRun(paragraphs, [e.code, e.name, e.importance], at) + 3;
    });

    it('writes each 鉴定范围 once with its code, name, weight and (X:Y:Z), merged down its rows', async () => {
      const bytes = await packDocx(theoryElementTableDocx(elementsData()));
      const paragraphs = await docxParagraphs(bytes);
      const stats = elementTableStats(TABLE);
      const scopes: { path: string; name: string; weight: number }[] = [];
      const visit = (nodes: typeof TABLE.scopes, prefix: string[]) => {
        for (const n of nodes) {
          const path = [...prefix, n.code];
          scopes.push({ path: path.join('-'), name: n.name, weight: n.weight });
          visit(n.children ?? [], path);
        }
      };
      visit(TABLE.scopes, []);
      let at = 0;
      for (const s of scopes) {
        const counts = stats.scopes.find((x) => x.path === s.path)?.counts;
        expect(counts).toBeDefined();
        if (counts === undefined) continue;
        at = expectRun(paragraphs, [s.path.slice(-1), s.name, String(s.weight), formatImportanceRatio(counts)], at) + 4;
      }
      expect(expectRun(paragraphs, ['A', '基本要求', '25', '(33:5:2)', 'A', '职业道德', '5', '(6:1:0)', 'A', '职业道德基本知识', '2', '(3:0:0)', '001'])).toBeGreaterThan(0);

      // w:vMerge: 4 cells per 鉴定范围 that covers more than one row, 3 in the header (鉴定点 代码/名称/重要程度).
      const xml = await docxPart(bytes);
      const spans = stats.scopes.map((s) => s.total);
      const restart = (xml.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length;
      const cont = (xml.match(/<w:vMerge w:val="continue"\/>/g) ?? []).length;
      expect(restart).toBe(3 + 4 * spans.filter((n) => n > 1).length);
      expect(cont).toBe(3 + 4 * spans.reduce((a, n) => a + n - 1, 0));
    });

    it('closes with the 合计 row (100, the whole X:Y:Z, the shares) and the 填表人 row', async () => {
      const paragraphs = await docxParagraphs(await packDocx(theoryElementTableDocx(elementsData())));
      expectRun(paragraphs, ['合计', '100', '(92:16:5)', '鉴定点 113 个：X 类 92 个（81.4%），Y 类 16 个（14.2%），Z 类 5 个（4.4%）', SIGNATURE_LINE]);
    });

    it('handles four levels and a leaf above the deepest level (its deeper 鉴定范围 cells blank, merged)', async () => {
      const theory = theoryElementTableSchema.parse({
        occupationCode: '3-01-02-07',
        level: 4,
        scopes: [
          {
            code: 'A',
            name: '基本要求',
            weight: 60,
            children: [
              { code: 'A', name: '职业道德', weight: 30, elements: [{ code: '001', name: '道德的概念', importance: 'X' }, { code: '002', name: '职业守则', importance: 'Y' }] },
              {
                code: 'B',
                name: '基础知识',
                weight: 30,
                children: [{ code: 'A', name: '制图', weight: 30, children: [{ code: 'A', name: '线型', weight: 30, elements: [{ code: '001', name: '图线', importance: 'X' }] }] }],
              },
            ],
          },
          { code: 'B', name: '相关知识', weight: 40, elements: [{ code: '001', name: '识图', importance: 'Z' }] },
        ],
      });
      const bytes = await packDocx(theoryElementTableDocx({ header: HEADER, theory, practical: null }));
      const paragraphs = await docxParagraphs(bytes);
      expect(paragraphs[1]).toMatch(/鉴定点数：4$/);
      expectRun(paragraphs, ['一级', '二级', '三级', '四级', '代码', '名称', '重要程度']);
      // 职业道德 (level 2 leaf): levels 3 and 4 blank over its two rows.
      expectRun(paragraphs, ['A', '职业道德', '30', '(1:1:0)', ...Array<string>(8).fill(''), '001', '道德的概念', 'X']);
      expectRun(paragraphs, ['A', '线型', '30', '(1:0:0)', '001', '图线', 'X']);
      expectRun(paragraphs, ['B', '相关知识', '40', '(0:0:1)', ...Array<string>(12).fill(''), '001', '识图', 'Z']);
      expectRun(paragraphs, ['合计', '100', '(2:1:1)']);
    });

    it(
      'renders with LibreOffice: several landscape pages, each with the mark and 第 X 页 共 Y 页',
      async () => {
        expectRendered(await packDocx(theoryElementTableDocx(elementsData())), '细目表.docx', title, { min: 4, max: 10 });
      },
      RENDER_TIMEOUT,
    );
  });

  describe('#practicalStructureDocx', () => {
    const title = '制图员（机械）四级/中级工 技能考核内容结构表';

    it('is the national matrix of the xlsx: 职业功能 as columns over their codes, four rows per 级别, 合计 and the note', async () => {
      const doc = practicalStructureDocx(elementsData());
      expect(doc).not.toBeNull();
      if (doc === null) return;
      const bytes = await packDocx(doc);
      const paragraphs = await docxParagraphs(bytes);
      expect(paragraphs[0]).toBe(title);
      expect(paragraphs[1]).toBe('职业：制图员　职业编码：3-01-02-07　方向：机械　等级：四级/中级工　鉴定方式：技能考核');
      // Cells merged down from the row above read '' (级别, 项目 and 合计 over three header rows, the 级别 over its four rows).
      expectRun(paragraphs, ['级别', '项目', '职业功能', '合计', '', '', '绘制二维图', '绘制三维图', '图档管理', '', '', '', 'A', 'B', 'C', '']);
      expectRun(paragraphs, ['四级/中级工', '选考方式', '必考', '必考', '必考', '3项', '', '鉴定比重（%）', '60', '30', '10', '100']);
      expectRun(paragraphs, ['', '考试时间（min）', '120', '60', '20', '200', '', '考核形式', '实操', '实操', '实操', '实操']);
      expect(paragraphs).toContain('注：“—”表示该级别不考核此项职业功能；合计栏为考生所考项目数、鉴定比重之和与考试时间之和。');
      expect(await docxPart(bytes)).toContain('w:orient="landscape"');
      await expectPageFurniture(bytes);
    });

    it('marks modules a level does not assess with —, counts the 选考 modules taken and states the rule of each level', async () => {
      const structure = practicalStructureSchema.parse({
        occupationCode: '3-01-02-07',
        modules: [
          { code: 'A', name: '绘制二维图' },
          { code: 'B', name: '绘制三维图' },
          { code: 'C', name: '图档管理' },
          { code: 'D', name: '培训与指导' },
        ],
        levels: [
          {
            level: 4,
            selectCount: 1,
            entries: [
              { module: 'A', mode: '必考', weight: 70, minutes: 120, form: '实操' },
              { module: 'B', mode: '选考', weight: 30, minutes: 60, form: '实操' },
              { module: 'C', mode: '选考', weight: 30, minutes: 40, form: '笔试' },
            ],
          },
        ],
      });
      const doc = practicalStructureDocx(elementsData(structure));
      if (doc === null) throw new Error('no document');
      const paragraphs = await docxParagraphs(await packDocx(doc));
      expectRun(paragraphs, ['四级/中级工', '选考方式', '必考', '选考', '选考', '—', '2项']);
      expectRun(paragraphs, ['考核形式', '实操', '实操', '笔试', '—', '实操']);
      expect(paragraphs).toContain(
        '注：“—”表示该级别不考核此项职业功能；合计栏为考生所考项目数、鉴定比重之和与考试时间之和。四级/中级工：每套试卷含全部必考项目和 1 项选考项目，选考项目由组卷时按套轮换确定，考生按所抽到的试卷考核，不自行选择。',
      );
    });

    it('is skipped without a structure or without an entry for the level', () => {
      expect(practicalStructureDocx(elementsData(null))).toBeNull();
      expect(practicalStructureDocx({ ...elementsData(), header: sampleHeader({ level: 3, levelName: '三级/高级工' }) })).toBeNull();
    });

    it(
      'renders with LibreOffice on one page',
      async () => {
        const doc = practicalStructureDocx(elementsData());
        if (doc === null) throw new Error('no document');
        expectRendered(await packDocx(doc), '结构表.docx', title, { min: 1, max: 1 });
      },
      RENDER_TIMEOUT,
    );
  });
});

describe('templates/docx/team-list + templates/xlsx/team-list', () => {
  const title = '制图员（机械）四级/中级工 题库开发组成员名单';

  it('docx: title, occupation line, one row per member with 备注 = work, the institution', async () => {
    const bytes = await packDocx(teamListDocx(teamData()));
    const paragraphs = await docxParagraphs(bytes);
    expect(paragraphs[0]).toBe(title);
    expect(paragraphs[1]).toBe('职业（工种）：制图员（机械）　　职业编码：3-01-02-07　　等级：四级/中级工');
    let at = expectRun(paragraphs, [...TEAM_LIST_COLUMNS]);
    TEAM.forEach((m, i) => {
      at = expectRun(paragraphs, [String(i + 1), m.name, m.unit, m.title, m.position, m.phone, m.work], at);
    });
    expect(paragraphs).toContain('填报单位（盖章）：样例职业技能评价中心');
    await expectPageFurniture(bytes);
  });

  it('xlsx: merged title row, mark, bold bordered header, the members, A4 print setup with the mark', async () => {
    const ws = sheetOf(await loadWorkbook(await teamListXlsx(teamData(), GENERATED_AT)), TEAM_SHEET_NAME);
    expect(ws.getCell('A1').value).toBe(title);
    expect(ws.getCell('G1').isMerged).toBe(true);
    expect(ws.getCell('G1').master.address).toBe('A1');
    expect(ws.getCell('A2').value).toBe(HEADER.mark);
    expect(String(ws.getCell('D2').master.value)).toContain('职业编码：3-01-02-07');
    const header = Array.from({ length: 7 }, (_, i) => ws.getRow(3).getCell(i + 1));
    expect(header.map((c) => c.value)).toEqual([...TEAM_LIST_COLUMNS]);
    expect(header.every((c) => c.font.bold === true && c.border.top?.style === 'thin')).toBe(true);
    TEAM.forEach((m, i) => {
      const row = ws.getRow(4 + i);
      expect(Array.from({ length: 7 }, (_, c) => row.getCell(c + 1).value)).toEqual([i + 1, m.name, m.unit, m.title, m.position, m.phone, m.work]);
      expect(row.getCell(3).border.bottom?.style).toBe('thin');
    });
    expect(ws.getRow(4 + TEAM.length).getCell(1).value).toBe('填报单位（盖章）：样例职业技能评价中心');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.headerFooter.oddHeader).toContain(HEADER.mark);
    expect(ws.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
  });

  it('xlsx: the same bytes for the same input', async () => {
    expect(await teamListXlsx(teamData(), GENERATED_AT)).toEqual(await teamListXlsx(teamData(), GENERATED_AT));
  });

  it(
    'renders both with LibreOffice on one page',
    async () => {
      expectRendered(await packDocx(teamListDocx(teamData())), '名单.docx', title, { min: 1, max: 1 });
      const pdf = renderPdf(await teamListXlsx(teamData(), GENERATED_AT), '名单.xlsx');
      if (pdf === undefined) return;
      expect(pdf.pages).toBe(1);
      expect(pdf.text).toContain(title);
      expect(pdf.text).toContain(HEADER.mark);
      expect(pdf.text).toContain('13800000004');
    },
    RENDER_TIMEOUT,
  );
});

describe('templates/docx/review-opinion', () => {
  const title = '制图员（机械）四级/中级工 题库内部审核意见';

  it('prints the occupation block, the checklist, the tick boxes for a conclusion by hand and a blank opinion box', async () => {
    const bytes = await packDocx(reviewOpinionDocx(reviewData()));
    const paragraphs = await docxParagraphs(bytes);
    expect(paragraphs[0]).toBe(title);
    expectRun(paragraphs, ['职业（工种）', '制图员（机械）', '职业编码', '3-01-02-07', '等级', '四级/中级工', '审核日期', '', '审核组长', '', '审核次数', '第 1 次审核']);
    expectRun(paragraphs, ['序号', '审核内容', '审核结论', '1', '细目表与国家职业技能标准一致', '符合', '2', '试题覆盖全部鉴定点', '']);
    expectRun(paragraphs, ['审核结论', CONCLUSION_BOXES, '审核意见', '']);
    await expectPageFurniture(bytes);
  });

  it('lists the experts with empty 签名 and 日期 cells in rows at least 0.9 cm high, then the rule, institution and date', async () => {
    const bytes = await packDocx(reviewOpinionDocx(reviewData()));
    const paragraphs = await docxParagraphs(bytes);
    let at = expectRun(paragraphs, ['序号', '姓名', '单位', '职称', '专家类别', '签名', '日期']);
    EXPERTS.forEach((e, i) => {
      at = expectRun(paragraphs, [String(i + 1), e.name, e.unit, e.title, e.category, '', ''], at);
    });
    expect(new Set(EXPERTS.map((e) => e.category))).toEqual(new Set(['方法专家', '内容专家', '实际工作专家']));
    const heights = [...(await docxPart(bytes)).matchAll(/<w:trHeight w:val="(\d+)" w:hRule="atLeast"\/>/g)].map((m) => Number(m[1]));
    expect(heights.filter((h) => h >= 510).length).toBeGreaterThanOrEqual(1 + EXPERTS.length);
    expect(paragraphs).toContain(`注：${PANEL_RULE}`);
    expect(paragraphs.at(-2)).toBe(LEADER_SIGNATURE);
    expect(paragraphs.at(-1)).toBe('审核组织单位（盖章）：样例职业技能评价中心　　　　　　年　　月　　日');
  });

  it('prints a given conclusion and opinion, and blank rows up to five experts', async () => {
    const data = reviewData({ conclusion: '修改后通过', opinion: '细目表结构合理。\n个别试题表述需修改。', experts: EXPERTS.slice(0, 3) });
    const paragraphs = await docxParagraphs(await packDocx(reviewOpinionDocx(data)));
    expect(paragraphs).not.toContain(CONCLUSION_BOXES);
    expectRun(paragraphs, ['审核结论', '修改后通过', '审核意见', '细目表结构合理。', '个别试题表述需修改。']);
    expectRun(paragraphs, ['3', '周伟', '样例大学机械工程学院', '副教授', '内容专家', '', '', '4', '', '', '', '', '', '', '5', '', '', '', '', '', '']);
  });

  it('names the 审核组长 and the review round when known', async () => {
    const paragraphs = await docxParagraphs(await packDocx(reviewOpinionDocx(reviewData({ leader: '赵明', round: 2 }))));
    expectRun(paragraphs, ['审核组长', '赵明', '审核次数', '第 2 次审核']);
  });

  it(
    'renders with LibreOffice on one page',
    async () => {
      expectRendered(await packDocx(reviewOpinionDocx(reviewData())), '审核意见.docx', title, { min: 1, max: 1 });
    },
    RENDER_TIMEOUT,
  );
});

describe('templates/docx/compilation-note', () => {
  const title = `制图员（机械）四级/中级工 ${COMPILATION_NOTE_TITLE}`;

  it('has the sections 一 … 七 in order under the title, prose 宋体 小四 indented two characters, headings 黑体', async () => {
    const bytes = await packDocx(compilationNoteDocx(noteData()));
    const paragraphs = await docxParagraphs(bytes);
    expect(paragraphs[0]).toBe(title);
    const positions = SECTION_HEADINGS.map((h) => paragraphs.indexOf(h));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const xml = await docxPart(bytes);
    const paragraphXml = (text: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes(text)) ?? '';
    expect(paragraphXml('职业名称：制图员。')).toMatch(/<w:ind w:firstLine="480"\/>[\s\S]*w:eastAsia="宋体"[\s\S]*<w:sz w:val="24"\/>/);
    expect(paragraphXml('三、题库结构')).toContain('w:eastAsia="黑体"');
    await expectPageFurniture(bytes);
  });

  it('一、二: the occupation and the basis with the user’s standard and the usual 规程', async () => {
    const paragraphs = await docxParagraphs(await packDocx(compilationNoteDocx(noteData())));
    expect(paragraphs).toContain('职业名称：制图员。职业编码：3-01-02-07。');
    expect(paragraphs).toContain('职业定义：使用绘图仪器、设备，根据工程或产品的设计方案、草图和技术性说明，绘制其正图（原图）、底图及其他技术图样的人员。');
    // The levels are a regional list, named as such — not the national standard's levels.
    expect(paragraphs).toContain('职业等级：本题库为四级/中级工题库。粤人社办〔2020〕39号 附件1所列本职业开展认定的等级为三级/高级工、四级/中级工（等级设置以国家职业技能标准为准）。');
    expect(paragraphs.join('')).toContain('综合评审仅适用于二级/技师和一级/高级技师，本等级不设综合评审，本题库不含综合评审试题。');
    expect(paragraphs).toContain('职业方向（工种）：本职业分为机械、建筑、电子 3 个方向（工种），本题库为机械方向。');
    const basis = paragraphs.slice(paragraphs.indexOf('二、编制依据'), paragraphs.indexOf('三、题库结构'));
    expect(basis[2]).toBe('1．《制图员国家职业技能标准》（2019年版）；');
    expect(basis.some((p) => p.includes('《国家职业技能标准编制技术规程》'))).toBe(true);
    expect(basis.some((p) => p.includes('《国家题库开发技术规程》'))).toBe(true);
    expect(basis.some((p) => p.includes('粤人社函〔2023〕134号附件6'))).toBe(true);
    expect(basis.some((p) => p.endsWith('《制图员》培训教程（第2版）。'))).toBe(true);
  });

  it('三: 鉴定点 with X/Y/Z counts and ratio, the top scopes and the practical modules', async () => {
    const paragraphs = await docxParagraphs(await packDocx(compilationNoteDocx(noteData())));
    expect(paragraphs.some((p) => p.startsWith('理论知识考核要素细目表共设鉴定点 113 个，其中 X 类（核心要素）92 个，占 81.4%；Y 类（一般要素）16 个，占 14.2%；Z 类（辅助要素）5 个，占 4.4%，重要程度比例为 (92:16:5)。'))).toBe(true);
    expectRun(paragraphs, ['代码', '名称', '鉴定比重（%）', '鉴定点数', 'A', '基本要求', '25', '40', 'B', '相关知识', '75', '73', '合计', '100', '113']);
    expectRun(paragraphs, ['A', '绘制二维图', '必考', '60', '120', 'B', '绘制三维图', '必考', '30', '60', 'C', '图档管理', '必考', '10', '20', '合计', '', '100', '200']);
  });

  it('四: the counts per set with points, the 小计 per set, the bank’s totals and the ≥3 套 sentence', async () => {
    const paragraphs = await docxParagraphs(await packDocx(compilationNoteDocx(noteData())));
    const caption = paragraphs.findIndex((p) => p.endsWith('试题数量统计') && p.startsWith('表'));
    expect(caption).toBeGreaterThan(0);
    const set = (count: string, points: string) => [count, points, count, points, count, points];
    expectRun(
      paragraphs,
      [
        // The second header row: under 题型 and the two totals the continuation of the merged cells ('').
        '题型', '甲套', '乙套', '丙套', '报送试卷合计（道）', '题库入库合计（道）', '', '题量（道）', '分值（分）', '题量（道）', '分值（分）', '题量（道）', '分值（分）', '', '',
        '判断题', ...set('20', '20'), '60', '150',
        '单项选择题', ...set('140', '70'), '420', '440',
        '多项选择题', ...set('10', '10'), '30', '60',
        '理论知识小计', ...set('170', '100'), '510', '650',
        '技能考核试题', ...set('3', '100'), '9', '9',
        '合计', ...set('173', '—'), '519', '659',
      ],
      caption,
    );
    const section = paragraphs.slice(paragraphs.indexOf('四、试题数量统计'), caption);
    expect(section.join('')).toContain('本题库共编制理论知识试卷 3 套、技能考核试卷 3 套，符合《广东省社会培训评价组织培育辅导期试题开发要求》（粤人社函〔2023〕134号附件6）每职业（工种）每级别试题不少于 3 套的要求。');
    expect(section.join('')).toContain('题库入库试题共 659 道，其中理论知识试题 650 道（判断题 150 道、单项选择题 440 道、多项选择题 60 道），技能考核试题 9 道。本次报送的 6 套试卷共用其中 519 道（同一道题编入多套时只计一次）。');

    const short = await docxParagraphs(await packDocx(compilationNoteDocx(noteData({ counts: { ...noteData().counts, theorySets: 2 } }))));
    expect(short.some((p) => p.includes('尚未达到') && p.includes('须补足后报送'))).toBe(true);
  });

  it('五: the theory sections with points, the minutes, the overlap and difficulty rules', async () => {
    const paragraphs = await docxParagraphs(await packDocx(compilationNoteDocx(noteData())));
    expect(paragraphs).toContain('理论知识试卷满分 100 分，考试时间 120 分钟，共 170 题，各题型的题量和分值见表4。');
    expectRun(paragraphs, ['题型', '题量（道）', '每题分值（分）', '合计（分）', '判断题', '20', '1', '20', '单项选择题', '140', '0.5', '70', '多项选择题', '10', '1', '10', '合计', '170', '—', '100']);
    expect(paragraphs.some((p) => p.startsWith('技能考核试卷满分 100 分，考试时间 200 分钟，考核内容为绘制二维图（必考，60%）'))).toBe(true);
    expect(paragraphs).toContain('各套试题互不重复。');
    expect(paragraphs).toContain('各套难度（通过率之和）相差不超过 0.001，难度 1～5 级比例 1:2:4:2:1。');
  });

  it('六、七: team and reviewers tables, the process and secrecy text, then institution and date right-aligned', async () => {
    const bytes = await packDocx(compilationNoteDocx(noteData()));
    const paragraphs = await docxParagraphs(bytes);
    let at = expectRun(paragraphs, ['序号', '姓名', '单位', '职称', '分工']);
    TEAM.forEach((m, i) => {
      at = expectRun(paragraphs, [String(i + 1), m.name, m.unit, m.title, m.work], at);
    });
    expect(paragraphs).toContain('题库由 5 名专家进行内部审核，其中方法专家 1 人、内容专家 2 人、实际工作专家 2 人，审核专家均不是题库开发组成员。审核专家见表6。');
    at = expectRun(paragraphs, ['序号', '姓名', '单位', '职称', '专家类别']);
    EXPERTS.forEach((e, i) => {
      at = expectRun(paragraphs, [String(i + 1), e.name, e.unit, e.title, e.category], at);
    });
    expect(paragraphs).toContain('2026年6月完成试题编写与校对。');
    const secrecy = paragraphs.indexOf('七、保密措施');
    expect(paragraphs[secrecy + 1]).toBe('题库开发、组卷和录入在物理隔离的专用计算机上进行，数据加密存储，备份只使用光盘。');
    expect(paragraphs.slice(-2)).toEqual(['样例职业技能评价中心', '2026年11月23日']);
    const xml = await docxPart(bytes);
    const last = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).slice(-2);
    expect(last[0]).toContain('>样例职业技能评价中心<');
    expect(last[1]).toContain('>2026年11月23日<');
    expect(last.every((p) => p.includes('<w:jc w:val="right"/>'))).toBe(true);
  });

  it('marks empty free-text parts as 待填写 instead of leaving them out', async () => {
    const data = noteData({ basis: { standard: '', other: '' }, secrecyMeasures: '', organisation: { ...noteData().organisation, process: '' } });
    const paragraphs = await docxParagraphs(await packDocx(compilationNoteDocx(data)));
    expect(paragraphs).toContain('1．（待填写：国家职业技能标准名称及版本）；');
    expect(paragraphs).toContain('（待填写：开发过程（时间、会议、各阶段工作））');
    expect(paragraphs).toContain('（待填写：保密措施）');
  });

  it(
    'renders with LibreOffice on a few pages',
    async () => {
      expectRendered(await packDocx(compilationNoteDocx(noteData())), '编制说明.docx', title, { min: 3, max: 6 });
    },
    RENDER_TIMEOUT,
  );
});
