/**
 * A bank and what belongs to it now: the bank record, its current 细目表 and 内容结构表. The one
 * loader every capability uses to look a bank up (documents, assembly, items, elements).
 */
import { theoryElementTableSchema, type TheoryElementTable } from '../../domain/element-table.js';
import { practicalStructureSchema, type PracticalStructure } from '../../domain/practical-structure.js';
import { getBank, type BankRecord } from '../../store/repositories/banks.js';
import { getCurrentElementTable } from '../../store/repositories/element-tables.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';

export type { BankRecord };

export function requireBank(ctx: ServiceContext, bankId: number): BankRecord {
  const bank = getBank(ctx.db, bankId);
  if (!bank) throw new ServiceError(`题库 ${bankId} 不存在`);
  return bank;
}

export function currentTheoryTable(ctx: ServiceContext, bankId: number): TheoryElementTable | undefined {
  const rec = getCurrentElementTable(ctx.db, bankId, 'theory');
  return rec ? theoryElementTableSchema.parse(rec.body) : undefined;
}

export function currentPracticalStructure(ctx: ServiceContext, bankId: number): PracticalStructure | undefined {
  const rec = getCurrentElementTable(ctx.db, bankId, 'practical');
  return rec ? practicalStructureSchema.parse(rec.body) : undefined;
}
