import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { auditRegisterXlsx, type AuditRegisterInput } from '../../../templates/xlsx/audit-register.js';
import { personnelRegisterXlsx, type PersonnelRegisterInput } from '../../../templates/xlsx/personnel-register.js';
import { addRegisterSheet, formatBeijingTime, LIGHT_RED, LIGHT_YELLOW, newWorkbook, toBytes } from '../../../templates/xlsx/workbook.js';
import { loadWorkbook, sheetOf } from '../../helpers/xlsx.js';

const GENERATED_AT = new Date('2026-11-23T16:30:05.000Z'); // 2026-11-24 00:30:05 in Beijing

const load = loadWorkbook;


const rowTexts = (sheet: ExcelJS.Worksheet, row: number) =>
  Array.from({ length: sheet.columnCount }, (_, i) => sheet.getRow(row).getCell(i + 1).value);

/** One entry of a zip (stored or deflated), found through the central directory. */
function zipEntryText(zip: Uint8Array, name: string): string {
  const buf = Buffer.from(zip);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = buf.readUInt16LE(eocd + 10); n > 0; n -= 1) {
    const nameLength = buf.readUInt16LE(p + 28);
    if (buf.toString('utf8', p + 46, p + 46 + nameLength) === name) {
      const local = buf.readUInt32LE(p + 42);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + buf.readUInt32LE(p + 20));
      return (buf.readUInt16LE(p + 10) === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  throw new Error(`no ${name} in the zip`);
}

const fillOf = (cell: ExcelJS.Cell) => (cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);

/** Every cell value, style and merge of every sheet: what a reader sees. */
function contents(workbook: ExcelJS.Workbook): unknown {
  return workbook.worksheets.map((s) => ({
    name: s.name,
    merges: s.model.merges,
    pageSetup: s.pageSetup,
    headerFooter: s.headerFooter,
    cells: s.getSheetValues(),
    styles: Array.from({ length: s.rowCount }, (_, r) => rowTexts(s, r + 1).map((_v, c) => s.getRow(r + 1).getCell(c + 1).style)),
  }));
}

const personnelInput: PersonnelRegisterInput = {
  title: '涉密人员登记表',
  secrecyMark: '秘密★长期',
  generatedAt: GENERATED_AT,
  workstationId: 'WS-GZ-01',
  rows: [
    {
      name: '张明',
      unit: '广州市职业技能鉴定指导中心',
      title: '高级工程师',
      position: '科长',
      phone: '020-12345678',
      specialty: '机械制图',
      workTypes: ['命题', '审定'],
      trainer: false,
      pledge: { signedOn: '2026-01-05', expiresOn: '2027-01-04', scope: '制图员（机械）四级 题库命题', status: '有效' },
      accounts: ['zhangming'],
    },
    {
      name: '李华',
      unit: '广东省技工学校',
      title: '讲师',
      position: '',
      phone: '13800000000',
      specialty: '计算机辅助设计',
      workTypes: ['校对'],
      trainer: true,
      pledge: { signedOn: '2025-01-01', expiresOn: '2025-12-31', scope: '制图员 校对', status: '已过期' },
      accounts: ['lihua', 'lihua2'],
    },
    {
      name: '王芳',
      unit: '某培训机构',
      title: '',
      position: '教员',
      phone: '13900000000',
      specialty: '',
      workTypes: [],
      trainer: true,
      pledge: { signedOn: '', expiresOn: '', scope: '', status: '未登记' },
      accounts: [],
    },
  ],
};

const auditInput: AuditRegisterInput = {
  register: '调阅',
  secrecyMark: '秘密★长期',
  generatedAt: GENERATED_AT,
  workstationId: 'WS-GZ-01',
  checkpoint: { seq: 42, hash: 'a1b2c3d4e5f60718293a4b5c6d7e8f90'.repeat(2), signature: 'MEUCIQDx7Yk2abcdefghijklmnop' },
  rows: [
    {
      seq: 7,
      at: '2026-11-23T16:30:05.000Z',
      actor: 'zhangming',
      action: 'items.view',
      actionName: '查看试题',
      objects: 'item:42@3，item:43@1',
      result: '成功',
      detail: '',
    },
    {
      seq: 9,
      at: '2026-11-24T01:02:03.000Z',
      actor: 'lihua',
      action: 'items.view',
      actionName: '查看试题',
      objects: 'item:44@2',
      result: '拒绝',
      detail: '无权限',
    },
    {
      seq: 11,
      at: '2026-11-24T02:00:00.000Z',
      actor: 'zhangming',
      action: 'papers.export',
      actionName: '',
      objects: 'paper:3',
      result: '失败',
      detail: '写入失败',
    },
  ],
};

describe('templates/xlsx', () => {
  describe('#formatBeijingTime', () => {
    it('shows an instant as Beijing wall-clock time, crossing midnight and year ends', () => {
      expect(formatBeijingTime(new Date('2026-11-23T16:30:05.000Z'))).toBe('2026-11-24 00:30:05');
      expect(formatBeijingTime(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01 00:00:00');
      expect(formatBeijingTime(new Date('2026-03-01T03:04:05.999Z'))).toBe('2026-03-01 11:04:05');
    });
  });

  describe('#addRegisterSheet', () => {
    it('spreads the secrecy mark over enough leading columns so a narrow first column does not cut it off', async () => {
      const wb = newWorkbook(GENERATED_AT);
      addRegisterSheet(wb, '表', {
        title: '测试',
        subtitle: '副标题',
        secrecyMark: '机密★启用前',
        columns: [
          { header: '序号', key: 'a', width: 8 },
          { header: '乙', key: 'b', width: 8 },
          { header: '丙', key: 'c', width: 20 },
          { header: '丁', key: 'd', width: 20 },
        ],
        rows: [{ a: 1, b: 'x', c: 'y', d: 'z' }],
      });
      const sheet = sheetOf(await load(await toBytes(wb)), '表');
      // 机密★启用前 is 12 units wide in 宋体 (+2 margin): A and B (8 + 8) hold it, C and D take the subtitle.
      expect(sheet.getCell('B2').master.address).toBe('A2');
      expect(sheet.getCell('C2').value).toBe('副标题');
      expect(sheet.getCell('D2').master.address).toBe('C2');
      expect(sheet.getCell('A2').font.color?.argb).toBe('FFC00000');
    });

    it('refuses a register without columns', () => {
      expect(() => addRegisterSheet(newWorkbook(GENERATED_AT), '表', { title: 't', secrecyMark: 'm', columns: [], rows: [] })).toThrow(
        '登记表至少需要一列',
      );
    });
  });

  describe('#personnelRegisterXlsx', () => {
    it('writes one sheet 涉密人员登记表 with the title merged across all 14 columns in 黑体 16 pt', async () => {
      const wb = await load(await personnelRegisterXlsx(personnelInput));
      expect(wb.worksheets.map((s) => s.name)).toEqual(['涉密人员登记表']);
      const sheet = sheetOf(wb, '涉密人员登记表');
      expect(sheet.getCell('A1').value).toBe('涉密人员登记表');
      expect(sheet.getCell('A1').font).toMatchObject({ name: '黑体', size: 16, bold: true });
      expect(sheet.getCell('N1').master.address).toBe('A1');
      expect(sheet.model.merges).toContain('A1:N1');
    });

    it('has the headers in order and the workbook metadata from the input date', async () => {
      const wb = await load(await personnelRegisterXlsx(personnelInput));
      const sheet = sheetOf(wb, '涉密人员登记表');
      expect(rowTexts(sheet, 3)).toEqual([
        '序号',
        '姓名',
        '单位',
        '职称',
        '职务',
        '联系电话',
        '专业',
        '工作类别',
        '保密责任书签订日期',
        '有效期至',
        '责任范围',
        '责任书状态',
        '参与培训/辅导',
        '账号',
      ]);
      expect(sheet.getCell('A3').font).toMatchObject({ name: '宋体', bold: true });
      expect(wb.creator).toBe('题库工作站');
      expect(wb.created.toISOString()).toBe(GENERATED_AT.toISOString());
      expect(wb.modified.toISOString()).toBe(GENERATED_AT.toISOString());
    });

    it('writes a person as one row: work types joined with 、, 是/否 for training', async () => {
      const sheet = sheetOf(await load(await personnelRegisterXlsx(personnelInput)), '涉密人员登记表');
      expect(rowTexts(sheet, 4)).toEqual([
        1,
        '张明',
        '广州市职业技能鉴定指导中心',
        '高级工程师',
        '科长',
        '020-12345678',
        '机械制图',
        '命题、审定',
        '2026-01-05',
        '2027-01-04',
        '制图员（机械）四级 题库命题',
        '有效',
        '否',
        'zhangming',
      ]);
      expect(sheet.getCell('M5').value).toBe('是');
      expect(sheet.getCell('N5').value).toBe('lihua、lihua2');
      // exceljs reads <sz> with parseInt (10.5 → 10), so the size is checked in styles.xml itself.
      expect(sheet.getCell('B4').font).toMatchObject({ name: '宋体' });
      expect(zipEntryText(await personnelRegisterXlsx(personnelInput), 'xl/styles.xml')).toContain(
        '<font><charset val="134"/><sz val="10.5"/><name val="宋体"/></font>',
      );
      expect(sheet.getCell('C4').alignment).toMatchObject({ vertical: 'top', wrapText: true });
      expect(sheet.getCell('C4').border.top?.style).toBe('thin');
    });

    it('shows the secrecy mark in row 2 and in the page header, the subtitle on the right', async () => {
      const sheet = sheetOf(await load(await personnelRegisterXlsx(personnelInput)), '涉密人员登记表');
      expect(sheet.getCell('A2').value).toBe('秘密★长期');
      expect(sheet.getCell('A2').font).toMatchObject({ bold: true });
      const subtitle = sheet.getCell('N2').master;
      expect(subtitle.value).toBe('生成时间：2026-11-24 00:30:05　工作站标识：WS-GZ-01');
      expect(subtitle.alignment.horizontal).toBe('right');
      expect(sheet.headerFooter.oddHeader).toContain('秘密★长期');
      expect(sheet.headerFooter.oddHeader).toContain('&"宋体,Bold"');
      expect(sheet.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    });

    it('repeats the header row on every page, A4 landscape fitted to width, frozen below the header', async () => {
      const sheet = sheetOf(await load(await personnelRegisterXlsx(personnelInput)), '涉密人员登记表');
      expect(sheet.pageSetup.printTitlesRow).toBe('3:3');
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    });

    it('marks pledges that are not 有效 in light red and 第十五条 conflicts in light yellow', async () => {
      const sheet = sheetOf(await load(await personnelRegisterXlsx(personnelInput)), '涉密人员登记表');
      // 责任书状态 is column L, 参与培训/辅导 column M; rows 4–6 are 张明, 李华, 王芳.
      expect([4, 5, 6].map((r) => fillOf(sheet.getCell(`L${String(r)}`)))).toEqual([undefined, LIGHT_RED, LIGHT_RED]);
      // 李华 校对 and trains: conflict. 王芳 trains but took part in nothing: no conflict.
      expect([4, 5, 6].map((r) => fillOf(sheet.getCell(`M${String(r)}`)))).toEqual([undefined, LIGHT_YELLOW, undefined]);
    });

    it('ends with the 第七条 note merged under the data in italic', async () => {
      const sheet = sheetOf(await load(await personnelRegisterXlsx(personnelInput)), '涉密人员登记表');
      expect(sheet.getCell('A7').value).toBe('依据《职业技能鉴定国家题库安全保密工作规程（暂行）》第七条登记。');
      expect(sheet.getCell('A7').font.italic).toBe(true);
      expect(sheet.getCell('N7').master.address).toBe('A7');
    });
  });

  describe('#auditRegisterXlsx', () => {
    it('names sheet and title after the register, 访问日志 for the whole log', async () => {
      const sheet = sheetOf(await load(await auditRegisterXlsx(auditInput)), '调阅登记表');
      expect(sheet.getCell('A1').value).toBe('调阅登记表');
      expect(sheet.model.merges).toContain('A1:G1');
      const all = await load(await auditRegisterXlsx({ ...auditInput, register: '全部' }));
      expect(all.worksheets.map((s) => s.name)).toEqual(['访问日志']);
      expect(sheetOf(all, '访问日志').getCell('A1').value).toBe('访问日志');
    });

    it('has the headers in order and shows times as Beijing time', async () => {
      const sheet = sheetOf(await load(await auditRegisterXlsx(auditInput)), '调阅登记表');
      expect(rowTexts(sheet, 3)).toEqual(['序号', '时间', '操作人', '操作', '对象', '结果', '说明']);
      expect(rowTexts(sheet, 4)).toEqual([7, '2026-11-24 00:30:05', 'zhangming', '查看试题', 'item:42@3，item:43@1', '成功', '']);
      expect(sheet.getCell('B5').value).toBe('2026-11-24 09:02:03');
      expect(sheet.getCell('D6').value).toBe('papers.export'); // no name: the action itself
    });

    it('carries the secrecy mark, the subtitle and the print titles', async () => {
      const sheet = sheetOf(await load(await auditRegisterXlsx(auditInput)), '调阅登记表');
      expect(sheet.getCell('A2').value).toBe('秘密★长期');
      expect(sheet.getCell('G2').master.value).toBe('生成时间：2026-11-24 00:30:05　工作站标识：WS-GZ-01');
      expect(sheet.headerFooter.oddHeader).toContain('秘密★长期');
      expect(sheet.pageSetup.printTitlesRow).toBe('3:3');
    });

    it('marks results other than 成功 in light red', async () => {
      const sheet = sheetOf(await load(await auditRegisterXlsx(auditInput)), '调阅登记表');
      expect(['F4', 'F5', 'F6'].map((a) => fillOf(sheet.getCell(a)))).toEqual([undefined, LIGHT_RED, LIGHT_RED]);
    });

    it('names the signed checkpoint in the note, or says there is none', async () => {
      const sheet = sheetOf(await load(await auditRegisterXlsx(auditInput)), '调阅登记表');
      const hash = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'.repeat(2);
      expect(sheet.getCell('A7').value).toBe(`依据规程第十四条登记。外部锚点 42:${hash}（校验点，覆盖第 1～42 条，签名 MEUCIQDx7Yk2abcdefghijklmnop）`);
      const signed = sheetOf(
        await load(await auditRegisterXlsx({ ...auditInput, checkpoint: { ...auditInput.checkpoint!, checkpointSeq: 7, signer: 'auditor', keyId: '0123456789abcdef' } })),
        '调阅登记表',
      );
      expect(signed.getCell('A7').value).toBe(
        `依据规程第十四条登记。外部锚点 42:${hash}（校验点 #7，覆盖第 1～42 条，签署人 auditor（密钥 0123456789abcdef），签名 MEUCIQDx7Yk2abcdefghijklmnop）`,
      );
      expect(sheet.getCell('G7').master.address).toBe('A7');
      const none = sheetOf(await load(await auditRegisterXlsx({ ...auditInput, checkpoint: null, rows: [] })), '调阅登记表');
      expect(none.getCell('A4').value).toBe('依据规程第十四条登记。尚无签名校验点');
    });
  });

  describe('determinism', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('gives byte-identical files for the same input, even when the clock moves between runs', async () => {
      // JSZip (inside exceljs) stamps zip entries with the clock; toBytes rewrites them from the input date.
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      const p1 = await personnelRegisterXlsx(personnelInput);
      const a1 = await auditRegisterXlsx(auditInput);
      vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
      const p2 = await personnelRegisterXlsx(personnelInput);
      const a2 = await auditRegisterXlsx(auditInput);
      vi.useRealTimers();
      expect(Buffer.from(p2).equals(Buffer.from(p1))).toBe(true);
      expect(Buffer.from(a2).equals(Buffer.from(a1))).toBe(true);
      expect(contents(await load(p2))).toEqual(contents(await load(p1)));
    });

    it('changes with the input date', async () => {
      const later = await personnelRegisterXlsx({ ...personnelInput, generatedAt: new Date('2026-11-23T16:30:07.000Z') });
      expect(Buffer.from(later).equals(Buffer.from(await personnelRegisterXlsx(personnelInput)))).toBe(false);
    });
  });

  describe('files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qbank-xlsx-'));
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('writes files that exceljs opens from disk', async () => {
      const personnel = join(dir, '涉密人员登记表.xlsx');
      const audit = join(dir, '调阅登记表.xlsx');
      writeFileSync(personnel, await personnelRegisterXlsx(personnelInput));
      writeFileSync(audit, await auditRegisterXlsx(auditInput));
      expect((await new ExcelJS.Workbook().xlsx.readFile(personnel)).worksheets.map((s) => s.name)).toEqual(['涉密人员登记表']);
      expect((await new ExcelJS.Workbook().xlsx.readFile(audit)).worksheets.map((s) => s.name)).toEqual(['调阅登记表']);
    });
  });
});
