/** Chinese texts of the air-gap check. */
export const airGapMessages = {
  clean: '未发现联网、无线、蓝牙设备或已挂载的移动存储',
  unverifiable: '本平台无法自动检查网络与无线设备，请人工确认本机已物理隔离',
  refused: (what: string, summary: string) => `物理隔离检查未通过，已拒绝${what}（规程第十一、十二条）：${summary}`,
  warned: (what: string, summary: string) => `物理隔离检查发现问题（${what}前，仅警告）：${summary}`,
  reasons: { start: '启动时检查', periodic: '定期检查', manual: '手动检查' },
  modeNames: { warn: '发现问题时警告（须确认后继续）', refuse: '发现问题时拒绝导出、备份与传递' },
} as const;
