/** Texts of `qbank qti` (zh-CN). */
export const qtiText = {
  summary: 'QTI 2.1 试题交换：导出、导入理论知识试题（IMS 内容包）',
  file: '试题包',
  exportUsage: 'export --bank <题库> --out 目录 [--state 入库|草稿|待审|已审|停用] [--file 文件名.zip]',
  exportSummary: '把题库的理论知识试题导出为 QTI 2.1 试题包（含图片、鉴定点、难度和考试统计）',
  importUsage: 'import <试题包.zip> --bank <题库> [--dry-run] [--skip-near|--keep-near]',
  importSummary: '从 QTI 2.1 试题包导入判断、单选、多选题（存为草稿），列出无法转换的内容',
  exported: (path: string, items: number, images: number, bytes: number) => `已导出 ${items} 道试题、${images} 张图片：${path}（${bytes} 字节）`,
  imported: (saved: boolean, n: number, total: number, dry: boolean) =>
    dry ? `试导入：${total} 道中 ${n} 道可以导入（未保存）` : saved ? `已导入 ${n} 道试题（共 ${total} 道），存为草稿` : `没有保存任何试题（共 ${total} 道）`,
  unmapped: (file: string, reason: string) => `  未导入 ${file}：${reason}`,
  ignored: (file: string, reason: string) => `  忽略 ${file}：${reason}`,
} as const;
