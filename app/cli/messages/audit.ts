/** Texts of `qbank audit` (the access log: verify, checkpoint, export registers). */
export const auditText = {
  summary: '审计日志：校验、签署校验点、导出登记表 (access log)',
  badAnchor: (arg: string) => `--anchor 应为 序号:哈希 或含锚点的文件：${arg}`,
  noAnchorInFile: (arg: string) => `文件中没有锚点（序号:哈希）：${arg}`,
  verifyUsage: 'verify [--anchor <序号:哈希|文件>]… [--pages]',
  verifySummary: '校验哈希链、签名校验点和外部锚点（--pages：并读取数据库文件的每一页），通过后由审计员副署；有问题时以 1 退出',
  problem: (text: string) => `  问题 (problem): ${text}`,
  warning: (text: string) => `  提示 (warning): ${text}`,
  head: (entries: number, hash: string) => `链头 (head): ${entries}:${hash}`,
  countersigned: (seq: number, signer: string, keyId: string) => `副署校验点 (countersigned) #${seq}，签署人 ${signer}，密钥 ${keyId}`,
  checkpointSummary: '签署一个审计校验点',
  checkpoint: (seq: number, auditSeq: number, auditHash: string) => `校验点 #${seq}：锚点 ${auditSeq}:${auditHash}`,
  signature: (signer: string, keyId: string, signature: string) => `签署人 ${signer}，密钥 ${keyId}，签名 (Ed25519): ${signature}`,
  exportUsage: (registers: readonly string[]) => `export --register <${registers.join('|')}> --out <目录>`,
  exportSummary: '导出登记表 xlsx',
  badRegister: (registers: readonly string[]) => `--register 应为 ${registers.join('、')} 之一`,
  exported: (path: string, bytes: number) => `已导出 ${path}（${bytes} 字节）`,
} as const;
