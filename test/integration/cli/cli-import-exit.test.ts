/**
 * `qbank import` on the item template as writers hand it back — filled by an openpyxl script, re-saved
 * by LibreOffice Calc — and what it says: a dry run exits as the real import would (1 with one line on
 * stderr when it would be refused, in text and --json mode; 0 when clean), a damaged file is refused
 * naming the part, and the quality findings are listed per row.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../../app/cli/io.js';
import { main } from '../../../app/cli/main.js';
import type { ImportReport } from '../../../app/services/import/report.js';
import { demoCopy } from '../../helpers/demo-fixture.js';
import { SOFFICE } from '../../helpers/office.js';
import { libreOfficeResave, NO_OPENPYXL, NO_SOFFICE, OPENPYXL_PYTHON, openpyxlResave } from '../../helpers/resave.js';

/** Theory rows a writer's script puts under the template's example rows; `{code}` is the first 鉴定点 of the template. */
const ROWS = [
  ['判断题', '导入测试专用：工作站导入的电子表格可由脚本程序另存。', null, null, null, null, null, '√', 1, '{code}'],
  ['单选题', '导入测试专用：下列关于工作站试导入的说法中，不正确的是（ ）。', '只读不存', '逐行报告', '列出提示', '直接保存到题库', null, 'D', 3, '{code}'],
  ['多选题', '导入测试专用：试导入报告中会列出的内容有（ ）。', '行号', '错误', '质量提示', '口令', null, 'ABC', 2, '{code}'],
];
const BAD_ROW = ['单选题', '导入测试专用：本行的答案不是选项字母（ ）。', '甲', '乙', '丙', '丁', null, 'Z', 2, '{code}'];

/** The openpyxl script: the first 鉴定点 code of the template's list, then the rows from row 4 on (below the two examples). */
const FILL = [
  'import json',
  'code = wb["鉴定点"]["A2"].value',
  'ws = wb["理论知识试题"]',
  'for r, values in enumerate(json.loads(sys.argv[3])):',
  '    for c, v in enumerate(values):',
  '        if v is not None: ws.cell(row=4 + r, column=1 + c, value=(v.replace("{code}", code) if isinstance(v, str) else v))',
].join('\n');

describe(`qbank import: templates re-saved by openpyxl and Calc, exit codes, quality findings (${OPENPYXL_PYTHON ?? NO_OPENPYXL})`, () => {
  let dir = '';
  let env: Record<string, string> = {};
  let template = new Uint8Array();
  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), env, cwd: dir };
    return { code: await main(args, io), out, err };
  };
  const write = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(dir, name), bytes);
    return name;
  };
  const itemCount = async () => (JSON.parse((await run(['items', 'list', '1', '--json'])).out) as unknown[]).length;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qbank-import-exit-'));
    env = (await demoCopy(dir)).env('zhangwei');
    expect((await run(['template', 'items', '--bank', '1', '--out', 't'])).code).toBe(0);
    template = new Uint8Array(readFileSync(join(dir, 't', '试题导入模板.xlsx')));
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('documents the exit codes in the help', async () => {
    const help = await run(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('退出码：0 已导入，或试导入未发现阻止导入的问题');
    expect(help.out).toContain('试导入发现这些问题时同样为 1（加或不加 --json），标准错误输出一行说明');
  });

  it.skipIf(OPENPYXL_PYTHON === undefined)('reads every row of the template filled by openpyxl, and of the same file re-saved by Calc: exit 0', async () => {
    const filled = openpyxlResave(template, FILL, [JSON.stringify(ROWS)]);
    const files = [write('openpyxl.xlsx', filled)];
    if (SOFFICE !== undefined) files.push(write('calc.xlsx', (libreOfficeResave([filled]) as [Uint8Array])[0]));
    else console.warn(`calc re-save ${NO_SOFFICE}`);
    for (const file of files) {
      const dry = await run(['import', file, '--bank', '1', '--dry-run']);
      expect(dry.err).toBe('');
      expect(dry.code).toBe(0);
      expect(dry.out.split('\n')[0]).toBe(`试导入（未保存）：${file}，共 3 行，可导入 3，有错误 0，跳过 0，质量提示 ${(JSON.parse((await run(['import', file, '--bank', '1', '--dry-run', '--json'])).out) as ImportReport).lintFindings} 条`);
      expect(dry.out).toMatch(/^理论知识试题 第4行\t判断题\t导入测试专用：工作站导入的电子表格可由脚本程序另存。\t/m);
      expect(dry.out).toMatch(/^理论知识试题 第6行\t多项选择题\t.*\t答案 ABC\t/m);
    }
  }, 240_000);

  it.skipIf(OPENPYXL_PYTHON === undefined)('exits 1 for a dry run with a bad row, in text and --json mode, with one line on stderr; the real import saves nothing', async () => {
    const file = write('bad.xlsx', openpyxlResave(template, FILL, [JSON.stringify([...ROWS, BAD_ROW])]));
    const dry = await run(['import', file, '--bank', '1', '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.err).toBe('qbank: 试导入发现问题：1 行有错误，正式导入将不会执行（见上方逐行说明）\n');
    expect(dry.out).toMatch(/^试导入（未保存）：bad\.xlsx，共 4 行，可导入 0，有错误 1，/);
    expect(dry.out).toMatch(/^理论知识试题 第7行 答案: /m);

    const json = await run(['import', file, '--bank', '1', '--dry-run', '--json']);
    expect(json.code).toBe(1);
    expect(json.err).toBe(dry.err);
    expect(JSON.parse(json.out)).toMatchObject({ dryRun: true, rows: 4, accepted: 0, rejected: 1, saved: false });

    const before = await itemCount();
    const real = await run(['import', file, '--bank', '1']);
    expect(real.code).toBe(1);
    expect(real.err).toBe('qbank: 导入未执行，题库未改变（见上方逐行说明）\n');
    expect(await itemCount()).toBe(before);
  }, 120_000);

  it('exits 1 for a dry run of a file that cannot be read, naming the part, in text and --json mode', async () => {
    const zip = await JSZip.loadAsync(template);
    // The theory sheet's part, by the workbook's relationships.
    const rId = /<sheet [^>]*name="理论知识试题"[^>]*r:id="([^"]+)"/.exec(await zip.file('xl/workbook.xml')!.async('string'))?.[1];
    const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rId}"`).exec(await zip.file('xl/_rels/workbook.xml.rels')!.async('string'));
    const part = `xl/${(target?.[1] ?? target?.[2] ?? '').replace(/^\/?xl\//, '')}`;
    const sheet = await zip.file(part)!.async('string');
    zip.file(part, sheet.replace(/<\/row>/, '</c></row><c>'));
    const file = write('broken.xlsx', await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const named = new RegExp(`^不是有效的 Excel 文件（\\.xlsx）：${part.replace(/[./]/g, '\\$&')}（工作表“理论知识试题”） 无法读取（.+），请用 Excel 或 WPS 打开后另存为 \\.xlsx 再导入$`);
    for (const json of [false, true]) {
      const dry = await run(['import', file, '--bank', '1', '--dry-run', ...(json ? ['--json'] : [])]);
      expect(dry.code).toBe(1);
      expect(dry.err).toBe('qbank: 试导入发现问题：文件未通过检查，正式导入将不会执行（见上方逐行说明）\n');
      const problems = json ? (JSON.parse(dry.out) as ImportReport).problems : dry.out.split('\n').slice(1, 2);
      expect(problems).toEqual([expect.stringMatching(named)]);
    }
    const before = await itemCount();
    const real = await run(['import', file, '--bank', '1']);
    expect(real.code).toBe(1);
    expect(real.out.split('\n')).toContainEqual(expect.stringMatching(named));
    expect(real.err).toBe('qbank: 导入未执行，题库未改变（见上方逐行说明）\n');
    expect(await itemCount()).toBe(before);
  });

  it.skipIf(OPENPYXL_PYTHON === undefined)('lists the quality findings of the rows, grouped by rule, one line each with its row, in text and --json', async () => {
    const file = write('lint.xlsx', openpyxlResave(template, FILL, [JSON.stringify(ROWS)]));
    const json = await run(['import', file, '--bank', '1', '--dry-run', '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out) as ImportReport;
    expect(report.lintFindings).toBeGreaterThan(0);
    expect(report.lint).toHaveLength(report.lintFindings);
    // The negative word of row 5 is not emphasised (「不正确」).
    expect(report.lint).toContainEqual(
      expect.objectContaining({ where: '理论知识试题 第5行', rule: 'negative-not-emphasised', title: '否定词未加强调', severity: expect.any(String), field: expect.any(String), message: expect.any(String) }),
    );

    const text = await run(['import', file, '--bank', '1', '--dry-run']);
    const lines = text.out.split('\n');
    const header = lines.indexOf('质量提示（不阻止导入，按规则列出）：');
    expect(header).toBeGreaterThan(0);
    const rule = lines.findIndex((l) => /^否定词未加强调（negative-not-emphasised）\d+ 条$/.test(l));
    expect(rule).toBeGreaterThan(header);
    expect(lines[rule + 1]).toMatch(/^\t理论知识试题 第5行\t(错误|警告|提示)\t/);
    const listed = lines.slice(header + 1).filter((l) => /^\t理论知识试题 第\d+行\t/.test(l));
    expect(listed).toHaveLength(report.lintFindings);
  });
});
