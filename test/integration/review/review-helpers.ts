/**
 * A sample bank with assembled, approved sets and a panel of five independent experts (方法, 内容 ×2,
 * 实际工作 ×2), the CA and their certificates: what the review tests start from.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ExpertRole } from '../../../app/domain/person.js';
import type { ServiceContext } from '../../../app/services/context.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { findAccount } from '../../../app/store/repositories/accounts.js';
import { getPerson, updatePerson } from '../../../app/store/repositories/people.js';
import { sampleBank } from '../../helpers/sample-bank.js';
import type { TestWorkstation } from '../../helpers/workstation.js';

export const EXPERTS: readonly (readonly [string, ExpertRole])[] = [
  ['fangfa', '方法专家'],
  ['neirong1', '内容专家'],
  ['neirong2', '内容专家'],
  ['shiji1', '实际工作专家'],
  ['shiji2', '实际工作专家'],
];

export function personOf(ws: TestWorkstation, username: string): number {
  return findAccount(ws.db, username)?.personId ?? 0;
}

/** Registers the account's person as an expert of `category` and grants it 审核专家 on the bank. */
export async function expert(ws: TestWorkstation, bankId: number, username: string, category: ExpertRole, pledge: 'valid' | 'expired' = 'valid'): Promise<ServiceContext> {
  const ctx = ws.as(username, ['reviewer'], { pledge });
  const personId = personOf(ws, username);
  updatePerson(ws.db, personId, { ...getPerson(ws.db, personId)!, workTypes: ['审定'], expertRole: category }, new Date().toISOString());
  await invoke(ws.as('sec', ['secadmin']), handlers['access.grant'], { bankId, username, role: 'reviewer' });
  return ctx;
}

export interface ReviewedBank {
  readonly boss: ServiceContext;
  readonly bankId: number;
  readonly experts: Map<string, ServiceContext>;
  readonly roundId: number;
}

/** The sample bank, sets approved by a separate approver, five experts, round 1 open with its panel (fangfa leads). */
export async function bankWithPanel(ws: TestWorkstation): Promise<ReviewedBank> {
  const { ctx: boss, bankId } = await sampleBank(ws);
  const sec = ws.as('sec', ['secadmin']);
  const approver = ws.as('approver', ['reviewer']);
  await invoke(sec, handlers['access.grant'], { bankId, username: 'approver', role: 'reviewer' });
  for (const kind of ['theory', 'practical'] as const) {
    const run = await invoke(boss, handlers['assembly.run'], { bankId, kind });
    await invoke(approver, handlers['papers.approve'], { bankId, runId: run.runId });
  }
  const experts = new Map<string, ServiceContext>();
  for (const [username, category] of EXPERTS) experts.set(username, await expert(ws, bankId, username, category));
  const round = await invoke(boss, handlers['review.open'], { bankId, startsOn: '2026-11-20', endsOn: '2026-11-30' });
  await invoke(boss, handlers['review.panel.set'], {
    bankId,
    roundId: round.id,
    members: EXPERTS.map(([u], i) => ({ personId: personOf(ws, u), leader: i === 0 })),
  });
  return { boss, bankId, experts, roundId: round.id };
}

/** The CA made by the 安全保密管理员 and a certificate issued to each expert. */
export async function certify(ws: TestWorkstation, r: ReviewedBank): Promise<void> {
  const sec = ws.as('sec', ['secadmin']);
  await invoke(sec, handlers['certs.ca.create'], {});
  for (const [username, ctx] of r.experts) {
    await invoke(ctx, handlers['certs.request'], {});
    await invoke(sec, handlers['certs.issue'], { username });
  }
}

/** `openssl cms -verify` of one detached signature over manifest.json; true when OpenSSL accepts it. */
export function opensslVerifies(folder: string, p7s: string): boolean {
  try {
    execFileSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', p7s, '-content', 'manifest.json', '-CAfile', '06_数字签名/ca.pem', '-purpose', 'any', '-out', '/dev/null'], {
      cwd: folder,
      stdio: 'pipe',
    });
    return true;
  } catch {
    return false;
  }
}

export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
