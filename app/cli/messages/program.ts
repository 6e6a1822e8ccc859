/** Texts of the `qbank` program itself: global help and top-level errors (Chinese first, English alongside where scripts read them). */
const unknownCommand = (name: string) => `未知命令 (unknown command): ${name}`;
const helpHint = '运行 qbank --help 查看全部命令 (run qbank --help)';

export const programText = {
  programSummary: '题库工作站 — 职业技能等级认定题库的离线工作站（air-gapped question-bank workstation）',
  usage: '用法 (usage): qbank [--db 文件] [--debug] <命令> [选项]',
  commandsTitle: '命令 (commands):',
  globalOptions: [
    '全局选项 (global options):',
    '  --db <文件>   工作站数据库文件（默认：环境变量 QBANK_DB，否则 ./qbank.db）',
    '  --debug       出错时显示调用栈 (print stack traces)',
    '  --help, -h    显示帮助 (help)',
    '  --version     显示版本 (version)',
    '  全局选项和命令自己的选项可写在命令名之前或之后 (options may come before or after the command)',
  ].join('\n'),
  helpHint,
  unknownCommand,
  /** The unknown command with the hint to the global help. */
  unknownCommandLine: (name: string) => `${unknownCommand(name)}；${helpHint}`,
  noCommand: '缺少命令 (no command given)',
  usageError: (message: string) => `参数错误 (usage error): ${message}`,
} as const;
