/**
 * The disc's printed label and cover sheet (issue [G] 4): page one is the label block to cut out and
 * stick on the disc's sleeve (mark, contents, short hash, date, who); then the cover sheet that goes
 * into the 存档 file with the disc: every file with its size and SHA-256, the recipients, the audit
 * anchor and the register entry, and lines for the receipt signatures.
 */
import type { Document } from 'docx';
import { beijingMinute } from '../../app/domain/package/format.js';
import type { DiscLabelData } from '../../app/domain/package/label.js';
import { createDocument, heading, para, SIZES, table, TEXT_WIDTH } from './kit.js';

export const DISC_LABEL_TITLE = '光盘标签与封面登记单';

const short = (hex: string) => `${hex.slice(0, 16)}…${hex.slice(-8)}`;

export function discLabelDocx(d: DiscLabelData): Document {
  const labelRows = [
    ['密级', d.mark],
    ['内容', d.label.startsWith(d.kindName) ? d.label : `${d.kindName}：${d.label}`],
    ['映像', `${d.imageName}（${d.imageBytes} 字节）`],
    ['SHA-256', short(d.imageSha256)],
    ['写入', `${beijingMinute(new Date(d.writtenAt))}　${d.writtenBy}`],
    ['登记', d.register],
  ];
  const w = Math.round(TEXT_WIDTH * 0.22);
  return createDocument({
    mark: d.mark,
    title: DISC_LABEL_TITLE,
    children: [
      para(d.mark, { font: 'heading', size: SIZES.二号, align: 'center', after: 120 }),
      table({ widths: [w, TEXT_WIDTH - w], rows: labelRows, headerRows: 0 }),
      para('（沿表格外框剪下，贴于光盘盒正面；光盘盘面以记号笔写明密级与登记号）', { font: 'note', size: SIZES.小五, align: 'center', before: 120, after: 360 }),
      heading(DISC_LABEL_TITLE),
      table({
        widths: [w, TEXT_WIDTH - w],
        headerRows: 0,
        rows: [
          ['包编号', d.packageId],
          ['映像 SHA-256', d.imageSha256],
          ['写入后校验', d.verified ? '已回读校验，一致' : '未校验'],
          ['工作站', d.workstationId],
          ['接收方（加密对象）', d.recipients.join('；')],
          ['审计锚点', d.anchor],
        ],
      }),
      para(`包内文件（${d.files.length} 个）`, { font: 'heading', size: SIZES.小四, before: 240, after: 120 }),
      table({
        widths: [Math.round(TEXT_WIDTH * 0.08), Math.round(TEXT_WIDTH * 0.42), Math.round(TEXT_WIDTH * 0.14), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.64)],
        headerRows: 1,
        rows: [['序号', '文件', '字节', 'SHA-256'], ...d.files.map((f, i) => [String(i + 1), f.path, String(f.bytes), f.sha256])],
        size: SIZES.小五,
      }),
      para('制作人（签字）：＿＿＿＿＿＿　　监督人（签字）：＿＿＿＿＿＿　　接收人（签字）：＿＿＿＿＿＿', { size: SIZES.五号, before: 480 }),
      para('年　　月　　日', { size: SIZES.五号, align: 'right' }),
    ],
  });
}
