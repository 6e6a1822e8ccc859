/** Chinese texts of the workstation CA and the signing certificates. */
export const certificateMessages = {
  noSigner: '当前登录没有打开本人的签名密钥：请重新登录后再操作',
  noCa: '工作站还没有建立证书颁发机构（安全保密管理员：qbank certs ca-create）',
  caExists: '工作站已经建立了证书颁发机构',
  notCaHolder: '证书颁发机构的密钥由建立它的安全保密管理员保管，只有该账号能签发或吊销证书',
  keyRetired: '这张证书的签名密钥属于本账号已停用的账号密钥（密码被重置过）：请重新申请证书（qbank certs request）',
  noAccount: (username: string) => `账号 ${username} 不存在`,
  noRequest: (username: string) => `账号 ${username} 没有待签发的证书申请：须由本人登录后申请（qbank certs request）`,
  noCertificate: (serial: string) => `证书 ${serial} 不存在`,
  alreadyRevoked: (serial: string) => `证书 ${serial} 已经吊销`,
  noUsable: (username: string) => `账号 ${username} 没有有效的签名证书：先申请（qbank certs request），再由安全保密管理员签发（qbank certs issue ${username}）`,
} as const;
