/** Texts of `qbank occupations` (the occupation catalog). */
export const occupationsText = {
  summary: '查询职业目录 (search the occupation catalog)',
  help: [
    '用法: qbank occupations [--search 文字] [--limit N] [--json]',
    '',
    '  --search <文字>  按名称、方向/工种或职业编码（可只写前几位）查询，如 电工、3-01、6-31-01-03',
    '  --limit <N>      最多显示 N 条（默认 50）',
    '  --json           以 JSON 输出',
  ].join('\n'),
  separator: '、',
  notFound: (query: string) => `没有找到“${query}” (no occupation found)`,
  header: '职业编码\t职业名称\t方向/工种\t级别',
  found: (count: number) => `共 ${count} 条 (${count} found)`,
} as const;
