/** User-facing texts of the item statistics reader (zh-CN). */

export const statisticsMessages = {
  refused: (reason: string) => `统计文件未导入：${reason}`,
  itemId: (where: string, v: string) => `${where} 试题编号: 无法识别“${v}”`,
  p: (where: string, v: string) => `${where} 通过率: 应在 0 与 1 之间，收到“${v}”`,
  sampleSize: (where: string, v: string) => `${where} 样本量: 应为正整数，收到“${v}”`,
  discrimination: (where: string, v: string) => `${where} 区分度: 应在 −1 与 1 之间，收到“${v}”`,
  line: (line: number) => `第${String(line)}行`,
  noRows: '统计文件中没有数据行',
} as const;
