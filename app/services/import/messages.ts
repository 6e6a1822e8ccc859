/** User-facing texts of importing items from xlsx/docx: where a row is, duplicates, refusals (zh-CN). */

export const importMessages = {
  rejected: (fileFailed: boolean, rejected: number, pending: boolean, problems: readonly string[]) =>
    `导入未执行：${fileFailed ? '文件未通过检查' : `${rejected} 行有错误`}${pending ? '，有疑似重复试题待决定' : ''}（${problems.slice(0, 5).join('；')}${problems.length > 5 ? '；……' : ''}）`,
  draftOnly: '导入的试题只能保存为草稿；入库须经审核流程',
  wrongFormat: (fileName: string) => `只能导入 .xlsx 或 .docx 文件：${fileName}`,
  sheetRow: (sheet: string, row: number) => `${sheet} 第${row}行`,
  paragraph: (paragraph: number) => `第${paragraph}段`,
  exactDuplicate: (against: string) => `与${against}完全相同`,
  nearDuplicate: (where: string, against: string, score: number) =>
    `${where}: 与${against}相似度 ${score}，请决定跳过或保留（命令行：--skip-near / --keep-near）`,
  defaultElementUnknown: (code: string) => `默认鉴定点 ${code} 不在本题库的细目表中`,
  /** What a running import is doing (the GUI's progress bar). */
  progress: {
    reading: '读取文件',
    checking: (row: number, rows: number) => `检查第 ${row} 行（共 ${rows} 行）`,
    duplicates: '查重',
    saving: (saved: number, total: number) => `保存 ${saved}/${total}`,
    checked: '检查完成',
  },
  missingImages: (hashes: string) => `导入未执行：试题引用的图片没有读到（${hashes}）`,
} as const;
