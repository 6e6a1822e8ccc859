/**
 * Saving a 细目表 or 内容结构表 to its bank: validated against the domain rules and the bank
 * (same occupation, track and level), then stored as a new version. Used by the handlers that take
 * a table typed in and by the xlsx imports.
 */
import { elementTableRules, theoryElementTableSchema } from '../../domain/element-table.js';
import { levelName } from '../../domain/level.js';
import { practicalStructureRules, practicalStructureSchema } from '../../domain/practical-structure.js';
import { DomainValidationError, validate, type Problem } from '../../domain/validation.js';
import { saveElementTable } from '../../store/repositories/element-tables.js';
import type { BankRecord } from '../../store/repositories/banks.js';
import { timestamp, type ServiceContext } from '../context.js';
import { elementsMessages } from './messages.js';

export interface SavedTable {
  readonly version: number;
  readonly warnings: readonly Problem[];
}

/** Rules that tie a table to its bank: same occupation, track and level. */
function matchesBank(bank: BankRecord, table: { occupationCode: string; track: string; level?: number }): Problem[] {
  const problems: Problem[] = [];
  if (table.occupationCode !== bank.occupationCode)
    problems.push({ severity: 'error', path: ['occupationCode'], field: elementsMessages.occupationCodeField, message: elementsMessages.notBankOccupation(bank.occupationCode) });
  if (table.track !== bank.track)
    problems.push({ severity: 'error', path: ['track'], field: elementsMessages.trackField, message: elementsMessages.notBankTrack(bank.track) });
  if (table.level !== undefined && table.level !== bank.level)
    problems.push({ severity: 'error', path: ['level'], field: elementsMessages.levelField, message: elementsMessages.notBankLevel(levelName(bank.level)) });
  return problems;
}

export function saveTheoryTable(ctx: ServiceContext, bank: BankRecord, table: unknown): SavedTable {
  const result = validate(theoryElementTableSchema, table, (t) => [...matchesBank(bank, t), ...elementTableRules(t)]);
  if (!result.ok) throw new DomainValidationError(elementsMessages.theoryTable, result.problems);
  const saved = saveElementTable(ctx.db, bank.id, 'theory', result.value, ctx.actor.username, timestamp(ctx));
  return { version: saved.version, warnings: result.warnings };
}

export function savePracticalStructure(ctx: ServiceContext, bank: BankRecord, structure: unknown): SavedTable {
  const result = validate(practicalStructureSchema, structure, (s) => {
    const problems = [...matchesBank(bank, s), ...practicalStructureRules(s)];
    if (!s.levels.some((l) => l.level === bank.level))
      problems.push({ severity: 'error', path: ['levels'], field: elementsMessages.levelField, message: elementsMessages.noBankLevel(levelName(bank.level)) });
    return problems;
  });
  if (!result.ok) throw new DomainValidationError(elementsMessages.practicalStructure, result.problems);
  const saved = saveElementTable(ctx.db, bank.id, 'practical', result.value, ctx.actor.username, timestamp(ctx));
  return { version: saved.version, warnings: result.warnings };
}
