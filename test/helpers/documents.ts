/** Fixtures for document templates: the header of the sample bank and its items as domain objects. */
import type { DocumentHeader } from '../../app/domain/submission/documents.js';
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
