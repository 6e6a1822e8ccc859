/** User-facing texts of the 销毁 register (zh-CN). */

export const destructionServiceMessages = {
  unknownPersonId: (id: number) => `人员 ${id} 不在人员登记表中`,
  unknownPersonName: (name: string) => `人员登记表中没有“${name}”`,
  ambiguousName: (name: string, count: number) => `人员登记表中有 ${count} 人名为“${name}”，请用人员编号`,
  unknownDisc: (id: number) => `存档登记中没有光盘 ${id}`,
  registerFile: '销毁登记表.xlsx',
} as const;
