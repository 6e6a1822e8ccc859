/**
 * 题库编制说明 (附件6 §三 (一); domain-formats.md §6): filled from the bank's data, with the user's free
 * text where only people know the answer (编制依据, 开发过程, 保密措施). Sections 一、职业概况 二、编制依据
 * 三、题库结构 四、试题数量统计 五、组卷规则与试卷结构 六、开发组织与过程 七、保密措施, then the institution
 * and the date, right-aligned. Prose is 宋体 小四 with 首行缩进 two characters, headings 黑体. A free-text
 * part left empty prints a visible `（待填写：…）` rather than nothing.
 */
import type { Document, FileChild } from 'docx';
import { formatImportanceRatio } from '../../app/domain/element-table.js';
import { formatNumber, percent, setName } from '../../app/domain/format.js';
import { MIN_PARALLEL_SETS as MIN_SETS } from '../../app/domain/paper.js';
import { assessmentMethodNames, assessmentMethods, assessmentMethodsText, MIN_REVIEWERS } from '../../app/domain/submission/completeness.js';
import type { Level } from '../../app/domain/level.js';
import type { CompilationNoteData, ItemCountRow, ReviewExpert, TeamMember } from '../../app/domain/submission/documents.js';
import { createDocument, heading, para, table, title, type Cell, type TableSpec } from './kit.js';
import { caption, textLines, withoutFullStop } from './submission-parts.js';

export const COMPILATION_NOTE_TITLE = '题库编制说明';
export const SECTION_HEADINGS = ['一、职业概况', '二、编制依据', '三、题库结构', '四、试题数量统计', '五、组卷规则与试卷结构', '六、开发组织与过程', '七、保密措施'] as const;
export const SETS_RULE_SOURCE = '《广东省社会培训评价组织培育辅导期试题开发要求》（粤人社函〔2023〕134号附件6）';
const EXPERT_CATEGORIES = ['方法专家', '内容专家', '实际工作专家'] as const;

export function compilationNoteTitle(data: Pick<CompilationNoteData, 'header'>): string {
  return `${data.header.occupationTitle}${data.header.levelName} ${COMPILATION_NOTE_TITLE}`;
}

const prose = (text: string) => para(text, { indentChars: 2 });
/** Prose that announces the table after it (`…见表N。`) stays on its page. */
const lead = (text: string) => para(text, { indentChars: 2, keepNext: true });
/** Line spacing in the tables (1.15 lines). */
const TABLE_LINE = 276;
const placeholder = (what: string) => `（待填写：${what}）`;
const sentence = (text: string) => `${withoutFullStop(text)}。`;
const centred = (text: string): { text: string; align: 'center' } => ({ text, align: 'center' });
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Set labels of all rows, in the order they first appear. */
function setLabels(rows: readonly ItemCountRow[]): string[] {
  const labels: string[] = [];
  for (const r of rows) for (const s of r.perSet) if (!labels.includes(s.label)) labels.push(s.label);
  return labels;
}

/** A row of the counts table: per set 题量 and 分值, then the bank's count. */
function countCells(type: string, rows: readonly ItemCountRow[], labels: readonly string[], withPoints: boolean, bold = false): Cell[] {
  const cells: Cell[] = [{ text: type, bold }];
  for (const label of labels) {
    const sets = rows.map((r) => r.perSet.find((s) => s.label === label));
    const present = sets.filter((s) => s !== undefined);
    if (present.length === 0) {
      cells.push(centred('—'), centred('—'));
      continue;
    }
    cells.push(centred(String(sum(present.map((s) => s.count)))), centred(withPoints ? formatNumber(sum(present.map((s) => s.points))) : '—'));
  }
  cells.push(centred(String(sum(rows.map((r) => r.inSubmission)))), centred(String(sum(rows.map((r) => r.inBank)))));
  return cells;
}

/**
 * The 鉴定方式 of the level, said in so many words (levels 1–2: 理论知识考试、技能考核和综合评审, 附件6
 * 三(三); levels 3–5: 理论知识考试和技能考核), and which of them this bank still lacks.
 */
function methodsSentence(level: Level, present: { readonly practical: boolean; readonly comprehensive: boolean }): string {
  const methods = `本等级的鉴定方式为${assessmentMethodsText(level)}。`;
  const missing = assessmentMethods(level).filter((m) => m !== 'theory' && !present[m]).map((m) => assessmentMethodNames[m]);
  const lacks = missing.length > 0 ? `本题库尚缺${missing.join('、')}试题，须补足后报送。` : '';
  const notApplicable = assessmentMethods(level).includes('comprehensive') ? '' : '综合评审仅适用于二级/技师和一级/高级技师，本等级不设综合评审，本题库不含综合评审试题。';
  return `${methods}${lacks}${notApplicable}`;
}

/** A small table kept on one page with its caption. */
function keptTable(spec: TableSpec): FileChild {
  return table({ line: TABLE_LINE, ...spec, keepNext: (r) => r < spec.rows.length - 1 });
}

const totalLabel: Cell = { text: '合计', colSpan: 2, align: 'center', bold: true };

/** Numbered empty rows up to `upTo` after `filled` rows: who is missing is a line to fill by hand, not a zero. */
const blankRows = (filled: number, upTo: number): Cell[][] =>
  Array.from({ length: Math.max(0, upTo - filled) }, (_, k): Cell[] => [centred(String(filled + k + 1)), '', '', '', '']);

/** Rows to fill by hand when the team list is empty. */
const TEAM_BLANK_ROWS = 3;

function teamTable(team: readonly TeamMember[]): FileChild {
  return keptTable({
    widths: [5, 7, 18, 9, 12],
    rows: [
      ['序号', '姓名', '单位', '职称', '分工'],
      ...team.map((m, i): Cell[] => [centred(String(i + 1)), centred(m.name), m.unit, centred(m.title), m.work]),
      ...(team.length === 0 ? blankRows(0, TEAM_BLANK_ROWS) : []),
    ],
  });
}

/** The experts, with numbered blank rows up to the five the rules ask for. */
function reviewerTable(reviewers: readonly ReviewExpert[]): FileChild {
  return keptTable({
    widths: [5, 7, 18, 9, 10],
    rows: [
      ['序号', '姓名', '单位', '职称', '专家类别'],
      ...reviewers.map((e, i): Cell[] => [centred(String(i + 1)), centred(e.name), e.unit, centred(e.title), centred(e.category)]),
      ...blankRows(reviewers.length, MIN_REVIEWERS),
    ],
  });
}

/** The sentence on the internal review: never `由 0 名专家`; a short panel says what is missing. */
function reviewSentence(reviewers: readonly ReviewExpert[], team: readonly TeamMember[], tableRef: string): string {
  if (reviewers.length === 0) {
    return `题库由${placeholder(`不少于 ${String(MIN_REVIEWERS)} 名专家的姓名`)}进行内部审核（方法专家、内容专家、实际工作专家，均不属题库开发组），审核专家见${tableRef}（待填写）。`;
  }
  const byCategory = EXPERT_CATEGORIES.map((c) => `${c} ${String(reviewers.filter((e) => e.category === c).length)} 人`);
  const teamNames = new Set(team.map((m) => m.name));
  const independent = reviewers.every((e) => !teamNames.has(e.name));
  const short = reviewers.length < MIN_REVIEWERS ? placeholder(`尚缺 ${String(MIN_REVIEWERS - reviewers.length)} 名，须不少于 ${String(MIN_REVIEWERS)} 名`) : '';
  return `题库由 ${String(reviewers.length)} 名专家${short}进行内部审核，其中${byCategory.join('、')}${independent ? '，审核专家均不是题库开发组成员' : ''}。审核专家见${tableRef}。`;
}

/** The 编制说明 as a Word document, A4 portrait. */
export function compilationNoteDocx(data: CompilationNoteData): Document {
  const { header, occupation, basis, structure, counts, paper, organisation } = data;
  const heading0 = compilationNoteTitle(data);
  const children: FileChild[] = [title(heading0)];
  let tableNo = 0;
  const nextCaption = (text: string) => {
    tableNo += 1;
    return caption(`表${String(tableNo)}　${text}`);
  };

  // 一、职业概况
  children.push(heading(SECTION_HEADINGS[0]));
  children.push(prose(`职业名称：${header.occupationName}。职业编码：${header.occupationCode}。`));
  children.push(prose(`职业定义：${occupation.definition.trim() === '' ? placeholder('职业定义') : sentence(occupation.definition)}`));
  children.push(
    prose(
      occupation.levels.length > 0
        ? `职业等级：本题库为${header.levelName}题库。${occupation.levelsSource}所列本职业开展认定的等级为${occupation.levels.join('、')}（等级设置以国家职业技能标准为准）。`
        : `职业等级：本题库为${header.levelName}题库。`,
    ),
  );
  children.push(
    prose(
      occupation.tracks.length > 0
        ? `职业方向（工种）：本职业分为${occupation.tracks.join('、')} ${String(occupation.tracks.length)} 个方向（工种）${header.track === '' ? '' : `，本题库为${header.track}方向`}。`
        : '职业方向（工种）：本职业不分方向（工种）。',
    ),
  );

  // 二、编制依据
  children.push(heading(SECTION_HEADINGS[1]));
  children.push(prose('本题库依据以下标准和规范编制：'));
  const bases = [
    basis.standard.trim() === '' ? placeholder('国家职业技能标准名称及版本') : withoutFullStop(basis.standard),
    '《国家职业技能标准编制技术规程》',
    '《国家题库开发技术规程》',
    '《国家职业技能鉴定命题技术标准》',
    SETS_RULE_SOURCE,
    '《职业技能鉴定国家题库安全保密工作规程（暂行）》（人社鉴发〔2010〕2号）',
    ...textLines(basis.other).map(withoutFullStop),
  ];
  bases.forEach((b, i) => children.push(prose(`${String(i + 1)}．${b}${i === bases.length - 1 ? '。' : '；'}`)));
  children.push(
    prose('题库的理论知识考核要素细目表和技能考核内容结构表依据国家职业技能标准的“工作要求”和“权重表”编制，试题依据细目表的鉴定点和结构表的职业功能编写。'),
  );

  // 三、题库结构
  children.push(heading(SECTION_HEADINGS[2]));
  children.push(prose(methodsSentence(header.level, { practical: structure.practicalModules.length > 0 || counts.practical !== null, comprehensive: counts.comprehensive !== null })));
  children.push(heading('（一）理论知识', 2));
  const { X, Y, Z } = structure.importance;
  const n = structure.elements;
  children.push(
    lead(
      `理论知识考核要素细目表共设鉴定点 ${String(n)} 个，其中 X 类（核心要素）${String(X)} 个，占 ${formatNumber(percent(X, n))}%；Y 类（一般要素）${String(Y)} 个，占 ${formatNumber(percent(Y, n))}%；Z 类（辅助要素）${String(Z)} 个，占 ${formatNumber(percent(Z, n))}%，重要程度比例为 ${formatImportanceRatio(structure.importance)}。各一级鉴定范围的鉴定比重和鉴定点数见表${String(tableNo + 1)}。`,
    ),
  );
  children.push(nextCaption('理论知识一级鉴定范围'));
  children.push(
    keptTable({
      widths: [5, 20, 8, 8],
      rows: [
        ['代码', '名称', '鉴定比重（%）', '鉴定点数'],
        ...structure.topScopes.map((s): Cell[] => [centred(s.code), s.name, centred(formatNumber(s.weight)), centred(String(s.elements))]),
        [totalLabel, centred(formatNumber(sum(structure.topScopes.map((s) => s.weight)))), centred(String(sum(structure.topScopes.map((s) => s.elements))))],
      ],
    }),
  );
  if (structure.practicalModules.length > 0) {
    children.push(heading('（二）技能考核', 2));
    children.push(
      lead(`技能考核内容结构表设职业功能 ${String(structure.practicalModules.length)} 项，各项的选考方式、鉴定比重和考试时间见表${String(tableNo + 1)}。`),
    );
    children.push(nextCaption('技能考核职业功能'));
    const allRequired = structure.practicalModules.every((m) => m.mode === '必考');
    children.push(
      keptTable({
        widths: [5, 18, 7, 8, 8],
        rows: [
          ['代码', '职业功能', '选考方式', '鉴定比重（%）', '考试时间（min）'],
          ...structure.practicalModules.map((m): Cell[] => [centred(m.code), m.name, centred(m.mode), centred(formatNumber(m.weight)), centred(String(m.minutes))]),
          ...(allRequired
            ? [[totalLabel, centred(''), centred(formatNumber(sum(structure.practicalModules.map((m) => m.weight)))), centred(String(sum(structure.practicalModules.map((m) => m.minutes))))]]
            : []),
        ],
      }),
    );
  }

  // 四、试题数量统计
  children.push(heading(SECTION_HEADINGS[3]));
  const others = [counts.practical, counts.comprehensive].filter((r): r is ItemCountRow => r !== null);
  const allRows = [...counts.theory, ...others];
  const labels = setLabels(allRows);
  const theoryInBank = sum(counts.theory.map((r) => r.inBank));
  const setsText = [
    `理论知识试卷 ${String(counts.theorySets)} 套`,
    ...(counts.practical !== null ? [`技能考核试卷 ${String(counts.practicalSets)} 套`] : []),
    ...(counts.comprehensive !== null ? [`综合评审试卷 ${String(counts.comprehensive.perSet.length)} 套`] : []),
  ];
  const setCounts = [counts.theorySets, ...(counts.practical !== null ? [counts.practicalSets] : []), ...(counts.comprehensive !== null ? [counts.comprehensive.perSet.length] : [])];
  const enough = setCounts.every((c) => c >= MIN_SETS);
  children.push(
    prose(
      `本题库共编制${setsText.join('、')}，${
        enough
          ? `符合${SETS_RULE_SOURCE}每职业（工种）每级别试题不少于 ${String(MIN_SETS)} 套的要求`
          : `尚未达到${SETS_RULE_SOURCE}每职业（工种）每级别试题不少于 ${String(MIN_SETS)} 套的要求，须补足后报送`
      }。`,
    ),
  );
  const inBankParts = [
    `理论知识试题 ${String(theoryInBank)} 道${counts.theory.length > 0 ? `（${counts.theory.map((r) => `${r.type} ${String(r.inBank)} 道`).join('、')}）` : ''}`,
    ...others.map((r) => `${r.type} ${String(r.inBank)} 道`),
  ];
  const submitted = sum(allRows.map((r) => r.inSubmission));
  children.push(
    lead(
      `题库入库试题共 ${String(sum(allRows.map((r) => r.inBank)))} 道，其中${inBankParts.join('，')}。` +
        `本次报送的 ${String(sum(setCounts))} 套试卷共用其中 ${String(submitted)} 道（同一道题编入多套时只计一次）。各套试卷的题型、题量和分值见表${String(tableNo + 1)}，“报送试卷合计”与“题库入库合计”两列分别列出两类数字。`,
    ),
  );
  children.push(nextCaption('试题数量统计'));
  const countRows: Cell[][] = [
    [{ text: '题型', rowSpan: 2 }, ...labels.map((l) => ({ text: setName(l), colSpan: 2 })), { text: '报送试卷合计（道）', rowSpan: 2 }, { text: '题库入库合计（道）', rowSpan: 2 }],
    labels.flatMap(() => ['题量（道）', '分值（分）']),
    ...counts.theory.map((r) => countCells(r.type, [r], labels, true)),
    ...(counts.theory.length > 0 ? [countCells('理论知识小计', counts.theory, labels, true, true)] : []),
    ...others.map((r) => countCells(r.type, [r], labels, true)),
    ...(others.length > 0 && counts.theory.length > 0 ? [countCells('合计', allRows, labels, false, true)] : []),
  ];
  children.push(keptTable({ widths: [12, ...labels.flatMap(() => [5, 5]), 7, 7], rows: countRows, headerRows: 2 }));

  // 五、组卷规则与试卷结构
  children.push(heading(SECTION_HEADINGS[4]));
  children.push(heading('（一）理论知识试卷', 2));
  const theoryTotal = sum(paper.theorySections.map((s) => s.count * s.pointsEach));
  children.push(
    lead(
      `理论知识试卷满分 ${formatNumber(theoryTotal)} 分，考试时间 ${String(paper.theoryMinutes)} 分钟，共 ${String(sum(paper.theorySections.map((s) => s.count)))} 题，各题型的题量和分值见表${String(tableNo + 1)}。`,
    ),
  );
  children.push(nextCaption('理论知识试卷结构'));
  children.push(
    keptTable({
      widths: [14, 7, 8, 8],
      rows: [
        ['题型', '题量（道）', '每题分值（分）', '合计（分）'],
        ...paper.theorySections.map((s): Cell[] => [s.type, centred(String(s.count)), centred(formatNumber(s.pointsEach)), centred(formatNumber(s.count * s.pointsEach))]),
        [{ text: '合计', bold: true, align: 'center' }, centred(String(sum(paper.theorySections.map((s) => s.count)))), centred('—'), centred(formatNumber(theoryTotal))],
      ],
    }),
  );
  const hasPractical = paper.practicalMinutes > 0 || structure.practicalModules.length > 0;
  if (hasPractical) {
    children.push(heading('（二）技能考核试卷', 2));
    const points = counts.practical?.perSet[0]?.points;
    const modules = structure.practicalModules.map((m) => `${m.name}（${m.mode}，${formatNumber(m.weight)}%）`);
    children.push(
      prose(
        `技能考核试卷${points === undefined ? '' : `满分 ${formatNumber(points)} 分，`}考试时间 ${String(paper.practicalMinutes)} 分钟${modules.length > 0 ? `，考核内容为${modules.join('、')}` : ''}。每套试卷含考场准备通知单、考生准备通知单、试题和评分记录表。`,
      ),
    );
  }
  children.push(heading(hasPractical ? '（三）组卷规则' : '（二）组卷规则', 2));
  children.push(
    prose(
      `理论知识试卷按理论知识考核要素细目表各鉴定范围的鉴定比重抽取试题，试题覆盖各一级鉴定范围${hasPractical ? '；技能考核试卷按技能考核内容结构表的职业功能和选考方式组卷' : ''}。`,
    ),
  );
  if (paper.overlap.trim() !== '') children.push(prose(sentence(paper.overlap)));
  if (paper.difficulty.trim() !== '') children.push(prose(sentence(paper.difficulty)));

  // 六、开发组织与过程
  children.push(heading(SECTION_HEADINGS[5]));
  children.push(heading('（一）题库开发组', 2));
  const institution = header.institution.trim() === '' ? placeholder('开发单位') : header.institution;
  const teamRef = `表${String(tableNo + 1)}`;
  children.push(
    lead(
      organisation.team.length === 0
        ? `本题库由${institution}组织开发。题库开发组成员及分工见${teamRef}（待填写）。`
        : `本题库由${institution}组织开发。题库开发组共 ${String(organisation.team.length)} 人，成员及分工见${teamRef}。`,
    ),
  );
  children.push(nextCaption('题库开发组成员'));
  children.push(teamTable(organisation.team));
  children.push(heading('（二）内部审核', 2));
  children.push(lead(reviewSentence(organisation.reviewers, organisation.team, `表${String(tableNo + 1)}`)));
  children.push(nextCaption('内部审核专家'));
  children.push(reviewerTable(organisation.reviewers));
  children.push(heading('（三）开发过程', 2));
  const process = textLines(organisation.process);
  for (const line of process.length > 0 ? process : [placeholder('开发过程（时间、会议、各阶段工作）')]) children.push(prose(line));

  // 七、保密措施
  children.push(heading(SECTION_HEADINGS[6]));
  const secrecy = textLines(data.secrecyMeasures);
  for (const line of secrecy.length > 0 ? secrecy : [placeholder('保密措施')]) children.push(prose(line));

  children.push(para(header.institution.trim() === '' ? placeholder('开发单位') : header.institution, { align: 'right', before: 600 }));
  children.push(para(data.date.trim() === '' ? '年　　月　　日' : data.date, { align: 'right' }));

  return createDocument({ mark: header.mark, note: header.sampleNote, title: heading0, children });
}
