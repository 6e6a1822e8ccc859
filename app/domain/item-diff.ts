/**
 * A readable difference between two versions of an item: the item is flattened into labelled fields
 * (题干, 选项C, 评分标准第3行 配分 …) and each changed field gets a character-level diff, which suits
 * Chinese text (no word boundaries). Works for every item kind.
 */
import { labelPath } from './validation.js';

export interface DiffSegment {
  readonly op: '=' | '+' | '-';
  readonly text: string;
}

export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
  readonly segments: readonly DiffSegment[];
  /** `前【-删去的】【+加上的】后` */
  readonly inline: string;
}

/** Leaf values of an object keyed by their Chinese field label, in document order. */
export function flattenFields(value: unknown, path: (string | number)[] = [], out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null) && path.at(-1) !== 'options') {
      out.set(labelPath(path), value.map(String).join('\n'));
    } else value.forEach((v, i) => flattenFields(v, [...path, i], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flattenFields(v, [...path, k], out);
  } else if (value !== undefined) {
    out.set(labelPath(path), typeof value === 'boolean' ? (value ? '√' : '×') : String(value));
  }
  return out;
}

const MAX_DP = 4_000_000;

/** Character diff by longest common subsequence (falls back to replace-all for very long texts). */
export function diffText(before: string, after: string): DiffSegment[] {
  const a = [...before];
  const b = [...after];
  if (a.length * b.length > MAX_DP) {
    return [...(before ? [{ op: '-' as const, text: before }] : []), ...(after ? [{ op: '+' as const, text: after }] : [])];
  }
  const n = a.length;
  const m = b.length;
  const dp = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * (m + 1) + j] = a[i] === b[j] ? (dp[(i + 1) * (m + 1) + j + 1] as number) + 1 : Math.max(dp[(i + 1) * (m + 1) + j] as number, dp[i * (m + 1) + j + 1] as number);
    }
  }
  const segs: DiffSegment[] = [];
  const push = (op: DiffSegment['op'], ch: string) => {
    const last = segs.at(-1);
    if (last && last.op === op) segs[segs.length - 1] = { op, text: last.text + ch };
    else segs.push({ op, text: ch });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('=', a[i] as string);
      i++;
      j++;
    } else if ((dp[(i + 1) * (m + 1) + j] as number) >= (dp[i * (m + 1) + j + 1] as number)) push('-', a[i++] as string);
    else push('+', b[j++] as string);
  }
  while (i < n) push('-', a[i++] as string);
  while (j < m) push('+', b[j++] as string);
  return segs;
}

export function renderInline(segments: readonly DiffSegment[]): string {
  return segments.map((s) => (s.op === '=' ? s.text : s.op === '+' ? `【+${s.text}】` : `【-${s.text}】`)).join('');
}

/** The fields that differ between two versions, in the order of the newer one. */
export function diffItems(before: unknown, after: unknown): FieldChange[] {
  const a = flattenFields(before);
  const b = flattenFields(after);
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const x = a.get(field) ?? '';
    const y = b.get(field) ?? '';
    if (x === y) continue;
    const segments = diffText(x, y);
    changes.push({ field, before: x, after: y, segments, inline: renderInline(segments) });
  }
  return changes;
}
