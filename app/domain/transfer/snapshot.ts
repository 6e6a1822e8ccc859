/**
 * What travels when a bank moves from one air-gapped workstation to another (issue [G] item 8): the
 * content of a bank transfer, format `qbank-bank-transfer/1`. Per bank: its identifying and descriptive
 * fields, its current 细目表 and 内容结构表 as stored, and every item with ALL its versions; then the
 * images those versions refer to. Someone else wraps the JSON in the encrypted disc package.
 *
 * - An item is known between workstations by its origin `<workstation id>:<item id>` (the workstation
 *   that created it), so that a transferred bank merges (merge.ts) instead of duplicating.
 * - Every version carries `sha256`: the SHA-256 of `canonicalJson(body)` (keys sorted, no spaces; for
 *   the JSON values items hold this is RFC 8785). The domain cannot hash (no Node built-ins): the
 *   services compute and check it; merging compares versions by it.
 * - Everything is bounded (TRANSFER_LIMITS), and each body is read by the schema of its kind
 *   (`decodeItem`), so a forged or damaged file is refused with Chinese messages naming the field.
 */
import { z } from 'zod';
import { bankSchema, ITEM_STATES, type ItemState } from '../bank.js';
import { theoryElementTableSchema } from '../element-table.js';
import { decodeItem, itemColumns, ITEM_KINDS, ITEM_TYPES, type Item, type ItemKind, type ItemType } from '../item.js';
import { practicalStructureSchema } from '../practical-structure.js';
import { validate, type Validated } from '../validation.js';

export const BANK_TRANSFER_FORMAT = 'qbank-bank-transfer/1';

const MiB = 1024 * 1024;

/** The bounds of one transfer (a whole occupation's banks, with room; far below what would exhaust a workstation). */
export const TRANSFER_LIMITS = Object.freeze({
  banks: 20,
  /** Items of all banks together. */
  items: 50_000,
  versionsPerItem: 200,
  images: 5_000,
  /** Bytes of one image (as the readers bound a pasted picture). */
  imageBytes: 10 * MiB,
  /** Bytes of all images together. */
  totalImageBytes: 200 * MiB,
});

export const transferMessages = {
  format: `不是题库传递文件（格式应为 ${BANK_TRANSFER_FORMAT}）`,
  workstationId: '工作站标识应为 1–64 个字符，不含冒号和空白',
  origin: '来源应为“工作站标识:试题编号”，如 3f2a…:12',
  sha256: 'SHA-256 摘要应为 64 位小写十六进制字符',
  base64: '图片内容应为 Base64 编码',
  tooManyBanks: `一次最多传递 ${TRANSFER_LIMITS.banks} 个题库`,
  noBanks: '至少应传递一个题库',
  tooManyItems: `一次最多传递 ${TRANSFER_LIMITS.items} 道试题`,
  tooManyVersions: `一道试题最多传递 ${TRANSFER_LIMITS.versionsPerItem} 个版本`,
  noVersions: '试题至少应有一个版本',
  tooManyImages: `一次最多传递 ${TRANSFER_LIMITS.images} 张图片`,
  imageTooBig: `一张图片不能超过 ${TRANSFER_LIMITS.imageBytes / MiB} MiB`,
  imagesTooBig: `图片合计不能超过 ${TRANSFER_LIMITS.totalImageBytes / MiB} MiB`,
  versionNumber: (expected: number) => `版本应依次编号，此处应为第 ${expected} 版`,
  notCurrent: (field: string) => `${field}与最新版本不符`,
  duplicateOrigin: (origin: string) => `来源 ${origin} 出现了不止一次`,
  duplicateBank: '同一职业、方向、级别的题库出现了不止一次',
  duplicateTable: (kind: string) => `${kind}出现了不止一次`,
  duplicateImage: (sha256: string) => `图片 ${sha256.slice(0, 12)}… 出现了不止一次`,
  tableKinds: { theory: '理论知识细目表', practical: '技能考核内容结构表' } as Readonly<Record<'theory' | 'practical', string>>,
  subject: '题库传递文件',
} as const;

/** Labels of the transfer's own fields in problem messages (`试题第3项 版本第2项 内容 题干: 不能为空`). */
export const transferFieldLabels: Readonly<Record<string, string>> = {
  format: '格式',
  sourceWorkstation: '来源工作站',
  exportedAt: '导出时间',
  exportedBy: '导出人',
  banks: '题库',
  bank: '题库信息',
  elementTables: '细目表',
  table: '表',
  items: '试题',
  origin: '来源',
  binding: '绑定',
  state: '状态',
  versions: '版本',
  version: '版本号',
  body: '内容',
  createdAt: '保存时间',
  createdBy: '编写者',
  note: '说明',
  sha256: 'SHA-256',
  contentType: '图片类型',
  base64: '图片内容',
};

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { error: transferMessages.sha256 });
export const workstationIdSchema = z.string().regex(/^[^:\s]{1,64}$/, { error: transferMessages.workstationId });
export const originSchema = z.string().regex(/^[^:\s]{1,64}:[1-9]\d{0,15}$/, { error: transferMessages.origin });

/** `<workstation id>:<item id>`: the identity an item carries between workstations. */
export function originFor(workstationId: string, itemId: number): string {
  return `${workstationId}:${itemId}`;
}

/** The workstation and item id an origin names. */
export function parseOrigin(origin: string): { workstationId: string; itemId: number } {
  const at = origin.lastIndexOf(':');
  return { workstationId: origin.slice(0, at), itemId: Number(origin.slice(at + 1)) };
}

/** The JSON text hashed for a version: keys sorted by code unit, no whitespace, `undefined` members left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v: unknown) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface SnapshotVersion {
  readonly version: number;
  /** The body as the schema of the item's kind reads it. */
  readonly body: Item['body'];
  readonly createdAt: string;
  /** The original author's account name on the workstation that wrote the version. */
  readonly createdBy: string;
  readonly note: string;
  /** SHA-256 of `canonicalJson(body)`. */
  readonly sha256: string;
}

export interface SnapshotItem {
  readonly origin: string;
  readonly kind: ItemKind;
  /** 题型, 绑定 and 难度 of the current (last) version, as the source stored them. */
  readonly type: ItemType;
  readonly binding: string;
  /** The item's state on the source workstation. */
  readonly state: ItemState;
  readonly difficulty: number | null;
  /** Every version, numbered 1…n in order. */
  readonly versions: readonly SnapshotVersion[];
}

/** The item of one version (kind and body). */
export function versionItem(item: Pick<SnapshotItem, 'kind'>, version: Pick<SnapshotVersion, 'body'>): Item {
  return { kind: item.kind, body: version.body } as Item;
}

const versionSchema = z.object({
  version: z.number().int().min(1),
  body: z.unknown(),
  createdAt: z.string().min(1).max(40),
  createdBy: z.string().min(1).max(100),
  note: z.string().max(2000).default(''),
  sha256: sha256Schema,
});

const itemSchema = z
  .object({
    origin: originSchema,
    kind: z.enum(ITEM_KINDS),
    type: z.enum(ITEM_TYPES),
    binding: z.string().max(40),
    state: z.enum(ITEM_STATES),
    difficulty: z.number().int().min(1).max(5).nullable(),
    versions: z.array(versionSchema).min(1, { error: transferMessages.noVersions }).max(TRANSFER_LIMITS.versionsPerItem, { error: transferMessages.tooManyVersions }),
  })
  .transform((raw, ctx): SnapshotItem => {
    const issue = (path: (string | number)[], message: string) => ctx.issues.push({ code: 'custom', message, input: raw, path });
    const versions: SnapshotVersion[] = [];
    raw.versions.forEach((v, i) => {
      if (v.version !== i + 1) issue(['versions', i, 'version'], transferMessages.versionNumber(i + 1));
      const decoded = decodeItem(raw.kind, v.body);
      if (!decoded.ok) for (const p of decoded.problems) issue(['versions', i, 'body', ...p.path], p.message);
      else versions.push({ ...v, body: decoded.value.body });
    });
    const last = versions.at(-1);
    if (last !== undefined && versions.length === raw.versions.length) {
      const c = itemColumns(versionItem(raw, last));
      if (c.type !== raw.type) issue(['type'], transferMessages.notCurrent('题型'));
      if (c.binding !== raw.binding) issue(['binding'], transferMessages.notCurrent('绑定'));
      if (c.difficulty !== raw.difficulty) issue(['difficulty'], transferMessages.notCurrent('难度'));
    }
    return { ...raw, versions };
  });

const TABLE_SCHEMAS = { theory: theoryElementTableSchema, practical: practicalStructureSchema } as const;

const elementTableSchema = z
  .object({ kind: z.enum(['theory', 'practical']), table: z.unknown() })
  .superRefine((t, ctx) => {
    // checked by the schema of its kind, carried as stored (the receiving bank compares it as stored)
    const parsed = validate(TABLE_SCHEMAS[t.kind], t.table);
    if (!parsed.ok) for (const p of parsed.problems) ctx.addIssue({ code: 'custom', message: p.message, path: ['table', ...p.path] });
  });

const snapshotBankSchema = z.object({
  bank: bankSchema,
  elementTables: z.array(elementTableSchema).max(2),
  items: z.array(itemSchema).max(TRANSFER_LIMITS.items, { error: transferMessages.tooManyItems }),
});

/** Base64 (RFC 4648 §4, padded). A plain character class: a grouped pattern overflows the regex stack on megabytes. */
function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}

/** Bytes a Base64 text decodes to. */
export function base64Bytes(text: string): number {
  return Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
}

const imageSchema = z.object({
  sha256: sha256Schema,
  contentType: z.enum(['image/png', 'image/jpeg']),
  base64: z.string().superRefine((text, ctx) => {
    if (text.length > Math.ceil(TRANSFER_LIMITS.imageBytes / 3) * 4) ctx.addIssue({ code: 'custom', message: transferMessages.imageTooBig });
    else if (text.length === 0 || !isBase64(text)) ctx.addIssue({ code: 'custom', message: transferMessages.base64 });
  }),
});

export const bankSnapshotSchema = z
  .object({
    format: z.literal(BANK_TRANSFER_FORMAT, { error: transferMessages.format }),
    sourceWorkstation: workstationIdSchema,
    exportedAt: z.string().min(1).max(40),
    exportedBy: z.string().min(1).max(100),
    banks: z.array(snapshotBankSchema).min(1, { error: transferMessages.noBanks }).max(TRANSFER_LIMITS.banks, { error: transferMessages.tooManyBanks }),
    images: z.array(imageSchema).max(TRANSFER_LIMITS.images, { error: transferMessages.tooManyImages }),
  })
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', message, path });
    if (s.banks.reduce((n, b) => n + b.items.length, 0) > TRANSFER_LIMITS.items) issue(['banks'], transferMessages.tooManyItems);
    const banks = new Set<string>();
    const origins = new Set<string>();
    s.banks.forEach((b, i) => {
      const key = `${b.bank.occupationCode}\u0000${b.bank.track}\u0000${b.bank.level}`;
      if (banks.has(key)) issue(['banks', i, 'bank'], transferMessages.duplicateBank);
      banks.add(key);
      const kinds = new Set<string>();
      b.elementTables.forEach((t, j) => {
        if (kinds.has(t.kind)) issue(['banks', i, 'elementTables', j, 'kind'], transferMessages.duplicateTable(transferMessages.tableKinds[t.kind]));
        kinds.add(t.kind);
      });
      b.items.forEach((item, j) => {
        if (origins.has(item.origin)) issue(['banks', i, 'items', j, 'origin'], transferMessages.duplicateOrigin(item.origin));
        origins.add(item.origin);
      });
    });
    const hashes = new Set<string>();
    let bytes = 0;
    s.images.forEach((img, i) => {
      if (hashes.has(img.sha256)) issue(['images', i, 'sha256'], transferMessages.duplicateImage(img.sha256));
      hashes.add(img.sha256);
      bytes += base64Bytes(img.base64);
    });
    if (bytes > TRANSFER_LIMITS.totalImageBytes) issue(['images'], transferMessages.imagesTooBig);
  });

export type BankSnapshot = z.output<typeof bankSnapshotSchema>;
export type SnapshotBank = BankSnapshot['banks'][number];
export type SnapshotImage = BankSnapshot['images'][number];

/** Reads a transfer (its parsed JSON) with Chinese messages naming the field; the version hashes are the services' to check. */
export function parseBankSnapshot(raw: unknown): Validated<BankSnapshot> {
  return validate(bankSnapshotSchema, raw, undefined, transferFieldLabels);
}

/** The image hashes the versions of these items refer to (theory figures, a task's 附图), in first-seen order. */
export function referencedImages(items: readonly Pick<SnapshotItem, 'versions'>[]): string[] {
  const seen = new Set<string>();
  for (const item of items) for (const v of item.versions) if ('images' in v.body) for (const h of v.body.images) seen.add(h);
  return [...seen];
}
