/** Texts of the command-line plumbing: argument errors and the help of a command with sub-commands. */
export const usageText = {
  // Options and files (command.ts).
  positiveIntegerOption: (name: string, value: string) => `--${name} 必须是正整数，收到 ${value}`,
  fileTooLarge: (path: string, megabytes: string) => `文件 ${path} 超过大小上限 ${megabytes} MB，未读取`,
  unreadableFile: (path: string, reason: string) => `无法读取文件 ${path}：${reason}`,
  badJson: (path: string, reason: string) => `${path} 不是有效的 JSON：${reason}`,
  missingBank: '缺少 --bank <题库编号>',
  missingOut: '缺少 --out <目录>',

  // Sub-commands and their arguments (group.ts).
  groupUsage: (name: string) => `用法: qbank ${name} <子命令> …`,
  missingSubcommand: '缺少子命令',
  unknownSubcommand: (name: string) => `未知子命令 ${name}`,
  availableSubcommands: (problem: string, names: readonly string[]) => `${problem}；可用：${names.join('、')}`,
  missingArgument: (name: string) => `缺少参数 <${name}>`,
  badIdList: (name: string, value: string) => `--${name} 应为以逗号分隔的试题编号，收到 ${value}`,
  positiveIntegerArgument: (name: string, value: string) => `<${name}> 必须是正整数，收到 ${value}`,
} as const;
