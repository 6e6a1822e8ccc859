/**
 * Texts of the headless demo: the steps it reports (printed by `qbank demo`, kept in demo.json) and the
 * labels it writes. The sample bank itself (sample-bank.ts, sample-notes.ts, sample/) is data, not text here.
 */
export const demoText = {
  /** The source of the simulated pilot statistics (assembly-step.ts). */
  statisticsSource: '样例试测（模拟）',
  /** The scope of a team member's 保密责任书. */
  pledgeScope: (bank: string, workTypes: string) => `${bank} ${workTypes}工作`,
  peopleRegister: '涉密人员登记表',
  register: (name: string) => `${name}登记表`,
  stationName: '样例职业技能评价中心上传站',
  stationUnit: '样例职业技能评价中心',
  stationKeyFile: '样例上传站密钥.p12',
  exportStep: '加密光盘',
  exportDetail: (iso: string, wiped: number, opened: boolean, files: number, backup: string, restored: boolean, verified: boolean) =>
    `报送材料加密写入 ${iso}（回读校验一致，明文文件夹已覆写删除 ${wiped} 个文件）；上传站用密钥文件校验${opened ? '通过' : '未通过'}并解密 ${files} 个文件；备份 ${backup} ${restored && verified ? '已恢复到新工作站，审计日志校验通过' : '恢复失败'}`,
  analysisStep: '试题分析',
  analysisDetail: (candidates: number, flagged: number, planted: boolean, returned: number, qti: string, items: number) =>
    `导入 ${candidates} 名考生的作答（模拟），${flagged} 道试题需复审${planted ? '（含预置的答案错误题）' : '（未发现预置的答案错误题）'}，${returned} 道已退回待审；${items} 道理论试题导出为 QTI 2.1 试题包 ${qti}`,
  credentialsNote: '样例工作站的口令，仅供演示；真实工作站不得把口令写入文件。',

  // Step names and details.
  workstationStep: '工作站',
  workstation: (file: string, schemaVersion: number, admins: readonly string[]) => `新建加密数据库 ${file}（结构版本 ${schemaVersion}），三员账号 ${admins.join('、')}`,
  peopleStep: '人员与保密责任书',
  people: (members: number, signedOn: string, expiresOn: string) => `${members} 人登记并签订保密责任书（${signedOn} 至 ${expiresOn}），账号已关联、已授予角色`,
  importStep: '导入',
  import: (xlsxFile: string, xlsxAccepted: number, docxFile: string, dryDuplicates: number, accepted: number, rejected: number, skipped: number) =>
    `${xlsxFile}：${xlsxAccepted} 道；${docxFile}：试导入发现 ${dryDuplicates} 道重复或疑似重复，正式导入 ${accepted} 道，拒绝 ${rejected} 道、跳过 ${skipped} 道`,
  qualityStep: '质量检查',
  quality: (bankFindings: number, itemsWithFindings: number, nearDuplicates: number, shortNodes: number) =>
    `${bankFindings} 条题库级提示，${itemsWithFindings} 道试题有提示；近似重复 ${nearDuplicates} 对；细目表节点中 ${shortNodes} 个按 3 套计试题不足`,
  precheckStep: '组卷预检查',
  precheck: (findings: readonly string[], preset: string) => `整卷结构（判断20 + 单选140 + 多选10）不能从样例题库组出 3 套：${findings.join('；')}；改用 ${preset}`,
  assemblyStep: '组卷',
  theorySet: (set: string, items: number, points: number) => `${set} ${items} 道 ${points} 分`,
  practicalSet: (set: string, tasks: number, points: number) => `${set} ${tasks} 题 ${points} 分`,
  assembly: (theorySets: readonly string[], deviation: string, bound: string, gap: string, seconds: string, practicalSets: readonly string[]) =>
    `理论知识 ${theorySets.join('，')}，各套难度最大偏差 ${deviation}（下界 ${bound}，差距 ${gap}），${seconds} 秒；技能考核 ${practicalSets.join('，')}；已审定锁定`,
  submissionStep: '申报材料',
  submission: (files: number, folder: string, seconds: string, parts: readonly string[], warnings: readonly string[]) =>
    `${files} 个文件写入 ${folder}（${seconds} 秒）：${parts.join('、')}${warnings.length > 0 ? `；报送前须处理：${warnings.join('；')}` : ''}`,
  bankStep: '题库',
  bank: (
    name: string,
    elements: number,
    shares: { readonly X: number; readonly Y: number; readonly Z: number },
    theory: number,
    byType: { readonly trueFalse: number; readonly singleChoice: number; readonly multipleChoice: number },
    practical: number,
  ) =>
    `${name}：细目表 ${elements} 个鉴定点（X/Y/Z = ${shares.X}%/${shares.Y}%/${shares.Z}%），` +
    `理论知识 ${theory} 道（判断 ${byType.trueFalse}，单选 ${byType.singleChoice}，多选 ${byType.multipleChoice}），技能考核 ${practical} 道`,
  registersStep: '登记表',
  registers: (files: readonly string[]) => files.join('、'),
  auditStep: '审计日志',
  audit: (message: string, verified: boolean) => `${message}${verified ? '' : '（审计员校验时发现异常）'}`,
  reportStep: '报告',
  reviewOpinion: '题库结构完整，细目表与国家职业技能标准一致，试题科学规范、答案准确；一道试题按意见修改后，同意报送。',
  reviewStep: '内部审核',
  review: (experts: number, leader: string, conclusion: string, change: string, signatures: number, verified: boolean) =>
    `审核组 ${experts} 名专家（组长 ${leader}），结论“${conclusion}”；试卷更新：${change}；专家签名扫描件已附；${signatures} 名专家数字签名${verified ? '，签名与文件哈希校验通过' : '，校验未通过'}`,
} as const;
