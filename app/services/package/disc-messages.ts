/** Chinese texts of writing a package to disc. */
export const discMessages = {
  writing: '正在写入光盘映像',
  verifying: '正在回读校验映像',
  burning: (drive: string) => `正在刻录到 ${drive}`,
  verifyFailed: (why: string) => `映像回读校验失败，已删除该映像：${why}`,
  sizeChanged: (wrote: number, read: number) => `写入 ${wrote} 字节，读回 ${read} 字节`,
  register: (id: number) => `存档登记第 ${id} 号`,
  labelFile: (image: string) => `${image.replace(/\.iso$/i, '')}_光盘标签与封面登记单.docx`,
  auditDetail: (image: string, sha: string, recipients: readonly string[]) => `写入光盘映像 ${image}，SHA-256 ${sha}，接收方：${recipients.join('、')}`,
  noDrive: '未指定刻录机：映像已保存，请在刻录工作站上刻录，并用 qbank open-package 校验',
} as const;
