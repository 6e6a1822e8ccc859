/**
 * The rules an item must pass to enter a bank, in one place for every way in: added by hand or in a
 * batch, edited (a new version), or imported from xlsx/docx. Each returns a row validator that runs
 * the domain schema and rules plus the bank's own context (its 细目表 codes, its 内容结构表 entries).
 */
import { comprehensiveItemRules, comprehensiveItemSchema, type ComprehensiveItem } from '../../domain/comprehensive-item.js';
import { listElements } from '../../domain/element-table.js';
import { practicalTaskRules, practicalTaskSchema, type PracticalTask } from '../../domain/practical-task.js';
import { theoryItemDraftSchema, theoryItemRules, theoryItemSchema, UNBOUND_ELEMENT, type TheoryItem } from '../../domain/theory-item.js';
import { problem, validate, type Problem, type Validated } from '../../domain/validation.js';
import { currentPracticalStructure, currentTheoryTable, requireBank } from '../banks/context.js';
import type { ServiceContext } from '../context.js';
import { itemsMessages } from './messages.js';

export type RowValidator<T> = (row: unknown) => Validated<T>;

/**
 * Theory items: bound to a 鉴定点 of the bank's current 细目表; images, when given, must be present.
 * With `allowUnbound` (a 草稿 imported or edited while 待归类) the item may also have no 鉴定点 (element '')
 * and no 难度 (0): theoryItemDraftSchema.
 */
export function theoryValidator(ctx: ServiceContext, bankId: number, imagesPresent?: ReadonlySet<string>, allowUnbound = false): RowValidator<TheoryItem> {
  const table = currentTheoryTable(ctx, bankId);
  const codes = new Set(table ? listElements(table).map((e) => e.fullCode) : []);
  const unboundOk = (item: TheoryItem) => allowUnbound && item.element === UNBOUND_ELEMENT;
  return (row) =>
    validate(allowUnbound ? theoryItemDraftSchema : theoryItemSchema, row, (item) => [
      ...theoryItemRules(item),
      ...(codes.has(item.element) || unboundOk(item) ? [] : [problem(['element'], table ? itemsMessages.elementNotInTable(item.element) : itemsMessages.noTable)]),
      ...(imagesPresent ? item.images.filter((h) => !imagesPresent.has(h)).map((h) => problem(['images'], itemsMessages.missingImage(h.slice(0, 12)))) : []),
    ]);
}

/** Practical tasks: bound to a 职业功能 of the bank's level, points equal to its 鉴定比重. */
export function practicalValidator(ctx: ServiceContext, bankId: number): RowValidator<PracticalTask> {
  const bank = requireBank(ctx, bankId);
  const entries = currentPracticalStructure(ctx, bankId)?.levels.find((l) => l.level === bank.level)?.entries ?? [];
  return (row) =>
    validate(practicalTaskSchema, row, (task) => {
      const entry = entries.find((e) => e.module === task.module);
      if (!entry) return [problem(['module'], itemsMessages.moduleNotInStructure(task.module))];
      const found: Problem[] = practicalTaskRules(task);
      if (task.points !== entry.weight) found.push(problem(['points'], itemsMessages.pointsMismatch(task.points, entry.weight)));
      if (task.minutes !== entry.minutes) found.push(problem(['minutes'], itemsMessages.minutesMismatch(task.minutes, entry.minutes), 'warning'));
      return found;
    });
}

export function comprehensiveValidator(): RowValidator<ComprehensiveItem> {
  return (row) => validate(comprehensiveItemSchema, row, comprehensiveItemRules);
}
