/** User-facing texts of the item images (zh-CN). */

export const imagesMessages = {
  refused: (reason: string) => `图片未保存：${reason}`,
  notFound: (sha: string) => `图片 ${sha.slice(0, 12)} 不存在`,
} as const;
