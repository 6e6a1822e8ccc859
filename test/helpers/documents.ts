/** Fixtures for document templates: the header of the sample bank, its items as domain objects, and demo-like data of every document. */
import sampleTeamFile from '../../app/demo/sample/team.json' with { type: 'json' };
import type { ExpertRole } from '../../app/domain/person.js';
import type {
  DocumentHeader,
  PracticalPaperData,
  PracticalPaperTask,
  ReviewExpert,
  TeamMember,
  TheoryPaperData,
  TheoryPaperSection,
} from '../../app/domain/submission/documents.js';
import { practicalTaskSchema, type PracticalTask } from '../../app/domain/practical-task.js';
import { theoryItemSchema, type TheoryItem } from '../../app/domain/theory-item.js';
import { samplePracticalTasks, sampleTheoryItems } from '../../app/demo/sample-bank.js';

export function sampleHeader(overrides: Partial<DocumentHeader> = {}): DocumentHeader {
  return {
    occupationName: '制图员',
    occupationCode: '3-01-02-07',
    track: '机械',
    level: 4,
    levelName: '四级/中级工',
    occupationTitle: '制图员（机械）',
    mark: '机密★启用前',
    sampleNote: '样例（演示用，非正式题库）',
    institution: '样例职业技能评价中心',
    ...overrides,
  };
}

/** The sample bank's theory items, parsed by the domain schema. */
export function sampleItems(): TheoryItem[] {
  return sampleTheoryItems().map((raw) => theoryItemSchema.parse(raw));
}

/** The sample bank's practical tasks, parsed by the domain schema. */
export function sampleTasks(): PracticalTask[] {
  return samplePracticalTasks().map((raw) => practicalTaskSchema.parse(raw));
}

// ------------------------------------------------------------------------------------------------
// Demo-like data of every document class: three sets as the demo assembles them (20 判断, 140 单选, 10 多选;
// one 试题 per module), the sample team and review panel, the sample tables.
// ------------------------------------------------------------------------------------------------

/** Sets of the sample submission. */
export const SAMPLE_SETS = ['甲', '乙', '丙'] as const;

const THEORY_LAYOUT = [
  { type: 'trueFalse', count: 20, pointsEach: 1 },
  { type: 'singleChoice', count: 140, pointsEach: 0.5 },
  { type: 'multipleChoice', count: 10, pointsEach: 1 },
] as const;

/** The 理论知识试卷 of set `index` (0 甲, 1 乙, 2 丙): 100 points in 120 minutes, different items per set. */
export function samplePaper(index: number, header: DocumentHeader = sampleHeader()): TheoryPaperData {
  const items = sampleItems();
  let number = 1;
  const sections: TheoryPaperSection[] = THEORY_LAYOUT.map((s) => ({
    type: s.type,
    pointsEach: s.pointsEach,
    items: items
      .filter((i) => i.type === s.type)
      .slice(index * s.count, (index + 1) * s.count)
      .map((item) => ({ number: number++, item, images: [] })),
  }));
  return { header, setLabel: SAMPLE_SETS[index] ?? '甲', minutes: 120, totalPoints: 100, sections, sealLine: true, standardYear: '2019', paperCode: `3-01-02-07-4-L-${SAMPLE_SETS[index] ?? '甲'}` };
}

const MODULE_NAMES: Readonly<Record<string, string>> = { A: '绘制二维图', B: '绘制三维图', C: '图档管理' };

/** The 技能考核 of set `index`: the index-th task of each module A, B, C. */
export function samplePracticalSet(index: number, header: DocumentHeader = sampleHeader()): PracticalPaperData {
  const tasks = sampleTasks();
  const chosen = ['A', 'B', 'C'].map((m) => tasks.filter((t) => t.module === m)[index % 3]).filter((t): t is PracticalTask => t !== undefined);
  const paperTasks: PracticalPaperTask[] = chosen.map((task, i) => ({ number: i + 1, task, moduleName: MODULE_NAMES[task.module] ?? task.module, mode: '必考', images: [] }));
  const label = SAMPLE_SETS[index] ?? '甲';
  return {
    header,
    setLabel: label,
    minutes: chosen.reduce((a, t) => a + t.minutes, 0),
    totalPoints: chosen.reduce((a, t) => a + t.points, 0),
    paperCode: `3-01-02-07-4-J-${label}`,
    tasks: paperTasks,
  };
}

interface SamplePerson {
  readonly role: string;
  readonly person: { name: string; unit: string; title: string; position: string; phone: string; workTypes: string[]; expertRole?: ExpertRole };
}
const PEOPLE = (sampleTeamFile as { members: SamplePerson[] }).members;

/** The sample 题库开发组 (the demo's 名单). */
export function sampleTeam(): TeamMember[] {
  return PEOPLE.filter((p) => p.role !== 'reviewer').map(({ person: p }) => ({ name: p.name, unit: p.unit, title: p.title, position: p.position, phone: p.phone, work: p.workTypes.join('、') }));
}

/** The sample review panel (five experts). */
export function sampleExperts(): ReviewExpert[] {
  return PEOPLE.filter((p) => p.role === 'reviewer').map(({ person: p }) => ({ name: p.name, unit: p.unit, title: p.title, category: p.expertRole ?? '内容专家' }));
}
