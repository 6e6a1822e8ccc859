/** Texts of `qbank images` (pictures of items: 附图, figures). */
export const imagesText = {
  summary: '试题图片：保存、查看、导出 (item images)',
  putUsage: 'put <图片文件> --bank <题库> [--svg-width 像素]',
  putSummary: '保存图片（PNG、JPEG；SVG 矢量图按打印宽度渲染为 PNG），打印 SHA-256，试题以它引用图片',
  showUsage: 'show <SHA-256> --bank <题库>',
  showSummary: '查看图片的格式和大小（调阅）',
  exportUsage: 'export <SHA-256> --bank <题库> --out <目录>',
  exportSummary: '把图片写入文件（调阅；写入位置须通过核验，文件按机密存档）',
  file: '图片文件',
  sha256: 'SHA-256',
  badSha: (value: string) => `<SHA-256> 应为 64 位十六进制数字（qbank images put 打印的），收到 ${value}`,
  badWidth: (value: string) => `--svg-width 应为 100–8000 的整数（像素），收到 ${value}`,
  stored: (sha256: string, type: string, width: number, height: number, bytes: number) => `已保存 ${sha256}\t${type}\t${width}×${height} 像素\t${bytes} 字节`,
  shown: (sha256: string, type: string, bytes: number) => `${sha256}\t${type}\t${bytes} 字节`,
  exported: (path: string, bytes: number) => `已导出 ${path}（${bytes} 字节）`,
} as const;
