/**
 * Reading what the assembly said: the causes of an infeasible run (the service's one Chinese message
 * `无法组卷：原因1；原因2` split back into its causes), the 细目表 nodes each cause names (鉴定范围
 * `A-B`, 鉴定点 `A-B-C-001`, a 技能考核 module `A`) so the screen can link to their items, the
 * overlap between stored sets, and a stored time as the user reads it. Pure.
 */
import type { PaperKind } from '../../../../domain/paper.js';

/** A piece of a cause: plain text, or a node code to link. */
export type CausePart = { readonly text: string } | { readonly text: string; readonly code: string };

/** The causes of `无法组卷：a；b；c` (or `未能组卷：…`); a message of another shape is one cause. */
export function splitCauses(message: string): { readonly heading: string; readonly causes: readonly string[] } {
  const m = /^(无法组卷|未能组卷)：([\s\S]*)$/.exec(message);
  if (!m) return { heading: '', causes: [message] };
  return { heading: m[1] ?? '', causes: (m[2] ?? '').split('；').map((c) => c.trim()).filter((c) => c !== '') };
}

/** A 鉴定范围 path, a 鉴定点 code or a module letter right after the word that names it. */
const NODE = /(鉴定范围|鉴定点)\s+([A-Z](?:-[A-Z])*(?:-\d{3})?)(?![A-Za-z0-9-])/g;

/** The cause cut into text and linkable codes (the word 鉴定范围/鉴定点 stays text). */
export function causeParts(cause: string): CausePart[] {
  const parts: CausePart[] = [];
  let at = 0;
  for (const m of cause.matchAll(NODE)) {
    const code = m[2] ?? '';
    const start = m.index + m[0].length - code.length;
    parts.push({ text: cause.slice(at, start) }, { text: code, code });
    at = start + code.length;
  }
  parts.push({ text: cause.slice(at) });
  return parts.filter((p) => p.text !== '');
}

/** Where the items of a node are listed: the 试题 tab filtered to it (theory by 鉴定点/范围, practical by module). */
export function nodeLink(bankId: number, kind: PaperKind, code: string): string {
  const q = kind === 'practical' ? `kind=practical&module=${encodeURIComponent(code)}` : `point=${encodeURIComponent(code)}`;
  return `/banks/${bankId}/items?${q}`;
}

/** Items shared by each pair of sets (the diagonal: each set's size). */
export function overlapOf(sets: readonly (readonly number[])[]): number[][] {
  const as = sets.map((ids) => new Set(ids));
  return as.map((a) => as.map((b) => [...a].filter((id) => b.has(id)).length));
}

/** `2026-12-03 21:23` in the workstation's time zone from a stored ISO time (as given when unreadable). */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
