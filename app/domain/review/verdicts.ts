/**
 * What the panel decides and what it means for the sets. Each expert gives every item of the assignment a
 * verdict (通过 / 修改后通过 / 不通过, a comment required unless 通过); the panel's verdict on an item is the
 * strictest of its members'. An item judged 不通过 cannot stay in a set that goes to the province: the
 * set is reassembled or the item replaced. An item judged 修改后通过 is revised by its author (a new
 * version), and the set must carry the revised version. The sign-off waits until both hold.
 */
import { z } from 'zod';

export const VERDICTS = ['通过', '修改后通过', '不通过'] as const;
export type Verdict = (typeof VERDICTS)[number];

const SEVERITY: Readonly<Record<Verdict, number>> = { 通过: 0, 修改后通过: 1, 不通过: 2 };

export const verdictInputSchema = z
  .object({
    itemId: z.number().int().positive(),
    version: z.number().int().positive(),
    verdict: z.enum(VERDICTS, { error: `审核结论必须是：${VERDICTS.join('、')}` }),
    comment: z.string().trim().max(2000).default(''),
  })
  .refine((v) => v.verdict === '通过' || v.comment.length >= 2, { error: '“修改后通过”和“不通过”须写明意见', path: ['comment'] });
export type VerdictInput = z.output<typeof verdictInputSchema>;

/** The strictest verdict; undefined for none. */
export function panelVerdict(verdicts: readonly Verdict[]): Verdict | undefined {
  let worst: Verdict | undefined;
  for (const v of verdicts) if (worst === undefined || SEVERITY[v] > SEVERITY[worst]) worst = v;
  return worst;
}

/** The conclusion the round's verdicts suggest: 不通过 when any item is rejected and 修改后通过 when any needs revision. */
export function suggestedConclusion(itemVerdicts: readonly Verdict[]): Verdict {
  return panelVerdict(itemVerdicts) ?? '通过';
}

/** One recorded verdict. */
export interface RecordedVerdict {
  readonly itemId: number;
  readonly version: number;
  readonly personId: number;
  readonly verdict: Verdict;
}

/** An item pinned by a set that goes to the province. */
export interface SetItem {
  readonly paperId: number;
  readonly setLabel: string;
  /** 理论知识 / 技能考核 / 综合评审. */
  readonly kindName: string;
  readonly itemId: number;
  readonly version: number;
  readonly code: string;
}

export interface SetBlocker {
  readonly paperId: number;
  readonly itemId: number;
  readonly kind: 'rejected' | 'unrevised';
  readonly message: string;
}

/**
 * The panel's verdict per item, from the verdicts on its newest reviewed version: a revised version
 * reviewed again replaces what was said of the old one.
 */
export function itemVerdicts(verdicts: readonly RecordedVerdict[]): Map<number, { version: number; verdict: Verdict }> {
  // one pass (a round of 500 items × 5 experts is read on every verdict of the workbench)
  const out = new Map<number, { version: number; verdict: Verdict }>();
  for (const v of verdicts) {
    const seen = out.get(v.itemId);
    if (!seen || v.version > seen.version) out.set(v.itemId, { version: v.version, verdict: v.verdict });
    else if (v.version === seen.version && SEVERITY[v.verdict] > SEVERITY[seen.verdict]) out.set(v.itemId, { version: v.version, verdict: v.verdict });
  }
  return out;
}

/**
 * What keeps the sets from being signed off: a set that pins an item judged 不通过, or pins the reviewed
 * version of an item judged 修改后通过 (it must pin a later, revised version).
 */
export function setBlockers(items: readonly SetItem[], verdicts: readonly RecordedVerdict[]): SetBlocker[] {
  const byItem = itemVerdicts(verdicts);
  const blockers: SetBlocker[] = [];
  for (const s of items) {
    const v = byItem.get(s.itemId);
    if (!v) continue;
    const where = `${s.kindName}${s.setLabel}套的试题 ${s.code}`;
    if (v.verdict === '不通过' && s.version <= v.version) {
      blockers.push({ paperId: s.paperId, itemId: s.itemId, kind: 'rejected', message: `${where} 被审核组判为“不通过”，不能留在报送的试卷中：请重新组卷或替换该题` });
    } else if (v.verdict === '修改后通过' && s.version <= v.version) {
      blockers.push({
        paperId: s.paperId,
        itemId: s.itemId,
        kind: 'unrevised',
        message: `${where} 被判为“修改后通过”，试卷仍是审核时的第 ${String(v.version)} 版：请命题人员修改、入库后更新试卷`,
      });
    }
  }
  return blockers;
}

/**
 * Items of the assignment an expert has not judged yet. The version revised after a 修改后通过 of the panel
 * (`all`: every verdict of the round) counts as judged — the revision is what the panel asked for; an item
 * put in to replace another is new to the panel and is judged like the rest.
 */
export function unjudged(
  assignment: readonly { itemId: number; version: number }[],
  mine: readonly RecordedVerdict[],
  all: readonly RecordedVerdict[] = mine,
): { itemId: number; version: number }[] {
  const done = new Set(mine.map((v) => `${String(v.itemId)}@${String(v.version)}`));
  const panel = itemVerdicts(all);
  return assignment.filter((a) => {
    if (done.has(`${String(a.itemId)}@${String(a.version)}`)) return false;
    const earlier = panel.get(a.itemId);
    return !(earlier && earlier.verdict === '修改后通过' && earlier.version < a.version);
  });
}
