import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../app/cli/main.js';
import type { CliIO } from '../../../app/cli/io.js';
import { demoCopy } from '../../helpers/demo-fixture.js';
import { useTempDir } from '../../helpers/tmp.js';
import { docxOf } from '../../unit/readers/docx/fixtures.js';

/** An old paper: bracketed headings, no 鉴定点 and no 难度. */
const OLD_PAPER = [
  '制图员理论知识试卷（旧）',
  '一、【判断题】（每题1分）',
  '1. 绘制机械图样时，图纸幅面应优先采用国家标准规定的基本幅面。',
  '答案：√',
  '2. 零件图上的尺寸标注只要完整即可，不必考虑加工和测量的方便。',
  '答案：×',
  '二、【单项选择题】（每题1分，共2题）',
  '3. 装配图中，相邻两零件的剖面线方向一般应（ ）。',
  'A. 相同 B. 相反或间隔不同 C. 任意 D. 省略不画',
  '答案：B',
  '4. 在 AutoCAD 中，用于绘制多段线的命令是（ ）。',
  'A. LINE B. PLINE C. ARC D. CIRCLE',
  '答案：B',
];

describe('qbank import: a paper without 鉴定点 and 难度', () => {
  const tempDir = useTempDir();

  it('previews the rows in a dry run, imports them as 待归类 with suggestions, and binds one', async () => {
    const dir = tempDir();
    const run = async (args: string[], env: Record<string, string> = {}) => {
      let out = '';
      let err = '';
      const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), env, cwd: dir };
      return { code: await main(args, io), out, err };
    };
    const env = (await demoCopy(dir)).env('zhangwei');
    writeFileSync(join(dir, 'old.docx'), await docxOf(OLD_PAPER));

    const dry = await run(['import', 'old.docx', '--bank', '1', '--dry-run'], env);
    expect(dry).toMatchObject({ code: 0, err: '' });
    const lines = dry.out.trim().split('\n');
    expect(lines[0]).toMatch(/^试导入（未保存）：old\.docx，共 4 行，可导入 4，有错误 0，跳过 0，质量提示 \d+ 条$/);
    expect(lines[1]).toBe('待归类 4 道：将存为草稿，尚无鉴定点或难度；用 qbank items bind 绑定（建议见下）');
    // The quality findings come before the preview, grouped by rule, one line each.
    expect(lines[2]).toBe('质量提示（不阻止导入，按规则列出）：');
    const p = lines.indexOf('逐题预览（共 4 行）：');
    expect(p).toBeGreaterThan(2);
    expect(lines).toHaveLength(p + 5);
    expect(lines[p + 1]).toMatch(/^第3段\t判断题\t绘制机械图样时，图纸幅面应优先采用国家标准规定的基本幅面。\t选项 0\t答案 √\t难度 —\t未绑定\t待归类\t建议 [A-Z](-[A-Z])+-\d{3} \S+ 0\.\d\d（次选 /);
    expect(lines[p + 3]).toMatch(/^第8段\t单项选择题\t装配图中，相邻两零件的剖面线方向一般应（ ）。\t选项 4\t答案 B\t难度 —\t未绑定\t待归类\t建议 /);

    expect(await run(['import', 'old.docx', '--bank', '1', '--default-difficulty', '9'], env)).toMatchObject({ code: 2, err: expect.stringContaining('--default-difficulty 应为 1～5 的整数') });
    const real = await run(['import', 'old.docx', '--bank', '1', '--default-difficulty', '3'], env);
    expect(real).toMatchObject({ code: 0, err: '' });
    const saved = [...real.out.matchAll(/^试题 (\d+)\t第\d+段\t建议 ([A-Z](?:-[A-Z])+-\d{3}) /gm)].map((m) => ({ id: Number(m[1]), element: m[2] ?? '' }));
    expect(saved).toHaveLength(4);
    expect(real.out).toContain('待归类 4 道：已存为草稿');

    const suggest = await run(['items', 'suggest', '1'], env);
    expect(suggest.out.trim().split('\n').map((l) => Number(l.split('\t')[0]))).toEqual(saved.map((s) => s.id));
    expect(suggest.out).toContain('\t未绑定鉴定点\t');
    const [first] = saved;
    const submit = await run(['items', 'submit', '1', String(first!.id)], env);
    expect(submit.err).toContain('试题待归类（未绑定鉴定点），不能提交审核：请先绑定鉴定点');
    const bound = await run(['items', 'bind', '1', String(first!.id), first!.element], env);
    expect(bound).toMatchObject({ code: 0, err: '' });
    expect(bound.out).toContain(`${first!.id}\t判断题\t${first!.element}\t第2版\t草稿\t难度 3`);
    expect((await run(['items', 'submit', '1', String(first!.id)], env)).out).toContain('\t待审\t');
  }, 240_000);
});
