/** User-facing texts of banks: creating one from the catalog, labels of what belongs to it (zh-CN). */

export const banksMessages = {
  notFound: (bankId: number) => `题库 ${bankId} 不存在`,
  paperStructure: '试卷结构',
  submissionNotes: '题库编制说明',
  unknownOccupation: (code: string) => `职业编码 ${code} 不在职业目录中`,
  trackRequired: (occupation: string, tracks: string, track: string) => `${occupation} 须指定方向/工种（${tracks}），收到“${track}”`,
  noSuchTrack: (occupation: string, track: string) => `${occupation} 没有方向/工种“${track}”`,
  levelNotOffered: (occupation: string, track: string | undefined, level: string) => `${occupation}${track ? `（${track}）` : ''} 不开设 ${level}`,
  bank: '题库',
  defaultName: (title: string, isSample: boolean) => `${title} 题库${isSample ? '（样例）' : ''}`,
} as const;
