/** User-facing texts of the SVG rasteriser (zh-CN): what was refused and why. */

/** What an SVG may not contain, by the name of the check in rasterise.ts. */
export const svgForbiddenLabels = {
  doctype: '文档类型或实体声明（DOCTYPE/ENTITY，可用于实体扩展攻击）',
  script: '脚本（script）',
  foreignObject: '外部对象（foreignObject）',
  image: '图片元素（image），矢量图中不允许嵌入或链接图片',
  externalHref: '指向文档外部的链接（href 不是以“#”开头的文档内引用）',
  externalUrl: '指向文档外部的资源引用（url(…) 不是以“#”开头，或 @import）',
  stylesheet: '外部样式表声明（xml-stylesheet）',
} as const;

export type SvgForbidden = keyof typeof svgForbiddenLabels;

export const svgMessages = {
  tooLarge: (actual: string, max: string) => `SVG 图形大小超过上限 ${max}（实际 ${actual}），不予渲染`,
  notUtf8: 'SVG 图形不是 UTF-8 编码的文本，不予渲染',
  notSvg: 'SVG 图形中没有 <svg> 根元素',
  forbidden: (what: SvgForbidden) => `SVG 图形含有${svgForbiddenLabels[what]}，不予渲染`,
  part: 'SVG 图形',
  badWidth: (max: number) => `输出宽度应为 1 到 ${String(max)} 之间的整数像素`,
  noSize: 'SVG 图形没有可用的宽度和高度（请给出 width、height 或 viewBox）',
  tooManyPixels: (width: number, height: number, max: number) =>
    `渲染后的图片 ${String(width)}×${String(height)} 像素超过上限（宽、高各不超过 ${String(max)} 像素）`,
  tooManyPixelsTotal: (pixels: number, max: number) => `渲染后的图片像素数 ${String(pixels)} 超过上限 ${String(max)}`,
  broken: (detail: string) => `SVG 图形无法解析（${detail}）`,
  crashed: 'SVG 图形使渲染程序异常退出（图形结构异常），不予渲染',
  timeout: (seconds: number) => `SVG 图形渲染超过 ${String(seconds)} 秒，不予渲染`,
} as const;
