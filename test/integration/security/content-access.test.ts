import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../app/services/context.js';
import { PermissionDeniedError } from '../../../app/services/errors.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { sampleElementTable } from '../../../app/demo/sample-bank.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';
import { sampleSingleChoice } from '../../helpers/sample-bank.js';

const item = (stem: string) => sampleSingleChoice(stem);

async function bank(ws: TestWorkstation, manager: ServiceContext, track: string) {
  const b = await invoke(manager, handlers['banks.create'], { occupationCode: '3-01-02-07', track, level: 4 });
  await invoke(manager, handlers['banks.setElementTable'], { bankId: b.id, table: { ...(sampleElementTable() as object), track } });
  const added = await invoke(manager, handlers['items.addTheory'], { bankId: b.id, items: [item(`${track}方向试题（ ）。`)] });
  return { id: b.id, itemId: added.ids[0]! };
}

const refusals = (ws: TestWorkstation) =>
  ws.db.prepare("SELECT actor, action, detail FROM audit_log WHERE register = '拒绝' ORDER BY seq").all() as { actor: string; action: string; detail: string }[];

describe('保密责任书 gate (规程第七条)', () => {
  const workstation = useWorkstation();

  it('lets nobody open secret content without a valid pledge, and records each refusal', async () => {
    const ws = workstation();
    const manager = ws.as('boss', ['manager']);
    const b = await bank(ws, manager, '机械');
    const sec = ws.as('sec', ['secadmin']);
    for (const [username, pledge, message] of [
      ['nopledge', 'none', '未关联涉密人员登记'],
      ['expired', 'expired', '保密责任书已于 2025-12-31 到期'],
    ] as const) {
      const ctx = ws.as(username, ['author'], { pledge });
      await invoke(sec, handlers['access.grant'], { bankId: b.id, username, role: 'author' });
      await expect(invoke(ctx, handlers['items.get'], { bankId: b.id, itemId: b.itemId })).rejects.toThrow(message);
      await expect(invoke(ctx, handlers['items.addTheory'], { bankId: b.id, items: [item('新题（ ）。')] })).rejects.toThrow(PermissionDeniedError);
    }
    expect(refusals(ws).map((r) => [r.actor, r.action])).toEqual([
      ['nopledge', 'items.get'],
      ['nopledge', 'items.addTheory'],
      ['expired', 'items.get'],
      ['expired', 'items.addTheory'],
    ]);
  });

  it('opens the content once a pledge is registered for the linked person', async () => {
    const ws = workstation();
    const manager = ws.as('boss', ['manager']);
    const b = await bank(ws, manager, '机械');
    const sec = ws.as('sec', ['secadmin']);
    const author = ws.as('newauthor', ['author'], { pledge: 'none' });
    await invoke(sec, handlers['access.grant'], { bankId: b.id, username: 'newauthor', role: 'author' });
    const person = await invoke(sec, handlers['people.add'], { person: { name: '新命题人', unit: '样例学院', phone: '020-1234', workTypes: ['命题'] } });
    await invoke(sec, handlers['accounts.linkPerson'], { username: 'newauthor', personId: person.id });
    await expect(invoke(author, handlers['items.get'], { bankId: b.id, itemId: b.itemId })).rejects.toThrow('尚未登记保密责任书');
    await expect(invoke(sec, handlers['people.registerPledge'], { personId: person.id, pledge: { signedOn: '2026-11-01', expiresOn: '2026-10-01', scope: '命题' } })).rejects.toThrow(
      '有效期必须晚于签订日期',
    );
    await invoke(sec, handlers['people.registerPledge'], {
      personId: person.id,
      pledge: { signedOn: '2026-11-01', expiresOn: '2027-10-31', scope: '制图员题库命题' },
      scan: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    });
    const got = await invoke(author, handlers['items.get'], { bankId: b.id, itemId: b.itemId });
    expect((got.body as { stem: string }).stem).toBe('机械方向试题（ ）。');
  });
});

describe('bank access', () => {
  const workstation = useWorkstation();

  it('keeps an author out of a bank not assigned to them', async () => {
    const ws = workstation();
    const manager = ws.as('boss', ['manager']);
    const mech = await bank(ws, manager, '机械');
    const arch = await bank(ws, manager, '建筑');
    const sec = ws.as('sec', ['secadmin']);
    const author = ws.as('liqiang', ['author']);
    await invoke(sec, handlers['access.grant'], { bankId: mech.id, username: 'liqiang', role: 'author' });
    await expect(invoke(author, handlers['items.get'], { bankId: mech.id, itemId: mech.itemId })).resolves.toBeDefined();
    await expect(invoke(author, handlers['items.get'], { bankId: arch.id, itemId: arch.itemId })).rejects.toThrow(`liqiang 不是题库 ${arch.id} 的`);
    await expect(invoke(author, handlers['items.list'], { bankId: arch.id })).rejects.toThrow(PermissionDeniedError);
    // Naming the other bank's item under one's own bank does not help either.
    await expect(invoke(author, handlers['items.get'], { bankId: mech.id, itemId: arch.itemId })).rejects.toThrow(`不属于题库 ${mech.id}`);
    expect((await invoke(author, handlers['banks.list'], {})).map((b) => b.id)).toEqual([mech.id]);
  });

  it('grants bank access only to accounts holding the matching role', async () => {
    const ws = workstation();
    const manager = ws.as('boss', ['manager']);
    const mech = await bank(ws, manager, '机械');
    ws.as('reader', ['reviewer']);
    await expect(invoke(ws.as('sec', ['secadmin']), handlers['access.grant'], { bankId: mech.id, username: 'reader', role: 'author' })).rejects.toThrow(
      '没有命题人员角色',
    );
  });

  it('records every opening of an item in the 调阅 register, with ids and never the text', async () => {
    const ws = workstation();
    const manager = ws.as('boss', ['manager']);
    const mech = await bank(ws, manager, '机械');
    await invoke(manager, handlers['items.get'], { bankId: mech.id, itemId: mech.itemId });
    const rows = ws.db.prepare("SELECT actor, objects FROM audit_log WHERE register = '调阅'").all() as { actor: string; objects: string }[];
    expect(rows).toEqual([{ actor: 'boss', objects: JSON.stringify([`bank:${mech.id}`, `item:${mech.itemId}@1`]) }]);
    const all = JSON.stringify(ws.db.prepare('SELECT * FROM audit_log').all());
    expect(all).not.toContain('机械方向试题');
  });
});

describe('personnel register', () => {
  const workstation = useWorkstation();

  it('warns about 第十五条 conflicts and exports the register as xlsx', async () => {
    const ws = workstation();
    const sec = ws.as('sec', ['secadmin']);
    const p = await invoke(sec, handlers['people.add'], {
      person: { name: '培训师', unit: '样例培训中心', phone: '020-5555', workTypes: ['命题'], trainer: true },
    });
    expect(p.warning).toContain('规程第十五条');
    await expect(invoke(sec, handlers['people.add'], { person: { name: '', unit: 'x', phone: 'abc' } })).rejects.toThrow('涉密人员：姓名: 不能为空；联系电话: 联系电话格式不正确');
    const file = await invoke(sec, handlers['people.exportRegister'], { outDir: join(ws.dir, 'out') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file.absolutePath) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('涉密人员登记表');
    const values = JSON.stringify(sheet?.getSheetValues());
    expect(values).toContain('培训师');
    expect(values).toContain('未登记');
  });
});
