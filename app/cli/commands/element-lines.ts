/**
 * What `qbank elements show` prints: the 细目表 as an indented tree (鉴定范围 with 比重, 鉴定点 with
 * X/Y/Z) and the 内容结构表 (职业功能, then per level the 必考/选考 entries with 比重 and minutes).
 */
import type { ScopeNode } from '../../domain/element-table.js';
import { formatNumber } from '../../domain/format.js';
import { levelName } from '../../domain/level.js';
import type { StoredTables } from '../../services/elements/handlers.js';
import { elementsText } from '../messages/elements.js';

function scopeLines(nodes: readonly ScopeNode[], path: string, depth: number): string[] {
  const lines: string[] = [];
  for (const n of nodes) {
    const code = path === '' ? n.code : `${path}-${n.code}`;
    lines.push(`${'  '.repeat(depth)}${code}\t${n.name}\t${formatNumber(n.weight)}%`);
    for (const e of n.elements ?? []) lines.push(`${'  '.repeat(depth + 1)}${code}-${e.code}\t${e.name}\t${e.importance}`);
    lines.push(...scopeLines(n.children ?? [], code, depth + 1));
  }
  return lines;
}

export function tablesLines(t: StoredTables, practical: boolean): string[] {
  if (!practical) {
    if (!t.theory) return [elementsText.noTheory];
    return [elementsText.theoryTitle(t.theory.version), elementsText.theoryHeader, ...scopeLines(t.theory.table.scopes, '', 0)];
  }
  if (!t.practical) return [elementsText.noPractical];
  const s = t.practical.structure;
  const lines = [elementsText.practicalTitle(t.practical.version), ...s.modules.map((m) => `${m.code}\t${m.name}`)];
  for (const lv of s.levels) {
    lines.push(elementsText.practicalLevel(levelName(lv.level), lv.selectCount));
    for (const e of lv.entries) lines.push(`  ${e.module}\t${e.mode}\t${formatNumber(e.weight)}%\t${e.minutes} 分钟\t${e.form}`);
  }
  return lines;
}
