/**
 * Adding items to a bank: theory items (bound to a 鉴定点 of the bank's current 细目表), practical
 * tasks (bound to a 职业功能 of its 内容结构表) and 综合评审 items (levels 1–2). A batch is checked
 * row by row (rules in rules.ts) and saved all-or-nothing (save.ts); every problem is reported with its
 * row (`第12行 选项C: 不能为空`). Edits add versions (edit.ts); the review workflow moves items to 入库 and
 * 停用, one or many at a time, approvals under the 四眼原则 (workflow.ts).
 * A 待归类 theory item (imported without 鉴定点 or 难度) may be edited as such, is bound by `items.bind`
 * (or an edit that gives both), and cannot leave 草稿 before (app/domain/workflow.ts).
 */
import { z } from 'zod';
import type { ItemState } from '../../domain/bank.js';
import type { Item } from '../../domain/item.js';
import { levelName, needsComprehensiveReview } from '../../domain/level.js';
import { DomainValidationError, type Problem, type Validated } from '../../domain/validation.js';
import {
  getItem,
  getVersion,
  listItemSummaries,
  listTransitions,
  listVersions,
  type ItemRecord,
  type ItemSummary,
  type TransitionRecord,
  type VersionInfo,
} from '../../store/repositories/items.js';
import { diffItems, type FieldChange } from '../../domain/item-diff.js';
import { packCatalogue, type PackedCatalogue } from '../../domain/item-catalogue.js';
import { currentPracticalStructure, currentTheoryTable, requireBank } from '../banks/context.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { itemRefs } from '../refs.js';
import { comprehensiveValidator, practicalValidator, theoryValidator } from './rules.js';
import { requireItemInBank } from './one.js';
import { saveItems } from './save.js';
import { itemsMessages } from './messages.js';
import { bindHandlers, itemRef } from './bind.js';
import { editHandlers } from './edit.js';
import { transitionHandler, transitionManyHandler } from './workflow.js';

const batchInput = z.object({
  bankId: z.number().int().positive(),
  items: z.array(z.unknown()).min(1).max(20000),
  /** 草稿 normally; a sample (样例) bank may load items directly as 入库. */
  state: z.enum(['草稿', '入库']).default('草稿'),
});
type BatchInput = z.output<typeof batchInput>;

export interface AddedItems {
  readonly ids: readonly number[];
}

/** A problem of row `index` (0-based) of a batch, prefixed `第N行`. */
function inRow(index: number, p: Problem): Problem {
  return { ...p, field: [itemsMessages.row(index + 1), p.field].filter((s) => s !== '').join(' ') };
}

function checkState(ctx: ServiceContext, input: BatchInput): ItemState {
  const bank = requireBank(ctx, input.bankId);
  if (input.state === '入库' && !bank.isSample) {
    throw new ServiceError(itemsMessages.draftOnly);
  }
  return input.state;
}

/** Validates every row, then saves all rows in one transaction or none. */
function saveBatch<T>(
  ctx: ServiceContext,
  input: BatchInput,
  state: ItemState,
  subject: string,
  check: (row: unknown) => Validated<T>,
  toItem: (value: T) => Item,
): AddedItems {
  const items: Item[] = [];
  const problems: Problem[] = [];
  input.items.forEach((row, i) => {
    const r = check(row);
    if (r.ok) items.push(toItem(r.value));
    else problems.push(...r.problems.map((p) => inRow(i, p)));
  });
  if (problems.some((p) => p.severity === 'error')) throw new DomainValidationError(subject, problems);
  return { ids: saveItems(ctx, input.bankId, items, state) };
}

/** The three add-handlers share input, roles and audit objects; they differ in how rows are checked. */
function batchHandler<const N extends string>(
  names: { readonly name: N; readonly summary: string },
  add: (ctx: ServiceContext, input: BatchInput, state: ItemState) => AddedItems,
) {
  return defineHandler({
    ...names,
    input: batchInput,
    roles: ['manager', 'author'],
    register: '',
    secret: true,
    bank: bankOf('manager', 'author'),
    objects: (i, out: AddedItems) => [`bank:${i.bankId}`, ...itemRefs(out.ids)],
    run: (ctx, input): AddedItems => add(ctx, input, checkState(ctx, input)),
  });
}

/** An item's metadata (type, 鉴定点, state, version): no content. */
export type ItemView = ItemSummary;


export interface ItemHistory {
  readonly item: ItemView;
  readonly versions: readonly VersionInfo[];
  readonly transitions: readonly TransitionRecord[];
}

export const itemHandlers = handlerMap(
  ...editHandlers,
  /** Versions and workflow of an item (no content: metadata only). */
  defineHandler({
    name: 'items.history',
    summary: '查看试题版本与审核记录',
    input: itemRef,
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: bankOf('manager', 'author', 'reviewer'),
    run: (ctx, input): ItemHistory => {
      const item = requireItemInBank(ctx, input.bankId, input.itemId);
      return { item, versions: listVersions(ctx.db, item.id), transitions: listTransitions(ctx.db, item.id) };
    },
  }),
  /** The readable difference of two versions: shows content, so it is a 调阅. */
  defineHandler({
    name: 'items.diff',
    summary: '比较试题版本',
    input: itemRef.extend({ from: z.number().int().positive(), to: z.number().int().positive() }),
    roles: ['manager', 'author', 'reviewer'],
    register: '调阅',
    secret: true,
    bank: bankOf('manager', 'author', 'reviewer'),
    objects: (i) => [`bank:${i.bankId}`, `item:${i.itemId}@${i.from}`, `item:${i.itemId}@${i.to}`],
    run: (ctx, input): readonly FieldChange[] => {
      requireItemInBank(ctx, input.bankId, input.itemId);
      return diffItems(getVersion(ctx.db, input.itemId, input.from).body, getVersion(ctx.db, input.itemId, input.to).body);
    },
  }),
  /** A workflow step (提交审核, 审核通过, 退回修改, 入库, 停用, 恢复入库) with its comment, for one item or many. */
  transitionHandler,
  transitionManyHandler,
  /** Opening an item's content is a 调阅 (规程第十四条). */
  defineHandler({
    name: 'items.get',
    summary: '调阅试题',
    input: z.object({ bankId: z.number().int().positive(), itemId: z.number().int().positive() }),
    roles: ['manager', 'author', 'reviewer'],
    register: '调阅',
    secret: true,
    bank: bankOf('manager', 'author', 'reviewer'),
    objects: (i, out: ItemRecord) => [`bank:${i.bankId}`, `item:${i.itemId}@${out.version}`],
    run: (ctx, input): ItemRecord => {
      const item = getItem(ctx.db, input.itemId);
      if (item.bankId !== input.bankId) throw new ServiceError(itemsMessages.notInBank(input.itemId, input.bankId));
      return item;
    },
  }),
  /** Metadata only (type, 鉴定点, state, version): no content, so no 调阅. */
  defineHandler({
    name: 'items.list',
    summary: '列出试题目录',
    input: z.object({ bankId: z.number().int().positive() }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: bankOf('manager', 'author', 'reviewer'),
    run: (ctx, input): readonly ItemView[] => listItemSummaries(ctx.db, input.bankId),
  }),
  /** items.list packed (app/domain/item-catalogue.ts): what the desktop list loads, for 100 000 items. */
  defineHandler({
    name: 'items.catalogue',
    summary: '列出试题目录（紧凑格式）',
    input: z.object({ bankId: z.number().int().positive() }).strict(),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: bankOf('manager', 'author', 'reviewer'),
    run: (ctx, input): PackedCatalogue => packCatalogue(listItemSummaries(ctx.db, input.bankId)),
  }),

  ...bindHandlers,

  batchHandler({ name: 'items.addTheory', summary: '新增理论知识试题' }, (ctx, input, state) => {
    if (!currentTheoryTable(ctx, input.bankId)) throw new ServiceError(itemsMessages.noTheoryTable);
    return saveBatch(ctx, input, state, itemsMessages.theoryItems, theoryValidator(ctx, input.bankId), (body) => ({ kind: 'theory', body }));
  }),
  batchHandler({ name: 'items.addPractical', summary: '新增技能考核试题' }, (ctx, input, state) => {
    const bank = requireBank(ctx, input.bankId);
    if (!currentPracticalStructure(ctx, input.bankId)?.levels.some((l) => l.level === bank.level)) {
      throw new ServiceError(itemsMessages.noPracticalStructure);
    }
    return saveBatch(ctx, input, state, itemsMessages.practicalItems, practicalValidator(ctx, input.bankId), (body) => ({ kind: 'practical', body }));
  }),
  batchHandler({ name: 'items.addComprehensive', summary: '新增综合评审试题' }, (ctx, input, state) => {
    const bank = requireBank(ctx, input.bankId);
    if (!needsComprehensiveReview(bank.level)) {
      throw new ServiceError(itemsMessages.noComprehensive(levelName(bank.level)));
    }
    return saveBatch(ctx, input, state, itemsMessages.comprehensiveItems, comprehensiveValidator(), (body) => ({ kind: 'comprehensive', body }));
  }),
);
