/**
 * In-place edits of a 内容结构表 draft: a module's name, a level's 选考数量, and one entry's 选考方式,
 * 比重, 考试时间 or 考核形式. Pure; every edit returns a new structure. The checks are the domain's
 * `practicalStructureRules` and `levelTotals`.
 */
import type { PracticalStructure, StructureEntry } from '../../../../domain/practical-structure.js';

export function updateModuleName(s: PracticalStructure, code: string, name: string): PracticalStructure {
  return { ...s, modules: s.modules.map((m) => (m.code === code ? { ...m, name } : m)) };
}

export function updateSelectCount(s: PracticalStructure, level: number, selectCount: number): PracticalStructure {
  return { ...s, levels: s.levels.map((l) => (l.level === level ? { ...l, selectCount } : l)) };
}

export function updateEntry(s: PracticalStructure, level: number, module: string, patch: Partial<Omit<StructureEntry, 'module'>>): PracticalStructure {
  return {
    ...s,
    levels: s.levels.map((l) => (l.level === level ? { ...l, entries: l.entries.map((e) => (e.module === module ? { ...e, ...patch } : e)) } : l)),
  };
}

/** The levels in the order shown: the bank's level first, then from 五级 up to 一级. */
export function levelsInOrder(s: PracticalStructure, bankLevel: number): PracticalStructure['levels'] {
  return [...s.levels].sort((a, b) => (a.level === bankLevel ? -1 : b.level === bankLevel ? 1 : b.level - a.level));
}
