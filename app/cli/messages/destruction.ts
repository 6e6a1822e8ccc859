/** Texts of `qbank destruction` (the 销毁 register, 规程第十四条). */
export const destructionText = {
  summary: '销毁登记：光盘与纸质试卷、答案的销毁 (destruction register)',
  recordUsage:
    'record --kind 光盘|纸质试卷|纸质答案|其他载体 --what 载体说明 --quantity N [--disc 存档编号] --method 粉碎|焚毁|消磁|物理破坏|… --date YYYY-MM-DD --destroyer 姓名|人员编号 --witness 姓名|人员编号 [--note 备注]',
  recordSummary: '登记一次销毁（安全保密管理员；销毁人与监销人须是人员登记表中的两个不同的人）',
  recorded: (id: number, summary: string) => `已登记销毁 ${id}：${summary}`,
  listUsage: 'list [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--kind 载体类别] [--json]',
  listSummary: '查看销毁登记，新的在前（安全保密管理员、安全审计员）',
  noRecords: '没有销毁登记',
  header: '编号\t销毁日期\t载体类别\t载体说明\t数量\t光盘\t销毁方式\t销毁人\t监销人\t备注',
  line: (d: { id: number; destroyedOn: string; kind: string; description: string; quantity: number; discExportId: number | null; method: string; destroyer: string; witness: string; note: string }) =>
    [d.id, d.destroyedOn, d.kind, d.description, d.quantity, d.discExportId ?? '—', d.method, d.destroyer, d.witness, d.note || '—'].join('\t'),
  exportUsage: 'export --out <目录>',
  exportSummary: '导出销毁登记表 xlsx（附审计日志签名校验点的锚点）',
  exported: (path: string, bytes: number, sha256: string) => `已导出 ${path}（${bytes} 字节，SHA-256 ${sha256.slice(0, 16)}…）`,
} as const;
