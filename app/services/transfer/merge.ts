/**
 * Receiving a bank transfer (issue [G] item 8): the snapshot (snapshot.ts) is merged into this
 * workstation in ONE transaction — all of it or, when anything fails, nothing. `dryRun` plans and
 * reports the same, then rolls everything back.
 *
 * - Banks are found by occupation × track × level (`findBankByKey`) or created with the incoming
 *   element tables. An existing bank's current 细目表 / 内容结构表 is never replaced: when the incoming one
 *   differs it is reported (`elementTableConflict`); where the bank has none yet, the incoming one is saved.
 * - Images are stored when missing, each checked by its bytes (PNG or JPEG within the reader bounds)
 *   and its SHA-256; one that fails is refused and reported (items naming it arrive all the same and
 *   the quality check flags the missing picture).
 * - Items follow the merge plan (app/domain/transfer/merge.ts): `create` inserts the item with all its
 *   versions — numbers, authors, dates and notes as the source wrote them — and records its origin;
 *   `fastForward` appends the missing versions. The state they arrive in is `arrivalState`: an item
 *   reviewed (已审/入库) elsewhere arrives 待审 — its review happened on another workstation and this
 *   workstation's panel decides — and a fast-forwarded item goes back to 待审 with the transition comment
 *   `由工作站 … 传入第 n 版`. `identical` and `localAhead` change nothing; `conflict` changes nothing and
 *   is reported with the first differing version. The search text of every created or fast-forwarded
 *   item is updated as saving and editing do.
 * - Refused (reported, nothing applied): an item whose origin is an item of another local bank, and an
 *   item claiming to come from this workstation that is not here (e.g. exported before a backup was
 *   restored). A version whose body does not match its SHA-256 refuses the whole transfer.
 *
 * No access-log row is written here: the handler calling this is logged by `invoke`, in the same
 * transaction.
 */
import { sha256Hex } from '../../../crypto/digest.js';
import { bankTitle } from '../../domain/bank.js';
import { theoryElementTableSchema } from '../../domain/element-table.js';
import { practicalStructureSchema } from '../../domain/practical-structure.js';
import { mergeLines, mergeMessages, planMerge, type LocalItemState, type MergeStep } from '../../domain/transfer/merge.js';
import {
  canonicalJson,
  parseBankSnapshot,
  parseOrigin,
  referencedImages,
  transferMessages,
  versionItem,
  type BankSnapshot,
  type SnapshotBank,
  type SnapshotImage,
  type SnapshotItem,
} from '../../domain/transfer/snapshot.js';
import type { Item } from '../../domain/item.js';
import { DomainValidationError } from '../../domain/validation.js';
import { acceptImage } from '../../readers/images.js';
import { inTransaction } from '../../store/database.js';
import { addMember } from '../../store/repositories/bank-members.js';
import { findBankByKey, insertBank, type BankRecord } from '../../store/repositories/banks.js';
import { getCurrentElementTable, saveElementTable } from '../../store/repositories/element-tables.js';
import { existingImages, putImage } from '../../store/repositories/images.js';
import { appendTransferredVersions, insertTransferredItem, isLocalItem, itemByOrigin, type TransferredVersion } from '../../store/repositories/item-origins.js';
import { getItemSummary, listVersionRecords } from '../../store/repositories/items.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { indexItemTexts } from '../search/handlers.js';
import { bodyHash, requireWorkstationId } from './snapshot.js';

export interface ConflictReport {
  readonly itemId: number;
  readonly origin: string;
  /** The first version that differs. */
  readonly version: number;
  readonly localSha256: string;
  readonly incomingSha256: string;
  /** Versions on each side, and after the common prefix. */
  readonly localVersions: number;
  readonly incomingVersions: number;
  readonly localAfter: number;
  readonly incomingAfter: number;
  readonly line: string;
}

export interface BankTransferReport {
  /** The local bank (in a dry run, the id a new bank would have had). */
  readonly bankId: number;
  readonly label: string;
  readonly bankCreated: boolean;
  /** Why an incoming element table was not applied (it differs from the current one here), or null. */
  readonly elementTableConflict: string | null;
  /** Items created, fast-forwarded, identical, older than here. */
  readonly created: number;
  readonly fastForwarded: number;
  readonly identical: number;
  readonly localAhead: number;
  readonly conflicts: readonly ConflictReport[];
  /** Items refused, one Chinese line each. */
  readonly refused: readonly string[];
}

export interface TransferReport {
  readonly dryRun: boolean;
  readonly sourceWorkstation: string;
  readonly banks: readonly BankTransferReport[];
  /** Images stored (those already here are not counted). */
  readonly images: number;
  /** The whole report in Chinese, one line each. */
  readonly lines: readonly string[];
}

export interface ApplyOptions {
  readonly dryRun?: boolean;
}

const TABLE_NAMES = transferMessages.tableKinds;
const TABLE_SCHEMAS = { theory: theoryElementTableSchema, practical: practicalStructureSchema } as const;

const M = {
  header: (s: BankSnapshot, dryRun: boolean) =>
    `${dryRun ? '【试运行，未作任何修改】' : ''}来自工作站 ${s.sourceWorkstation} 的题库传递（${s.exportedBy} 于 ${s.exportedAt} 导出）`,
  bank: (label: string, id: number, created: boolean) => `${created ? '新建题库' : '题库'} ${label}（编号 ${id}）`,
  tableDiffers: (kind: string, version: number) => `本机${kind}（第 ${version} 版）与传入的不同，未替换，请人工核对`,
  tableAdded: (kind: string) => `本机尚无${kind}，已保存传入的`,
  otherBank: (origin: string, itemId: number, bankId: number) => `拒收：来源 ${origin} 的试题在本机是题库 ${bankId} 的试题 #${itemId}，未合并`,
  notHere: (origin: string) => `拒收：来源 ${origin} 的试题应出自本工作站，但本机没有这道试题（可能来自恢复备份之前），未合并`,
  imageRefused: (sha256: string, why: string) => `拒收：图片 ${sha256.slice(0, 12)}… ${why}`,
  imageHash: '内容与 SHA-256 不符',
  imagesStored: (n: number, present: number) => `图片：新存 ${n} 张，本机已有 ${present} 张`,
  imagesMissing: (n: number, first: string) => `缺图：试题引用的 ${n} 张图片本机没有（如 ${first.slice(0, 12)}…），请补入`,
  hashMismatch: (where: string[]) => `传递文件中以下版本的内容与其 SHA-256 不符，整批未导入：${where.join('；')}${where.length >= 10 ? '……' : ''}`,
} as const;

/** Refuses the whole transfer when a version's body does not match its stated hash (first ten named). */
function checkVersionHashes(s: BankSnapshot): void {
  const bad: string[] = [];
  for (const b of s.banks)
    for (const item of b.items)
      for (const v of item.versions) if (bad.length < 10 && bodyHash(v.body) !== v.sha256) bad.push(`来源 ${item.origin} 第 ${v.version} 版`);
  if (bad.length > 0) throw new ServiceError(M.hashMismatch(bad));
}

interface Run {
  readonly ctx: ServiceContext;
  readonly ws: string;
  readonly source: string;
  readonly at: string;
  readonly lines: string[];
}

function storeImages(run: Run, images: readonly SnapshotImage[]): number {
  const present = existingImages(run.ctx.db, images.map((i) => i.sha256));
  let stored = 0;
  for (const img of images) {
    if (present.has(img.sha256)) continue;
    const bytes = new Uint8Array(Buffer.from(img.base64, 'base64'));
    if (sha256Hex(bytes) !== img.sha256) {
      run.lines.push(M.imageRefused(img.sha256, M.imageHash));
      continue;
    }
    let contentType;
    try {
      contentType = acceptImage(bytes).contentType;
    } catch (e) {
      run.lines.push(M.imageRefused(img.sha256, e instanceof Error ? e.message : String(e)));
      continue;
    }
    putImage(run.ctx.db, { sha256: img.sha256, contentType, bytes }, run.ctx.actor.username, run.at);
    stored++;
  }
  run.lines.push(M.imagesStored(stored, present.size));
  return stored;
}

/** The local bank of this key, or a new one with the incoming element tables; and what became of the tables. */
function bankFor(run: Run, b: SnapshotBank): { bank: BankRecord; created: boolean; tableConflict: string | null; lines: string[] } {
  const { ctx, at } = run;
  const by = ctx.actor.username;
  const existing = findBankByKey(ctx.db, b.bank.occupationCode, b.bank.track, b.bank.level);
  const bank = existing ?? insertBank(ctx.db, b.bank, by, at);
  if (!existing && ctx.actor.id !== null && ctx.actor.roles.includes('manager')) addMember(ctx.db, { bankId: bank.id, accountId: ctx.actor.id, role: 'manager' }, by, at);
  const conflicts: string[] = [];
  const lines: string[] = [];
  for (const t of b.elementTables) {
    const local = existing ? getCurrentElementTable(ctx.db, bank.id, t.kind) : undefined;
    if (local === undefined) {
      saveElementTable(ctx.db, bank.id, t.kind, TABLE_SCHEMAS[t.kind].parse(t.table), by, at);
      if (existing) lines.push(M.tableAdded(TABLE_NAMES[t.kind]));
    } else if (canonicalJson(local.body) !== canonicalJson(t.table)) conflicts.push(M.tableDiffers(TABLE_NAMES[t.kind], local.version));
  }
  return { bank, created: !existing, tableConflict: conflicts.length > 0 ? conflicts.join('；') : null, lines };
}

/** The local item an origin names: one that arrived with it, or one created here (origin `<this workstation>:<id>`). */
function localItemOf(run: Run, origin: string): number | 'notHere' | undefined {
  const arrived = itemByOrigin(run.ctx.db, origin);
  if (arrived !== undefined) return arrived;
  const { workstationId, itemId } = parseOrigin(origin);
  if (workstationId !== run.ws) return undefined;
  return isLocalItem(run.ctx.db, itemId) ? itemId : 'notHere';
}

function transferred(item: SnapshotItem, versions: SnapshotItem['versions']): TransferredVersion[] {
  return versions.map((v) => ({ version: v.version, item: versionItem(item, v), createdAt: v.createdAt, createdBy: v.createdBy, note: v.note }));
}

function conflictReport(s: Extract<MergeStep, { action: 'conflict' }>): ConflictReport {
  return {
    itemId: s.itemId,
    origin: s.origin,
    version: s.version,
    localSha256: s.localSha256,
    incomingSha256: s.incomingSha256,
    localVersions: s.local,
    incomingVersions: s.incoming,
    localAfter: s.localAfter,
    incomingAfter: s.incomingAfter,
    line: mergeMessages.conflict(s),
  };
}

function mergeBank(run: Run, b: SnapshotBank): BankTransferReport {
  const { ctx, at } = run;
  const by = ctx.actor.username;
  const { bank, created, tableConflict, lines } = bankFor(run, b);
  const refused: string[] = [];
  const local: LocalItemState[] = [];
  const accepted: SnapshotItem[] = [];
  for (const item of b.items) {
    const itemId = localItemOf(run, item.origin);
    if (itemId === 'notHere') {
      refused.push(M.notHere(item.origin));
      continue;
    }
    if (itemId !== undefined) {
      const summary = getItemSummary(ctx.db, itemId);
      if (summary.bankId !== bank.id) {
        refused.push(M.otherBank(item.origin, itemId, summary.bankId));
        continue;
      }
      local.push({ origin: item.origin, itemId, state: summary.state, versions: listVersionRecords(ctx.db, itemId).map((v) => bodyHash(v.body)) });
    }
    accepted.push(item);
  }
  const plan = planMerge(local, accepted);
  const toIndex: { itemId: number; item: Item }[] = [];
  for (const step of plan.steps) {
    if (step.action === 'create') {
      const { incoming } = step;
      const comment = mergeMessages.arrivedItem(run.source, incoming.origin, incoming.state, step.state);
      const itemId = insertTransferredItem(ctx.db, { bankId: bank.id, origin: incoming.origin, state: step.state, versions: transferred(incoming, incoming.versions), comment }, by, at);
      const last = incoming.versions[incoming.versions.length - 1];
      if (last !== undefined) toIndex.push({ itemId, item: versionItem(incoming, last) });
    } else if (step.action === 'fastForward') {
      const { incoming, append } = step;
      const comment = mergeMessages.arrivedVersions(run.source, step.from + 1, step.from + append.length);
      appendTransferredVersions(ctx.db, step.itemId, { versions: transferred(incoming, append), state: step.state, comment }, by, at);
      const last = append[append.length - 1];
      if (last !== undefined) toIndex.push({ itemId: step.itemId, item: versionItem(incoming, last) });
    }
  }
  indexItemTexts(ctx.db, toIndex);
  const label = `${bank.name}（${bankTitle(bank)}）`;
  const report: BankTransferReport = {
    bankId: bank.id,
    label,
    bankCreated: created,
    elementTableConflict: tableConflict,
    created: plan.counts.create,
    fastForwarded: plan.counts.fastForward,
    identical: plan.counts.identical,
    localAhead: plan.counts.localAhead,
    conflicts: plan.steps.flatMap((s) => (s.action === 'conflict' ? [conflictReport(s)] : [])),
    refused,
  };
  run.lines.push(`${M.bank(label, bank.id, created)}：${mergeMessages.counts(plan.counts)}${refused.length > 0 ? `，拒收 ${refused.length} 题` : ''}`);
  if (tableConflict !== null) run.lines.push(tableConflict);
  run.lines.push(...lines, ...mergeLines(plan), ...refused);
  return report;
}

/** Rolls a dry run back while keeping its report. */
class DryRunDone {
  constructor(readonly report: TransferReport) {}
}

/**
 * Merges a bank transfer (a BankSnapshot, or its JSON parsed: it is validated here) into this
 * workstation, in one transaction; with `dryRun`, reports what would happen and changes nothing.
 * Throws DomainValidationError for a file that is not a valid transfer, ServiceError when a version
 * does not match its hash.
 */
export function applySnapshot(ctx: ServiceContext, snapshot: unknown, options: ApplyOptions = {}): TransferReport {
  const parsed = parseBankSnapshot(snapshot);
  if (!parsed.ok) throw new DomainValidationError(transferMessages.subject, parsed.problems);
  const s = parsed.value;
  checkVersionHashes(s);
  const dryRun = options.dryRun === true;
  const run: Run = { ctx, ws: requireWorkstationId(ctx), source: s.sourceWorkstation, at: timestamp(ctx), lines: [M.header(s, dryRun)] };
  try {
    return inTransaction(ctx.db, () => {
      const images = storeImages(run, s.images);
      const banks = s.banks.map((b) => mergeBank(run, b));
      const named = referencedImages(s.banks.flatMap((b) => b.items));
      const here = existingImages(ctx.db, named);
      const missing = named.filter((h) => !here.has(h));
      if (missing.length > 0) run.lines.push(M.imagesMissing(missing.length, missing[0] ?? ''));
      const report: TransferReport = { dryRun, sourceWorkstation: s.sourceWorkstation, banks, images, lines: run.lines };
      if (dryRun) throw new DryRunDone(report);
      return report;
    });
  } catch (e) {
    if (e instanceof DryRunDone) return e.report;
    throw e;
  }
}
