/** Seeds of the exchange readers: answer sheets for a fixed paper, and a QTI 2.1 package of three items. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sheetCsv, simulateSitting } from '../../../app/domain/analysis/simulate.js';
import type { PaperItemKey } from '../../../app/domain/analysis/scoring.js';
import { buildAssessmentItem, qtiItemIdentifier } from '../../../app/domain/qti/item-xml.js';
import { buildManifest } from '../../../app/domain/qti/manifest-xml.js';
import type { TheoryItem } from '../../../app/domain/theory-item.js';

const ABCD = ['A', 'B', 'C', 'D'];
/** The paper the answer sheets are read against: every kind of cell. */
export const EXCHANGE_PAPER: readonly PaperItemKey[] = [
  { position: 1, itemId: 1, version: 1, kind: 'trueFalse', options: ['√', '×'], key: '√', points: 1 },
  { position: 2, itemId: 2, version: 1, kind: 'singleChoice', options: ABCD, key: 'B', points: 1 },
  { position: 3, itemId: 3, version: 1, kind: 'multipleChoice', options: [...ABCD, 'E'], key: 'ACE', points: 2 },
  { position: 4, itemId: 4, version: 1, kind: 'practical', options: [], key: '', points: 30 },
];

export const SHEET_TOKENS = [',', '\t', '\n', '\r\n', '"', '\uFEFF', '\u0000', '考号', '姓名', '身份证号', '第1题', '1', '4', '5', '9999', '√', '×', '对', 'ABCDE', 'F', '-1', '31', 'NaN', '1e309', '', ' ', 'x'.repeat(5000)];

export async function sheetSeeds(): Promise<Uint8Array[]> {
  const sheet = simulateSitting(EXCHANGE_PAPER, { candidates: 12, seed: 7 });
  const csv = new Uint8Array(Buffer.from(sheetCsv(sheet), 'utf8'));
  const tsv = new Uint8Array(Buffer.from([sheet.header, ...sheet.rows].map((r) => r.join('\t')).join('\n'), 'utf8'));
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('作答');
  for (const row of [sheet.header, ...sheet.rows]) ws.addRow([...row]);
  const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
  return [csv, tsv, xlsx];
}

export const QTI_TOKENS = ['<', '>', '</', '/>', '&', '<!DOCTYPE x>', '<!ENTITY e "x">', '"', ' href="../x.xml"', ' href="/etc/passwd"', ' href="http://x/"', ' src="images/none.png"', 'choiceInteraction', 'textEntryInteraction', 'simpleChoice', 'correctResponse', 'cardinality="multiple"', 'identifier="RESPONSE"', 'imsqti_item_xmlv2p1', 'imsqti_test_xmlv2p1', '<value>Z</value>', 'maxChoices="0"', '题', '\u0000', ' xml:base="../"'];

const ITEMS: TheoryItem[] = [
  { type: 'trueFalse', stem: '图纸幅面 A4 为 210 mm × 297 mm。', key: true, element: 'A-B-C-001', difficulty: 2, explanation: '', images: [] },
  { type: 'singleChoice', stem: '细实线用于（　）。', options: ['可见轮廓线', '尺寸线', '轴线', '断裂处'], key: 'B', element: 'A-B-C-002', difficulty: 3, explanation: '国标规定', images: [] },
  { type: 'multipleChoice', stem: '以下属于基本视图的有（　）。', options: ['主视图', '俯视图', '局部视图', '左视图', '斜视图'], key: 'ABD', element: 'A-B-C-003', difficulty: 4, explanation: '', images: [] },
];

export async function qtiSeeds(): Promise<Uint8Array[]> {
  const zip = new JSZip();
  const resources = ITEMS.map((item, k) => {
    const identifier = qtiItemIdentifier(k + 1, 1);
    zip.file(`${identifier}.xml`, buildAssessmentItem({ itemId: k + 1, version: 1, item, imageFiles: new Map() }));
    return { identifier, href: `${identifier}.xml`, images: [], itemId: k + 1, version: 1, type: item.type, element: item.element, difficulty: item.difficulty };
  });
  zip.file('imsmanifest.xml', buildManifest('qbank-fuzz', resources));
  return [await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })];
}
