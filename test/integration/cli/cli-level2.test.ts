/**
 * A level-2 bank from README and help alone (issue [N]): the 电工 二级/技师 sample
 * (app/demo/sample-electrician) built on a fresh encrypted workstation with `qbank` commands only, the
 * way its users would — 三员 and their first passwords, accounts, people and 保密责任书, the bank, the
 * 细目表 and 内容结构表 from their filled templates, items (theory, practical, 综合评审) from the filled
 * item template, the review workflow by id filters under the four-eyes rule, a paper structure of one's
 * own, three sets of every kind approved by a reviewer, the notes, a strict submission with its
 * 综合评审 documents, and the auditor's verification.
 *
 * With LEVEL2_TRANSCRIPT=<file> the session (command, user, exit code, milliseconds, first line) is
 * written there, and the submission folder beside it, for the closing note of the issue.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../app/cli/main.js';
import type { CliIO } from '../../../app/cli/io.js';
import { ELECTRICIAN_TEAM } from '../../../app/demo/sample-electrician.js';
import { useTempDir } from '../../helpers/tmp.js';
import { reviewMessages } from '../../../app/services/review/messages.js';

const FILES = join(import.meta.dirname, '..', '..', '..', 'app', 'demo', 'sample-electrician', 'files');
const PASSPHRASE = '电工工作站口令-Level2-2026!';
const NEW_PASSWORD = 'Xt-Changed-2026!';

interface Step {
  readonly user: string;
  readonly args: readonly string[];
  readonly code: number;
  readonly ms: number;
  readonly out: string;
  readonly err: string;
}

describe('a level-2 bank built with the CLI alone', () => {
  const tempDir = useTempDir();

  it('reaches a strict, complete submission with 综合评审 documents', { timeout: 600_000 }, async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pass.txt'), `${PASSPHRASE}\n`);
    const passwords = new Map<string, string>();
    const session: Step[] = [];
    /** One `qbank` command as `user` ('' for none); fails the test on an unexpected exit code. */
    const q = async (user: string, args: readonly string[], expected = 0): Promise<Step> => {
      let out = '';
      let err = '';
      const env: Record<string, string> = { QBANK_DB: join(dir, 'ws.db'), QBANK_PASSPHRASE_FILE: join(dir, 'pass.txt') };
      if (user !== '') Object.assign(env, { QBANK_USER: user, QBANK_PASSWORD: passwords.get(user) ?? '', QBANK_NEW_PASSWORD: NEW_PASSWORD });
      const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), env, cwd: dir };
      const start = performance.now();
      const code = await main([...args], io);
      const step = { user, args, code, ms: performance.now() - start, out, err };
      session.push(step);
      expect(code, `qbank ${args.join(' ')} (${user})\n${out}\n${err}`).toBe(expected);
      return step;
    };
    /** A first login changes the one-time password. */
    const firstLogin = async (user: string, oneTime: string) => {
      passwords.set(user, oneTime);
      await q(user, ['passwd']);
      passwords.set(user, NEW_PASSWORD);
    };

    try {
      // 三员.
      const init = await q('', ['init', '--db', 'ws.db', '--passphrase-file', 'pass.txt']);
      for (const [, user, password] of init.out.matchAll(/^\s+\S+\t(sysadmin|secadmin|auditor)\t(\S+)$/gm)) await firstLogin(user ?? '', password ?? '');
      expect(passwords.size).toBe(3);

      // The team: accounts (系统管理员), people, pledges, links and roles (安全保密管理员).
      for (const m of ELECTRICIAN_TEAM) {
        const created = await q('sysadmin', ['accounts', 'create', m.username, '--name', String(m.person['name'])]);
        const oneTime = /初始口令[^:]*: (\S+)/u.exec(created.out)?.[1] ?? '';
        const p = m.person as { name: string; unit: string; phone: string; title?: string; position?: string; specialty?: string; workTypes?: string[]; expertRole?: string };
        const added = await q('secadmin', [
          'people', 'add', '--name', p.name, '--unit', p.unit, '--phone', p.phone, '--title', p.title ?? '', '--position', p.position ?? '',
          '--specialty', p.specialty ?? '', '--work-types', (p.workTypes ?? []).join(','), ...(p.expertRole ? ['--expert-role', p.expertRole] : []),
        ]);
        const personId = /^已登记 (\d+)/mu.exec(added.out)?.[1] ?? '';
        await q('secadmin', ['people', 'pledge', personId, '--signed', '2026-11-03', '--expires', '2027-11-03', '--scope', '电工二级题库开发与审核']);
        await q('secadmin', ['accounts', 'link', m.username, personId]);
        await q('secadmin', ['accounts', 'grant', m.username, m.role]);
        await firstLogin(m.username, oneTime);
      }
      const manager = ELECTRICIAN_TEAM.find((m) => m.role === 'manager')?.username ?? '';
      const author = ELECTRICIAN_TEAM.find((m) => m.role === 'author')?.username ?? '';
      const reviewer = ELECTRICIAN_TEAM.find((m) => m.role === 'reviewer')?.username ?? '';

      // The bank, opened to the team.
      const created = await q(manager, ['banks', 'create', '--occupation', '6-31-01-03', '--level', '2']);
      const bank = /^已新建题库 (\d+)/mu.exec(created.out)?.[1] ?? '';
      for (const m of ELECTRICIAN_TEAM.filter((x) => x.role !== 'manager')) await q('secadmin', ['access', 'grant', bank, m.username, m.role]);

      // 细目表, 内容结构表 and items from the filled templates; a dry run first.
      await q(manager, ['elements', 'import', join(FILES, '电工二级-理论知识考核要素细目表.xlsx'), '--bank', bank]);
      await q(manager, ['elements', 'import', join(FILES, '电工-技能考核内容结构表.xlsx'), '--bank', bank, '--practical']);
      const items = join(FILES, '电工二级-试题导入.xlsx');
      const dry = await q(author, ['import', items, '--bank', bank, '--dry-run']);
      expect(dry.out).toMatch(/^试导入（未保存）：电工二级-试题导入\.xlsx，共 304 行，可导入 304，有错误 0，跳过 0/mu);
      await q(author, ['import', items, '--bank', bank]);

      // The workflow by filters: the author submits, a reviewer approves, the manager accepts.
      expect((await q(author, ['items', 'submit', bank, '--state', '草稿'])).out).toContain('已移动 304 道');
      // Four eyes: the author may not approve what they wrote.
      expect((await q(author, ['items', 'approve', bank, '--state', '待审'], 1)).err).toContain('四眼原则');
      expect((await q(reviewer, ['items', 'approve', bank, '--state', '待审'])).out).toContain('已移动 304 道');
      expect((await q(manager, ['items', 'accept', bank, '--state', '已审'])).out).toContain('已移动 304 道');

      // A paper structure of one's own; lint and coverage count against it.
      await q(manager, ['papers', 'structure', '--bank', bank, '--type', '判断:20:1', '--type', '单选:40:1', '--type', '多选:20:2', '--minutes', '90']);
      expect((await q(manager, ['coverage', '--bank', bank])).out).toContain('每套 80 道');
      await q(manager, ['lint', '--bank', bank]);

      // Three sets of every kind, approved by a reviewer (the manager who assembled them may not).
      for (const kind of ['theory', 'practical', 'comprehensive']) {
        const run = await q(manager, ['assemble', '--bank', bank, '--kind', kind]);
        const runId = /第 (\d+) 次组卷/u.exec(run.out)?.[1] ?? '';
        expect(run.out).toMatch(/已组 3 套/u);
        expect((await q(manager, ['papers', 'approve', '--bank', bank, '--run', runId], 1)).err).toContain('四眼原则');
        await q(reviewer, ['papers', 'approve', '--bank', bank, '--run', runId]);
      }

      // The notes, then the submission: nothing the rules require is missing but the signed review.
      const notes = {
        institution: '样例职业技能评价中心',
        definition: '从事电气设备与线路安装、调试、运行、维护和修理的人员。',
        standard: '《国家职业技能标准 电工》（2018年版）',
        process: '2026年9月组建开发组，10月编写细目表与试题，11月完成内部审核。',
        secrecyMeasures: '在专用断网计算机上开发，资料只存于标识光盘，调阅、组卷均登记。',
        reviewConclusion: '通过',
        reviewOpinion: '题库结构完整，试题符合细目表要求。',
        reviewLeader: String(ELECTRICIAN_TEAM.find((m) => m.role === 'reviewer')?.person['name'] ?? ''),
        reviewRound: 1,
      };
      writeFileSync(join(dir, 'notes.json'), JSON.stringify(notes));
      await q(manager, ['documents', 'notes', '--bank', bank, '--file', 'notes.json']);
      // complete but for the panel's ink-signed scan, which comes with the signed review (cli-review.test.ts)
      const submission = await q(manager, ['documents', 'generate', '--bank', bank, '--out', 'submission']);
      expect(submission.err).toBe(`警告：${reviewMessages.scanGap}\n警告：共 1 条，报送前须处理（用 --strict 时有警告即不生成）\n`);
      const folder = readdirSync(join(dir, 'submission'), { recursive: true }).map(String).sort();
      expect(folder.some((f) => f.startsWith('03_3_综合评审试题'))).toBe(true);
      for (const set of ['1_甲套', '2_乙套', '3_丙套']) expect(folder.filter((f) => f.startsWith(join('03_3_综合评审试题', set)) && f.endsWith('.docx')).length).toBeGreaterThan(0);
      expect(existsSync(join(dir, 'submission', '01_题库编制说明.docx'))).toBe(true);

      // The auditor verifies the log of the whole session.
      expect((await q('auditor', ['audit', 'verify'])).out).toContain('审计日志完整');
    } finally {
      const file = process.env['LEVEL2_TRANSCRIPT'];
      if (file) {
        const line = (s: Step) => `${(s.ms / 1000).toFixed(2).padStart(6)} s  ${s.code}  ${s.user.padEnd(12)} qbank ${s.args.join(' ')}\n        ${(s.out || s.err).split('\n')[0] ?? ''}`;
        writeFileSync(file, `${session.map(line).join('\n')}\n`);
        if (existsSync(join(dir, 'submission'))) cpSync(join(dir, 'submission'), `${file}.submission`, { recursive: true });
      }
    }
  });
});

/** The sample files must be the ones the script writes from the sample data (regenerate after an edit). */
describe('the level-2 sample files', () => {
  it('are present', () => {
    for (const f of ['电工二级-理论知识考核要素细目表.xlsx', '电工-技能考核内容结构表.xlsx', '电工二级-试题导入.xlsx']) expect(readFileSync(join(FILES, f)).length).toBeGreaterThan(1000);
  });
});
