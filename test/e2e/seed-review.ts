/**
 * A workstation for the review GUI tests, made through the same DesktopHost the page talks to: the
 * sample bank with its items (seed.ts), 3 + 3 sets assembled by the manager and approved by a
 * reviewer, round 1 open (2026-11-20 to 2026-11-30) with the sample team's five experts as its panel
 * (陈静 方法专家 leads), the workstation CA and a certificate for each expert, and four of them —
 * all but `GUI_EXPERT` — having judged every item 通过 and given their conclusion.
 */
import { DesktopHost } from '../../app/services/desktop/host.js';
import { MANAGER, PASSPHRASE, PASSWORD, seedWorkstation } from './seed.js';

/** The panel in order: 方法, 内容 ×2, 实际工作 ×2 (team.json). */
export const EXPERTS = ['chenjing', 'liuyang', 'huanglei', 'zhouhong', 'wuhao'] as const;
export const LEADER = 'chenjing';
/** The expert who judges in the GUI (not the leader). */
export const GUI_EXPERT = 'wuhao';
export const REVIEW_PERIOD = { startsOn: '2026-11-20', endsOn: '2026-11-30' } as const;

export interface ReviewSeed {
  readonly dbFile: string;
  readonly bankId: number;
  readonly roundId: number;
  /** Person id by username. */
  readonly people: ReadonlyMap<string, number>;
}

/** Runs `fn` logged in as `username` on the host, logging out afterwards. */
export async function as<T>(host: DesktopHost, username: string, fn: () => Promise<T>): Promise<T> {
  await host.login({ username, password: PASSWORD });
  try {
    return await fn();
  } finally {
    host.logout();
  }
}

interface Workspace {
  round: { id: number };
  items: { itemId: number; version: number }[];
}

export async function seedReview(dbFile: string): Promise<ReviewSeed> {
  const seeded = await seedWorkstation(dbFile, 'items');
  const bankId = seeded.bankId ?? 0;
  const host = new DesktopHost({ dbFile, anchorDir: null });
  try {
    host.open({ secret: { kind: 'passphrase', passphrase: PASSPHRASE } });
    const people = await as(host, MANAGER, async () => {
      await host.call('assembly.structure.set', { bankId, value: { preset: 'compact-90' } });
      for (const kind of ['theory', 'practical'] as const) await host.call('assembly.run', { bankId, kind, sets: 3, seed: 1, timeLimitSeconds: 30 });
      const list = (await host.call('people.list', {})) as { id: number; accounts: string[] }[];
      return new Map(list.flatMap((p) => p.accounts.map((a) => [a, p.id] as const)));
    });
    await as(host, LEADER, async () => {
      const drafts = (await host.call('papers.list', { bankId, status: '草稿' })) as { runId: number }[];
      for (const runId of new Set(drafts.map((p) => p.runId))) await host.call('papers.approve', { bankId, runId });
    });
    const roundId = await as(host, MANAGER, async () => {
      const round = (await host.call('review.open', { bankId, ...REVIEW_PERIOD })) as { id: number };
      const members = EXPERTS.map((u) => ({ personId: people.get(u) ?? 0, leader: u === LEADER }));
      await host.call('review.panel.set', { bankId, roundId: round.id, members });
      return round.id;
    });
    await as(host, 'secadmin', () => host.call('certs.ca.create', {}));
    for (const u of EXPERTS) await as(host, u, () => host.call('certs.request', {}));
    await as(host, 'secadmin', async () => {
      for (const u of EXPERTS) await host.call('certs.issue', { username: u });
    });
    for (const u of EXPERTS.filter((x) => x !== GUI_EXPERT)) {
      await as(host, u, async () => {
        const work = (await host.call('review.workspace', { bankId })) as Workspace;
        const verdicts = work.items.map((i) => ({ itemId: i.itemId, version: i.version, verdict: '通过' }));
        await host.call('review.verdicts', { bankId, roundId, verdicts });
        await host.call('review.conclude', { bankId, roundId, conclusion: '通过', opinion: '试题科学规范，同意报送。' });
      });
    }
    return { dbFile, bankId, roundId, people };
  } finally {
    host.close();
  }
}
