/** Chinese texts of the item analysis (flags, response refusals, report headings). */
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

export const analysisMessages = {
  badScore: (text: string, points: number) => `得分“${text}”应为 0–${points} 之间的数`,
  badTrueFalse: (text: string) => `判断题作答“${text}”应为 √ 或 ×（也可写 对/错、T/F）`,
  badLetters: (text: string, options: readonly string[]) => `作答“${text}”含有本题没有的选项（本题选项 ${options.join('')}）`,
  singleOnly: (text: string) => `单项选择题只能选一个选项，作答为“${text}”`,
  columns: {
    noSuchItem: (header: string, position: number, count: number) => `表头“${header}”：试卷没有第 ${position} 题（共 ${count} 题）`,
    duplicate: (header: string, position: number) => `表头“${header}”：第 ${position} 题的列重复`,
    missing: (positions: readonly number[]) => `缺少第 ${positions.slice(0, 10).join('、')}${positions.length > 10 ? ' 等' : ''} 题的列（表头应为题号 1、2、3 …）`,
  },
  flags: {
    smallSample: (n: number, min: number) => `样本量 ${n} 人，少于 ${min} 人，统计量仅供参考`,
    keyError: (option: string, upper: number, lower: number, r: number, key: string) =>
      `干扰项 ${option} 高分组选择率 ${pct(upper)} 高于低分组 ${pct(lower)}，与其余得分正相关（r=${r.toFixed(2)}）：可能答案（${key}）有误或题意有歧义`,
    negative: (r: string, d: string) => `区分度为负（校正点二列相关 ${r}，高低分组 D=${d}）：低分考生答对得更多，请复核答案与题干`,
    low: (r: string, d: string, min: number) => `区分度低（校正点二列相关 ${r}，D=${d}，低于 ${min}）`,
    tooEasy: (p: string, max: number) => `过易：通过率 ${p} 高于 ${max}`,
    tooHard: (p: string, min: number) => `过难：通过率 ${p} 低于 ${min}`,
    unused: (option: string) => `干扰项 ${option} 无人选择，未起干扰作用`,
    highOmit: (rate: number, max: number) => `未作答率 ${pct(rate)} 高于 ${pct(max)}`,
  },
  flagNames: {
    keyError: '疑似答案错误',
    negative: '区分度为负',
    tooEasy: '过易',
    tooHard: '过难',
    lowDiscrimination: '区分度低',
    unusedDistractor: '干扰项无人选',
    highOmit: '未作答多',
    smallSample: '样本量小',
  },
  reliability: { 'KR-20': 'KR-20', alpha: 'Cronbach α' },
} as const;
