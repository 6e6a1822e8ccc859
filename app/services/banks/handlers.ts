/**
 * Banks: create a bank for an occupation × track × level of the catalog, list the banks one may
 * see, summarise a bank (its tables and item counts). Saving the tables: app/services/elements.
 */
import { z } from 'zod';
import { bankSchema, bankTitle, ITEM_STATES } from '../../domain/bank.js';
import { findOccupation } from '../../domain/catalog/catalog.js';
import { elementTableStats, theoryElementTableSchema, type ElementTableStats } from '../../domain/element-table.js';
import { levelName, levelSchema } from '../../domain/level.js';
import { levelsOffered } from '../../domain/occupation.js';
import { practicalStructureSchema } from '../../domain/practical-structure.js';
import { secrecySchema } from '../../domain/secrecy.js';
import { THEORY_ITEM_TYPES } from '../../domain/theory-item.js';
import { validateOrThrow } from '../../domain/validation.js';
import { inTransaction } from '../../store/database.js';
import { addMember, banksOf } from '../../store/repositories/bank-members.js';
import { insertBank, listBanks, type BankRecord } from '../../store/repositories/banks.js';
import { getCurrentElementTable } from '../../store/repositories/element-tables.js';
import { countItems } from '../../store/repositories/items.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError, UnknownOccupationError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { requireBank } from './context.js';
import { banksMessages } from './messages.js';



const createInput = z.object({
  occupationCode: z.string().trim().min(1),
  track: z.string().trim().default(''),
  level: levelSchema,
  name: z.string().trim().max(100).optional(),
  secrecy: secrecySchema.optional(),
  isSample: z.boolean().default(false),
});

function createBank(ctx: ServiceContext, input: z.output<typeof createInput>): BankRecord {
  const occupation = findOccupation(input.occupationCode);
  if (!occupation) throw new UnknownOccupationError(banksMessages.unknownOccupation(input.occupationCode));
  const trackNames = occupation.tracks.map((t) => t.name);
  if (trackNames.length > 0 && !trackNames.includes(input.track)) {
    throw new ServiceError(banksMessages.trackRequired(occupation.name, trackNames.join('、'), input.track));
  }
  if (trackNames.length === 0 && input.track !== '') {
    throw new ServiceError(banksMessages.noSuchTrack(occupation.name, input.track));
  }
  const track = input.track === '' ? undefined : input.track;
  if (!levelsOffered(occupation, track).includes(input.level)) {
    throw new ServiceError(banksMessages.levelNotOffered(occupation.name, track, levelName(input.level)));
  }
  const base = { occupationName: occupation.name, track: input.track, level: input.level };
  const bank = validateOrThrow(banksMessages.bank, bankSchema, {
    ...base,
    name: input.name ?? banksMessages.defaultName(bankTitle(base), input.isSample),
    occupationCode: occupation.code,
    secrecy: input.secrecy,
    isSample: input.isSample,
  });
  return inTransaction(ctx.db, () => {
    const rec = insertBank(ctx.db, bank, ctx.actor.username, timestamp(ctx));
    // The manager who creates a bank manages it; others join through the 安全保密管理员.
    if (ctx.actor.id !== null) addMember(ctx.db, { bankId: rec.id, accountId: ctx.actor.id, role: 'manager' }, ctx.actor.username, timestamp(ctx));
    return rec;
  });
}



export interface BankSummary {
  readonly bank: BankRecord;
  readonly elementTable: { readonly version: number; readonly stats: ElementTableStats } | null;
  readonly practicalStructure: { readonly version: number; readonly modules: number } | null;
  readonly counts: {
    readonly theoryItems: number;
    readonly practicalTasks: number;
    readonly comprehensiveItems: number;
    readonly byType: Readonly<Record<(typeof THEORY_ITEM_TYPES)[number], number>>;
    readonly byState: Readonly<Record<(typeof ITEM_STATES)[number], number>>;
  };
}

export const bankHandlers = handlerMap(
  defineHandler({
    name: 'banks.create',
    summary: '新建题库',
    input: createInput,
    roles: ['manager'],
    register: '',
    objects: (_i, bank) => [`bank:${bank.id}`],
    run: createBank,
  }),
  defineHandler({
    name: 'banks.list',
    summary: '列出题库',
    input: z.object({}).strict(),
    roles: ['sysadmin', 'secadmin', 'manager', 'author', 'reviewer'],
    register: '',
    run: (ctx): readonly BankRecord[] => {
      const all = listBanks(ctx.db);
      if (ctx.actor.roles.includes('sysadmin') || ctx.actor.roles.includes('secadmin')) return all;
      const mine = new Set(ctx.actor.id === null ? [] : banksOf(ctx.db, ctx.actor.id));
      return all.filter((b) => mine.has(b.id));
    },
  }),
  defineHandler({
    name: 'banks.summary',
    summary: '题库概况',
    input: z.object({ bankId: z.number().int().positive() }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: bankOf('manager', 'author', 'reviewer'),
    objects: (i) => [`bank:${i.bankId}`],
    run: (ctx, input): BankSummary => {
      const bank = requireBank(ctx, input.bankId);
      const theory = getCurrentElementTable(ctx.db, bank.id, 'theory');
      const practicalRecord = getCurrentElementTable(ctx.db, bank.id, 'practical');
      const practical = practicalRecord ? practicalStructureSchema.parse(practicalRecord.body) : undefined;
      const counts = countItems(ctx.db, bank.id);
      const pick = <K extends string>(keys: readonly K[], from: Readonly<Record<string, number>>) =>
        Object.fromEntries(keys.map((k) => [k, from[k] ?? 0])) as Record<K, number>;
      return {
        bank,
        elementTable: theory
          ? { version: theory.version, stats: elementTableStats(theoryElementTableSchema.parse(theory.body)) }
          : null,
        practicalStructure: practical
          ? { version: practicalRecord?.version ?? 0, modules: practical.modules.length }
          : null,
        counts: {
          theoryItems: counts.byKind.theory ?? 0,
          practicalTasks: counts.byKind.practical ?? 0,
          comprehensiveItems: counts.byKind.comprehensive ?? 0,
          byType: pick(THEORY_ITEM_TYPES, counts.byType),
          byState: pick(ITEM_STATES, counts.byState),
        },
      };
    },
  }),
);
