/**
 * 销毁登记 (规程第十四条) kept by the 安全保密管理员: each disc or printed paper destroyed, with the
 * method, the date, the one who destroyed it and the witness — two different people of the personnel
 * register, whose names are stored as registered. Each entry is in the 销毁 register of the access
 * log; the 安全审计员 reads the register too and exports it as xlsx with the anchor of a signed
 * checkpoint (as `audit.export` does).
 */
import { z } from 'zod';
import {
  destructionFieldLabels,
  destructionFilterRules,
  destructionFilterSchema,
  destructionMessages,
  destructionProblem,
  destructionRules,
  destructionSchema,
  destructionSummary,
  type Destruction,
  type PersonRef,
} from '../../domain/destruction.js';
import { secrecyMark } from '../../domain/secrecy.js';
import { DomainValidationError, validateOrThrow } from '../../domain/validation.js';
import { destructionRegisterXlsx } from '../../../templates/xlsx/destruction-register.js';
import { lastCheckpoint } from '../../store/repositories/audit-checkpoints.js';
import { discExportExists, insertDestruction, listDestructions } from '../../store/repositories/destructions.js';
import { getPerson, listPeople, type PersonRecord } from '../../store/repositories/people.js';
import { getSetting } from '../../store/repositories/settings.js';
import { createCheckpoint } from '../audit/record.js';
import { timestamp, type ServiceContext } from '../context.js';
import { defineHandler, handlerMap } from '../handler.js';
import { writeOutputFile, type WrittenFile } from '../output/write.js';
import { destructionServiceMessages as m } from './messages.js';

/** The register names what was destroyed and who did it: kept 秘密, long term, like the other registers. */
const REGISTER_MARK = secrecyMark({ level: '秘密', period: '长期', beforeUse: false });

/** A refusal of one field, worded like the domain's (`销毁登记：监销人: …`). */
function fieldError(field: 'destroyer' | 'witness' | 'discExportId', message: string): DomainValidationError {
  return new DomainValidationError(destructionMessages.subject, [destructionProblem(field, message)]);
}

/** The person a reference names: by 人员编号, or by a name only one registered person has. */
function resolvePerson(ctx: ServiceContext, field: 'destroyer' | 'witness', ref: PersonRef): PersonRecord {
  if (typeof ref === 'number') {
    const p = getPerson(ctx.db, ref);
    if (!p) throw fieldError(field, m.unknownPersonId(ref));
    return p;
  }
  const named = listPeople(ctx.db).filter((p) => p.name === ref);
  if (named.length === 0) throw fieldError(field, m.unknownPersonName(ref));
  if (named.length > 1) throw fieldError(field, m.ambiguousName(ref, named.length));
  return named[0] as PersonRecord;
}

const filterInput = {
  from: z.unknown().optional(),
  to: z.unknown().optional(),
  kind: z.unknown().optional(),
};

/** The filter without the keys left empty (a form sends '' or undefined for "any"). */
function filterOf(input: Record<string, unknown>) {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return validateOrThrow(destructionMessages.filter, destructionFilterSchema, given, destructionFilterRules, destructionFieldLabels);
}

export const destructionHandlers = handlerMap(
  defineHandler({
    name: 'destruction.record',
    summary: '登记销毁',
    input: z.object({
      kind: z.unknown(),
      description: z.unknown(),
      quantity: z.unknown(),
      discExportId: z.unknown().optional(),
      method: z.unknown(),
      destroyedOn: z.unknown(),
      /** 人员编号 or the name as registered. */
      destroyer: z.unknown(),
      witness: z.unknown(),
      note: z.unknown().optional(),
    }),
    roles: ['secadmin'],
    register: '销毁',
    objects: (_i, out: Destruction) => [`destruction:${out.id}`, ...(out.discExportId === null ? [] : [`disc:${out.discExportId}`])],
    detail: (_i, out: Destruction) => destructionSummary(out),
    run: (ctx, input): Destruction => {
      const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null));
      const d = validateOrThrow(destructionMessages.subject, destructionSchema(ctx.now()), given, destructionRules, destructionFieldLabels);
      const destroyer = resolvePerson(ctx, 'destroyer', d.destroyer);
      const witness = resolvePerson(ctx, 'witness', d.witness);
      if (destroyer.id === witness.id) throw fieldError('witness', destructionMessages.samePerson);
      if (d.discExportId !== undefined && !discExportExists(ctx.db, d.discExportId)) throw fieldError('discExportId', m.unknownDisc(d.discExportId));
      return insertDestruction(
        ctx.db,
        {
          kind: d.kind,
          description: d.description,
          quantity: d.quantity,
          discExportId: d.discExportId ?? null,
          method: d.method,
          destroyedOn: d.destroyedOn,
          destroyer: destroyer.name,
          witness: witness.name,
          note: d.note,
        },
        ctx.actor.username,
        timestamp(ctx),
      );
    },
  }),
  defineHandler({
    name: 'destruction.list',
    summary: '查看销毁登记',
    input: z.object(filterInput),
    roles: ['secadmin', 'auditor'],
    register: '',
    run: (ctx, input): readonly Destruction[] => listDestructions(ctx.db, filterOf(input)),
  }),
  defineHandler({
    name: 'destruction.export',
    summary: '导出销毁登记表',
    input: z.object({ outDir: z.string().min(1), fileName: z.string().min(1).optional() }),
    roles: ['secadmin', 'auditor'],
    register: '存档',
    objects: (_i, out: WrittenFile) => [`file:${out.path}`],
    run: async (ctx, input): Promise<WrittenFile> => {
      // the entries are in the log this checkpoint signs: the sheet prints its anchor
      const checkpoint = ctx.signer ? createCheckpoint(ctx, 'export') : (lastCheckpoint(ctx.db) ?? null);
      const bytes = await destructionRegisterXlsx({
        secrecyMark: REGISTER_MARK,
        generatedAt: ctx.now(),
        workstationId: getSetting(ctx.db, 'workstation.id') ?? '',
        checkpoint: checkpoint && {
          seq: checkpoint.auditSeq,
          hash: checkpoint.auditHash,
          signature: checkpoint.signature,
          checkpointSeq: checkpoint.seq,
          signer: checkpoint.signer,
          keyId: checkpoint.keyId,
        },
        rows: listDestructions(ctx.db),
      });
      return writeOutputFile(ctx, input.outDir, input.fileName ?? m.registerFile, bytes, { classified: false });
    },
  }),
);
