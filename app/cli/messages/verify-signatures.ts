/** Texts of `qbank verify-signatures` (and the verification report `qbank review sign|verify` print). */
export const verifySignaturesText = {
  summary: '校验报送文件夹的数字签名，无需工作站与登录 (verify a signed submission folder)',
  help: [
    '用法: qbank verify-signatures <报送文件夹> [--ca ca.pem] [--crl crl.pem] [--json]',
    '',
    '  在任何一台计算机上校验报送材料：清单 manifest.json 所列的每个文件都在且未改动、没有多余文件，',
    '  06_数字签名/ 中每个签名都是审核组成员对 manifest.json 的有效签名（证书由证书颁发机构签发、未被吊销），',
    '  审核组每位成员都已签名。不需要工作站数据库，也不需要登录。全部通过时退出码 0，否则 1。',
    '',
    '  --ca <文件>   接收方事先取得的证书颁发机构证书（PEM）；不给时用文件夹中的 06_数字签名/ca.pem',
    '  --crl <文件>  吊销列表（PEM）；不给时用文件夹中的 06_数字签名/crl.pem',
    '  --json        以 JSON 输出',
  ].join('\n'),
  folder: '报送文件夹',
  material: (bank: string, round: number | null, sha256: string) => `报送材料：${bank || '—'}${round === null ? '' : ` 第 ${round} 次审核`}，清单 SHA-256 ${sha256 || '—'}`,
  ca: (subject: string, fingerprint: string, source: string) => `证书颁发机构：${subject || '—'}，SHA-256 指纹 ${fingerprint || '—'}（${source}）`,
  caGiven: '来自 --ca',
  caFolder: '来自报送文件夹 06_数字签名/ca.pem',
  caPinNote:
    '注意：证书颁发机构证书取自被校验的文件夹本身，只能证明材料与该证书一致；接收方应从可信渠道事先取得 CA 证书，用 --ca 指定（或核对上面的指纹）',
  crl: (present: boolean, ok: boolean, number: number | null, revoked: number) =>
    `吊销列表：${!present ? '无' : ok ? `第 ${number ?? '—'} 号，已吊销 ${revoked} 张证书` : '不是该证书颁发机构签发的或无法读取'}`,
  signaturesTitle: (n: number) => `签名：${n} 个`,
  signature: (file: string, name: string, serial: string, time: string, ok: boolean) => `  ${file}\t${name || '—'}\t序列号 ${serial || '—'}\t签名时间 ${time}\t${ok ? '有效' : '无效'}`,
  signatureProblem: (text: string) => `      ${text}`,
  filesTitle: (ok: number, all: number) => `文件：${ok}/${all} 个与清单一致`,
  file: (path: string, status: string, detail: string) => `  ${path}\t${status}\t${detail}`,
  problemsTitle: (n: number) => `问题：${n} 个`,
  problem: (text: string) => `  - ${text}`,
  passed: '结论：校验通过',
  failed: (n: number) => `结论：校验不通过（${n} 个问题）`,
} as const;
