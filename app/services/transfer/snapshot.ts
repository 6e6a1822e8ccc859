/**
 * The content of a bank transfer (issue [G] item 8; format and bounds in app/domain/transfer/snapshot.ts):
 * the banks named, each with its identifying and descriptive fields, its current 细目表 and 内容结构表
 * as stored, and every item with ALL its versions (original authors, dates and notes), each version
 * hashed (SHA-256 of its canonical JSON body); then the images those versions refer to. An item with
 * no recorded origin was created here: its origin is `<this workstation id>:<item id>`.
 *
 * Reads only. The snapshot is checked against the transfer schema before it is handed out, so what is
 * exported here is what the receiving workstation will accept (a bank over the bounds is refused here).
 */
import { sha256Hex } from '../../../crypto/digest.js';
import {
  BANK_TRANSFER_FORMAT,
  canonicalJson,
  originFor,
  parseBankSnapshot,
  referencedImages,
  transferMessages,
  type BankSnapshot,
  type SnapshotItem,
} from '../../domain/transfer/snapshot.js';
import { DomainValidationError } from '../../domain/validation.js';
import { getCurrentElementTable, type ElementTableKind } from '../../store/repositories/element-tables.js';
import { getImage } from '../../store/repositories/images.js';
import { bankOrigins } from '../../store/repositories/item-origins.js';
import { listItemSummaries, listVersionRecords } from '../../store/repositories/items.js';
import { workstationId } from '../audit/keys.js';
import { requireBank } from '../banks/context.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';

export type { BankSnapshot };

export const ELEMENT_TABLE_KINDS: readonly ElementTableKind[] = ['theory', 'practical'];

/** SHA-256 of a version body's canonical JSON: what versions are compared by between workstations. */
export function bodyHash(body: unknown): string {
  return sha256Hex(canonicalJson(body));
}

/** This workstation's id; a workstation without one (never initialised) cannot take part in a transfer. */
export function requireWorkstationId(ctx: ServiceContext): string {
  const id = workstationId(ctx.db);
  if (id === '') throw new ServiceError('本工作站没有工作站标识，不能传递题库');
  return id;
}

/** Every item of the bank with all its versions, in id order. */
function bankItems(ctx: ServiceContext, ws: string, bankId: number): SnapshotItem[] {
  const origins = bankOrigins(ctx.db, bankId);
  return listItemSummaries(ctx.db, bankId).map((s) => ({
    origin: origins.get(s.id) ?? originFor(ws, s.id),
    kind: s.kind,
    type: s.type,
    binding: s.binding,
    state: s.state,
    difficulty: s.difficulty,
    versions: listVersionRecords(ctx.db, s.id).map((v) => ({
      version: v.version,
      body: v.body,
      createdAt: v.createdAt,
      createdBy: v.createdBy,
      note: v.note,
      sha256: bodyHash(v.body),
    })),
  }));
}

/**
 * The transfer content of the banks `bankIds` (each once, in the order given). Throws ServiceError for
 * an unknown bank, DomainValidationError when the content is over the transfer's bounds.
 */
export function bankSnapshot(ctx: ServiceContext, bankIds: readonly number[]): BankSnapshot {
  const ws = requireWorkstationId(ctx);
  const ids = [...new Set(bankIds)];
  if (ids.length === 0) throw new ServiceError(transferMessages.noBanks);
  const banks = ids.map((id) => {
    const bank = requireBank(ctx, id);
    return {
      bank: {
        name: bank.name,
        occupationCode: bank.occupationCode,
        occupationName: bank.occupationName,
        track: bank.track,
        level: bank.level,
        secrecy: bank.secrecy,
        isSample: bank.isSample,
      },
      elementTables: ELEMENT_TABLE_KINDS.flatMap((kind) => {
        const rec = getCurrentElementTable(ctx.db, id, kind);
        return rec === undefined ? [] : [{ kind, table: rec.body }];
      }),
      items: bankItems(ctx, ws, id),
    };
  });
  // images a version names but this workstation lacks are left out (the receiving side reports them)
  const images = referencedImages(banks.flatMap((b) => b.items)).flatMap((sha256) => {
    const image = getImage(ctx.db, sha256);
    return image === undefined ? [] : [{ sha256, contentType: image.contentType, base64: Buffer.from(image.bytes).toString('base64') }];
  });
  const snapshot = { format: BANK_TRANSFER_FORMAT, sourceWorkstation: ws, exportedAt: timestamp(ctx), exportedBy: ctx.actor.username, banks, images };
  const checked = parseBankSnapshot(snapshot);
  if (!checked.ok) throw new DomainValidationError(transferMessages.subject, checked.problems);
  return checked.value;
}
