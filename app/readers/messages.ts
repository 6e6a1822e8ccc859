/** User-facing texts of the readers (zh-CN): every bound names itself, its value and what was found. */
import type { LimitName, ReaderLimits } from './limits.js';

export const limitLabels: Readonly<Record<LimitName, string>> = {
  fileBytes: '文件大小',
  zipEntries: '压缩包内的文件数',
  entryBytes: '压缩包内单个文件解压后的大小',
  totalBytes: '压缩包解压后的总大小',
  compressionRatio: '压缩比（疑似压缩炸弹）',
  ratioFloorBytes: '压缩比检查起点',
  xmlDepth: 'XML 嵌套层数',
  xmlElements: 'XML 元素个数',
  textChars: '单个段落或单元格的文字长度',
  sheetRows: '工作表行数',
  sheetCells: '工作簿单元格总数',
  mergedRanges: '工作表合并单元格区域数',
  mergedCells: '工作表合并单元格覆盖的单元格数',
  paragraphs: '文档段落数',
  timeMs: '单个文件的读取时间',
  imageBytes: '单张图片大小',
  imageSide: '图片宽度或高度',
  imagePixels: '图片像素数',
  csvBytes: 'CSV 文件大小',
  csvLineChars: 'CSV 单行长度',
  csvRows: 'CSV 行数',
  scanBytes: '审核意见扫描件大小',
  scanPages: '审核意见扫描件页数',
};

const BYTE_LIMITS: ReadonlySet<LimitName> = new Set(['fileBytes', 'entryBytes', 'totalBytes', 'ratioFloorBytes', 'imageBytes', 'csvBytes', 'scanBytes']);
const UNITS: Partial<Record<LimitName, string>> = {
  xmlDepth: ' 层',
  textChars: ' 字',
  sheetRows: ' 行',
  sheetCells: ' 个',
  mergedRanges: ' 个',
  mergedCells: ' 个',
  paragraphs: ' 段',
  imageSide: ' 像素',
  imagePixels: ' 像素',
  csvLineChars: ' 字',
  csvRows: ' 行',
  zipEntries: ' 个',
  xmlElements: ' 个',
  scanPages: ' 页',
};

/** `50 MB`, `2 KB`, `30 秒`, `2000 个`, `100 倍`. */
export function formatAmount(name: LimitName, value: number): string {
  if (BYTE_LIMITS.has(name)) {
    if (value >= 1024 * 1024) return `${String(Math.round((value / (1024 * 1024)) * 10) / 10)} MB`;
    if (value >= 1024) return `${String(Math.round((value / 1024) * 10) / 10)} KB`;
    return `${String(value)} 字节`;
  }
  if (name === 'timeMs') return `${String(Math.round(value / 100) / 10)} 秒`;
  if (name === 'compressionRatio') return `${String(Math.round(value))} 倍`;
  return `${String(value)}${UNITS[name] ?? ''}`;
}

/** `压缩包内的文件数超过上限 2000 个（实际 5000 个）` with the place first when known. */
export function limitMessage(name: LimitName, limits: ReaderLimits, actual?: number, where?: string): string {
  const found = actual === undefined ? '' : `（实际 ${formatAmount(name, actual)}）`;
  return `${where === undefined ? '' : `${where}：`}${limitLabels[name]}超过上限 ${formatAmount(name, limits[name])}${found}`;
}

/** `A1、B2、C3、D4、E5 等`: the first five cells of a list, for a message. */
export function cellList(cells: readonly string[]): string {
  return `${cells.slice(0, 5).join('、')}${cells.length > 5 ? ' 等' : ''}`;
}

export const readerMessages = {
  notZip: '不是有效的 ZIP 压缩包（Office 文件 .xlsx/.docx 是 ZIP 格式），文件可能已损坏或不是 Office 文件',
  truncated: (detail: string) => `压缩包不完整或已损坏（${detail}）`,
  zip64: '压缩包使用 ZIP64 格式（超大压缩包），不予读取',
  multiDisk: '压缩包是分卷压缩的一部分，不予读取',
  encrypted: (name: string) => `压缩包内的文件 ${name} 已加密，无法读取`,
  method: (name: string, method: number) => `压缩包内的文件 ${name} 使用了不支持的压缩方法（${String(method)}）`,
  duplicate: (name: string) => `压缩包内有重名文件 ${name}（同一部件出现两次，可能被篡改），拒绝读取`,
  overlap: (name: string) => `压缩包内的文件 ${name} 与其他文件的数据重叠（疑似压缩炸弹），拒绝读取`,
  nameMismatch: (name: string) => `压缩包内的文件 ${name} 的本地文件头与中央目录不一致（可能被篡改），拒绝读取`,
  crc: (name: string) => `压缩包内的文件 ${name} CRC32 校验失败，文件已损坏或被篡改`,
  sizeMismatch: (name: string, declared: number, real: string) => `压缩包内的文件 ${name} 解压后的实际大小（${real}）与声明的 ${String(declared)} 字节不符`,
  inflate: (name: string) => `压缩包内的文件 ${name} 无法解压，数据已损坏`,
  doctype: (part: string) => `${part} 含有文档类型声明（DOCTYPE/ENTITY），Office 文件中不应出现，拒绝读取`,
  badXml: (part: string, detail: string) => `${part} 不是格式正确的 XML（${detail}）`,
  imageUnknown: '图片内容不是可识别的 PNG、JPEG、GIF 或 BMP 格式（文件头不符，可能是伪装成图片的其他文件）',
  imageUnsupported: (format: string) => `${format} 图片不能导入：请在 Word 中将图片另存为 PNG 或 JPEG 格式后重新插入`,
  imageVector: (format: string) => `${format} 矢量图（Office 绘图或剪贴画）不能导入：程序只保存位图，请将其另存为 PNG 或 JPEG 后重新插入`,
  imageDamaged: (format: string) => `${format} 图片已损坏，读不出宽度和高度`,
  columns: (part: string) => `${part} 的列定义超出 Excel 的最大列数 16384，文件已损坏或被篡改`,
  csvNotUtf8: 'CSV 文件不是 UTF-8 编码的文本，请以“CSV UTF-8”格式另存后再导入',
  csvBinary: (line: number) => `CSV 文件第 ${String(line)} 行含有二进制内容（控制字符），不是文本文件`,
  imageLinked: '图片是链接到外部文件的，没有嵌入文档，无法导入',
  imageNoRelationship: (id: string) => `找不到图片（关系 ${id}）`,
  imageNoPart: (path: string) => `文档中缺少图片文件 ${path}`,
  imagePart: (path: string) => `图片 ${path}`,
  imageRefused: (path: string, reason: string) => `图片 ${path}：${reason}`,
  /** Where a bound was passed. */
  csvLine: (line: number) => `第 ${String(line)} 行`,
  sheetPart: (name: string) => `工作表 ${name}`,
  validationArea: (sheet: string) => `${sheet} 的数据有效性区域`,
  /** A part of a workbook that relationships name but the package lacks. */
  missingPart: (part: string, what: string) => `${what}的部件 ${part} 不存在，文件不完整或已损坏`,
  sheetNamed: (name: string) => `工作表“${name}”`,
  sheetPictures: (name: string) => `工作表“${name}”的图片`,
  /** A part of a workbook, with the sheet it belongs to when known: `xl/worksheets/sheet2.xml（工作表“理论知识试题”）`. */
  partOfSheet: (part: string, sheet: string) => `${part}（工作表“${sheet}”）`,
  /** A part the spreadsheet library could not read (its message, shortened), or the workbook as a whole when no single part is to blame. */
  partUnreadable: (part: string, reason: string) => `${part} 无法读取（${reason}），请用 Excel 或 WPS 打开后另存为 .xlsx 再导入`,
  workbookUnreadable: (reason: string) => `工作簿无法读取（${reason}），请用 Excel 或 WPS 打开后另存为 .xlsx 再导入`,
  /** The signed scan of the 题库内部审核意见 (scan.ts); `kind` is what the file is: `GIF 图片`. */
  scanWrongKind: (kind: string) => `审核意见扫描件须为 PDF、JPEG 或 PNG 文件，所选文件是 ${kind}`,
  scanUnknown: '审核意见扫描件须为 PDF、JPEG 或 PNG 文件，所选文件的内容不是可识别的格式（文件头不符，可能是改了扩展名的其他文件）',
  scanEmpty: '所选的审核意见扫描件是空文件（0 字节）',
  scanImageKind: (format: string) => `${format} 图片`,
  scanZipKind: 'ZIP 压缩包（如 Word、Excel 文件），请将签名后的纸质表格扫描为 PDF、JPEG 或 PNG',
  scanOleKind: 'Office 97–2003 文件（.doc、.xls），请将签名后的纸质表格扫描为 PDF、JPEG 或 PNG',
  scanTruncated: (format: string) => `${format} 文件不完整（缺少文件结尾），可能没有复制或下载完整，请重新扫描或导出`,
  scanPdfDamaged: 'PDF 文件已损坏，无法打开，请重新扫描或重新导出为 PDF',
  scanPdfEncrypted: 'PDF 文件已加密（设有打开密码或权限密码），请另存为未加密的 PDF 后重新选择',
  scanPdfNoPages: 'PDF 文件没有页面',
  scanPdfFilter: 'PDF 文件的对象流使用了不支持的压缩方式，请用扫描软件重新导出为 PDF',
  scanPdfBomb: 'PDF 文件的对象流解压后过大（疑似压缩炸弹），拒绝读取',
  /** A file refused for a bound: the bound's message and what happened to the file. */
  notRead: (limitMessage: string) => `${limitMessage}，文件未读取`,
} as const;
