/**
 * Validation with Chinese messages that name the field (`第12行 选项C: 不能为空`).
 * Every schema of the domain is parsed through `validate`, never through `schema.parse` directly,
 * so that messages are uniform wherever data enters: CLI, import, GUI.
 */
import type { z } from 'zod';
import { expectedTypeNames, fieldLabels, genericMessages, letteredArrays, tabularArrays } from './messages.js';

export type Severity = 'error' | 'warning';

/** One finding about a piece of data: where it is, in Chinese, and what is wrong. */
export interface Problem {
  readonly severity: Severity;
  /** Machine path into the data, e.g. `['options', 2]`. */
  readonly path: readonly (string | number)[];
  /** Chinese name of the field, e.g. `选项C` or `评分标准第3行 配分`; empty for the whole object. */
  readonly field: string;
  readonly message: string;
}

export type Validated<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Thrown by services when data is rejected; carries every problem, not only the first. */
export class DomainValidationError extends Error {
  override name = 'DomainValidationError';
  constructor(
    readonly subject: string,
    readonly problems: readonly Problem[],
  ) {
    super(`${subject}：${problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p)).join('；')}`);
  }
}

/** `选项C: 不能为空`; with a row label: `第12行 选项C: 不能为空`. */
export function formatProblem(problem: Problem, rowLabel?: string): string {
  const where = [rowLabel, problem.field].filter((s) => s !== undefined && s !== '').join(' ');
  return where === '' ? problem.message : `${where}: ${problem.message}`;
}

/**
 * Turns a path like `['rubric', 2, 'points']` into `评分标准第3行 配分`. `overrides` names fields
 * whose meaning depends on the object (a person's `name` is 姓名, a task's `title` is 试题名称).
 */
export function labelPath(path: readonly PropertyKey[], overrides: Readonly<Record<string, string>> = {}): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (typeof seg === 'number') {
      const parent = path[i - 1];
      const parentKey = typeof parent === 'string' ? parent : '';
      const last = parts.pop() ?? '';
      if (letteredArrays.has(parentKey)) parts.push(`${last}${String.fromCharCode(65 + seg)}`);
      else if (tabularArrays.has(parentKey)) parts.push(`${last}第${seg + 1}行`);
      else parts.push(`${last}第${seg + 1}项`);
    } else if (typeof seg === 'string') {
      parts.push(overrides[seg] ?? fieldLabels[seg] ?? seg);
    }
  }
  return parts.join(' ');
}

/** A problem built by hand (cross-field rules that zod does not express). */
export function problem(path: readonly (string | number)[], message: string, severity: Severity = 'error'): Problem {
  return { severity, path, field: labelPath(path), message };
}

type RawIssue = z.core.$ZodRawIssue;

/** zod error map producing the Chinese generic messages; schemas may still give their own text. */
export function zhErrorMap(issue: RawIssue): string {
  const i = issue as RawIssue & Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type': {
      if (i.input === undefined || i.input === null || i.input === '') return genericMessages.required;
      const expected = String(i.expected ?? '');
      return genericMessages.invalidType(expectedTypeNames[expected] ?? expected);
    }
    case 'too_small': {
      const min = Number(i.minimum);
      if (i.origin === 'string') return genericMessages.tooShortText(min);
      if (i.origin === 'array' || i.origin === 'set')
        return i.exact === true ? genericMessages.exactItems(min) : genericMessages.tooFewItems(min);
      return genericMessages.tooSmall(min, i.inclusive !== false);
    }
    case 'too_big': {
      const max = Number(i.maximum);
      if (i.origin === 'string') return genericMessages.tooLongText(max);
      if (i.origin === 'array' || i.origin === 'set')
        return i.exact === true ? genericMessages.exactItems(max) : genericMessages.tooManyItems(max);
      return genericMessages.tooBig(max, i.inclusive !== false);
    }
    case 'invalid_value':
      return genericMessages.invalidValue((i.values as unknown[] | undefined) ?? [], i.input);
    case 'not_multiple_of':
      return genericMessages.notMultipleOf(Number(i.divisor));
    case 'unrecognized_keys':
      return genericMessages.unknownKeys((i.keys as string[] | undefined) ?? []);
    case 'invalid_format':
      return genericMessages.invalidFormat;
    case 'invalid_union':
      return genericMessages.invalid;
    default:
      return genericMessages.invalid;
  }
}

/**
 * Parses `input` with `schema`; then runs the cross-field `rules` (only when the shape is valid).
 * Warnings from the rules never block; errors do.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  rules?: (value: z.output<S>) => readonly Problem[],
  labels?: Readonly<Record<string, string>>,
): Validated<z.output<S>> {
  const parsed = schema.safeParse(input, { error: zhErrorMap });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        severity: 'error' as const,
        path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
        field: labelPath(issue.path, labels),
        message: issue.message,
      })),
    };
  }
  const found = rules ? rules(parsed.data) : [];
  const errors = found.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: found };
  return { ok: true, value: parsed.data, warnings: found };
}

/** Like `validate` but throws `DomainValidationError` naming the subject (e.g. `试题 12`). */
export function validateOrThrow<S extends z.ZodType>(
  subject: string,
  schema: S,
  input: unknown,
  rules?: (value: z.output<S>) => readonly Problem[],
  labels?: Readonly<Record<string, string>>,
): z.output<S> {
  const result = validate(schema, input, rules, labels);
  if (!result.ok) throw new DomainValidationError(subject, result.problems);
  return result.value;
}
