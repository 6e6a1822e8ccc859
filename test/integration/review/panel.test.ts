/** The panel rules: size, categories, leader, development team, training, pledges — each blocks the sign-off. */
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { getPerson, updatePerson } from '../../../app/store/repositories/people.js';
import { useWorkstation } from '../../helpers/workstation.js';
import { bankWithPanel, EXPERTS, expert, personOf } from './review-helpers.js';

describe('review panel', () => {
  const workstation = useWorkstation();

  it('is valid with five independent experts of all three categories and one leader', async () => {
    const ws = workstation();
    const r = await bankWithPanel(ws);
    const status = await invoke(r.boss, handlers['review.status'], { bankId: r.bankId });
    expect(status.round.panel.problems).toEqual([]);
    expect(status.round.panel.members.map((m) => m.category)).toEqual(EXPERTS.map(([, c]) => c));
    // the rest of the sign-off is still ahead
    expect(status.ready).toBe(false);
  });

  it('blocks a panel of 4, one missing a category, a developer, a trainer and an expired pledge, each explained', async () => {
    const ws = workstation();
    const r = await bankWithPanel(ws);
    const check = (members: { personId: number; leader?: boolean; category?: '方法专家' | '内容专家' | '实际工作专家' }[]) =>
      invoke(r.boss, handlers['review.panel.check'], { bankId: r.bankId, members, startsOn: '2026-11-20', endsOn: '2026-11-30' });
    const five = EXPERTS.map(([u], i) => ({ personId: personOf(ws, u), leader: i === 0 }));

    const four = await check(five.slice(0, 4));
    expect(four.ok).toBe(false);
    expect(four.problems).toContain('审核专家只有 4 名，附件6 要求内部审核专家不少于 5 名');

    const noPractice = await check([...five.slice(0, 3), { personId: personOf(ws, 'shiji1'), category: '内容专家' }, { personId: personOf(ws, 'shiji2'), category: '方法专家' }]);
    expect(noPractice.problems).toContain('审核组缺少实际工作专家：附件6 要求方法专家、内容专家和实际工作专家均须参加');

    // the bank's manager imported every item: 开发组
    const withBoss = await check([...five.slice(0, 4), { personId: personOf(ws, 'boss'), category: '实际工作专家' }]);
    expect(withBoss.problems.some((p) => p.startsWith('boss 属本题库开发组（题库管理员、编写或修改过') && p.endsWith('附件6 规定内部审核专家不得为题库开发组成员'))).toBe(true);

    await expert(ws, r.bankId, 'stale', '实际工作专家', 'expired');
    const expired = await check([...five.slice(0, 4), { personId: personOf(ws, 'stale') }]);
    expect(expired.problems).toContain(
      'stale 的保密责任书在审核期间（2026-11-20 至 2026-11-30）不全部有效（最近一份有效期至 2025-12-31），须续签后才能参与审核（规程第七条）',
    );

    const shiji2 = personOf(ws, 'shiji2');
    updatePerson(ws.db, shiji2, { ...getPerson(ws.db, shiji2)!, trainer: true }, new Date().toISOString());
    expect((await check(five)).problems).toEqual(['shiji2 登记为参与培训或鉴定前辅导，参与审定工作的人员不得组织或参与相关培训、辅导（规程第十五条）']);
    updatePerson(ws.db, shiji2, { ...getPerson(ws.db, shiji2)!, trainer: false }, new Date().toISOString());

    const noLeader = await check(five.map((m) => ({ ...m, leader: false })));
    expect(noLeader.problems).toContain('审核组没有审核组长：须指定一名审核组长，由其签署审核结论');

    // saved as composed, the violations block the sign-off
    await invoke(r.boss, handlers['review.panel.set'], { bankId: r.bankId, roundId: r.roundId, members: five.slice(0, 4) });
    const status = await invoke(r.boss, handlers['review.status'], { bankId: r.bankId });
    expect(status.blockers).toContain('审核专家只有 4 名，附件6 要求内部审核专家不少于 5 名');
    expect(status.ready).toBe(false);
  });
});
