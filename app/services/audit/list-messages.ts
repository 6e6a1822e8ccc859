/** User-facing texts of reading the access log page by page (`audit.list`, zh-CN). */

export const auditListMessages = {
  badTime: '时间格式不正确，应为 ISO 8601，例如 2026-11-23 或 2026-11-23T08:00:00Z',
  fromAfterTo: '起始时间晚于截止时间',
  /** The filter a read used, recorded with it (never content: names, actions, object ids, times). */
  filter: (parts: readonly string[], total: number) => `${parts.length === 0 ? '全部' : parts.join('，')}；共 ${total} 条`,
  part: {
    actor: (v: string) => `操作人含“${v}”`,
    action: (v: string) => `操作含“${v}”`,
    object: (v: string) => `对象含“${v}”`,
    register: (v: string) => `登记表 ${v === '' ? '（无）' : v}`,
    result: (v: string) => `结果 ${v}`,
    from: (v: string) => `自 ${v}`,
    to: (v: string) => `至 ${v}`,
  },
} as const;
