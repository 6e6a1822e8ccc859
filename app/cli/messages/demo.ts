/** Texts of `qbank demo` (the headless demo; the steps' own texts are in app/demo/messages.ts). */
export const demoCommandText = {
  summary: '运行演示：样例题库走完整条流程 (run the headless demo)',
  help: [
    '用法: qbank demo [--out 目录]',
    '',
    '在输出目录中新建数据库，载入样例题库（制图员 3-01-02-07 四级/中级工 机械），',
    '运行目前已有的全部步骤，并写出 demo.json 报告。',
    '  --out <目录>  输出目录（默认 demo-out）',
  ].join('\n'),
  title: (outDir: string) => `题库工作站演示 (demo) → ${outDir}`,
  step: (step: string, detail: string) => `  ✓ ${step}: ${detail}`,
  done: (seconds: number) => `完成，用时 ${seconds} 秒 (done in ${seconds} s)`,
} as const;
