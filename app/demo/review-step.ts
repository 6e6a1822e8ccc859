/**
 * The demo's internal review (issue [F]): the 题库管理员 opens round 1 with the five experts of the team
 * (陈静 leads), each judges every item of the sets — one expert asks for a revision of one item
 * (修改后通过) — and concludes; the author revises the item, it goes through the workflow again (a second
 * 题库管理员 accepts it: 四眼原则), the set is updated to the revised version and approved again, the
 * leader concludes for the panel; the submission is written, the ink-signed form "scanned" (a stand-in
 * image of the printed page) and attached, the submission written again with the scan and its manifest;
 * the 安全保密管理员 creates the workstation CA and issues each expert a certificate; all five sign the
 * manifest; the folder is verified, and the submission recorded.
 */
import { join } from 'node:path';
import { categoryShort } from '../domain/review/panel.js';
import { beijingDate } from '../domain/person.js';
import type { ServiceContext } from '../services/context.js';
import { invoke } from '../services/handler.js';
import { handlers } from '../services/registry.js';
import { sampleSignedScan } from '../services/review/sample-scan.js';
import { verifySubmissionFolder } from '../services/review/verify.js';
import type { SubmissionResult } from '../services/documents/handlers.js';
import { demoText } from './messages.js';

type As = <T>(username: string, fn: (ctx: ServiceContext) => Promise<T>) => Promise<T>;

export interface DemoReview {
  readonly experts: number;
  readonly categories: Readonly<Record<string, number>>;
  readonly leader: string;
  readonly round: number;
  readonly conclusion: string;
  readonly signatures: number;
  readonly verified: boolean;
  readonly scan: string;
  readonly manifest: string;
  readonly revisedItems: number;
  readonly change: string;
  readonly submissions: number;
}

export interface ReviewStepInput {
  readonly as: As;
  readonly bankId: number;
  readonly manager: string;
  readonly deputy: string;
  readonly author: string;
  readonly reviewers: readonly string[];
  readonly outDir: string;
  readonly folder: string;
  readonly now: () => Date;
}

const DAY = 86_400_000;

/**
 * A second 题库管理员 (孙丽): the items were imported by the first, who therefore counts as their author and
 * may not bring a revised version back into the bank (四眼原则).
 */
export const DEPUTY = {
  username: 'sunli',
  person: { name: '孙丽', unit: '样例职业技能评价中心', title: '高级工程师', position: '副主任', phone: '020-8888-0010', specialty: '机械制图', workTypes: ['审定'] },
} as const;

export async function addDeputyManager(as: As, passwords: Map<string, string>, bankId: number, pledge: { signedOn: string; expiresOn: string; scope: string }): Promise<void> {
  await as('sysadmin', async (ctx) => {
    const created = await invoke(ctx, handlers['accounts.create'], { username: DEPUTY.username, displayName: DEPUTY.person.name });
    passwords.set(DEPUTY.username, created.initialPassword);
  });
  await as('secadmin', async (ctx) => {
    const person = await invoke(ctx, handlers['people.add'], { person: DEPUTY.person });
    await invoke(ctx, handlers['people.registerPledge'], { personId: person.id, pledge });
    await invoke(ctx, handlers['accounts.linkPerson'], { username: DEPUTY.username, personId: person.id });
    await invoke(ctx, handlers['accounts.grantRoles'], { username: DEPUTY.username, roles: ['manager'] });
    await invoke(ctx, handlers['access.grant'], { bankId, username: DEPUTY.username, role: 'manager' });
  });
}

export async function runReviewStep(x: ReviewStepInput): Promise<{ review: DemoReview; submission: SubmissionResult }> {
  const [leader, reviser, approver] = x.reviewers as [string, string, string, ...string[]];
  const today = beijingDate(x.now());
  const start = beijingDate(new Date(x.now().getTime() - 2 * DAY));

  // 题库管理员: round 1 and its panel (people of the team registered as 方法/内容/实际工作专家).
  const round = await x.as(x.manager, async (ctx) => {
    const r = await invoke(ctx, handlers['review.open'], { bankId: x.bankId, startsOn: start, endsOn: today });
    const people = await invoke(ctx, handlers['people.list'], {});
    const members = x.reviewers.map((u, i) => ({ personId: people.find((p) => p.accounts.includes(u))?.id ?? 0, leader: i === 0 }));
    return invoke(ctx, handlers['review.panel.set'], { bankId: x.bankId, roundId: r.id, members });
  });
  const bankId = x.bankId;
  const roundId = round.id;

  // Each expert opens the sets (调阅) and judges every item; one asks for a revision of the first theory item.
  let target = { itemId: 0, paperId: 0 };
  for (const username of x.reviewers) {
    await x.as(username, async (ctx) => {
      const work = await invoke(ctx, handlers['review.workspace'], { bankId, roundId });
      const first = work.sets.find((s) => s.kind === 'theory');
      target = { itemId: first?.items[0]?.itemId ?? 0, paperId: first?.paperId ?? 0 };
      const verdicts = work.items.map((i) =>
        username === reviser && i.itemId === target.itemId
          ? { itemId: i.itemId, version: i.version, verdict: '修改后通过', comment: '解析未说明依据的国家标准条款，请补充' }
          : { itemId: i.itemId, version: i.version, verdict: '通过' },
      );
      await invoke(ctx, handlers['review.verdicts'], { bankId, roundId, verdicts });
      await invoke(ctx, handlers['review.conclude'], { bankId, roundId, conclusion: username === reviser ? '修改后通过' : '通过', opinion: '' });
      // each expert makes the signing key the workstation CA will certify
      await invoke(ctx, handlers['certs.request'], {});
    });
  }

  // The author answers and revises; the item goes back through 待审 → 已审 → 入库 (another 题库管理员 accepts).
  await x.as(x.author, async (ctx) => {
    const feedback = await invoke(ctx, handlers['review.feedback'], { bankId, roundId });
    for (const e of feedback.entries) await invoke(ctx, handlers['review.answer'], { bankId, roundId, kind: e.kind, id: e.id, answer: '已补充依据的标准条款' });
    await invoke(ctx, handlers['items.patch'], { bankId, itemId: target.itemId, explanation: '依据 GB/T 14689—2008《技术制图 图纸幅面和格式》。', note: '按审核意见修改' });
    await invoke(ctx, handlers['items.transition'], { bankId, itemId: target.itemId, to: '待审' });
  });
  await x.as(reviser, (ctx) => invoke(ctx, handlers['items.transition'], { bankId, itemId: target.itemId, to: '已审' }));
  await x.as(x.deputy, (ctx) => invoke(ctx, handlers['items.transition'], { bankId, itemId: target.itemId, to: '入库' }));

  // The set is updated to the revised version and approved again by an expert who did not make it.
  const replaced = await x.as(x.manager, (ctx) => invoke(ctx, handlers['review.replace'], { bankId, paperId: target.paperId, itemId: target.itemId }));
  await x.as(approver, (ctx) => invoke(ctx, handlers['papers.approve'], { bankId, runId: replaced.runId }));
  await x.as(leader, (ctx) =>
    invoke(ctx, handlers['review.finalize'], { bankId, roundId, conclusion: '修改后通过', opinion: demoText.reviewOpinion }),
  );

  // The form is printed and signed in ink; its scan is attached and the submission written with it.
  const folder = join(x.outDir, x.folder);
  const submission = await x.as(x.manager, async (ctx) => {
    await invoke(ctx, handlers['documents.generate'], { bankId, outDir: folder });
    const png = await sampleSignedScan(ctx, bankId);
    await invoke(ctx, handlers['review.scan.attach'], { bankId, roundId, fileName: '题库内部审核意见（签名扫描）.png', bytes: png });
    return invoke(ctx, handlers['documents.generate'], { bankId, outDir: folder, replace: true });
  });

  // The 安全保密管理员 creates the workstation CA and certifies the experts' keys; each expert signs the manifest.
  await x.as('secadmin', async (ctx) => {
    await invoke(ctx, handlers['certs.ca.create'], {});
    for (const u of x.reviewers) await invoke(ctx, handlers['certs.issue'], { username: u });
  });
  let signatures = 0;
  for (const u of x.reviewers) {
    await x.as(u, (ctx) => invoke(ctx, handlers['review.sign'], { bankId, roundId }));
    signatures += 1;
  }
  const verification = verifySubmissionFolder(folder);
  const recorded = await x.as(x.manager, (ctx) => invoke(ctx, handlers['submissions.record'], { bankId, note: '样例报送（演示）' }));

  const categories: Record<string, number> = { 方法: 0, 内容: 0, 实际工作: 0 };
  for (const m of round.panel.members) if (m.category !== '') categories[categoryShort(m.category)] = (categories[categoryShort(m.category)] ?? 0) + 1;
  return {
    submission,
    review: {
      experts: round.panel.members.length,
      categories,
      leader: round.panel.members.find((m) => m.leader)?.name ?? '',
      round: round.round,
      conclusion: '修改后通过',
      signatures,
      verified: verification.ok,
      scan: `${x.folder}/05_题库内部审核意见（专家签名扫描件）.pdf`,
      manifest: `${x.folder}/manifest.json`,
      revisedItems: 1,
      change: replaced.change,
      submissions: recorded.records.length,
    },
  };
}
