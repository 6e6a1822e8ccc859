/** `qbank items show`: an item of any kind as readable text (`--json` prints the record as it is). */
import type { ComprehensiveItem } from '../../domain/comprehensive-item.js';
import { formatPoints } from '../../domain/format.js';
import { requirementNumber } from '../../domain/lint/item-lint.js';
import type { Item } from '../../domain/item.js';
import { NOTICE_GROUPS, noticeGroupNames, type PracticalTask, type PreparationNotice } from '../../domain/practical-task.js';
import { sumPoints, type RubricRow } from '../../domain/rubric.js';
import { formatKey, OPTION_LETTERS, theoryItemTypeNames, type TheoryItem } from '../../domain/theory-item.js';
import { itemsText } from '../messages/items.js';
import { itemsShowText as t } from '../messages/items-show.js';

/** What `items.get` answers: the item with its id, version and state. */
export type ShownItem = Item & { readonly id: number; readonly version: number; readonly state: string };

/** Text over several lines, each line indented (a cell of a table stays on one line). */
const indented = (text: string) => text.split(/\r?\n/).map((l) => `  ${l}`);
const oneLine = (text: string) => text.replace(/\s*\r?\n\s*/g, ' ');

function theoryLines(id: number, version: number, state: string, item: TheoryItem): string[] {
  return [
    itemsText.showTitle(id, theoryItemTypeNames[item.type], item.element, item.difficulty, version, state),
    item.stem,
    ...(item.type === 'trueFalse' ? [] : item.options.map((o, i) => `${OPTION_LETTERS[i] ?? '?'}. ${o}`)),
    itemsText.key(formatKey(item)),
    ...(item.explanation ? [itemsText.explanation(item.explanation)] : []),
  ];
}

function noticeLines(title: string, notice: PreparationNotice, none: string): string[] {
  const groups = NOTICE_GROUPS.filter((g) => notice[g].length > 0);
  if (groups.length === 0 && notice.notes.length === 0) return [title, `  ${none}`];
  return [
    title,
    ...groups.flatMap((g) => [
      `  ${noticeGroupNames[g]}：`,
      `    ${t.noticeColumns}`,
      ...notice[g].map((r, i) => `    ${i + 1}\t${r.name}\t${r.spec || '—'}\t${r.unit}\t${r.quantity}\t${r.remark}`),
    ]),
    ...notice.notes.map((n) => `  ${t.noticeNote(oneLine(n))}`),
  ];
}

function rubricLines(rows: readonly RubricRow[]): string[] {
  return [
    t.rubric,
    `  ${t.rubricColumns}`,
    ...rows.map((r, i) => `  ${i + 1}\t${r.content}\t${oneLine(r.keyPoint)}\t${formatPoints(r.points)}\t${oneLine(r.criteria)}\t${r.deductionNote}`),
    `  ${t.total(formatPoints(sumPoints(rows)))}`,
  ];
}

function practicalLines(id: number, version: number, state: string, task: PracticalTask): string[] {
  return [
    t.practicalTitle(id, task.module, version, state),
    t.practicalHead(task.title, formatPoints(task.points), task.minutes, task.form),
    t.question,
    ...indented(task.description),
    t.requirements,
    // Requirements written with their own numbers (`1.`, `（1）`) keep them.
    ...task.requirements.map((r, i) => `  ${requirementNumber(r) === null ? `${i + 1}. ` : ''}${oneLine(r)}`),
    ...(task.figureNote ? [t.figureNote(oneLine(task.figureNote).replace(/^附图说明\s*[：:]\s*/, ''))] : []),
    ...(task.images.length > 0 ? [t.figures(task.images.length)] : []),
    ...noticeLines(t.siteNotice, task.siteNotice, t.noSitePreparation),
    ...noticeLines(t.candidateNotice, task.candidateNotice, t.noCandidatePreparation),
    ...rubricLines(task.rubric),
  ];
}

function comprehensiveLines(id: number, version: number, state: string, item: ComprehensiveItem): string[] {
  return [
    t.comprehensiveTitle(id, version, state),
    t.comprehensiveHead(item.title, item.form, formatPoints(item.points), item.minutes),
    t.instructions,
    ...item.instructions.map((x, i) => `  ${i + 1}. ${oneLine(x)}`),
    t.question,
    ...indented(item.question),
    ...rubricLines(item.rubric),
    t.scoreSheet,
    `  ${t.scoreSheetColumns}`,
    ...item.scoreSheet.map((r, i) => `  ${i + 1}\t${r.aspect}\t${oneLine(r.keyPoint)}\t${formatPoints(r.points)}`),
    `  ${t.total(formatPoints(sumPoints(item.scoreSheet)))}`,
  ];
}

/** The lines `qbank items show` prints for an item. */
export function shownLines(item: ShownItem): string[] {
  switch (item.kind) {
    case 'theory':
      return theoryLines(item.id, item.version, item.state, item.body);
    case 'practical':
      return practicalLines(item.id, item.version, item.state, item.body);
    case 'comprehensive':
      return comprehensiveLines(item.id, item.version, item.state, item.body);
  }
}
