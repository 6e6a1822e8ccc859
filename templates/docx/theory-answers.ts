/**
 * 标准答案与评分标准 of one 理论知识试卷 set: the paper's title over `标准答案与评分标准`, per section a
 * line with its range and points and a key table (题号 row over 答案 row, ten items to a row: √/× for
 * 判断, the letter for 单选, sorted letters for 多选), then the 评分标准 and the total.
 */
import type { FileChild, Table } from 'docx';
import type { TheoryPaperData, TheoryPaperSection } from '../../app/domain/submission/documents.js';
import { formatKey } from '../../app/domain/theory-item.js';
import { createDocument, packDocx, paperCodeLine, para, run, SIZES, title, type Cell } from './kit.js';
import { keptTable } from './theory-paper.js';
import {
  ANSWERS_SUBTITLE,
  answersSectionNote,
  answersTitle,
  KEY_TABLE,
  MARKING_HEADING,
  markingLines,
  paperTitle,
  presentSections,
  sectionName,
} from '../../app/domain/submission/wording/theory.js';

/** Key table of a section: pairs of rows 题号 | n … / 答案 | key …, a 题号 row kept with its 答案 row. */
function keyTable(section: TheoryPaperSection): Table {
  const per = KEY_TABLE.perRow;
  const rows: Cell[][] = [];
  for (let i = 0; i < section.items.length; i += per) {
    const chunk = section.items.slice(i, i + per);
    const pad = Array.from({ length: per - chunk.length }, () => '');
    rows.push([{ text: KEY_TABLE.number, font: 'heading', shade: true }, ...chunk.map((e) => ({ text: String(e.number), shade: true })), ...pad.map((text) => ({ text, shade: true }))]);
    rows.push([{ text: KEY_TABLE.answer, font: 'heading' }, ...chunk.map((e) => formatKey(e.item)), ...pad]);
  }
  return keptTable({ widths: [1, ...Array.from({ length: per }, () => 1)], rows, rowHeight: 360, keepNext: (r) => r % 2 === 0 });
}

function answersChildren(data: TheoryPaperData): FileChild[] {
  const marking = markingLines(data);
  const children: FileChild[] = [
    para(paperTitle(data), { font: 'heading', size: SIZES.三号, align: 'center', after: 0, keepNext: true }),
    title(ANSWERS_SUBTITLE, SIZES.三号),
    paperCodeLine(data.paperCode),
  ];
  for (const { section, position } of presentSections(data)) {
    children.push(
      para([run(sectionName(section, position), { font: 'heading', size: SIZES.小四 }), run(answersSectionNote(section), { size: SIZES.五号 })], {
        align: 'left',
        before: 200,
        after: 100,
        keepNext: true,
      }),
      keyTable(section),
    );
  }
  children.push(para(MARKING_HEADING, { font: 'heading', size: SIZES.小四, align: 'left', before: 300, after: 60, keepNext: true }));
  marking.forEach((line, i) => children.push(para(line, { size: SIZES.五号, after: 0, keepNext: i < marking.length - 1 })));
  return children;
}

/** 标准答案与评分标准 (one set) as .docx bytes. Throws when the declared total differs from Σ pointsEach × items. */
export async function theoryAnswersDocx(data: TheoryPaperData): Promise<Uint8Array> {
  const doc = createDocument({ mark: data.header.mark, title: answersTitle(data), note: data.header.sampleNote, children: answersChildren(data) });
  return packDocx(doc);
}
