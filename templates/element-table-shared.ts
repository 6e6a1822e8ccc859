/**
 * The columns of the 细目表 in the national order (命题技术标准 表2.1; domain-formats.md §1, §2), shared by
 * the Word and the Excel twin of each table so that both print the same headers in the same order, and the
 * content of the practical matrix that both print.
 */
import type { ImportanceCounts } from '../app/domain/element-table.js';
import { formatNumber, roundTo } from '../app/domain/format.js';
import { levelName, type Level } from '../app/domain/level.js';
import { levelTotals, type PracticalStructure, type StructureEntry } from '../app/domain/practical-structure.js';

/** 理论知识考核要素细目表: 鉴定范围 levels {代码, 名称, 鉴定比重, 重要程度比例} and 鉴定点 {代码, 名称, 重要程度}. */
export const THEORY_COLUMNS = {
  scope: '鉴定范围',
  element: '鉴定点',
  levels: ['一级', '二级', '三级', '四级'],
  scopeFields: ['代码', '名称', '鉴定比重(%)', '重要程度比例'],
  elementFields: ['代码', '名称', '重要程度'],
} as const;

/** Index of each 鉴定范围 field in `THEORY_COLUMNS.scopeFields`. */
export const SCOPE_FIELD = { code: 0, name: 1, weight: 2, ratio: 3 } as const;
/** Index of each 鉴定点 field in `THEORY_COLUMNS.elementFields`. */
export const ELEMENT_FIELD = { code: 0, name: 1, importance: 2 } as const;

/** `鉴定点 113 个：X 类 92 个（81.4%），…`: the 鉴定点 count with the X/Y/Z counts and shares, for the 合计 row. */
export function importanceSummary(n: number, counts: ImportanceCounts, shares: ImportanceCounts): string {
  return `鉴定点 ${String(n)} 个：X 类 ${String(counts.X)} 个（${formatNumber(shares.X)}%），Y 类 ${String(counts.Y)} 个（${formatNumber(shares.Y)}%），Z 类 ${String(counts.Z)} 个（${formatNumber(shares.Z)}%）`;
}

/** 技能考核内容结构表: 级别 | 项目 | 职业功能 (名称 over 代码) … | 合计, four rows per 级别. */
export const PRACTICAL_COLUMNS = { level: '级别', item: '项目', modules: '职业功能', total: '合计' } as const;
export const PRACTICAL_ROW_LABELS = ['选考方式', '鉴定比重（%）', '考试时间（min）', '考核形式'] as const;
/** A 职业功能 the level does not assess. */
export const NOT_ASSESSED = '—';

/** One 级别 of the practical matrix: per row label, the value under each 职业功能 and the 合计. */
export interface PracticalMatrixLevel {
  readonly level: Level;
  /** `四级/中级工`. */
  readonly name: string;
  /** Four rows (PRACTICAL_ROW_LABELS), each the module values in column order then the 合计. */
  readonly rows: readonly (readonly (string | number)[])[];
}

export interface PracticalMatrix {
  readonly modules: readonly { readonly code: string; readonly name: string }[];
  readonly levels: readonly PracticalMatrixLevel[];
  /** The note under the matrix: what — means, what 合计 adds, how many 选考 modules a candidate takes. */
  readonly note: string;
}

/** The note's sentence on the 选考 modules of one level. */
const optionalRule = (level: Level, required: boolean, count: number) =>
  `${levelName(level)}：每套试卷含${required ? '全部必考项目和' : ''} ${String(count)} 项选考项目，选考项目由组卷时按套轮换确定，考生按所抽到的试卷考核，不自行选择`;

/**
 * The 技能考核内容结构表 as the national matrix (domain-formats.md §2), the content of both twins: 职业功能 as
 * columns, per 级别 the rows 选考方式, 鉴定比重, 考试时间 and 考核形式; the 合计 of what a candidate takes
 * (必考 and the first `selectCount` 选考) — 项目数, 鉴定比重, 考试时间 and their 考核形式.
 */
export function practicalMatrix(structure: PracticalStructure): PracticalMatrix {
  const levels = structure.levels.map((lv): PracticalMatrixLevel => {
    const byModule = new Map<string, StructureEntry>(lv.entries.map((e) => [e.module, e]));
    const totals = levelTotals(lv);
    const taken = [...lv.entries.filter((e) => e.mode === '必考'), ...lv.entries.filter((e) => e.mode === '选考').slice(0, lv.selectCount)];
    const forms = [...new Set(taken.map((e) => e.form))].join('、');
    const cells = (value: (e: StructureEntry) => string | number) => structure.modules.map((m) => {
      const e = byModule.get(m.code);
      return e ? value(e) : NOT_ASSESSED;
    });
    return {
      level: lv.level,
      name: levelName(lv.level),
      rows: [
        [...cells((e) => e.mode), `${String(totals.modules)}项`],
        [...cells((e) => roundTo(e.weight, 6)), roundTo(totals.weight, 6)],
        [...cells((e) => e.minutes), totals.minutes],
        [...cells((e) => e.form), forms],
      ],
    };
  });
  // Which 选考 modules a candidate takes, per level that has any: the program fixes them per set (组卷
  // rotates the 选考 modules over the parallel sets, paper-structure.ts `practicalSlots`), so candidates
  // do not choose; they take the modules of the set they draw.
  const rules = structure.levels.filter((lv) => lv.entries.some((e) => e.mode === '选考')).map((lv) => optionalRule(lv.level, lv.entries.some((e) => e.mode === '必考'), lv.selectCount));
  const note = `注：“${NOT_ASSESSED}”表示该级别不考核此项职业功能；合计栏为考生所考项目数、鉴定比重之和与考试时间之和。${rules.length > 0 ? `${rules.join('；')}。` : ''}`;
  return { modules: structure.modules.map((m) => ({ code: m.code, name: m.name })), levels, note };
}
