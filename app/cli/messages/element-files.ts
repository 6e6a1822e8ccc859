/** Texts of `qbank elements set` (a 细目表 or 内容结构表 from a JSON file). */
export const elementFilesText = {
  setUsage: 'set --bank <题库> --file <表.json> [--practical]',
  setSummary:
    '从 JSON 文件保存细目表（或 --practical 内容结构表；题库管理员）：细目表含 occupationCode、track、level、scopes，内容结构表含 occupationCode、track、modules、levels，样例见 app/demo/sample/',
  missingFile: '缺少 --file <表.json>',
  saved: (what: string, version: number) => `已保存${what}第 ${version} 版`,
  theoryTable: '理论知识考核要素细目表',
  practicalStructure: '技能考核内容结构表',
} as const;
