/** User-facing texts of the theory paper structure (试卷结构) rules (zh-CN). */

export const paperStructureMessages = {
  subject: '试卷结构',
  /** Field names: a section is named by its 题型 once that is known, else by its place. */
  section: (n: number) => `第${n}个题型`,
  fields: { type: '题型', count: '题量', pointsEach: '每题分值', minutes: '考试时间', totalPoints: '总分', sections: '题型' } as Readonly<Record<string, string>>,
  typeUnknown: (given: string, level: string, allowed: string) => `“${given}”不是${level}理论知识试卷可用的题型，可用：${allowed}`,
  typeInvalid: '题型应为 判断、单选 或 多选',
  countInteger: '题量应为整数',
  countMin: '题量至少 1 道',
  countMax: (max: number) => `题量不能超过 ${max} 道`,
  pointsPositive: '每题分值应大于 0',
  pointsStep: '每题分值应为 0.5 的整数倍',
  pointsMax: '每题分值不能超过 100 分',
  minutesInteger: '考试时间应为整数分钟',
  minutesMin: (min: number) => `理论知识考试时间不少于 ${min} 分钟`,
  minutesMax: (max: number) => `理论知识考试时间不超过 ${max} 分钟`,
  sectionsMin: '至少需要一个题型',
  sectionsMax: (max: number) => `至多 ${max} 个题型（判断、单选、多选各一）`,
  totalPoints: (points: number) => `理论知识考试实行百分制，总分应为 ${points} 分`,
  duplicate: (type: string) => `${type}重复出现`,
  sum: (parts: string, total: number, expected: number) => `${parts} = ${total} 分，应为 ${expected} 分`,
  unknownPreset: (given: string, presets: string) => `没有名为“${given}”的预设试卷结构；可选预设：${presets}；也可自定义各题型的题量、每题分值和考试时间`,
  presetOrStructure: '应给出预设结构名称或自定义结构之一',
} as const;
