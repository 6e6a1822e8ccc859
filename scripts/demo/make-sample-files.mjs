// Writes the files the demo imports, from the sample JSON (run after `npm run build`; commit the output):
//   app/demo/sample/files/制图员四级-理论知识考核要素细目表.xlsx, 制图员-技能考核内容结构表.xlsx
//   app/demo/sample/files/制图员四级-试题导入.xlsx   the writers' template filled with the theory items of
//                                                             scopes A and B-A (489) and the 9 practical tasks,
//                                                             each with its drawing pasted over its row
//   app/demo/sample/files/制图员四级-三维与图档.docx the 163 items of scopes B-B and B-C laid out as a
//                                                             paper with 答案/难度/鉴定点/解析 lines, plus 6 items
//                                                             reworded from the xlsx (near-duplicates) and 2 copied
//                                                             verbatim (exact duplicates), as writers' files really have
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, TextRun } from 'docx';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sampleDir = join(root, 'app/demo/sample');
const outDir = join(sampleDir, 'files');
const dist = (p) => import(new URL(`../../dist/${p}`, import.meta.url).href);
const { theoryElementTableXlsx, practicalStructureXlsx } = await dist('templates/xlsx/element-table/index.js');
const { sampleElementTable, samplePracticalStructure } = await dist('app/demo/sample-bank.js');
const { theoryElementTableSchema } = await dist('app/domain/element-table.js');
const { practicalStructureSchema } = await dist('app/domain/practical-structure.js');

const theory = readdirSync(sampleDir)
  .filter((f) => /^theory-.*\.json$/.test(f))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(join(sampleDir, f), 'utf8')).items);
const tasks = JSON.parse(readFileSync(join(sampleDir, 'practical.json'), 'utf8')).tasks;
const inDocx = (i) => i.element.startsWith('B-B-') || i.element.startsWith('B-C-');
const xlsxItems = theory.filter((i) => !inDocx(i));
const docxItems = theory.filter(inDocx);

// ---- 细目表 and 内容结构表 --------------------------------------------------------------------------
const generatedAt = new Date('2026-11-23T00:00:00Z');
const occupation = { occupationName: '制图员', occupationCode: '3-01-02-07', track: '机械', generatedAt };
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, '制图员四级-理论知识考核要素细目表.xlsx'),
  await theoryElementTableXlsx({ ...occupation, level: 4, table: theoryElementTableSchema.parse(sampleElementTable()), secrecyMark: '机密★启用前' }),
);
writeFileSync(join(outDir, '制图员-技能考核内容结构表.xlsx'), await practicalStructureXlsx({ ...occupation, structure: practicalStructureSchema.parse(samplePracticalStructure()) }));

// ---- xlsx ------------------------------------------------------------------------------------
const { itemsWorkbookXlsx } = await dist('templates/xlsx/item-export.js');
const { theoryItemSchema } = await dist('app/domain/theory-item.js');
const { practicalTaskSchema } = await dist('app/domain/practical-task.js');
const { sampleDrawings } = await dist('app/demo/drawings/index.js');
const { PRINT_WIDTH_PX, rasteriseSvg } = await dist('app/readers/svg/rasterise.js');
const { sha256Hex } = await dist('crypto/digest.js');

// The 附图 of each task, drawn in code (app/demo/drawings), rendered as the workstation renders an SVG
// upload (PRINT_WIDTH_PX) and pasted over the task's row, where a writer pastes a picture.
const drawings = new Map();
for (const d of sampleDrawings()) drawings.set(d.title, (await rasteriseSvg(d.svg, { widthPx: PRINT_WIDTH_PX })).png);
const images = new Map([...drawings.values()].map((png) => [sha256Hex(png), { bytes: png, contentType: 'image/png' }]));
const withDrawing = (t) => {
  const png = drawings.get(t.title);
  if (png === undefined) throw new Error(`no drawing for the task ${t.title}`);
  return { ...practicalTaskSchema.parse(t), images: [sha256Hex(png)] };
};
writeFileSync(
  join(outDir, '制图员四级-试题导入.xlsx'),
  await itemsWorkbookXlsx(
    {
      occupation: '制图员（机械）',
      level: '四级/中级工',
      generatedAt,
      elementCodes: [...new Set(theory.map((i) => i.element))].sort().map((code) => ({ code, name: code })),
    },
    { theory: xlsxItems.map((i) => theoryItemSchema.parse(i)), practical: tasks.map(withDrawing) },
    images,
  ),
);

// ---- docx ------------------------------------------------------------------------------------
/** Rewordings a writer might submit again: particles added, a clause reordered, options shuffled. */
function reword(item, k) {
  const stem = [
    (s) => s.replace('的', '的一般'),
    (s) => s.replace(/^(.{4})/, '$1通常'),
    (s) => s.replace('（ ）', '（　）').replace('是', '应是'),
    (s) => `在机械制图中，${s}`,
    (s) => s.replace('，', '时，'),
    (s) => s.replace(/。$/, '。'),
  ][k % 6](item.stem);
  const options = item.type === 'trueFalse' ? undefined : [...item.options].reverse();
  const key =
    item.type === 'trueFalse'
      ? item.key
      : [...item.key].map((l) => 'ABCDE'[item.options.length - 1 - 'ABCDE'.indexOf(l)]).sort().join('');
  return { ...item, stem, ...(options ? { options } : {}), key };
}
const near = xlsxItems.filter((i) => i.type === 'singleChoice').filter((_, k) => k % 60 === 7).slice(0, 6).map(reword);
const exact = [xlsxItems[10], xlsxItems[200]];
const all = [...docxItems, ...near, ...exact];
const SECTION = { trueFalse: '一、判断题', singleChoice: '二、单项选择题', multipleChoice: '三、多项选择题' };
const lines = ['制图员（机械）四级/中级工 理论知识试题（三维与图档部分，样例）', ''];
for (const type of ['trueFalse', 'singleChoice', 'multipleChoice']) {
  const items = all.filter((i) => i.type === type);
  lines.push(`${SECTION[type]}（第1题～第${items.length}题）`);
  items.forEach((i, n) => {
    lines.push(`${n + 1}. ${i.stem}`);
    if (i.type !== 'trueFalse') i.options.forEach((o, k) => lines.push(`${'ABCDE'[k]}. ${o}`));
    lines.push(`答案：${i.type === 'trueFalse' ? (i.key ? '√' : '×') : i.key}`);
    lines.push(`难度：${i.difficulty}`);
    lines.push(`鉴定点：${i.element}`);
    if (i.explanation) lines.push(`解析：${i.explanation}`);
  });
}
const doc = new Document({
  creator: '样例命题组',
  title: '制图员四级 三维与图档 试题（样例）',
  sections: [{ children: lines.map((t) => new Paragraph({ children: [new TextRun({ text: t, font: { eastAsia: '宋体' } })] })) }],
});
writeFileSync(join(outDir, '制图员四级-三维与图档.docx'), new Uint8Array(await Packer.toBuffer(doc)));
console.log(`xlsx: ${xlsxItems.length} theory items, ${tasks.length} practical tasks; docx: ${docxItems.length} items + ${near.length} reworded + ${exact.length} copied`);
