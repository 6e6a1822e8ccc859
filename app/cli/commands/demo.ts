/** `qbank demo`: the main job, headless, on a fresh database (see app/demo). */
import { resolve } from 'node:path';
import { runDemo } from '../../demo/demo.js';
import { stringOption, type Command } from '../command.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: '运行演示：样例题库走完整条流程 (run the headless demo)',
  help: [
    '用法: qbank demo [--out 目录]',
    '',
    '在输出目录中新建数据库，载入样例题库（制图员 3-01-02-07 四级/中级工 机械），',
    '运行目前已有的全部步骤，并写出 demo.json 报告。',
    '  --out <目录>  输出目录（默认 demo-out）',
  ].join('\n'),
  options: { out: { type: 'string', short: 'o' } },
  async run(ctx) {
    const outDir = resolve(ctx.io.cwd, stringOption(ctx, 'out') ?? 'demo-out');
    ctx.io.out(`题库工作站演示 (demo) → ${outDir}\n`);
    const result = await runDemo({ outDir, onStep: (s) => ctx.io.out(`  ✓ ${s.step}: ${s.detail}\n`) });
    ctx.io.out(`完成，用时 ${result.report.seconds} 秒 (done in ${result.report.seconds} s)\n`);
    return 0;
  },
};
