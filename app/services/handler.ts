/**
 * One handler per use case: a name, a zod input schema, the roles allowed to call it, how it is
 * registered in the access log, and the function. `invoke` is the single way in from every shell
 * (CLI, Electron IPC, GUI tests): it validates the input, checks the actor's roles and records the
 * call (success, refusal or failure) in the hash-chained access log.
 */
import type { z } from 'zod';
import type { AuditRegister } from '../domain/audit.js';
import { hasAnyRole, roleNames, type Role } from '../domain/roles.js';
import { validateOrThrow } from '../domain/validation.js';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { PermissionDeniedError } from './errors.js';

export interface Handler<S extends z.ZodType = z.ZodType, O = unknown> {
  /** `area.verb`, e.g. `banks.create`. */
  readonly name: string;
  /** Chinese one-line description (help texts, audit registers). */
  readonly summary: string;
  readonly input: S;
  /** Roles that may call it; `any` for reference data that is not secret. */
  readonly roles: readonly Role[] | 'any';
  /** Register of the access log the call belongs to ('' for none). */
  readonly register: AuditRegister;
  /** Object references recorded with a successful call (ids only, never content). */
  objects?(input: z.output<S>, output: O): readonly string[];
  run(ctx: ServiceContext, input: z.output<S>): O | Promise<O>;
}

export function defineHandler<S extends z.ZodType, O>(handler: Handler<S, O>): Handler<S, O> {
  return handler;
}

function errorDetail(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

export async function invoke<S extends z.ZodType, O>(ctx: ServiceContext, handler: Handler<S, O>, rawInput: unknown): Promise<O> {
  const audit = (result: 'ok' | 'refused' | 'error', objects: readonly string[], detail: string) =>
    recordAudit(ctx, { action: handler.name, register: result === 'refused' ? '拒绝' : handler.register, objects, result, detail });

  let input: z.output<S>;
  try {
    input = validateOrThrow(handler.summary, handler.input, rawInput);
  } catch (e) {
    audit('error', [], errorDetail(e));
    throw e;
  }
  if (handler.roles !== 'any' && !hasAnyRole(ctx.actor, handler.roles)) {
    const need = handler.roles.map((r) => roleNames[r]).join('或');
    const error = new PermissionDeniedError(`权限不足：“${handler.summary}”需要${need}身份`);
    audit('refused', [], error.message);
    throw error;
  }
  try {
    const output = await handler.run(ctx, input);
    audit('ok', handler.objects?.(input, output) ?? [], '');
    return output;
  } catch (e) {
    audit('error', [], errorDetail(e));
    throw e;
  }
}
