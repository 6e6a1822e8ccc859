/**
 * The certificates packages are encrypted for (issue [G] 1): the institution's upload station, the
 * province's if it publishes one, a 存档 certificate whose key the 安全保密管理员 keeps offline. Imported
 * from a file by the 安全保密管理员 (logged in the 权限 register), retired but never deleted, so every
 * disc's register entry still names whom it was made for.
 */
import { z } from 'zod';
import { recipientCertificateInfo } from '../../../crypto/key-wrap.js';
import { getRecipient, insertRecipient, listRecipients, recipientByFingerprint, retireRecipient, type RecipientRecord } from '../../store/repositories/discs.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { defineHandler, handlerMap } from '../handler.js';
import { recipientMessages as m } from './recipient-messages.js';

export interface RecipientView {
  readonly id: number;
  readonly name: string;
  readonly purpose: RecipientRecord['purpose'];
  readonly subject: string;
  readonly fingerprint: string;
  readonly keyType: string;
  readonly notAfter: string;
  readonly status: '有效' | '已过期' | '已停用';
  readonly importedAt: string;
  readonly importedBy: string;
}

function view(ctx: ServiceContext, r: RecipientRecord): RecipientView {
  const info = recipientCertificateInfo(r.certificatePem);
  const keyType = info.keyType === 'rsa' ? `RSA ${info.keySize}` : info.keyType === 'ec' ? `EC ${info.curve ?? ''}` : '—';
  const status = r.retiredAt !== '' ? '已停用' : r.notAfter < ctx.now().toISOString() ? '已过期' : '有效';
  return { id: r.id, name: r.name, purpose: r.purpose, subject: r.subject, fingerprint: r.fingerprint, keyType, notAfter: r.notAfter, status, importedAt: r.importedAt, importedBy: r.importedBy };
}

/** The recipients chosen for an export, each usable now. */
export function usableRecipients(ctx: ServiceContext, ids: readonly number[]): RecipientRecord[] {
  return ids.map((id) => {
    const r = getRecipient(ctx.db, id);
    if (!r) throw new ServiceError(m.unknown(id));
    const v = view(ctx, r);
    if (v.status !== '有效') throw new ServiceError(m.notUsable(r.name, v.status));
    return r;
  });
}

export const recipientLabel = (r: RecipientRecord): string => `${r.name}（${r.purpose}，${r.fingerprint.slice(0, 16)}）`;

export const recipientHandlers = handlerMap(
  defineHandler({
    name: 'package.recipients.list',
    summary: '查看接收方证书',
    input: z.object({}).strict(),
    roles: ['secadmin', 'manager', 'sysadmin', 'auditor'],
    register: '',
    run: (ctx): RecipientView[] => listRecipients(ctx.db).map((r) => view(ctx, r)),
  }),
  defineHandler({
    name: 'package.recipients.import',
    summary: '导入接收方证书',
    input: z.object({
      name: z.string().trim().min(2).max(60),
      purpose: z.enum(['上传站', '省级', '存档', '其他']),
      certificatePem: z.string().min(100).max(20_000),
    }),
    roles: ['secadmin'],
    register: '权限',
    objects: (_i, out: RecipientView) => [`recipient:${out.id}`, `fingerprint:${out.fingerprint}`],
    run: (ctx, input): RecipientView => {
      let info: ReturnType<typeof recipientCertificateInfo>;
      try {
        info = recipientCertificateInfo(input.certificatePem);
      } catch (e) {
        throw new ServiceError(m.badCertificate((e as Error).message));
      }
      const now = ctx.now();
      if (!info.supported) throw new ServiceError(m.unsupported);
      if (info.notAfter < now) throw new ServiceError(m.expired(info.notAfter.toISOString().slice(0, 10)));
      if (info.notBefore > now) throw new ServiceError(m.notYetValid(info.notBefore.toISOString().slice(0, 10)));
      const usage = info.keyUsage;
      if (usage && !(info.keyType === 'rsa' ? usage.keyEncipherment : usage.keyAgreement)) throw new ServiceError(m.noEncryptionUse);
      const existing = recipientByFingerprint(ctx.db, info.fingerprint256);
      if (existing) throw new ServiceError(m.duplicate(existing.name));
      const id = insertRecipient(ctx.db, {
        name: input.name,
        purpose: input.purpose,
        certificatePem: input.certificatePem.trim() + '\n',
        fingerprint: info.fingerprint256,
        subject: info.subject,
        notAfter: info.notAfter.toISOString(),
        importedAt: timestamp(ctx),
        importedBy: ctx.actor.username,
      });
      return view(ctx, getRecipient(ctx.db, id) as RecipientRecord);
    },
  }),
  defineHandler({
    name: 'package.recipients.retire',
    summary: '停用接收方证书',
    input: z.object({ id: z.number().int().positive() }),
    roles: ['secadmin'],
    register: '权限',
    objects: (i) => [`recipient:${i.id}`],
    run: (ctx, input): RecipientView => {
      const r = getRecipient(ctx.db, input.id);
      if (!r) throw new ServiceError(m.unknown(input.id));
      retireRecipient(ctx.db, r.id, ctx.actor.username, timestamp(ctx));
      return view(ctx, getRecipient(ctx.db, r.id) as RecipientRecord);
    },
  }),
);
