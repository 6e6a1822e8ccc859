/**
 * Quality of a bank: lint findings per item and as a bank report, coverage of the 细目表 against what
 * N parallel sets need (for the bank's stored paper structure, as 组卷 reckons it), and near-duplicate pairs. Findings name fields, never quote content; the
 * duplicate list gives ids and scores only, so none of these is a 调阅.
 */
import { z } from 'zod';
import { theorySetNeeds, type TheorySetNeeds } from '../../domain/assembly/set-needs.js';
import type { TheoryElementTable } from '../../domain/element-table.js';
import { lintBank, type BankReport } from '../../domain/lint/bank-lint.js';
import { coverage, type CoverageRow } from '../../domain/lint/coverage.js';
import { MIN_PARALLEL_SETS } from '../../domain/paper.js';
import type { LintFinding } from '../../domain/lint/item-lint.js';
import { itemComparisonText } from '../../domain/similarity/fingerprint.js';
import { DEFAULT_SIMILARITY_OPTIONS, findNearDuplicates, type DuplicatePair } from '../../domain/similarity/near-duplicates.js';
import { getItem, listItems, listItemSummaries } from '../../store/repositories/items.js';
import { currentTheoryTable, requireBank, theoryStructureOf } from '../banks/context.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { lintRecords } from '../items/lint.js';
import { itemsMessages } from '../items/messages.js';
import { qualityMessages } from './messages.js';

const bankInput = z.object({ bankId: z.number().int().positive() });
const setsInput = z.number().int().min(1).max(10).default(MIN_PARALLEL_SETS);
const gate = bankOf('manager', 'author', 'reviewer');

const theoryFilter = (onlyInBank: boolean) => ({ kind: 'theory' as const, ...(onlyInBank ? { state: '入库' as const } : {}) });

function theoryItems(ctx: ServiceContext, bankId: number, onlyInBank: boolean) {
  return listItems(ctx.db, bankId, theoryFilter(onlyInBank));
}

function requireTable(ctx: ServiceContext, bankId: number) {
  const table = currentTheoryTable(ctx, bankId);
  if (!table) throw new ServiceError(qualityMessages.noTheoryTable);
  return table;
}

/**
 * What `sets` sets of the bank need, for its stored paper structure (the default preset when none is
 * stored): the same `theorySetNeeds` the 组卷 blueprint and its dry run read.
 */
function bankNeeds(ctx: ServiceContext, bankId: number, table: TheoryElementTable, sets: number): TheorySetNeeds {
  return theorySetNeeds({ table, structure: theoryStructureOf(ctx, bankId).structure, sets });
}

export interface ItemLint {
  readonly itemId: number;
  readonly findings: readonly LintFinding[];
}

export interface DuplicateList {
  readonly threshold: number;
  readonly items: number;
  readonly pairs: readonly DuplicatePair[];
}

export const qualityHandlers = handlerMap(
  defineHandler({
    name: 'lint.item',
    summary: '检查单道试题质量',
    input: bankInput.extend({ itemId: z.number().int().positive() }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: gate,
    run: (ctx, input): ItemLint => {
      requireBank(ctx, input.bankId);
      const item = getItem(ctx.db, input.itemId);
      if (item.bankId !== input.bankId) throw new ServiceError(itemsMessages.notInBank(input.itemId, input.bankId));
      return { itemId: item.id, findings: lintRecords(ctx, input.bankId, [item]).get(item.id) ?? [] };
    },
  }),
  defineHandler({
    name: 'lint.bank',
    summary: '题库质量报告',
    input: bankInput.extend({ sets: setsInput, onlyInBank: z.boolean().default(false) }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: gate,
    run: (ctx, input): BankReport & { perItem: readonly ItemLint[] } => {
      const table = requireTable(ctx, input.bankId);
      const records = theoryItems(ctx, input.bankId, input.onlyInBank);
      const items = records.map((r) => r.body);
      const findings = lintRecords(ctx, input.bankId, records);
      const perItem = records.map((r) => ({ itemId: r.id, findings: findings.get(r.id) ?? [] })).filter((x) => x.findings.length > 0);
      return { ...lintBank({ items, table, needs: bankNeeds(ctx, input.bankId, table, input.sets) }), perItem };
    },
  }),
  defineHandler({
    name: 'coverage.get',
    summary: '细目表覆盖情况',
    input: bankInput.extend({ sets: setsInput, onlyInBank: z.boolean().default(true) }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: gate,
    run: (ctx, input): readonly CoverageRow[] => {
      const table = requireTable(ctx, input.bankId);
      const items = listItemSummaries(ctx.db, input.bankId, theoryFilter(input.onlyInBank)).map((r) => ({ element: r.binding, type: r.type, state: r.state }));
      return coverage({ table, items, needs: bankNeeds(ctx, input.bankId, table, input.sets) });
    },
  }),
  defineHandler({
    name: 'duplicates.find',
    summary: '查找重复和近似重复试题',
    input: bankInput.extend({ threshold: z.number().min(0.3).max(1).default(DEFAULT_SIMILARITY_OPTIONS.threshold) }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: gate,
    run: (ctx, input): DuplicateList => {
      const records = theoryItems(ctx, input.bankId, false);
      const candidates = records.map((r) => ({ id: r.id, text: itemComparisonText(r.body) }));
      return { threshold: input.threshold, items: records.length, pairs: findNearDuplicates(candidates, { threshold: input.threshold }) };
    },
  }),
);
