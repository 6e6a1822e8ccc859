/**
 * The 安全审计员 reads the access log: newest first, a page at a time, filtered by who (actor), what
 * (action, by its name or its Chinese summary), on what (an object reference such as `bank:1` or
 * `account:zhangwei`), register, result and time. Reading the log is itself registered (调阅), with
 * the rows shown and the filter used. One pass over the log; only the rows of the page are kept.
 */
import { z } from 'zod';
import { AUDIT_REGISTERS, AUDIT_RESULTS, type AuditRow } from '../../domain/audit.js';
import { iterateAuditRows } from '../../store/repositories/audit-log.js';
import { defineHandler } from '../handler.js';
import { auditListMessages as M } from './list-messages.js';
import { auditMessages } from './messages.js';

export const AUDIT_PAGE_LIMIT = 500;

const time = z
  .string()
  .trim()
  .refine((s) => !Number.isNaN(Date.parse(s)), { error: M.badTime })
  .transform((s) => new Date(Date.parse(s)).toISOString());

const filterText = z.string().trim().max(100).optional();

export const auditListInput = z
  .object({
    actor: filterText,
    action: filterText,
    object: filterText,
    register: z.enum(AUDIT_REGISTERS).optional(),
    result: z.enum(AUDIT_RESULTS).optional(),
    from: time.optional(),
    to: time.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(AUDIT_PAGE_LIMIT).default(50),
  })
  .strict()
  .refine((i) => i.from === undefined || i.to === undefined || i.from <= i.to, { error: M.fromAfterTo, path: ['to'] });

export type AuditListInput = z.output<typeof auditListInput>;

export interface AuditListRow {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  /** The action's Chinese name (the handler's summary). */
  readonly actionName: string;
  readonly register: string;
  readonly objects: readonly string[];
  readonly result: AuditRow['result'];
  readonly resultName: string;
  readonly detail: string;
  readonly hash: string;
}

export interface AuditPage {
  readonly rows: readonly AuditListRow[];
  /** Rows matching the filter in the whole log. */
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

const contains = (text: string, part: string | undefined) => part === undefined || part === '' || text.toLowerCase().includes(part.toLowerCase());

function matcher(input: AuditListInput, names: Readonly<Record<string, string>>): (r: AuditRow) => boolean {
  return (r) =>
    contains(r.actor, input.actor) &&
    (contains(r.action, input.action) || contains(names[r.action] ?? '', input.action)) &&
    (input.object === undefined || input.object === '' || r.objects.some((o) => contains(o, input.object))) &&
    (input.register === undefined || r.register === input.register) &&
    (input.result === undefined || r.result === input.result) &&
    (input.from === undefined || r.at >= input.from) &&
    (input.to === undefined || r.at <= input.to);
}

/** The page of matching rows, newest first: the newest offset + limit matches are kept while reading. */
export function listAuditLog(db: Parameters<typeof iterateAuditRows>[0], input: AuditListInput, names: Readonly<Record<string, string>>): AuditPage {
  const match = matcher(input, names);
  const keep = input.offset + input.limit;
  const newest: AuditRow[] = [];
  let total = 0;
  for (const row of iterateAuditRows(db)) {
    if (!match(row)) continue;
    total += 1;
    newest.push(row);
    // dropped in batches, so a deep page costs no more than a shallow one per row
    if (newest.length >= 2 * keep) newest.splice(0, newest.length - keep);
  }
  const page = newest.slice(-keep).reverse().slice(input.offset, keep);
  return {
    rows: page.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action,
      actionName: names[r.action] ?? r.action,
      register: r.register,
      objects: r.objects,
      result: r.result,
      resultName: auditMessages.resultNames[r.result],
      detail: r.detail,
      hash: r.hash,
    })),
    total,
    offset: input.offset,
    limit: input.limit,
  };
}

/** The filter as recorded with the read. */
function filterDetail(input: AuditListInput, total: number): string {
  const p = M.part;
  const parts = [
    input.actor ? p.actor(input.actor) : '',
    input.action ? p.action(input.action) : '',
    input.object ? p.object(input.object) : '',
    input.register === undefined ? '' : p.register(input.register),
    input.result === undefined ? '' : p.result(auditMessages.resultNames[input.result]),
    input.from === undefined ? '' : p.from(input.from),
    input.to === undefined ? '' : p.to(input.to),
  ].filter((s) => s !== '');
  return M.filter(parts, total).slice(0, 400);
}

/** `audit.list`; `actionNames` gives the Chinese name of every handler (the registry's summaries). */
export function auditListHandler(actionNames: () => Readonly<Record<string, string>>) {
  return defineHandler({
    name: 'audit.list',
    summary: '查阅审计日志',
    input: auditListInput,
    roles: ['auditor'],
    register: '调阅',
    objects: (_i, out: AuditPage) => {
      const seqs = out.rows.map((r) => r.seq);
      return seqs.length === 0 ? [] : [`audit:${Math.min(...seqs)}-${Math.max(...seqs)}`];
    },
    detail: (i, out: AuditPage) => filterDetail(i, out.total),
    run: (ctx, input): AuditPage => listAuditLog(ctx.db, input, { ...auditMessages.builtInActions, ...actionNames() }),
  });
}
