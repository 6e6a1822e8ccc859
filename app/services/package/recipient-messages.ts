/** Chinese texts of recipient certificates. */
export const recipientMessages = {
  unknown: (id: number) => `没有编号为 ${id} 的接收方证书`,
  notUsable: (name: string, status: string) => `接收方证书“${name}”${status}，不能用于加密`,
  badCertificate: (why: string) => `证书文件无法使用：${why}`,
  expired: (d: string) => `证书已于 ${d} 过期`,
  notYetValid: (d: string) => `证书自 ${d} 起才生效`,
  noEncryptionUse: '证书的密钥用途不允许加密（缺少 keyEncipherment 或 keyAgreement）',
  unsupported: '只支持 RSA（至少 2048 位）或 EC（P-256、P-384、P-521）证书',
  duplicate: (name: string) => `该证书已导入（${name}）`,
} as const;
