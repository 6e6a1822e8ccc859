/** User-facing texts of the QTI content package reader (zh-CN): refusals of the package, problems of one item. */

export const qtiReaderMessages = {
  notPackage: '不是有效的 QTI 内容包（应为 .zip 格式的 IMS 内容包）',
  noManifest: '内容包根目录中没有 imsmanifest.xml，不是 IMS 内容包（IMS CP 1.1），拒绝读取',
  doctype: (part: string) => `${part} 含有文档类型声明或实体定义（DOCTYPE/ENTITY），QTI 内容包中不应出现（可能是 XML 实体攻击），拒绝读取`,
  badManifest: (detail: string) => `imsmanifest.xml 不是格式正确的 XML（${detail}）`,
  notManifest: (root: string) => `imsmanifest.xml 的根元素是 ${root}，不是 IMS 内容包清单（manifest）`,
  outside: (href: string) => `imsmanifest.xml 引用了包外的文件 ${href}（绝对路径、外部地址或以 ../ 跳出内容包），拒绝读取`,
  noItems: 'imsmanifest.xml 中没有任何 QTI 试题资源（imsqti_item_xmlv2p1）',
  noHref: (id: string) => `资源 ${id} 没有指明试题文件（href）`,
  itemMissing: (href: string) => `清单列出的试题文件 ${href} 在包中不存在`,
  badItemXml: (detail: string) => `不是格式正确的 XML（${detail}）`,
  notAssessmentItem: (root: string) => `根元素是 ${root}，不是 QTI 2.x 的 assessmentItem`,
  notAnItem: (type: string) => `资源类型 ${type} 不是单个试题（如测验、试卷结构），已忽略`,
} as const;
