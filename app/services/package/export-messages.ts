/** Chinese texts of the submission export. */
import { beijingMinute } from '../../domain/package/format.js';

export const exportMessages = {
  what: '导出报送光盘',
  label: (kind: string, bank: string, round: number | null) => `${kind} ${bank} 第${round ?? '—'}轮审核`.slice(0, 200),
  noFolder: '没有已签署的报送文件夹：请先生成报送材料并完成审核组签署，或用 folder 指定文件夹',
  notVerified: (folder: string, problems: readonly string[]) => `报送文件夹 ${folder} 未通过校验，不能导出：\n${problems.map((p) => `- ${p}`).join('\n')}`,
  checking: '正在校验报送文件夹与签名',
  cms: '正在生成 CMS 加密副本',
  hashing: '正在计算文件哈希',
  writing: '正在写入并校验光盘映像',
  cmsCipher: 'AES-256-CBC；密钥传输 RSAES-OAEP（SHA-256, MGF1-SHA-256）',
  imageName: (code: string, level: number, at: string) => `报送_${code}_${level}级_${beijingMinute(new Date(at)).replace(/[-:]/g, '').replace(' ', '_')}.iso`,
  detail: (sha: string, wiped: number) => `映像 SHA-256 ${sha}；明文工作文件夹已覆写删除（${wiped} 个文件）`,
} as const;
