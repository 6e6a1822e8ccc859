/** Texts of `qbank occupations` (the occupation catalog). */
export const occupationsText = {
  summary: '查询职业目录 (search the occupation catalog)',
  help: [
    '用法: qbank occupations [--search 文字] [--limit N] [--json]',
    '      qbank occupations show <职业编码> [--json]   查看一个职业：方向/工种、开展认定的级别及其来源',
    '',
    '  --search <文字>  按名称、方向/工种或职业编码（可只写前几位）查询，如 电工、3-01、6-31-01-03',
    '  --limit <N>      最多显示 N 条（默认 50）',
    '  --json           以 JSON 输出',
  ].join('\n'),
  separator: '、',
  notFound: (query: string) => `没有找到“${query}” (no occupation found)`,
  header: '职业编码\t职业名称\t方向/工种\t级别',
  found: (count: number) => `共 ${count} 条 (${count} found)`,
  codeArgument: '职业编码',
  noSuchCode: (code: string) => `职业目录中没有职业编码 ${code}（可用 qbank occupations --search 查询）`,
  shownLines: (o: { code: string; name: string; alias: string; tracks: string; levels: string; categories: string; edition: string; sources: string; note: string }) =>
    [
      `职业编码\t${o.code}`,
      `职业名称\t${o.name}${o.alias === '' ? '' : `（又名 ${o.alias}）`}`,
      `方向/工种\t${o.tracks}`,
      `级别\t${o.levels}`,
      `类别\t${o.categories}`,
      `标准版本\t${o.edition}`,
      `来源\t${o.sources}`,
      ...(o.note === '' ? [] : [`备注\t${o.note}`]),
    ],
  allLevels: '未列明（五个级别均可设）',
  trackLine: (name: string, kind: string, levels: string) => `${name}（${kind}${levels === '' ? '' : `，${levels}`}）`,
} as const;
