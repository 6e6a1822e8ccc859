/**
 * 涉密人员登记 (规程第七条) kept by the 安全保密管理员: people, their work types and 保密责任书 (with an
 * optional scanned copy), the 第十五条 training conflict, and the register exported as xlsx.
 */
import { z } from 'zod';
import { beijingDate, personFieldLabels, personSchema, pledgeRules, pledgeSchema, pledgeStatus, trainingConflict, type PledgeStatus } from '../../domain/person.js';
import { secrecyMark, type Secrecy } from '../../domain/secrecy.js';
import { validateOrThrow } from '../../domain/validation.js';
import { sha256Hex } from '../../../crypto/digest.js';
import { personnelRegisterXlsx } from '../../../templates/xlsx/personnel-register.js';
import { listAccounts } from '../../store/repositories/accounts.js';
import { getPerson, insertPerson, insertPledge, listPeople, listPledges, updatePerson, type PersonRecord, type PledgeRecord } from '../../store/repositories/people.js';
import { getSetting } from '../../store/repositories/settings.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { defineHandler, handlerMap } from '../handler.js';
import { writeOutputFile, type WrittenFile } from '../output/write.js';
import { peopleMessages } from './messages.js';

/** The register names who handles 机密级 material: kept 秘密, long term. */
const REGISTER_SECRECY: Secrecy = { level: '秘密', period: '长期', beforeUse: false };

export interface PersonView extends PersonRecord {
  readonly pledgeStatus: PledgeStatus;
  readonly pledges: readonly PledgeRecord[];
  readonly accounts: readonly string[];
  /** 规程第十五条 warning, when the person also trains or coaches. */
  readonly warning?: string;
}

function requirePerson(ctx: ServiceContext, id: number): PersonRecord {
  const p = getPerson(ctx.db, id);
  if (!p) throw new ServiceError(peopleMessages.notRegistered(id));
  return p;
}

export function viewPeople(ctx: ServiceContext): PersonView[] {
  const today = beijingDate(ctx.now());
  const accounts = listAccounts(ctx.db);
  return listPeople(ctx.db).map((p) => {
    const pledges = listPledges(ctx.db, p.id);
    const warning = trainingConflict(p);
    return {
      ...p,
      pledges,
      pledgeStatus: pledgeStatus(pledges, today),
      accounts: accounts.filter((a) => a.personId === p.id).map((a) => a.username),
      ...(warning ? { warning } : {}),
    };
  });
}

export const peopleHandlers = handlerMap(
  defineHandler({
    name: 'people.list',
    summary: '查看涉密人员登记表',
    input: z.object({}).strict(),
    roles: ['secadmin', 'manager'],
    register: '',
    run: (ctx): readonly PersonView[] => viewPeople(ctx),
  }),
  defineHandler({
    name: 'people.add',
    summary: '登记涉密人员',
    input: z.object({ person: z.unknown() }),
    roles: ['secadmin'],
    register: '权限',
    objects: (_i, out: PersonView) => [`person:${out.id}`],
    run: (ctx, input): PersonView => {
      const person = validateOrThrow(peopleMessages.person, personSchema, input.person, undefined, personFieldLabels);
      const rec = insertPerson(ctx.db, person, ctx.actor.username, timestamp(ctx));
      return viewPeople(ctx).find((p) => p.id === rec.id) as PersonView;
    },
  }),
  defineHandler({
    name: 'people.update',
    summary: '修改涉密人员登记',
    input: z.object({ personId: z.number().int().positive(), person: z.unknown() }),
    roles: ['secadmin'],
    register: '权限',
    objects: (i) => [`person:${i.personId}`],
    run: (ctx, input): PersonView => {
      requirePerson(ctx, input.personId);
      updatePerson(ctx.db, input.personId, validateOrThrow(peopleMessages.person, personSchema, input.person, undefined, personFieldLabels), timestamp(ctx));
      return viewPeople(ctx).find((p) => p.id === input.personId) as PersonView;
    },
  }),
  defineHandler({
    name: 'people.registerPledge',
    summary: '登记保密责任书',
    input: z.object({
      personId: z.number().int().positive(),
      pledge: z.unknown(),
      /** Scanned copy (PDF/JPEG/PNG bytes), optional. */
      scan: z.instanceof(Uint8Array).optional(),
    }),
    roles: ['secadmin'],
    register: '权限',
    objects: (i, out: PledgeRecord) => [`person:${i.personId}`, `pledge:${out.id}`],
    run: (ctx, input): PledgeRecord => {
      requirePerson(ctx, input.personId);
      const pledge = validateOrThrow(peopleMessages.pledge, pledgeSchema, input.pledge, pledgeRules);
      const scan = input.scan ? { bytes: input.scan, sha256: sha256Hex(input.scan) } : undefined;
      return insertPledge(ctx.db, input.personId, pledge, scan, ctx.actor.username, timestamp(ctx));
    },
  }),
  defineHandler({
    name: 'people.exportRegister',
    summary: '导出涉密人员登记表',
    input: z.object({ outDir: z.string().min(1), fileName: z.string().default(peopleMessages.registerFileName) }),
    roles: ['secadmin'],
    register: '存档',
    objects: (_i, out: WrittenFile) => [`file:${out.path}`],
    run: async (ctx, input): Promise<WrittenFile> => {
      const rows = viewPeople(ctx).map((p) => {
        const latest = [...p.pledges].sort((a, b) => a.expiresOn.localeCompare(b.expiresOn)).at(-1);
        return {
          name: p.name,
          unit: p.unit,
          title: p.title,
          position: p.position,
          phone: p.phone,
          specialty: p.specialty,
          workTypes: p.workTypes,
          trainer: p.trainer,
          pledge: { signedOn: latest?.signedOn ?? '', expiresOn: latest?.expiresOn ?? '', scope: latest?.scope ?? '', status: p.pledgeStatus },
          accounts: p.accounts,
        };
      });
      const bytes = await personnelRegisterXlsx({
        title: peopleMessages.registerTitle,
        secrecyMark: secrecyMark(REGISTER_SECRECY),
        generatedAt: ctx.now(),
        workstationId: getSetting(ctx.db, 'workstation.id') ?? '',
        rows,
      });
      return writeOutputFile(ctx, input.outDir, input.fileName, bytes, { classified: false });
    },
  }),
);
