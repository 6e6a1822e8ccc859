// Writes the files a user fills from the workstation's templates for the 电工 二级/技师 sample
// (app/demo/sample-electrician; run after `npm run build`; commit the output):
//   app/demo/sample-electrician/files/电工二级-理论知识考核要素细目表.xlsx  (qbank elements import)
//   app/demo/sample-electrician/files/电工-技能考核内容结构表.xlsx          (qbank elements import --practical)
//   app/demo/sample-electrician/files/电工二级-试题导入.xlsx               the item template filled with the
//                                                                      290 theory items, 10 practical tasks and
//                                                                      4 综合评审 items (qbank import)
// The level-2 CLI walk-through (test/integration/cli/cli-level2.test.ts) builds the bank from these files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'app/demo/sample-electrician/files');
const dist = (p) => import(new URL(`../../dist/${p}`, import.meta.url).href);
const { theoryElementTableXlsx, practicalStructureXlsx } = await dist('templates/xlsx/element-table/index.js');
const { itemsWorkbookXlsx } = await dist('templates/xlsx/item-export.js');
const sample = await dist('app/demo/sample-electrician.js');
const { theoryElementTableSchema, listElements } = await dist('app/domain/element-table.js');
const { practicalStructureSchema } = await dist('app/domain/practical-structure.js');
const { theoryItemSchema } = await dist('app/domain/theory-item.js');
const { practicalTaskSchema } = await dist('app/domain/practical-task.js');
const { comprehensiveItemSchema } = await dist('app/domain/comprehensive-item.js');

const { ELECTRICIAN_BANK: bank } = sample;
const generatedAt = new Date('2026-12-03T00:00:00Z');
const occupation = { occupationName: bank.occupationName, occupationCode: bank.occupationCode, track: bank.track, generatedAt };
const table = theoryElementTableSchema.parse(sample.electricianElementTable());
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, '电工二级-理论知识考核要素细目表.xlsx'),
  await theoryElementTableXlsx({ ...occupation, level: bank.level, table, secrecyMark: '机密★启用前' }),
);
writeFileSync(
  join(outDir, '电工-技能考核内容结构表.xlsx'),
  await practicalStructureXlsx({ ...occupation, structure: practicalStructureSchema.parse(sample.electricianPracticalStructure()) }),
);
writeFileSync(
  join(outDir, '电工二级-试题导入.xlsx'),
  await itemsWorkbookXlsx(
    {
      occupation: bank.occupationName,
      level: '二级/技师',
      generatedAt,
      elementCodes: listElements(table).map((e) => ({ code: e.fullCode, name: e.name })),
    },
    {
      theory: sample.electricianTheoryItems().map((i) => theoryItemSchema.parse(i)),
      practical: sample.electricianPracticalTasks().map((t) => practicalTaskSchema.parse(t)),
      comprehensive: sample.electricianComprehensiveItems().map((c) => comprehensiveItemSchema.parse(c)),
    },
  ),
);
console.log(`written to ${outDir}`);
