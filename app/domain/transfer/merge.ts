/**
 * Merging a transferred bank's items into this workstation's (issue [G] item 8), decided per item
 * from the version hashes alone (snapshot.ts). Versions are never changed or removed: an item either
 * gets the versions it lacks appended, or is left as it is.
 *
 * - `create`: the origin is unknown here: the item is created with all its versions.
 * - `identical`: the same versions on both sides.
 * - `fastForward`: the local versions are a prefix of the incoming ones: the extra versions are appended.
 * - `localAhead`: the incoming versions are a prefix of the local ones: nothing to do.
 * - `conflict`: both sides changed the item since their common versions: nothing is applied; the
 *   first differing version, both hashes and how many versions each side has after the common
 *   prefix are reported, for a person to settle.
 *
 * The state an item arrives in (`arrivalState`): a review made on another workstation does not count
 * here. A new item arriving 已审 or 入库 arrives 待审 (this workstation's panel decides); 草稿, 待审 and
 * 停用 arrive as they are. A fast-forwarded item has versions nobody here has reviewed: it goes back to
 * 待审, except that an item retired here stays 停用 (its new versions are kept for the record, it is not
 * revived) and a 待归类 item (no 鉴定点 or 难度 in its new version) can only be a 草稿.
 */
import type { ItemState } from '../bank.js';
import { itemGaps, type ItemKind } from '../item.js';

/** What the merge needs of a local item: its origin, id, state and its versions' hashes in order. */
export interface LocalItemState {
  readonly origin: string;
  readonly itemId: number;
  readonly state: ItemState;
  /** SHA-256 of each version's canonical body, version 1 first. */
  readonly versions: readonly string[];
}

/** What the merge needs of an incoming item (a SnapshotItem is one). */
export interface IncomingItemState {
  readonly origin: string;
  readonly kind: ItemKind;
  readonly binding: string;
  readonly difficulty: number | null;
  readonly state: ItemState;
  readonly versions: readonly { readonly version: number; readonly sha256: string }[];
}

export type MergeAction = 'create' | 'identical' | 'fastForward' | 'localAhead' | 'conflict';
export const MERGE_ACTIONS: readonly MergeAction[] = ['create', 'identical', 'fastForward', 'localAhead', 'conflict'];

export type MergeStep<I extends IncomingItemState = IncomingItemState> =
  | { readonly action: 'create'; readonly origin: string; readonly incoming: I; readonly state: ItemState }
  | { readonly action: 'identical'; readonly origin: string; readonly itemId: number; readonly versions: number }
  | {
      readonly action: 'fastForward';
      readonly origin: string;
      readonly itemId: number;
      readonly incoming: I;
      /** Local versions (the common prefix); the versions after it are appended. */
      readonly from: number;
      readonly append: readonly I['versions'][number][];
      readonly fromState: ItemState;
      readonly state: ItemState;
    }
  | { readonly action: 'localAhead'; readonly origin: string; readonly itemId: number; readonly local: number; readonly incoming: number }
  | {
      readonly action: 'conflict';
      readonly origin: string;
      readonly itemId: number;
      /** The first version that differs (common prefix + 1). */
      readonly version: number;
      /** Its hash on each side. */
      readonly localSha256: string;
      readonly incomingSha256: string;
      readonly local: number;
      readonly incoming: number;
      /** Versions each side has after the common prefix. */
      readonly localAfter: number;
      readonly incomingAfter: number;
    };

export interface MergePlan<I extends IncomingItemState = IncomingItemState> {
  /** One step per incoming item, in the incoming order. */
  readonly steps: readonly MergeStep<I>[];
  readonly counts: Readonly<Record<MergeAction, number>>;
}

/** The state an incoming item takes here (see the header); `local` is the local item's state, null for a new item. */
export function arrivalState(incoming: Pick<IncomingItemState, 'kind' | 'binding' | 'difficulty' | 'state'>, local: ItemState | null): ItemState {
  if (local === '停用') return '停用';
  if (itemGaps(incoming).length > 0) return '草稿';
  if (local !== null) return '待审';
  return incoming.state === '已审' || incoming.state === '入库' ? '待审' : incoming.state;
}

/** Versions both sides share from version 1 on. */
function commonPrefix(local: readonly string[], incoming: readonly string[]): number {
  let n = 0;
  while (n < local.length && n < incoming.length && local[n] === incoming[n]) n++;
  return n;
}

function stepOf<I extends IncomingItemState>(local: LocalItemState | undefined, incoming: I): MergeStep<I> {
  const origin = incoming.origin;
  if (local === undefined) return { action: 'create', origin, incoming, state: arrivalState(incoming, null) };
  const theirs = incoming.versions.map((v) => v.sha256);
  const p = commonPrefix(local.versions, theirs);
  const itemId = local.itemId;
  const [l, i] = [local.versions.length, theirs.length];
  if (p === l && p === i) return { action: 'identical', origin, itemId, versions: l };
  if (p === l) {
    return { action: 'fastForward', origin, itemId, incoming, from: l, append: incoming.versions.slice(l) as I['versions'][number][], fromState: local.state, state: arrivalState(incoming, local.state) };
  }
  if (p === i) return { action: 'localAhead', origin, itemId, local: l, incoming: i };
  return {
    action: 'conflict',
    origin,
    itemId,
    version: p + 1,
    localSha256: local.versions[p] ?? '',
    incomingSha256: theirs[p] ?? '',
    local: l,
    incoming: i,
    localAfter: l - p,
    incomingAfter: i - p,
  };
}

/** The step of each incoming item against the local items of the same origin. Pure: nothing is applied. */
export function planMerge<I extends IncomingItemState>(local: readonly LocalItemState[], incoming: readonly I[]): MergePlan<I> {
  const byOrigin = new Map(local.map((l) => [l.origin, l]));
  const steps = incoming.map((item) => stepOf(byOrigin.get(item.origin), item));
  const counts = Object.fromEntries(MERGE_ACTIONS.map((a) => [a, 0])) as Record<MergeAction, number>;
  for (const s of steps) counts[s.action]++;
  return { steps, counts };
}

/** `第 3 版` or `第 3–4 版`. */
function versionRange(first: number, last: number): string {
  return first === last ? `第 ${first} 版` : `第 ${first}–${last} 版`;
}

export const mergeMessages = {
  conflict: (s: Extract<MergeStep, { action: 'conflict' }>) =>
    `冲突：试题 #${s.itemId}（来源 ${s.origin}）第 ${s.version} 版两边不同（本地 ${s.local} 版，传入 ${s.incoming} 版；共同的前 ${s.version - 1} 版之后本地 ${s.localAfter} 版、传入 ${s.incomingAfter} 版），未合并，请人工处理`,
  fastForward: (s: Extract<MergeStep, { action: 'fastForward' }>) =>
    `追加：试题 #${s.itemId}（来源 ${s.origin}）传入${versionRange(s.from + 1, s.from + s.append.length)}，${
      s.state === '停用' ? '本机已停用，保持停用' : s.state === s.fromState ? `仍为${s.state}` : `由${s.fromState}改为${s.state}`
    }`,
  localAhead: (s: Extract<MergeStep, { action: 'localAhead' }>) =>
    `本机较新：试题 #${s.itemId}（来源 ${s.origin}）本地 ${s.local} 版，传入 ${s.incoming} 版，未改动`,
  /** The transition comment of a fast-forward. */
  arrivedVersions: (workstation: string, first: number, last: number) => `由工作站 ${workstation} 传入${versionRange(first, last)}`,
  /** The transition comment of a created item. */
  arrivedItem: (workstation: string, origin: string, sourceState: ItemState, state: ItemState) =>
    `由工作站 ${workstation} 传入（来源 ${origin}，原状态${sourceState}${sourceState === state ? '' : `，在本机为${state}，须经本机审核`}）`,
  counts: (c: Readonly<Record<MergeAction, number>>) =>
    `新建 ${c.create} 题，追加版本 ${c.fastForward} 题，相同 ${c.identical} 题，本机较新 ${c.localAhead} 题，冲突 ${c.conflict} 题`,
} as const;

/** One Chinese line per step that needs telling (fast-forwards, local-ahead items, conflicts); created and identical items are counted only. */
export function mergeLines(plan: MergePlan): string[] {
  const lines: string[] = [];
  for (const s of plan.steps) {
    if (s.action === 'fastForward') lines.push(mergeMessages.fastForward(s));
    else if (s.action === 'localAhead') lines.push(mergeMessages.localAhead(s));
    else if (s.action === 'conflict') lines.push(mergeMessages.conflict(s));
  }
  return lines;
}
