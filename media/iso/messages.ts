/** Chinese messages of the ISO 9660 + Joliet writer, reader and verifier (media/iso/). */

export const isoMessages = {
  emptyPath: (path: string) => `文件路径无效：“${path}”（须为以“/”分隔的相对路径，不得为空、不得含“.”或“..”段）`,
  nameTooLong: (path: string, name: string) =>
    `文件名过长：${path}（“${name}”有 ${name.length} 个字符，Joliet 规范规定每级名称最多 64 个字符）`,
  badCharacter: (path: string, ch: string) =>
    `文件名含 Joliet 不允许的字符：${path}（字符 U+${ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}；不得含控制字符和 * / : ; ? \\）`,
  tooDeep: (dir: string) => `目录层级超过 8 层：${dir}（ECMA-119 第 6.8.2.1 条规定目录层级含根目录最多 8 层）`,
  duplicate: (path: string) => `文件路径重复：${path}`,
  fileAndFolder: (path: string) => `路径 ${path} 既是文件又是文件夹`,
  badSize: (path: string, size: number) => `文件 ${path} 的长度无效：${size}（须为非负整数）`,
  tooLarge: (path: string, size: number) =>
    `文件 ${path} 过大：${size} 字节；ISO 9660 单区段文件须小于 4 GiB（4294967296 字节），本程序不写多区段文件`,
  tooManyFolders: (n: number) => `文件夹过多：${n} 个（路径表的父目录编号为 16 位，最多 65535 个）`,
  imageTooLarge: (bytes: number) => `映像过大：${bytes} 字节（卷空间以 32 位扇区数记录）`,
  /** `actual` undefined: the source went on past the declared size. */
  sizeMismatch: (path: string, declared: number, actual?: number) =>
    `文件 ${path} 的实际长度与声明不符：声明 ${declared} 字节，实际${actual === undefined ? `超过 ${declared}` : ` ${actual}`} 字节`,
  textChunk: (path: string) => `文件 ${path} 的数据源给出了字符串而不是字节`,
  volumeIdTooLong: (id: string) => `卷标过长：“${id}”有 ${id.length} 个字符（Joliet 卷标最多 16 个字符）`,
  badDate: (date: Date) => `映像日期无效：${String(date)}（须在 1900 年至 2155 年之间）`,
  streamClosed: '输出流在写完之前被关闭',
  badTime: (path: string) => `文件 ${path} 的修改时间无效`,

  // reader
  notIso: (path: string, why: string) => `${path} 不是可读取的 ISO 9660 映像：${why}`,
  truncated: (declared: number, actual: number) => `映像被截断：卷空间为 ${declared} 字节，文件只有 ${actual} 字节`,
  noPrimary: '找不到主卷描述符（ECMA-119 第 8.4 条）',
  tooManyDescriptors: '卷描述符过多或缺少卷描述符集终止符（ECMA-119 第 8.3 条）',
  blockSize: (n: number) => `逻辑块大小为 ${n}，本程序只读取 2048 字节的逻辑块`,
  tooManyEntries: (n: number) => `目录项超过 ${n} 个`,
  readerTooDeep: (dir: string) => `目录层级超过 8 层：${dir}`,
  dirTooLarge: (dir: string, size: number) => `目录 ${dir} 过大：${size} 字节`,
  dirsTooLarge: (n: number) => `目录数据合计超过 ${n} 字节`,
  extentOutside: (what: string) => `${what} 的区段超出映像范围`,
  loop: (dir: string) => `目录 ${dir} 指向已读过的目录区段（目录循环）`,
  badRecord: (dir: string, at: number) => `目录 ${dir} 在偏移 ${at} 处的目录记录损坏`,
  badName: (dir: string, name: string) => `目录 ${dir} 中的名称无效：“${name}”`,
  dupName: (path: string) => `映像中的路径重复：${path}`,
  multiExtent: (path: string) => `文件 ${path} 是多区段或交错记录的文件，本程序不读取`,
  notAFile: (path: string) => `${path} 是文件夹，不能作为文件读取`,
} as const;

/** Region names of verifyIsoStructure (media/iso/verify.ts). */
export const isoRegions = {
  systemArea: '系统区',
  primary: '主卷描述符',
  joliet: 'Joliet 补充卷描述符',
  terminator: '卷描述符集终止符',
  pathTable: (tree: 'primary' | 'joliet', kind: 'L' | 'M') => `${tree === 'primary' ? '主' : 'Joliet'} ${kind} 型路径表`,
  directory: (tree: 'primary' | 'joliet', path: string) => `${tree === 'primary' ? '主' : 'Joliet '}目录 /${path}`,
  padding: (path: string) => `文件 ${path} 之后的填充`,
  imageEnd: '映像末尾',
  digest: '元数据摘要（卷标、文件名等只记录一次的字段或摘要本身与写入时不符）',
  unreadable: (why: string) => `映像结构无法解析：${why}`,
} as const;
