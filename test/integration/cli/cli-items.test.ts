/**
 * `qbank items` as a user building a bank from the command line: add items from a JSON file, show
 * them (a practical task readably), edit them (file round trip and field flags), and move many at a
 * time through the workflow under the 四眼原则. Runs on the demo workstation.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../app/cli/main.js';
import type { CliIO } from '../../../app/cli/io.js';
import { demoCopy } from '../../helpers/demo-fixture.js';
import { useTempDir } from '../../helpers/tmp.js';

const theory = (stem: string, over: Record<string, unknown> = {}) => ({
  type: 'singleChoice',
  element: 'A-A-A-001',
  stem,
  options: ['爱岗敬业', '个人兴趣', '家庭美德', '兴趣爱好'],
  key: 'A',
  difficulty: 3,
  ...over,
});

describe('qbank items: add, show, edit and the batch workflow', () => {
  const tempDir = useTempDir();

  it('adds items from JSON, shows and edits them, and moves them in batches with four eyes', async () => {
    const dir = tempDir();
    const run = async (args: string[], env: Record<string, string>) => {
      let out = '';
      let err = '';
      const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), env, cwd: dir };
      return { code: await main(args, io), out, err };
    };
    const copy = await demoCopy(dir);
    const as = (user: string) => copy.env(user);
    const [manager, writer] = [as('zhangwei'), as('liqiang')];
    // The reviewer has not logged in yet: a new password first.
    const expertPassword = 'Review-2026-新口令!';
    expect(await run(['passwd'], { ...as('chenjing'), QBANK_NEW_PASSWORD: expertPassword })).toMatchObject({ code: 0 });
    const expert = { ...as('chenjing'), QBANK_PASSWORD: expertPassword };

    // The help states the rule and how batches behave.
    const help = await run(['items', '--help'], {});
    expect(help.out).toContain('四眼原则：审核通过须由本题库的审核专家、入库须由本题库的题库管理员操作，且都不能是该试题任一版本的编写者');
    expect(help.out).toContain('拒绝不中止批量');
    expect(help.out).toContain('qbank items edit <题库> <试题>');

    // A practical task of the sample bank reads like the documents; --json stays raw.
    const list = await run(['items', 'list', '1'], writer);
    const practicalId = Number(/^(\d+)\t技能考核\t/m.exec(list.out)?.[1]);
    const shown = await run(['items', 'show', '1', String(practicalId)], writer);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(new RegExp(`^${practicalId}　技能考核　职业功能 [A-Z]　第1版　入库\\n试题名称：`));
    for (const part of ['【试题】', '【考场准备通知单】', '【考生准备通知单】', '【评分标准】', '  合计\t']) expect(shown.out).toContain(part);
    expect(JSON.parse((await run(['items', 'show', '1', String(practicalId), '--json'], writer)).out)).toMatchObject({ id: practicalId, kind: 'practical', body: { rubric: expect.any(Array) } });

    // Add: the kind is read from the items, or given; a wrong file is refused before anything is saved.
    writeFileSync(join(dir, 'new.json'), JSON.stringify([theory('（ ）是职业道德的基本要求之一。'), theory('从业人员应当（ ）。'), theory('职业道德的核心是（ ）。')]));
    writeFileSync(join(dir, 'task.json'), JSON.stringify({ module: 'A', title: '题' }));
    expect(await run(['items', 'add', '1', '--file', 'new.json', '--kind', 'practical'], writer)).toMatchObject({ code: 2, err: expect.stringContaining('new.json 第1道是理论知识试题，与 --kind practical 不符') });
    expect(await run(['items', 'add', '1', '--file', 'task.json'], writer)).toMatchObject({ code: 1, err: expect.stringContaining('第1行') });
    const added = await run(['items', 'add', '1', '--file', 'new.json'], writer);
    expect(added).toMatchObject({ code: 0, err: '' });
    const [, first, last] = /已新增 3 道理论知识试题（草稿）：(\d+)–(\d+)/.exec(added.out) ?? [];
    const [a, c] = [Number(first), Number(last)];
    const b = a + 1;

    // Edit: the JSON that show --json prints, changed, is saved back as a new version; unchanged it is refused.
    const record = JSON.parse((await run(['items', 'show', '1', String(a), '--json'], writer)).out) as { body: { stem: string } };
    record.body.stem = '（ ）是职业道德的基本要求。';
    writeFileSync(join(dir, 'edit.json'), JSON.stringify(record));
    expect(await run(['items', 'edit', '1', String(a), '--file', 'edit.json', '--note', '去掉“之一”'], writer)).toMatchObject({ code: 0, out: `试题 ${a} 已保存为第2版（草稿）\n` });
    expect(await run(['items', 'edit', '1', String(a), '--file', 'edit.json'], writer)).toMatchObject({ code: 1, err: expect.stringContaining(`试题 ${a} 的内容与当前第2版相同，未保存新版本`) });
    expect(await run(['items', 'edit', '1', String(b), '--file', 'edit.json'], writer)).toMatchObject({ code: 2, err: expect.stringContaining(`edit.json 是试题 ${a} 的内容，不是试题 ${b} 的`) });
    expect(await run(['items', 'edit', '1', String(b), '--file', 'edit.json', '--key', 'B'], writer)).toMatchObject({ code: 2 });
    expect(await run(['items', 'edit', '1', String(b), '--key', 'Z'], writer)).toMatchObject({ code: 1, err: expect.stringContaining('答案: 单项选择题答案必须是 A、B、C、D 之一') });
    expect(await run(['items', 'edit', '1', String(b), '--option', 'B'], writer)).toMatchObject({ code: 2, err: expect.stringContaining('--option 应写成 字母=内容') });
    expect(await run(['items', 'edit', '1', String(b), '--option', 'B=诚实守信', '--key', 'b', '--explanation', '职业道德规范'], writer)).toMatchObject({ code: 0 });
    const edited = await run(['items', 'show', '1', String(b)], writer);
    expect(edited.out).toContain('B. 诚实守信\n');
    expect(edited.out).toContain('答案：B\n解析：职业道德规范\n');

    // The workflow in batches: ranges and lists; refusals per item on stderr, exit 1; the rest moves.
    expect(await run(['items', 'submit', '1', `${a}-x`], writer)).toMatchObject({ code: 2, err: expect.stringContaining(`收到 ${a}-x`) });
    expect(await run(['items', 'submit', '1'], writer)).toMatchObject({ code: 2, err: expect.stringContaining('缺少 <试题>') });
    const submitted = await run(['items', 'submit', '1', `${a}-${c}`], writer);
    expect(submitted).toMatchObject({ code: 0, err: '' });
    expect(submitted.out.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${a}\\t单项选择题\\tA-A-A-001\\t第2版\\t待审\\t`)),
      expect.stringMatching(new RegExp(`^${b}\\t单项选择题\\tA-A-A-001\\t第2版\\t待审\\t`)),
      expect.stringMatching(new RegExp(`^${c}\\t单项选择题\\tA-A-A-001\\t第1版\\t待审\\t`)),
      '提交审核：已移动 3 道（→待审），拒绝 0 道',
    ]);
    // The 题库管理员 alone may not approve.
    const alone = await run(['items', 'approve', '1', `${a},${b}`, String(c)], manager);
    expect(alone.code).toBe(1);
    expect(alone.out).toBe('审核通过：已移动 0 道（→已审），拒绝 3 道\n');
    expect(alone.err.trim().split('\n')).toEqual([a, b, c].map((id) => `试题 ${id}：“审核通过”需要本题库的审核专家身份（四眼原则：审核通过须由本题库的审核专家、入库须由本题库的题库管理员操作，且都不能是该试题任一版本的编写者）`));
    // A reviewer approves what the filter finds: 待审 items under A-A.
    const approved = await run(['items', 'approve', '1', '--element', 'A-A', '--comment', '同意'], expert);
    expect(approved).toMatchObject({ code: 0, err: '' });
    expect(approved.out).toContain('审核通过：已移动 3 道（→已审），拒绝 0 道');
    // A single id still works as before, and a step only starts from its own state.
    expect(await run(['items', 'accept', '1', String(a)], manager)).toMatchObject({ code: 0, out: expect.stringContaining(`${a}\t单项选择题\tA-A-A-001\t第2版\t入库\t`) });
    expect(await run(['items', 'accept', '1', String(a)], manager)).toMatchObject({ code: 1, err: expect.stringContaining(`试题 ${a}：当前为“入库”，“入库”只用于“已审”的试题`) });
    expect(await run(['items', 'accept', '1', '--state', '已审', '--lint-clean'], manager)).toMatchObject({ code: 0, out: expect.stringContaining('入库：已移动 2 道（→入库），拒绝 0 道') });
    expect(await run(['items', 'retire', '1', String(practicalId), '--state', '入库'], manager)).toMatchObject({ code: 1, out: expect.stringContaining('停用：已移动 0 道（→停用），拒绝 1 道') });
  }, 300_000);
});
