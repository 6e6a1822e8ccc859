/** User-facing texts of the 涉密人员登记: labels, refusals and the exported register (zh-CN). */

export const peopleMessages = {
  notRegistered: (personId: number) => `人员 ${personId} 不在登记表中`,
  person: '涉密人员',
  pledge: '保密责任书',
  registerTitle: '涉密人员登记表',
  registerFileName: '涉密人员登记表.xlsx',
} as const;
