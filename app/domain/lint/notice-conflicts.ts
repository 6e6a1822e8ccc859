/**
 * One set's 考生准备通知单 must not contradict itself: the candidates of a sitting receive the
 * notices of all its tasks, so a 削笔刀 one task asks them to bring while another's 注意事项 says
 * 不得携带刀具 is a contradiction a provincial reviewer circles (and a candidate cannot obey).
 *
 * Forbidden things are read from the notes of the candidate and site notices: a sentence with
 * 不得携带 / 禁止携带 / 严禁携带, its list split at 、，和及与 and cut before 等 / 入场 / 进入.
 * A thing brought (any row of the candidate notice) conflicts with a forbidden term when one contains
 * the other, or when the item's name contains the term's head — the term without a generic suffix
 * such as 具/类/物品/用品 (刀具 → 刀 matches 削笔刀; 电子设备 stays whole).
 */
import type { PracticalTask } from '../practical-task.js';
import { NOTICE_GROUPS } from '../practical-task.js';
import { toCompact } from '../text/normalise.js';
import type { LintFinding } from './item-lint.js';
import { noticeConflictMessages as M } from './messages.js';

const FORBID = /(?:不得|禁止|严禁|不准|不允许)(?:携带|带入|自带)([^。；;！!]*)/gu;
const LIST_END = /(?:等|入场|进入|进场|参加|参考|到场).*$/u;
const SEPARATORS = /[、，,和及与或/]+/u;
const GENERIC_SUFFIX = /(?:用品|物品|器具|工具|类|具|品)$/u;

export interface NoticeConflict {
  /** Index in the set (0-based) of the task whose candidate notice lists the item. */
  readonly bringing: number;
  readonly item: string;
  /** Index of the task whose note forbids it. */
  readonly forbidding: number;
  readonly term: string;
  readonly note: string;
}

/** The things a note forbids candidates to bring: `不得携带刀具、胶水等可能损坏图纸的物品。` → 刀具, 胶水. */
export function forbiddenTerms(note: string): string[] {
  const terms: string[] = [];
  for (const match of note.matchAll(FORBID)) {
    const list = (match[1] ?? '').replace(LIST_END, '');
    for (const part of list.split(SEPARATORS)) {
      const term = toCompact(part).replace(/^(?:任何|其他|其它)/u, '');
      if (term.length > 0) terms.push(term);
    }
  }
  return terms;
}

function conflicts(item: string, term: string): boolean {
  const name = toCompact(item);
  if (name.includes(term) || term.includes(name)) return true;
  const head = term.replace(GENERIC_SUFFIX, '');
  return head.length > 0 && head !== term && name.includes(head);
}

function broughtItems(task: PracticalTask): string[] {
  return NOTICE_GROUPS.flatMap((g) => task.candidateNotice[g].map((row) => row.name));
}

function notes(task: PracticalTask): string[] {
  return [...task.candidateNotice.notes, ...task.siteNotice.notes];
}

/** Every (brought item, forbidding note) pair across the tasks of one set, in task order. */
export function noticeConflicts(tasks: readonly PracticalTask[]): NoticeConflict[] {
  const out: NoticeConflict[] = [];
  const forbids = tasks.flatMap((task, t) => notes(task).flatMap((note) => forbiddenTerms(note).map((term) => ({ t, term, note }))));
  tasks.forEach((task, bringing) => {
    for (const item of broughtItems(task)) {
      const hit = forbids.find((f) => conflicts(item, f.term));
      if (hit !== undefined) out.push({ bringing, item, forbidding: hit.t, term: hit.term, note: hit.note });
    }
  });
  return out;
}

/** The conflicts as lint findings of the set, naming the tasks as they are numbered on the paper (试题1 …). */
export function noticeConflictFindings(tasks: readonly PracticalTask[]): LintFinding[] {
  const name = (i: number) => `试题${String(i + 1)}`;
  return noticeConflicts(tasks).map((c) => ({
    rule: 'notice-conflict',
    severity: 'error',
    field: M.title,
    message: M.conflict(c.item, name(c.bringing), c.term, c.bringing === c.forbidding ? '同一题' : name(c.forbidding), c.note),
  }));
}
