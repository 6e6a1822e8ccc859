/** User-facing texts of the Electron main process (zh-CN). */
export const mainMessages = {
  forbiddenSender: (url: string) => `拒绝来自 ${url || '未知页面'} 的调用`,
  windowTitle: '题库工作站',
  startFailed: '题库工作站无法启动',
} as const;
