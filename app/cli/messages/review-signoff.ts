/** Texts of the sign-off part of `qbank review` (feedback and answers, set updates, the scan, status, signatures). */
export const reviewSignoffText = {
  none: '—',
  answerModes: '请给出且只给出一种：--verdict <意见编号> 或 --note <意见编号>（编号见 qbank review feedback）',
  missingPaper: '缺少 --paper <试卷编号>',
  missingItem: '缺少 --item <试题编号>',
  missingFile: '缺少 --file <扫描件.pdf|.jpg|.png>',

  // feedback / answer
  feedbackUsage: 'feedback --bank <题库> [--round R] [--json]',
  feedbackSummary: '查看审核意见与答复（要求修改、不通过或附意见的试题，对材料的意见）',
  feedbackTitle: (round: number, entries: number, open: number) => `第 ${round} 次审核：审核意见 ${entries} 条，未答复 ${open} 条`,
  feedbackLine: (option: string, id: number, expert: string, target: string, verdict: string, text: string, answer: string) =>
    `${option} ${id}\t${expert}\t${target}\t${verdict || '意见'}\t${text || '—'}\t${answer === '' ? '未答复' : `已答复：${answer}`}`,
  nowAt: (version: number, state: string) => `（现为第 ${version} 版，${state}）`,
  answerUsage: 'answer --bank <题库> --round R --verdict <编号>|--note <编号> --answer 答复',
  answerSummary: '答复审核意见（题库管理员、命题人员；修改试题用 qbank items edit）',
  answered: (open: number) => `已答复；本轮还有 ${open} 条审核意见未答复`,

  // blockers / replace
  blockersUsage: 'blockers --bank <题库>',
  blockersSummary: '查看审核后须更新的试卷（含“不通过”的试题或未换入修改后版本的试卷）',
  noBlockers: '没有须更新的试卷',
  blockerLine: (paperId: number, itemId: number, message: string) => `试卷 ${paperId}\t#${itemId}\t${message}`,
  replaceUsage: 'replace --bank <题库> --paper <试卷> --item <试题> [--with <试题>]',
  replaceSummary: '审核后更新试卷：换入该题修改后入库的版本，或用 --with 换成另一道同类入库试题（原试卷作废，新试卷为草稿）',
  replaced: (paperId: number, replaced: number, runId: number, bankId: number) =>
    `新试卷 ${paperId}（草稿）替换试卷 ${replaced}（已作废）；须由审核专家重新审定：qbank papers approve --bank ${bankId} --run ${runId}`,

  // scan / scans
  scanUsage: 'scan --bank <题库> --round R --file 扫描件.pdf|.jpg|.png',
  scanSummary: '上传审核专家签名的《题库内部审核意见》扫描件（题库管理员；上传后重新生成申报材料）',
  scanned: (id: number, fileName: string, format: string, pages: number, sha256: string) => `已上传扫描件 ${id}：${fileName}（${format}，${pages} 页），报送用 PDF 的 SHA-256 ${sha256}`,
  scanNext: (bankId: number) => `下一步：重新生成申报材料 qbank documents generate --bank ${bankId} --out <目录> --replace`,
  scansUsage: 'scans --bank <题库> [--round R]',
  scansSummary: '查看本轮上传的扫描件（最后一份用于报送）',
  noScans: '本轮还没有上传扫描件',
  scanLine: (id: number, fileName: string, format: string, pages: number, bytes: number, sha256: string, at: string, by: string, current: boolean) =>
    `${id}\t${fileName}\t${format}\t${pages} 页\t${bytes} 字节\t${sha256.slice(0, 16)}…\t${at}\t${by}${current ? '\t（报送用）' : ''}`,

  // status / sign / verify
  statusUsage: 'status --bank <题库> [--round R] [--json]',
  statusSummary: '查看签署进度：尚须解决的问题、扫描件、报送清单、已签署与未签署的成员',
  statusTitle: (round: number, id: number, state: string) => `第 ${round} 次审核（轮次编号 ${id}）：${state}`,
  stateSigned: '已全部签署',
  stateReady: '可以签署',
  stateBlocked: '还不能签署',
  statusScan: (text: string) => `扫描件：${text}`,
  scanText: (fileName: string, sha256: string) => `${fileName}（PDF SHA-256 ${sha256.slice(0, 16)}…）`,
  statusManifest: (text: string) => `报送清单：${text}`,
  manifestText: (sha256: string, folder: string) => `SHA-256 ${sha256}，${folder}`,
  notGenerated: '未生成（qbank documents generate）',
  missing: '无',
  statusSigned: (names: readonly string[]) => `已签署：${names.length === 0 ? '—' : names.join('、')}`,
  signedBy: (name: string, at: string) => `${name}（${at}）`,
  statusUnsigned: (names: readonly string[]) => `未签署：${names.length === 0 ? '—' : names.join('、')}`,
  blockersTitle: '须先解决：',
  blocker: (text: string) => `  - ${text}`,
  signUsage: 'sign --bank <题库> --round R',
  signSummary: '审核专家用本人的签名证书对报送清单（manifest.json）数字签名',
  signedFile: (file: string, sha256: string) => `已签署：${file}（清单 SHA-256 ${sha256}）`,
  signedSoFar: (valid: number, files: number, all: number) => `已有 ${valid} 个有效签名；文件 ${files}/${all} 个与清单一致`,
  othersToSign: '其余审核组成员签署后，报送材料才完整（进度：qbank review status）',
  roundClosed: '审核组全部成员已签署，本轮审核已关闭',
  verifyUsage: 'verify <报送文件夹>',
  verifySummary: '用工作站的证书颁发机构校验报送文件夹的数字签名（登记在日志中）',
  workstationCa: '工作站的证书颁发机构',
} as const;
