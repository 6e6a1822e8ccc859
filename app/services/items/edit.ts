/**
 * Editing an item: the whole content (`items.save`, any kind: the body as `items.get` returns it) or
 * single fields of a theory item (`items.patch`: 题干, 选项 by letter, 答案, 解析, 难度, 鉴定点). Either makes
 * a new immutable version, checked by the rules of the item's kind for its bank, and sends the item
 * back to 草稿 (a 待归类 item may stay so). A retired item cannot be edited; an edit that changes
 * nothing is refused (no version without a difference). Problems name the field (`选项C: 不能为空`).
 */
import { z } from 'zod';
import { itemGaps, itemKindNames, ITEM_KINDS, type ItemKind } from '../../domain/item.js';
import { OPTION_LETTERS, type TheoryItem } from '../../domain/theory-item.js';
import { DomainValidationError, problem, type Problem } from '../../domain/validation.js';
import { isEditable } from '../../domain/workflow.js';
import { inTransaction } from '../../store/database.js';
import { addVersion, getItem } from '../../store/repositories/items.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler } from '../handler.js';
import { indexItemText } from '../search/handlers.js';
import { itemRef } from './bind.js';
import { itemsMessages } from './messages.js';
import { requireItemInBank, validateOne } from './one.js';

export interface SavedVersion {
  readonly version: number;
}

/** Checks `body` as the next version of the item and saves it (back to 草稿); refuses an unchanged body. */
function saveVersion(ctx: ServiceContext, bankId: number, itemId: number, body: unknown, note: string, kind?: ItemKind): SavedVersion {
  const current = requireItemInBank(ctx, bankId, itemId);
  if (!isEditable(current.state)) throw new ServiceError(itemsMessages.retired(itemId));
  if (kind !== undefined && kind !== current.kind) throw new ServiceError(itemsMessages.otherKind(itemId, itemKindNames[current.kind], itemKindNames[kind]));
  const result = validateOne(ctx, bankId, current.kind, body, itemGaps(current).length > 0);
  if (!result.ok) throw new DomainValidationError(itemsMessages.item(itemId), result.problems);
  const item = result.value;
  if (JSON.stringify(item.body) === JSON.stringify(getItem(ctx.db, itemId).body)) throw new ServiceError(itemsMessages.unchanged(itemId, current.version));
  const version = inTransaction(ctx.db, () => {
    const v = addVersion(ctx.db, itemId, { item, state: '草稿', note }, ctx.actor.username, timestamp(ctx));
    indexItemText(ctx.db, itemId, item);
    return v;
  });
  return { version };
}

const TRUE_KEYS = new Set(['√', '✓', '对', '正确', 'T', 'TRUE', 'Y']);
const FALSE_KEYS = new Set(['×', '✗', 'X', '错', '错误', 'F', 'FALSE', 'N']);

const patchInput = itemRef.extend({
  stem: z.string().optional(),
  /** Options by letter: a text replaces that option, the next letter adds one, '' for the last removes it. */
  options: z.partialRecord(z.enum(OPTION_LETTERS), z.string()).optional(),
  /** `√`/`×` (also 对/错) for 判断题, letters for the others. */
  key: z.string().trim().min(1).max(10).optional(),
  explanation: z.string().optional(),
  difficulty: z.number().int().min(1).max(5).optional(),
  element: z.string().optional(),
  note: z.string().max(200).default(''),
});
type PatchInput = z.output<typeof patchInput>;

/** The new options, or the problems of the letters given. */
function patchOptions(options: readonly string[], changes: Partial<Record<string, string>>): { options: string[]; problems: Problem[] } {
  const out = [...options];
  const problems: Problem[] = [];
  const letters = Object.keys(changes).sort();
  for (const letter of letters) {
    const i = OPTION_LETTERS.indexOf(letter as (typeof OPTION_LETTERS)[number]);
    const text = changes[letter] ?? '';
    if (text.trim() === '') {
      if (i === out.length - 1 && letter === letters.at(-1)) out.pop();
      else problems.push(problem(['options', i], itemsMessages.optionRemoveLast(OPTION_LETTERS[out.length - 1] ?? '')));
    } else if (i > out.length) problems.push(problem(['options', i], itemsMessages.optionGap(out.length, OPTION_LETTERS[out.length] ?? '')));
    else out[i] = text;
  }
  return { options: out, problems };
}

/** The current theory body with the fields of `input` changed (not validated yet). */
function patched(body: TheoryItem, input: PatchInput): { body: Record<string, unknown>; problems: Problem[] } {
  const next: Record<string, unknown> = { ...body };
  const problems: Problem[] = [];
  if (input.stem !== undefined) next.stem = input.stem;
  if (input.explanation !== undefined) next.explanation = input.explanation;
  if (input.difficulty !== undefined) next.difficulty = input.difficulty;
  if (input.element !== undefined) next.element = input.element;
  if (input.options !== undefined) {
    if (body.type === 'trueFalse') problems.push(problem(['options'], itemsMessages.noOptions));
    else {
      const r = patchOptions(body.options, input.options);
      next.options = r.options;
      problems.push(...r.problems);
    }
  }
  if (input.key !== undefined) {
    const key = input.key.toUpperCase();
    if (body.type !== 'trueFalse') next.key = key;
    else if (TRUE_KEYS.has(key)) next.key = true;
    else if (FALSE_KEYS.has(key)) next.key = false;
    else problems.push(problem(['key'], itemsMessages.trueFalseKey));
  }
  return { body: next, problems };
}

export const editHandlers = [
  /** Editing makes a new version (never changes an old one) and sends the item back to 草稿; a 待归类 item may stay so. */
  defineHandler({
    name: 'items.save',
    summary: '修改试题（保存新版本）',
    input: itemRef.extend({ item: z.unknown(), note: z.string().max(200).default(''), kind: z.enum(ITEM_KINDS).optional() }),
    roles: ['manager', 'author'],
    register: '',
    secret: true,
    bank: bankOf('manager', 'author'),
    objects: (i, out: SavedVersion) => [`bank:${i.bankId}`, `item:${i.itemId}@${out.version}`],
    run: (ctx, input): SavedVersion => saveVersion(ctx, input.bankId, input.itemId, input.item, input.note, input.kind),
  }),
  /** Single fields of a theory item (the common corrections after a lint finding): a new version as any edit. */
  defineHandler({
    name: 'items.patch',
    summary: '修改试题的个别字段（保存新版本）',
    input: patchInput,
    roles: ['manager', 'author'],
    register: '',
    secret: true,
    bank: bankOf('manager', 'author'),
    objects: (i, out: SavedVersion) => [`bank:${i.bankId}`, `item:${i.itemId}@${out.version}`],
    run: (ctx, input): SavedVersion => {
      const current = requireItemInBank(ctx, input.bankId, input.itemId);
      if (current.kind !== 'theory') throw new ServiceError(itemsMessages.patchTheoryOnly(input.itemId, itemKindNames[current.kind]));
      const fields = [input.stem, input.options, input.key, input.explanation, input.difficulty, input.element];
      if (fields.every((f) => f === undefined)) throw new ServiceError(itemsMessages.patchNothing);
      const { body, problems } = patched(getItem(ctx.db, input.itemId).body as TheoryItem, input);
      if (problems.length > 0) throw new DomainValidationError(itemsMessages.item(input.itemId), problems);
      return saveVersion(ctx, input.bankId, input.itemId, body, input.note);
    },
  }),
] as const;
