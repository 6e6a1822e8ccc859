/**
 * What the 安全审计员 does — and nothing else: verify the access log (and countersign what was
 * verified with the auditor's own key), sign a checkpoint on demand, and export the registers
 * (调阅、组卷、销毁、存档、登录 or the whole log) as xlsx (规程第十四条), each naming its anchor.
 * No handler, for any role, changes a row of the log.
 */
import { z } from 'zod';
import { sqlCipherKeyPragmaValue } from '../../../crypto/database-key.js';
import { AUDIT_REGISTERS } from '../../domain/audit.js';
import { auditRegisterXlsx, type AuditRegisterRow } from '../../../templates/xlsx/audit-register.js';
import { iterateRegister } from '../../store/repositories/audit-log.js';
import { getSetting } from '../../store/repositories/settings.js';
import { createCheckpoint, verifyAuditChain, type AuditVerification } from './record.js';
import { lastCheckpoint, type CheckpointRecord } from '../../store/repositories/audit-checkpoints.js';
import { anchorText, parseAnchorText } from './anchor.js';
import { auditListHandler } from './list.js';
import { auditMessages } from './messages.js';
import { ServiceError } from '../errors.js';
import { defineHandler, handlerMap } from '../handler.js';
import { writeOutputFile, type WrittenFile } from '../output/write.js';

export const EXPORTABLE_REGISTERS = ['调阅', '组卷', '销毁', '存档', '登录', '权限', '拒绝', '全部'] as const;

/** Names of actions that are not handlers. */
const BUILT_IN_ACTIONS: Readonly<Record<string, string>> = auditMessages.builtInActions;

const RESULT_NAMES = auditMessages.resultNames;

/** A verification, and the checkpoint the auditor countersigned it with (null when it failed). */
export type VerifiedLog = AuditVerification & { readonly countersigned: CheckpointRecord | null };

export function auditHandlers(actionNames: () => Readonly<Record<string, string>>) {
  return handlerMap(
    defineHandler({
      name: 'audit.verify',
      summary: '校验审计日志',
      input: z.object({ anchors: z.array(z.string().min(1)).default([]), pages: z.boolean().default(false) }).strict(),
      roles: ['auditor'],
      register: '',
      objects: (_i, out: VerifiedLog) => (out.countersigned ? [`checkpoint:${out.countersigned.seq}`] : []),
      detail: (_i, out: VerifiedLog) => (out.ok ? auditMessages.verifiedDetail(anchorText({ seq: out.entries, hash: out.head })) : auditMessages.failedDetail(out.problems.join('；')).slice(0, 400)),
      run: async (ctx, input): Promise<VerifiedLog> => {
        const anchors = input.anchors.map((text) => {
          const a = parseAnchorText(text);
          if (!a) throw new ServiceError(auditMessages.anchorFormat(text.slice(0, 80)));
          return a;
        });
        const keyPragma = ctx.secret ? sqlCipherKeyPragmaValue(ctx.secret) : undefined;
        // a successful verification is countersigned at once, which signs the rows still waiting too
        const result = await verifyAuditChain(ctx.db, { anchorDir: ctx.anchorDir, anchors, pages: input.pages, signsNow: ctx.signer !== null, ...(keyPragma === undefined ? {} : { keyPragma }) });
        // what was verified is countersigned by the auditor's own key; a failed verification is not
        const countersigned = result.ok && ctx.signer ? createCheckpoint(ctx, 'verify', lastCheckpoint(ctx.db)?.seq ?? null) : null;
        return { ...result, countersigned };
      },
    }),
    defineHandler({
      name: 'audit.checkpoint',
      summary: '签署审计校验点',
      input: z.object({}).strict(),
      roles: ['auditor'],
      register: '',
      objects: (_i, out: CheckpointRecord) => [`checkpoint:${out.seq}`],
      run: (ctx): CheckpointRecord => createCheckpoint(ctx, 'demand'),
    }),
    defineHandler({
      name: 'audit.export',
      summary: '导出审计登记表',
      input: z.object({ register: z.enum(EXPORTABLE_REGISTERS), outDir: z.string().min(1), fileName: z.string().optional() }),
      roles: ['auditor'],
      register: '存档',
      objects: (_i, out: WrittenFile) => [`file:${out.path}`],
      run: async (ctx, input): Promise<WrittenFile> => {
        const checkpoint = createCheckpoint(ctx, 'export');
        const names = { ...BUILT_IN_ACTIONS, ...actionNames() };
        const rows: AuditRegisterRow[] = [];
        for (const r of iterateRegister(ctx.db, input.register === '全部' ? '' : input.register)) {
          if (r.seq > checkpoint.auditSeq) break;
          rows.push({
            seq: r.seq,
            at: r.at,
            actor: r.actor,
            action: r.action,
            actionName: names[r.action] ?? r.action,
            objects: r.objects.join('，'),
            result: RESULT_NAMES[r.result],
            detail: r.detail,
          });
        }
        const bytes = await auditRegisterXlsx({
          register: input.register,
          secrecyMark: auditMessages.registerSecrecyMark,
          generatedAt: ctx.now(),
          workstationId: getSetting(ctx.db, 'workstation.id') ?? '',
          checkpoint: {
            seq: checkpoint.auditSeq,
            hash: checkpoint.auditHash,
            signature: checkpoint.signature,
            checkpointSeq: checkpoint.seq,
            signer: checkpoint.signer,
            keyId: checkpoint.keyId,
          },
          rows,
        });
        const fileName = input.fileName ?? (input.register === '全部' ? auditMessages.wholeLogFile : auditMessages.registerFile(input.register));
        return writeOutputFile(ctx, input.outDir, fileName, bytes, { classified: false });
      },
    }),
    auditListHandler(actionNames),
  );
}

export { AUDIT_REGISTERS };
