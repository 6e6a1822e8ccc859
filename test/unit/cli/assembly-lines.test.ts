import { describe, expect, it } from 'vitest';
import { blueprintLines, runLines } from '../../../app/cli/commands/assembly-lines.js';
import { DEFAULT_SETTINGS, practicalBlueprint, type CandidateItem } from '../../../app/domain/assembly/blueprint.js';
import { assemblyStatistics } from '../../../app/domain/assembly/set-statistics.js';
import type { StructureLevel } from '../../../app/domain/practical-structure.js';
import type { AssemblyRunResult } from '../../../app/services/assembly/handlers.js';

/** A level with one 必考 and three 选考 职业功能, one 选考 per set. */
const level: StructureLevel = {
  level: 3,
  selectCount: 1,
  entries: [
    { module: 'A', mode: '必考', weight: 70, minutes: 120, form: '实操' },
    { module: 'B', mode: '选考', weight: 30, minutes: 60, form: '实操' },
    { module: 'C', mode: '选考', weight: 30, minutes: 40, form: '笔试' },
    { module: 'D', mode: '选考', weight: 30, minutes: 50, form: '实操' },
  ],
};
const tasks: CandidateItem[] = [
  ...[1, 2, 3].map((id) => ({ id, version: 1, type: 'practical', binding: 'A', difficulty: 3, p: null, points: 70 })),
  ...[4, 5, 6].map((id) => ({ id, version: 1, type: 'practical', binding: ['B', 'C', 'D'][id - 4] ?? 'B', difficulty: 3, p: null, points: 30 })),
];
const { blueprint, problem } = practicalBlueprint({ level, moduleNames: { A: '二维', B: '三维', C: '管理', D: '测绘' }, tasks, settings: DEFAULT_SETTINGS });
const sets = [
  [1, 4],
  [2, 5],
  [3, 6],
];

describe('the practical sets as the CLI prints them', () => {
  it('shows each set’s 职业功能, points and minutes and the 选考 rule in the blueprint', () => {
    const lines = blueprintLines(blueprint);
    expect(lines).toContain('第2套：A 二维（必考，70 分，120 分钟），C 管理（选考，30 分，40 分钟）；合计 100 分，160 分钟');
    expect(lines).toContain('选考：每套含 1 项选考职业功能，由组卷按套轮换确定（B 三维、C 管理、D 测绘），考生按所抽到的试卷考核');
  });

  it('shows tasks per 职业功能, points, minutes and the 选考 of each set, with Chinese headers and nothing of theory papers', () => {
    const statistics = assemblyStatistics(problem, sets, ['甲', '乙', '丙']);
    const minutes = [180, 160, 170];
    const result = {
      runId: 7,
      kind: 'practical',
      engine: 'heuristic',
      papers: sets.map((ids, s) => ({ id: 10 + s, label: ['甲', '乙', '丙'][s] ?? '', minutes: minutes[s] ?? 0, items: 2, points: 100, pinned: ids.map((i) => `${i}@1`) })),
      statistics,
      deviation: 0,
      bound: 0,
      gap: 0,
      certified: true,
      tolerance: 0.0005,
      seconds: 0.1,
      blueprint,
      voided: 0,
    } satisfies AssemblyRunResult;
    const lines = runLines(result);
    expect(lines).toContain('套别\t试题\t分值\t考试时间（分钟）\tA 二维\tB 三维\tC 管理\tD 测绘\t所含选考项目');
    expect(lines).toContain('甲\t2\t100\t180\t1\t1\t—\t—\tB');
    expect(lines).toContain('乙\t2\t100\t160\t1\t—\t1\t—\tC');
    expect(lines.join('\n')).not.toMatch(/X\/Y\/Z|Σp|难度|偏差|practical/);
    expect(lines).toContain('套间重复题量：');
  });
});
