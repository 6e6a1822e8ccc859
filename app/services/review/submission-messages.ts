/** Chinese texts of the submission record. */
export const submissionMessages = {
  confirm: (warning: string) => `${warning}。确认后再登记（命令行：--confirm）`,
  notSigned: '本题库最近一轮内部审核还没有全部签署，报送材料不完整，不能登记报送',
  result: '审核结果',
  incubation: '孵化期',
  notFound: (id: number) => `报送记录 ${String(id)} 不存在`,
  resultExists: (id: number, result: string) => `报送记录 ${String(id)} 已录入审核结果“${result}”`,
} as const;
