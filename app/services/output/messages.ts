/** User-facing texts of the output functions: refusals, write failures, the manifest's name, swept leftovers (zh-CN). */

export const outputMessages = {
  manifestName: '清单.json',
  targetIsSymlink: (target: string) => `目标 ${target} 是符号链接，不写入（请指定一个真实的文件夹）`,
  targetNotFolder: (target: string) => `目标 ${target} 已存在且不是文件夹`,
  targetNotEmpty: (target: string) => `目标文件夹 ${target} 已存在且不为空；如要替换上次生成的完整输出，请选择替换（命令行：--replace）`,
  targetNotOurs: (target: string, manifest: string) =>
    `目标文件夹 ${target} 中没有 ${manifest}，不是本程序生成的完整输出，不予替换；请换一个文件夹，或检查后手动清理`,
  badFileName: (relPath: string) => `输出文件名不合法：${relPath}`,
  folderNotWritten: (reason: string) => `${reason}（文件夹未写入）`,
  diskFull: (path: string) => `磁盘空间不足，文件未写入：${path}（原有文件未改变）`,
  noPermission: (path: string) => `没有写入权限：${path}`,
  readOnly: (path: string) => `目标位置只读，无法写入：${path}`,
  writeFailed: (path: string, reason: string) => `写入文件失败：${path}（${reason}）`,
  incompleteKinds: { 'temp-file': '临时文件', 'partial-folder': '未完成的输出文件夹', 'old-folder': '替换时移开的旧输出' },
  incomplete: (path: string, kind: string) => `${path}（不完整：${kind}，已清除）`,
} as const;
