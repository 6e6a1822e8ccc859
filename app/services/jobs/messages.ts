/** User-facing texts of long-running calls (zh-CN). */
export const jobMessages = {
  cancelled: (summary: string) => `已取消“${summary}”，未保存任何内容`,
  unknownJob: (id: string) => `没有编号为 ${id} 的任务（可能已结束并被读取）`,
  notLongRunning: (name: string) => `${name} 不是可在后台运行的任务`,
} as const;
