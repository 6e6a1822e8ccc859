/**
 * The review workflow of an item: 草稿 → 待审 → 已审 → 入库 → 停用, with the way back for rework, and
 * 入库 → 待审 when an exam sitting's statistics flag the item for the panel (app/domain/analysis/flags.ts).
 * Only 入库 items may go into papers; an item used in a paper may be retired (停用) but the version the
 * paper pinned never changes (versions are immutable). Editing makes a new version and sends the item
 * back to 草稿, except that a retired item cannot be edited. A 待归类 item (no 鉴定点 or no 难度 yet,
 * theory-item.ts) stays in 草稿 until it is bound.
 *
 * 四眼原则 (four eyes): an item is approved by someone who did not write it. 审核通过 (待审 → 已审) is
 * done by a 审核专家 of the bank, 入库 (已审 → 入库) by a 题库管理员 of the bank, and neither by an author
 * of the item — an account that created any of its versions (writing, importing, editing or binding
 * it). A 题库管理员 alone can therefore never bring an item into the bank.
 */
import type { ItemState } from './bank.js';
import type { Role } from './roles.js';
import type { ClassificationGap } from './theory-item.js';

export interface Transition {
  readonly from: ItemState;
  readonly to: ItemState;
  /** Verb shown to the user. */
  readonly verb: string;
  readonly roles: readonly Role[];
  readonly commentRequired: boolean;
  /** An approval (四眼原则): never by an author of the item. */
  readonly fourEyes: boolean;
  /** Taken only on evidence from elsewhere (an exam sitting's flags: `results.return`), never offered in batches or menus. */
  readonly onEvidence?: boolean;
}

export const TRANSITIONS: readonly Transition[] = [
  { from: '草稿', to: '待审', verb: '提交审核', roles: ['author', 'manager'], commentRequired: false, fourEyes: false },
  { from: '待审', to: '已审', verb: '审核通过', roles: ['reviewer'], commentRequired: false, fourEyes: true },
  { from: '待审', to: '草稿', verb: '退回修改', roles: ['reviewer', 'manager'], commentRequired: true, fourEyes: false },
  { from: '已审', to: '入库', verb: '入库', roles: ['manager'], commentRequired: false, fourEyes: true },
  { from: '已审', to: '草稿', verb: '退回修改', roles: ['manager'], commentRequired: true, fourEyes: false },
  { from: '入库', to: '停用', verb: '停用', roles: ['manager'], commentRequired: true, fourEyes: false },
  // an exam sitting's statistics flag it (likely key error, negative discrimination): the panel looks again
  { from: '入库', to: '待审', verb: '据统计复审', roles: ['manager'], commentRequired: true, fourEyes: false, onEvidence: true },
  { from: '停用', to: '入库', verb: '恢复入库', roles: ['manager'], commentRequired: true, fourEyes: false },
];

/** The four-eyes rule as stated to users (help texts and refusals). */
export const FOUR_EYES_RULE = '四眼原则：审核通过须由本题库的审核专家、入库须由本题库的题库管理员操作，且都不能是该试题任一版本的编写者';

/** Who asks for a step: their roles in the bank, and whether they wrote any version of the item. */
export interface TransitionActor {
  readonly roles: readonly Role[];
  readonly isAuthor: boolean;
}

export type TransitionCheck = { ok: true; transition: Transition } | { ok: false; message: string };

const GAP_NAMES: Readonly<Record<ClassificationGap, string>> = { element: '未绑定鉴定点', difficulty: '未定难度' };

/** The reason a 待归类 item may not take this step. */
export function unboundRefusal(verb: string, gaps: readonly ClassificationGap[]): string {
  return `试题待归类（${gaps.map((g) => GAP_NAMES[g]).join('、')}），不能${verb}：请先绑定鉴定点${gaps.includes('difficulty') ? '并给出难度' : ''}`;
}

/**
 * Whether `who` (bank roles, author or not) may move an item from `from` to `to` (with or without a
 * comment). `gaps`: what a 待归类 item still lacks (classificationGaps / itemGaps); such an item may
 * only go back to 草稿. An approval (`fourEyes`) is refused to an author of the item.
 */
export function checkTransition(from: ItemState, to: ItemState, who: TransitionActor, comment: string, gaps: readonly ClassificationGap[] = []): TransitionCheck {
  const t = TRANSITIONS.find((x) => x.from === from && x.to === to);
  if (!t) {
    const allowed = TRANSITIONS.filter((x) => x.from === from).map((x) => `${x.verb}（→${x.to}）`);
    return { ok: false, message: `试题状态不能从“${from}”改为“${to}”${allowed.length > 0 ? `；可以：${allowed.join('、')}` : ''}` };
  }
  if (gaps.length > 0 && to !== '草稿' && to !== '停用') return { ok: false, message: unboundRefusal(t.verb, gaps) };
  if (!t.roles.some((r) => who.roles.includes(r))) {
    return { ok: false, message: `“${t.verb}”需要本题库的${t.roles.map(roleLabel).join('或')}身份${t.fourEyes ? `（${FOUR_EYES_RULE}）` : ''}` };
  }
  if (t.fourEyes && who.isAuthor) return { ok: false, message: `您编写或修改过该试题，不能${t.verb}（${FOUR_EYES_RULE}）` };
  if (t.commentRequired && comment.trim() === '') return { ok: false, message: `“${t.verb}”须填写意见` };
  return { ok: true, transition: t };
}

const ROLE_LABELS: Partial<Record<Role, string>> = { author: '命题人员', reviewer: '审核专家', manager: '题库管理员' };
function roleLabel(r: Role): string {
  return ROLE_LABELS[r] ?? r;
}

/** Whether an item in this state may be edited (a new version). */
export function isEditable(state: ItemState): boolean {
  return state !== '停用';
}

/** Only 入库 items may be drawn into papers, and never a 待归类 one (`gaps`: what it still lacks). */
export function isEligibleForPapers(state: ItemState, gaps: readonly ClassificationGap[] = []): boolean {
  return state === '入库' && gaps.length === 0;
}
