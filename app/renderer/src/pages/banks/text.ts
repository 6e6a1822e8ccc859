/** Texts of the bank frame (zh-CN). */
export const bankText = {
  tabs: { elements: '细目表与结构表', items: '试题', import: '导入', assembly: '组卷', documents: '申报材料', review: '审核', results: '考试分析', discs: '报送光盘' },
  secrecy: (mark: string) => `密级：${mark}`,
  unknown: (id: number) => `题库 ${id} 不存在或无权访问`,
  back: '返回工作台',
} as const;
