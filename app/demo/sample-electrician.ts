/**
 * The second sample (样例) bank: 电工 (6-31-01-03) 二级/技师, the level that is assessed by 理论知识考试、
 * 技能考核和综合评审. A theory 细目表 with 34 鉴定点, about 290 theory items, a 技能考核内容结构表 with
 * 必考 and 选考 modules and 10 practical tasks, 4 综合评审 items and a fictitious team. The content is
 * real electrical knowledge written for demonstration and marked 样例; it is not an official bank.
 * The data lives in ./sample-electrician/*.json in the domain's shapes (mirrors sample-bank.ts);
 * `registerElectricianTeam`, `loadElectricianBank` and `grantElectricianBank` put it into a workstation through the handlers.
 */
import skeleton from './sample-electrician/element-table.json' with { type: 'json' };
import practical from './sample-electrician/practical.json' with { type: 'json' };
import comprehensive from './sample-electrician/comprehensive.json' with { type: 'json' };
import team from './sample-electrician/team.json' with { type: 'json' };
import basics from './sample-electrician/theory-1-basics.json' with { type: 'json' };
import relay from './sample-electrician/theory-2-relay.json' with { type: 'json' };
import plc from './sample-electrician/theory-3-plc-vfd.json' with { type: 'json' };
import equipment from './sample-electrician/theory-4-equipment.json' with { type: 'json' };
import type { TheoryStructure } from '../domain/assembly/paper-structure.js';
import type { BankInput } from '../domain/bank.js';
import type { BankRole } from '../domain/bank.js';
import type { ServiceContext } from '../services/context.js';
import { invoke } from '../services/handler.js';
import { handlers } from '../services/registry.js';
import { demoText } from './messages.js';
import { sampleElementTableOf, type TheoryPart } from './sample-table.js';


const THEORY_PARTS: readonly TheoryPart[] = [basics, relay, plc, equipment];

export const ELECTRICIAN_BANK = {
  name: '电工二级/技师 题库（样例）',
  occupationCode: '6-31-01-03',
  occupationName: '电工',
  track: '',
  level: 2,
  secrecy: { level: '机密', period: '', beforeUse: true },
  isSample: true,
} as const satisfies BankInput;

/** The sample's theory paper: 判断 20×1 + 单选 40×1 + 多选 20×2 = 100 points, 90 minutes. */
export const ELECTRICIAN_THEORY_STRUCTURE: TheoryStructure = {
  minutes: 90,
  totalPoints: 100,
  sections: [
    { type: 'trueFalse', count: 20, pointsEach: 1 },
    { type: 'singleChoice', count: 40, pointsEach: 1 },
    { type: 'multipleChoice', count: 20, pointsEach: 2 },
  ],
};

/** The 细目表 skeleton with the 鉴定点 of every leaf filled in from the theory parts. */
export function electricianElementTable(): unknown {
  return sampleElementTableOf(skeleton, THEORY_PARTS);
}

export function electricianPracticalStructure(): unknown {
  return { occupationCode: ELECTRICIAN_BANK.occupationCode, track: ELECTRICIAN_BANK.track, ...practical.structure };
}

export function electricianTheoryItems(): readonly unknown[] {
  return THEORY_PARTS.flatMap((p) => p.items);
}

export function electricianPracticalTasks(): readonly unknown[] {
  return practical.tasks;
}

export function electricianComprehensiveItems(): readonly unknown[] {
  return comprehensive.items;
}

export interface TeamMember {
  readonly username: string;
  readonly role: BankRole;
  readonly person: Readonly<Record<string, unknown>>;
}

/** The development team (题库管理员, 命题人员) and the internal reviewers, all fictitious. */
export const ELECTRICIAN_TEAM: readonly TeamMember[] = team.members as TeamMember[];

/**
 * As 题库管理员: creates the sample bank, saves its 细目表 and 内容结构表, adds every item as 入库 (a
 * sample bank may) and stores the theory paper structure. Returns the bank id.
 */
export async function loadElectricianBank(manager: ServiceContext): Promise<number> {
  const { occupationCode, track, level, name, secrecy } = ELECTRICIAN_BANK;
  const bank = await invoke(manager, handlers['banks.create'], { occupationCode, track, level, name, secrecy, isSample: true });
  const bankId = bank.id;
  await invoke(manager, handlers['banks.setElementTable'], { bankId, table: electricianElementTable() });
  await invoke(manager, handlers['banks.setPracticalStructure'], { bankId, structure: electricianPracticalStructure() });
  await invoke(manager, handlers['items.addTheory'], { bankId, items: [...electricianTheoryItems()], state: '入库' });
  await invoke(manager, handlers['items.addPractical'], { bankId, items: [...electricianPracticalTasks()], state: '入库' });
  await invoke(manager, handlers['items.addComprehensive'], { bankId, items: [...electricianComprehensiveItems()], state: '入库' });
  await invoke(manager, handlers['assembly.structure.set'], { bankId, value: { structure: ELECTRICIAN_THEORY_STRUCTURE } });
  return bankId;
}

/**
 * As 安全保密管理员, the way the demo does it: registers every member of the team (whose account
 * exists with its role), signs a 保密责任书 valid from `signedOn` to `expiresOn` (YYYY-MM-DD) and links
 * the account. Comes before the bank is loaded: adding items needs a linked person with a pledge.
 */
export async function registerElectricianTeam(secadmin: ServiceContext, signedOn: string, expiresOn: string): Promise<void> {
  for (const m of ELECTRICIAN_TEAM) {
    const person = await invoke(secadmin, handlers['people.add'], { person: m.person });
    const workTypes = Array.isArray(m.person['workTypes']) ? (m.person['workTypes'] as string[]).join('、') : '';
    await invoke(secadmin, handlers['people.registerPledge'], {
      personId: person.id,
      pledge: { signedOn, expiresOn, scope: demoText.pledgeScope(ELECTRICIAN_BANK.name, workTypes) },
    });
    await invoke(secadmin, handlers['accounts.linkPerson'], { username: m.username, personId: person.id });
  }
}

/** As 安全保密管理员: opens the bank to the authors and reviewers of the team (the manager made it). */
export async function grantElectricianBank(secadmin: ServiceContext, bankId: number): Promise<void> {
  for (const m of ELECTRICIAN_TEAM.filter((x) => x.role !== 'manager')) {
    await invoke(secadmin, handlers['access.grant'], { bankId, username: m.username, role: m.role });
  }
}
