/**
 * The second sample bank (电工 二级/技师, app/demo/sample-electrician/): every JSON file is valid in the
 * domain's shapes, and the data is enough to load into a fresh encrypted workstation through the
 * handlers and assemble three parallel sets of theory (判断20×1 + 单选40×1 + 多选20×2), practical and
 * 综合评审 under the program's own rules.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { comprehensiveItemRules, comprehensiveItemSchema } from '../../../app/domain/comprehensive-item.js';
import { elementTableRules, elementTableStats, listElements, theoryElementTableSchema } from '../../../app/domain/element-table.js';
import { lintPracticalTask, lintTheoryItem } from '../../../app/domain/lint/item-lint.js';
import { noticeConflicts } from '../../../app/domain/lint/notice-conflicts.js';
import { practicalStructureRules, practicalStructureSchema } from '../../../app/domain/practical-structure.js';
import { practicalTaskRules, practicalTaskSchema } from '../../../app/domain/practical-task.js';
import { EXPERT_ROLES, personSchema } from '../../../app/domain/person.js';
import { theoryItemRules, theoryItemSchema, type TheoryItem } from '../../../app/domain/theory-item.js';
import { validate, type Problem, type Validated } from '../../../app/domain/validation.js';
import {
  ELECTRICIAN_BANK,
  ELECTRICIAN_TEAM,
  ELECTRICIAN_THEORY_STRUCTURE,
  electricianComprehensiveItems,
  electricianElementTable,
  electricianPracticalStructure,
  electricianPracticalTasks,
  electricianTheoryItems,
  grantElectricianBank,
  loadElectricianBank,
  registerElectricianTeam,
} from '../../../app/demo/sample-electrician.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { useWorkstation } from '../../helpers/workstation.js';

const FOLDER = fileURLToPath(new URL('../../../app/demo/sample-electrician/', import.meta.url));
const errors = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error');
const PAPER = { trueFalse: 20, singleChoice: 40, multipleChoice: 20 };

/** Every problem of a validation, as `index field: message` lines (empty when valid). */
function problemsOf(rows: readonly unknown[], check: (row: unknown) => Validated<unknown>): string[] {
  return rows.flatMap((row, i) => {
    const r = check(row);
    return r.ok ? errors(r.warnings).map((p) => `${i} ${p.field}: ${p.message}`) : r.problems.map((p) => `${i} ${p.field}: ${p.message}`);
  });
}

const table = () => theoryElementTableSchema.parse(electricianElementTable());

describe('sample bank 电工 二级/技师: data files', () => {
  it('holds exactly the files the loader reads, and the filled templates the CLI walk-through imports', () => {
    expect(readdirSync(FOLDER).sort()).toEqual([
      'README.md',
      'comprehensive.json',
      'element-table.json',
      'files',
      'practical.json',
      'team.json',
      'theory-1-basics.json',
      'theory-2-relay.json',
      'theory-3-plc-vfd.json',
      'theory-4-equipment.json',
    ]);
  });

  it('has a valid 细目表: weights add up, importance within X ≥ 80 %, Y ≤ 15 %, Z ≤ 5 %, 3 levels of scopes', () => {
    const result = validate(theoryElementTableSchema, electricianElementTable(), elementTableRules);
    expect(result.ok && result.warnings).toEqual([]);
    const t = table();
    expect(t).toMatchObject({ occupationCode: ELECTRICIAN_BANK.occupationCode, level: 2, track: '' });
    const stats = elementTableStats(t);
    expect(stats.counts).toEqual({ X: 29, Y: 4, Z: 1 });
    expect(Math.max(...stats.scopes.map((s) => s.depth))).toBe(3);
  });

  it('has theory items that are valid, bound to the 细目表 and balanced by 题型 and difficulty', () => {
    const codes = new Set(listElements(table()).map((e) => e.fullCode));
    const raw = electricianTheoryItems();
    expect(problemsOf(raw, (row) => validate(theoryItemSchema, row, theoryItemRules))).toEqual([]);
    const items = raw.map((r) => theoryItemSchema.parse(r)) as TheoryItem[];
    expect(items.filter((i) => !codes.has(i.element)).map((i) => i.element)).toEqual([]);
    const count = (f: (i: TheoryItem) => boolean) => items.filter(f).length;
    expect([count((i) => i.type === 'trueFalse'), count((i) => i.type === 'singleChoice'), count((i) => i.type === 'multipleChoice')]).toEqual([74, 142, 74]);
    expect([1, 2, 3, 4, 5].map((d) => count((i) => i.difficulty === d))).toEqual([29, 57, 118, 57, 29]);
    // every 鉴定点 has items; no stem twice
    expect([...codes].filter((c) => !items.some((i) => i.element === c))).toEqual([]);
    expect(new Set(items.map((i) => i.stem)).size).toBe(items.length);
    // the item-writing rules of the quality lint (answer brackets, 「」 on negations, key not clearly longest, …)
    expect(items.flatMap((i) => lintTheoryItem(i, { elementCodes: codes }).map((f) => `${i.element} ${i.stem.slice(0, 12)} ${f.message}`))).toEqual([]);
    // 判断 √ between 35 % and 65 %, 单选 keys spread over A–D
    expect(count((i) => i.type === 'trueFalse' && i.key === true)).toBe(41);
    expect(['A', 'B', 'C', 'D'].map((k) => count((i) => i.type === 'singleChoice' && i.key === k))).toEqual([36, 35, 35, 36]);
  });

  it('has a 内容结构表 for 二级 and practical tasks that fit it (points, minutes, rubric sums)', () => {
    const s = validate(practicalStructureSchema, electricianPracticalStructure(), practicalStructureRules);
    expect(s.ok && s.warnings).toEqual([]);
    const structure = practicalStructureSchema.parse(electricianPracticalStructure());
    const level = structure.levels.find((l) => l.level === 2)!;
    expect(level.entries.map((e) => [e.module, e.mode, e.weight, e.minutes])).toEqual([
      ['A', '必考', 35, 90],
      ['B', '必考', 40, 120],
      ['C', '选考', 25, 60],
      ['D', '选考', 25, 60],
    ]);
    const raw = electricianPracticalTasks();
    expect(problemsOf(raw, (row) => validate(practicalTaskSchema, row, practicalTaskRules))).toEqual([]);
    const tasks = raw.map((r) => practicalTaskSchema.parse(r));
    for (const t of tasks) {
      const entry = level.entries.find((e) => e.module === t.module);
      expect([t.title, t.points, t.minutes, t.form]).toEqual([t.title, entry?.weight, entry?.minutes, entry?.form]);
      expect(t.siteNotice.equipment.length + t.siteNotice.materials.length, t.title).toBeGreaterThan(0);
    }
    expect(tasks.map((t) => t.module).join('')).toBe('AAABBBCCDD');
    const moduleCodes = new Set(structure.modules.map((m) => m.code));
    expect(tasks.flatMap((t) => lintPracticalTask(t, { moduleCodes }).map((f) => `${t.title} ${f.field}: ${f.message}`))).toEqual([]);
    // whatever set the tasks end up in (A + B + C or D), the candidates' notices never contradict each other
    const of = (m: string) => tasks.filter((t) => t.module === m);
    const sets = of('A').flatMap((a) => of('B').flatMap((b) => [...of('C'), ...of('D')].map((x) => [a, b, x])));
    expect(sets).toHaveLength(36);
    expect(sets.flatMap((set) => noticeConflicts(set))).toEqual([]);
  });

  it('has 综合评审 items of 100 points, ≥ 30 minutes, whose 评分标准 and 评分表 add up', () => {
    const raw = electricianComprehensiveItems();
    expect(problemsOf(raw, (row) => validate(comprehensiveItemSchema, row, comprehensiveItemRules))).toEqual([]);
    const items = raw.map((r) => comprehensiveItemSchema.parse(r));
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const i of items) expect([i.points, i.minutes >= 30]).toEqual([100, true]);
  });

  it('has a team whose ≥ 5 reviewers cover the three expert roles and are not on the development team', () => {
    expect(ELECTRICIAN_TEAM.flatMap((m) => (personSchema.safeParse(m.person).success ? [] : [m.username]))).toEqual([]);
    const people = ELECTRICIAN_TEAM.map((m) => ({ ...m, person: personSchema.parse(m.person) }));
    const reviewers = people.filter((m) => m.role === 'reviewer');
    const developers = people.filter((m) => m.role !== 'reviewer');
    expect(reviewers.length).toBeGreaterThanOrEqual(5);
    expect(new Set(reviewers.map((r) => r.person.expertRole))).toEqual(new Set(EXPERT_ROLES));
    const devNames = new Set(developers.map((d) => d.person.name));
    expect(reviewers.filter((r) => devNames.has(r.person.name) || r.person.workTypes.includes('命题'))).toEqual([]);
    expect(developers.map((d) => d.role).sort()).toEqual(['author', 'author', 'author', 'author', 'manager']);
    expect(new Set(people.map((p) => p.username)).size).toBe(people.length);
  });

  it('would refuse a broken edit: an unknown 鉴定点, a rubric that does not add up', () => {
    const item = { ...(electricianTheoryItems()[0] as object), element: 'A-A-A-009' };
    const codes = new Set(listElements(table()).map((e) => e.fullCode));
    expect(codes.has(theoryItemSchema.parse(item).element)).toBe(false);
    const task = structuredClone(electricianPracticalTasks()[0]) as { rubric: { points: number }[] };
    task.rubric[0]!.points += 1;
    expect(problemsOf([task], (row) => validate(practicalTaskSchema, row, practicalTaskRules))).toEqual([
      '0 评分标准: 各行配分之和为 36，应等于本题分值 35',
    ]);
  });
});

describe('sample bank 电工 二级/技师: loaded and assembled', () => {
  const workstation = useWorkstation();

  it('loads through the handlers and assembles 3 disjoint sets of theory, practical and 综合评审', async () => {
    const ws = workstation();
    for (const m of ELECTRICIAN_TEAM) ws.as(m.username, [m.role], { pledge: 'none' });
    const manager = ws.as(ELECTRICIAN_TEAM.find((m) => m.role === 'manager')!.username, ['manager']);
    const secadmin = ws.as('secadmin', ['secadmin']);
    await registerElectricianTeam(secadmin, '2026-11-01', '2027-10-31');
    const bankId = await loadElectricianBank(manager);
    await grantElectricianBank(secadmin, bankId);

    const summary = await invoke(manager, handlers['banks.summary'], { bankId });
    expect(summary.counts).toMatchObject({ theoryItems: 290, practicalTasks: 10, comprehensiveItems: 4, byType: { trueFalse: 74, singleChoice: 142, multipleChoice: 74 } });
    expect(summary.counts.byState['入库']).toBe(304);
    expect(summary.elementTable?.stats.elements).toBe(34);
    expect((await invoke(manager, handlers['assembly.structure.get'], { bankId })).structure).toEqual(ELECTRICIAN_THEORY_STRUCTURE);
    const members = await invoke(secadmin, handlers['access.list'], { bankId });
    expect(members.filter((m) => m.role === 'reviewer')).toHaveLength(5);

    // the program's own checks: coverage of 3 sets of this paper, no near duplicates, no shortfall
    const cover = await invoke(manager, handlers['coverage.get'], { bankId, sets: 3, paper: PAPER });
    expect(cover.filter((r) => r.short).map((r) => r.path)).toEqual([]);
    expect((await invoke(manager, handlers['duplicates.find'], { bankId })).pairs).toEqual([]);
    const preview = await invoke(manager, handlers['assembly.blueprint'], { bankId, kind: 'theory' });
    expect(preview.findings).toEqual([]);
    expect(preview.blueprint).toMatchObject({ itemsPerSet: 80, pointCap: 3, bands: [8, 16, 32, 16, 8], minX: 64, maxZ: 4 });

    const theory = await invoke(manager, handlers['assembly.run'], { bankId, kind: 'theory', seed: 1 });
    expect(theory.papers.map((p) => [p.label, p.items, p.points, p.minutes])).toEqual([
      ['甲', 80, 100, 90],
      ['乙', 80, 100, 90],
      ['丙', 80, 100, 90],
    ]);
    expect(theory.statistics.overlap).toEqual([
      [80, 0, 0],
      [0, 80, 0],
      [0, 0, 80],
    ]);
    for (const s of theory.statistics.sets) {
      expect(s.byType).toEqual({ trueFalse: 20, singleChoice: 40, multipleChoice: 20 });
      expect(s.bands).toEqual([8, 16, 32, 16, 8]);
      expect(s.importance.X).toBeGreaterThanOrEqual(64);
      expect(s.importance.Z).toBeLessThanOrEqual(4);
      for (const node of preview.blueprint.nodes.filter((n) => n.isLeaf)) {
        const got = s.byNode[node.path] ?? {};
        expect([got['trueFalse'] ?? 0, got['singleChoice'] ?? 0, got['multipleChoice'] ?? 0], node.path).toEqual([
          node.perSetByType.trueFalse,
          node.perSetByType.singleChoice,
          node.perSetByType.multipleChoice,
        ]);
      }
    }
    expect(theory.gap).toBeLessThanOrEqual(theory.tolerance);

    // practical: A and B in every set, the 选考 modules C, D rotated
    const practical = await invoke(manager, handlers['assembly.run'], { bankId, kind: 'practical', seed: 1 });
    expect(practical.papers.map((p) => [p.items, p.points, p.minutes])).toEqual([
      [3, 100, 270],
      [3, 100, 270],
      [3, 100, 270],
    ]);
    expect(practical.blueprint.slots?.map((set) => set.map((s) => s.module).join(''))).toEqual(['ABC', 'ABD', 'ABC']);
    expect(practical.statistics.overlap).toEqual([
      [3, 0, 0],
      [0, 3, 0],
      [0, 0, 3],
    ]);

    const review = await invoke(manager, handlers['assembly.run'], { bankId, kind: 'comprehensive', seed: 1 });
    expect(review.papers.map((p) => [p.items, p.points])).toEqual([
      [1, 100],
      [1, 100],
      [1, 100],
    ]);
    expect(new Set(review.papers.flatMap((p) => p.pinned)).size).toBe(3);
  });

  it('cannot give three sets once a 鉴定范围 loses items: the pre-check names it', async () => {
    const ws = workstation();
    const manager = ws.as('manager', ['manager']);
    const bankId = await loadElectricianBank(manager);
    const listed = await invoke(manager, handlers['items.list'], { bankId });
    // 职业道德 (A-A-A) needs 1 判断题 per set: keep only 2 of its 4
    const excluded = listed.filter((i) => i.type === 'trueFalse' && i.binding.startsWith('A-A-A-')).slice(0, 2).map((i) => i.id);
    expect(excluded).toHaveLength(2);
    const preview = await invoke(manager, handlers['assembly.blueprint'], { bankId, kind: 'theory', excluded });
    expect(preview.findings.map((f) => f.message).join('\n')).toContain('职业道德基本知识与职业守则');
    await expect(invoke(manager, handlers['assembly.run'], { bankId, kind: 'theory', excluded })).rejects.toThrow('职业道德基本知识与职业守则');
  });
});
