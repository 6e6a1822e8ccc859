/**
 * The 鉴定点 and 难度 of the rows of an imported file before they are validated: the file's defaults
 * (`defaults: { difficulty, element }`) fill what a row lacks, never what it gives; then, when the items
 * are saved as 草稿, a theory row still without 鉴定点 becomes 待归类 (element ''), one without 难度
 * unrated (0) (app/domain/theory-item.ts). Rows with a 鉴定点 or 难度 that cannot be read keep it, so
 * that the problem is reported.
 */
import { z } from 'zod';
import { UNBOUND_ELEMENT, UNRATED_DIFFICULTY } from '../../domain/theory-item.js';
import { ServiceError } from '../errors.js';
import { importMessages } from './messages.js';

export const importDefaults = z
  .object({
    difficulty: z.number().int().min(1).max(5).optional(),
    element: z.string().trim().toUpperCase().min(1).optional(),
  })
  .default({});
export type ImportDefaults = z.output<typeof importDefaults>;

/** Refuses a default 鉴定点 that is not in the bank's current 细目表. */
export function checkDefaults(defaults: ImportDefaults, codes: ReadonlySet<string>): void {
  if (defaults.element !== undefined && !codes.has(defaults.element)) throw new ServiceError(importMessages.defaultElementUnknown(defaults.element));
}

const missing = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The raw theory row with the defaults applied and, when 待归类 items are allowed, the missing 鉴定点 and
 * 难度 marked. Other values (and non-object rows) are left as they are.
 */
export function classifyRaw(raw: unknown, defaults: ImportDefaults, allowUnbound: boolean): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const element = defaults.element ?? (allowUnbound ? UNBOUND_ELEMENT : undefined);
  const difficulty = defaults.difficulty ?? (allowUnbound ? UNRATED_DIFFICULTY : undefined);
  if (missing(out.element) && element !== undefined) out.element = element;
  if (missing(out.difficulty) && difficulty !== undefined) out.difficulty = difficulty;
  return out;
}
