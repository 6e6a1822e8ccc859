/** User-facing texts of the QTI 2.1 exchange (zh-CN): file names, refusals, the import report. */

export const qtiMessages = {
  exportFile: (occupation: string, level: string) => `${occupation}${level}_QTI试题包.zip`,
  noItems: (state: string) => `题库中没有状态为“${state}”的理论知识试题，未生成 QTI 试题包`,
  missingImage: (itemId: number, hash: string) => `试题 ${String(itemId)} 引用的图片 ${hash.slice(0, 12)}… 不在图片库中，未生成 QTI 试题包`,
  notPackage: '不是有效的 QTI 试题包（IMS 内容包 .zip）',
  refused: (reason: string) => `QTI 试题包未导入：${reason}；未保存任何试题`,
  itemIn: (file: string) => `试题文件 ${file}`,
  rejected: (pending: number, problems: readonly string[]) =>
    `QTI 试题包未导入：${String(pending)} 道试题疑似与已有试题重复，请决定跳过或保留（命令行：--skip-near / --keep-near）（${problems.slice(0, 5).join('；')}${problems.length > 5 ? '；……' : ''}）；未保存任何试题`,
  nearDuplicate: (where: string, against: string, score: number) => `${where}: 与${against}相似度 ${String(score)}`,
} as const;
