/**
 * `qbank items edit` and `qbank items add`: items from JSON files and field flags. The CLI only reads
 * the file and unwraps what `items show --json` prints (`{ id, kind, body, … }`) so that a shown item
 * can be edited and saved back; the services check the content and name each wrong field.
 */
import { ITEM_KINDS, itemKindNames, type ItemKind } from '../../domain/item.js';
import { THEORY_ITEM_TYPES } from '../../domain/theory-item.js';
import { handlers } from '../../services/registry.js';
import { IMPORT_MAX_BYTES } from '../../services/import/file-bounds.js';
import { readInput, stringOption, UsageError, type CommandContext } from '../command.js';
import { call, intArg, type SubCommand } from '../group.js';
import { itemsText } from '../messages/items.js';

function readJson(ctx: CommandContext, file: string): unknown {
  const bytes = readInput(ctx, file, IMPORT_MAX_BYTES);
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw new UsageError(itemsText.badJson(file, (e as Error).message));
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isKind = (v: unknown): v is ItemKind => typeof v === 'string' && (ITEM_KINDS as readonly string[]).includes(v);

/** A record as `items show --json` prints it (kind and body), or a bare body. */
function unwrap(value: unknown): { body: unknown; kind?: ItemKind; id?: unknown } {
  if (isObject(value) && isKind(value.kind) && 'body' in value) return { body: value.body, kind: value.kind, id: value.id };
  return { body: value };
}

/** The kind a bare body looks like: a 题型 of theory, a 职业功能 (practical) or a 评分表 (综合评审). */
function kindOf(body: unknown): ItemKind | undefined {
  if (!isObject(body)) return undefined;
  if ((THEORY_ITEM_TYPES as readonly unknown[]).includes(body.type)) return 'theory';
  if ('scoreSheet' in body) return 'comprehensive';
  if ('module' in body || 'rubric' in body) return 'practical';
  return undefined;
}

function kindOption(ctx: CommandContext): ItemKind | undefined {
  const v = stringOption(ctx, 'kind');
  if (v === undefined) return undefined;
  if (!isKind(v)) throw new UsageError(itemsText.badKind(v));
  return v;
}

/** `--option C=米` (repeatable) as options by letter. */
function optionsOf(ctx: CommandContext): Record<string, string> | undefined {
  const raw = ctx.values.option;
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
  if (list.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const v of list) {
    const m = /^\s*([A-Ea-e])\s*[=＝:：]([\s\S]*)$/.exec(v);
    if (!m) throw new UsageError(itemsText.badOption(v));
    out[(m[1] ?? '').toUpperCase()] = (m[2] ?? '').trim();
  }
  return out;
}

function difficultyOf(ctx: CommandContext): number | undefined {
  const v = stringOption(ctx, 'difficulty');
  if (v === undefined) return undefined;
  if (!/^[1-5]$/.test(v.trim())) throw new UsageError(itemsText.badDifficulty(v));
  return Number(v);
}

const FIELD_FLAGS = ['stem', 'key', 'explanation', 'element'] as const;

export const editCommand: SubCommand = {
  name: 'edit',
  usage: itemsText.editUsage,
  summary: itemsText.editSummary,
  run: async (ctx, s, args) => {
    const bankId = intArg(args, 0, itemsText.bank);
    const itemId = intArg(args, 1, itemsText.item);
    const note = stringOption(ctx, 'note') ?? '';
    const file = stringOption(ctx, 'file');
    const fields = Object.fromEntries(FIELD_FLAGS.flatMap((f) => (stringOption(ctx, f) !== undefined ? [[f, stringOption(ctx, f)]] : [])));
    const options = optionsOf(ctx);
    const difficulty = difficultyOf(ctx);
    const patch = { ...fields, ...(options ? { options } : {}), ...(difficulty !== undefined ? { difficulty } : {}) };
    const saved = (v: { version: number }) => [itemsText.saved(itemId, v.version)];
    if (file !== undefined) {
      if (Object.keys(patch).length > 0) throw new UsageError(itemsText.fileOrFields);
      const { body, kind, id } = unwrap(readJson(ctx, file));
      if (id !== undefined && id !== itemId) throw new UsageError(itemsText.otherItemInFile(file, Number(id), itemId));
      await call(ctx, s, handlers['items.save'], { bankId, itemId, item: body, note, ...(kind ? { kind } : {}) }, saved);
      return;
    }
    if (Object.keys(patch).length === 0) throw new UsageError(itemsText.noChange);
    await call(ctx, s, handlers['items.patch'], { bankId, itemId, ...patch, note }, saved);
  },
};

/** Ids as compact runs: `12–20、25`. */
function idRuns(ids: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < ids.length; ) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === (ids[j] ?? 0) + 1) j++;
    runs.push(i === j ? String(ids[i]) : `${ids[i]}–${ids[j]}`);
    i = j + 1;
  }
  return runs.join('、');
}

const ADD_HANDLERS = { theory: 'items.addTheory', practical: 'items.addPractical', comprehensive: 'items.addComprehensive' } as const;

export const addCommand: SubCommand = {
  name: 'add',
  usage: itemsText.addUsage,
  summary: itemsText.addSummary,
  run: async (ctx, s, args) => {
    const bankId = intArg(args, 0, itemsText.bank);
    const file = stringOption(ctx, 'file');
    if (file === undefined) throw new UsageError(itemsText.missingFile);
    const wanted = kindOption(ctx);
    const parsed = readJson(ctx, file);
    const rows = (Array.isArray(parsed) ? parsed : [parsed]).map(unwrap);
    if (rows.length === 0) throw new UsageError(itemsText.emptyFile(file));
    const kinds = rows.map((r, i) => {
      const k = r.kind ?? kindOf(r.body) ?? wanted;
      if (k === undefined) throw new UsageError(itemsText.kindUnknown(file, i + 1));
      if (wanted !== undefined && k !== wanted) throw new UsageError(itemsText.kindMismatch(file, i + 1, itemKindNames[k], wanted));
      return k;
    });
    const distinct = [...new Set(kinds)];
    const kind = distinct[0] as ItemKind;
    if (distinct.length > 1) throw new UsageError(itemsText.kindsMixed(file, distinct.map((k) => itemKindNames[k]).join('、')));
    await call(ctx, s, handlers[ADD_HANDLERS[kind]], { bankId, items: rows.map((r) => r.body) }, (out) => [
      itemsText.added(out.ids.length, itemKindNames[kind], idRuns(out.ids)),
    ]);
  },
};
