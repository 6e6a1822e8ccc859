/** User-facing texts of the item images (zh-CN). */

export const imagesMessages = {
  refused: (reason: string) => `图片未保存：${reason}`,
  notFound: (sha: string) => `图片 ${sha.slice(0, 12)} 不存在`,
  /** The exported file: `试题图片_<SHA-256 前 16 位>.png`. */
  fileName: (sha: string, extension: string) => `试题图片_${sha.slice(0, 16)}.${extension}`,
} as const;
