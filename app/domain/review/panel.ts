/**
 * The internal review panel (附件6 三(五)): at least five experts, 方法专家, 内容专家 and 实际工作专家 all
 * present, one 审核组长, none on the bank's development team, none running related training (规程第十五条),
 * each with a 保密责任书 valid over the review dates (规程第七条) and an account to review and sign with.
 * Every violation is a Chinese sentence naming the person and the rule, and blocks the sign-off.
 */
import { z } from 'zod';
import { dateSchema, EXPERT_ROLES, type ExpertRole, type Pledge } from '../person.js';

export const MIN_PANEL = 5;

/** 审核组 member as stored: a registered person, the category they serve in, and who leads. */
export const panelMemberSchema = z.object({
  personId: z.number().int().positive(),
  /** Defaults to the person's registered 专家类别. */
  category: z.enum(EXPERT_ROLES, { error: `专家类别必须是：${EXPERT_ROLES.join('、')}` }).optional(),
  leader: z.boolean().default(false),
});
export type PanelMemberInput = z.input<typeof panelMemberSchema>;

export const reviewPeriodSchema = z
  .object({ startsOn: dateSchema, endsOn: dateSchema })
  .refine((p) => p.endsOn >= p.startsOn, { error: '审核结束日期不能早于开始日期', path: ['endsOn'] });
export type ReviewPeriod = z.output<typeof reviewPeriodSchema>;

/** What the rules need to know about one member (the service gathers it). */
export interface PanelCandidate {
  readonly personId: number;
  readonly name: string;
  readonly unit: string;
  readonly title: string;
  readonly category: ExpertRole | undefined;
  readonly leader: boolean;
  /** Why the person counts as 开发组 (`题库管理员`, `命题人员`, `编写了试题 12`), [] when not. */
  readonly teamReasons: readonly string[];
  readonly trainer: boolean;
  readonly pledges: readonly Pick<Pledge, 'signedOn' | 'expiresOn'>[];
  /** Linked account with the bank's 审核专家 access; null when the person has no usable account. */
  readonly account: string | null;
  /** The linked account lacks 审核专家 access to the bank (username), when it has an account. */
  readonly lacksAccess?: boolean;
}

export type PanelRule = 'size' | 'category' | 'leader' | 'team' | 'trainer' | 'pledge' | 'account' | 'duplicate';

export interface PanelProblem {
  readonly rule: PanelRule;
  readonly message: string;
  readonly personId?: number;
}

const SHORT: Readonly<Record<ExpertRole, string>> = { 方法专家: '方法', 内容专家: '内容', 实际工作专家: '实际工作' };

/** `方法`, `内容`, `实际工作` (demo.json and tables). */
export function categoryShort(c: ExpertRole): string {
  return SHORT[c];
}

const M = {
  size: (n: number) => `审核专家只有 ${String(n)} 名，附件6 要求内部审核专家不少于 ${String(MIN_PANEL)} 名`,
  category: (missing: readonly ExpertRole[]) => `审核组缺少${missing.join('、')}：附件6 要求方法专家、内容专家和实际工作专家均须参加`,
  noCategory: (name: string) => `${name} 没有专家类别（方法专家、内容专家、实际工作专家），须在审核组中指定或在人员登记中登记`,
  noLeader: '审核组没有审核组长：须指定一名审核组长，由其签署审核结论',
  leaders: (names: readonly string[]) => `审核组长只能有一名，现有：${names.join('、')}`,
  team: (name: string, reasons: readonly string[]) => `${name} 属本题库开发组（${reasons.join('、')}），附件6 规定内部审核专家不得为题库开发组成员`,
  trainer: (name: string) => `${name} 登记为参与培训或鉴定前辅导，参与审定工作的人员不得组织或参与相关培训、辅导（规程第十五条）`,
  noPledge: (name: string) => `${name} 没有登记保密责任书，不能参与审定工作（规程第七条）`,
  pledge: (name: string, p: ReviewPeriod, last: string) =>
    `${name} 的保密责任书在审核期间（${p.startsOn} 至 ${p.endsOn}）不全部有效（最近一份有效期至 ${last}），须续签后才能参与审核（规程第七条）`,
  account: (name: string) => `${name} 没有关联账号，无法登录审核和数字签名（系统管理员：qbank accounts link <用户名> <人员编号>）`,
  access: (name: string, username: string) => `${name}（账号 ${username}）没有本题库的审核专家权限（安全保密管理员：qbank access grant <题库> ${username} reviewer）`,
  duplicate: (name: string) => `${name} 在审核组中出现了两次`,
} as const;

/** Whether one pledge covers the whole period. */
function covers(p: Pick<Pledge, 'signedOn' | 'expiresOn'>, period: ReviewPeriod): boolean {
  return p.signedOn <= period.startsOn && period.endsOn <= p.expiresOn;
}

/** Every violation of the panel rules, in order: size, categories, leader, then per member. [] = a valid panel. */
export function panelProblems(members: readonly PanelCandidate[], period: ReviewPeriod): PanelProblem[] {
  const problems: PanelProblem[] = [];
  const distinct = new Set(members.map((m) => m.personId));
  if (distinct.size < MIN_PANEL) problems.push({ rule: 'size', message: M.size(distinct.size) });
  const present = new Set(members.map((m) => m.category));
  const missing = EXPERT_ROLES.filter((c) => !present.has(c));
  if (missing.length > 0) problems.push({ rule: 'category', message: M.category(missing) });
  const leaders = members.filter((m) => m.leader);
  if (leaders.length === 0) problems.push({ rule: 'leader', message: M.noLeader });
  else if (leaders.length > 1) problems.push({ rule: 'leader', message: M.leaders(leaders.map((m) => m.name)) });
  const seen = new Set<number>();
  for (const m of members) {
    const at = { personId: m.personId };
    if (seen.has(m.personId)) {
      problems.push({ rule: 'duplicate', message: M.duplicate(m.name), ...at });
      continue;
    }
    seen.add(m.personId);
    if (m.category === undefined) problems.push({ rule: 'category', message: M.noCategory(m.name), ...at });
    if (m.teamReasons.length > 0) problems.push({ rule: 'team', message: M.team(m.name, m.teamReasons), ...at });
    if (m.trainer) problems.push({ rule: 'trainer', message: M.trainer(m.name), ...at });
    if (m.pledges.length === 0) problems.push({ rule: 'pledge', message: M.noPledge(m.name), ...at });
    else if (!m.pledges.some((p) => covers(p, period))) {
      const last = m.pledges.map((p) => p.expiresOn).sort().at(-1) ?? '';
      problems.push({ rule: 'pledge', message: M.pledge(m.name, period, last), ...at });
    }
    if (m.account === null) problems.push({ rule: 'account', message: M.account(m.name), ...at });
    else if (m.lacksAccess === true) problems.push({ rule: 'account', message: M.access(m.name, m.account), ...at });
  }
  return problems;
}

/** Members per category, for summaries (`{ 方法: 2, 内容: 2, 实际工作: 1 }`). */
export function categoryCounts(members: readonly Pick<PanelCandidate, 'category'>[]): Record<string, number> {
  const counts: Record<string, number> = { 方法: 0, 内容: 0, 实际工作: 0 };
  for (const m of members) if (m.category) counts[SHORT[m.category]] = (counts[SHORT[m.category]] ?? 0) + 1;
  return counts;
}
