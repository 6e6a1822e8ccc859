/**
 * The 销毁 register (规程第十四条): the 安全保密管理员 records what was destroyed, how, when, by whom and
 * witnessed by whom — two different people of the personnel register — each entry in the 销毁 register
 * of the access log; refusals are in Chinese and name the field; the 安全审计员 reads it and both export
 * it as xlsx with the anchor of a signed checkpoint.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../../app/domain/validation.js';
import type { ServiceContext } from '../../../app/services/context.js';
import { PermissionDeniedError } from '../../../app/services/errors.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { loadWorkbook, sheetOf } from '../../helpers/xlsx.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

const PERSON = { unit: '省职业技能鉴定指导中心', phone: '020-8000-0101', workTypes: ['传递'] };

/** The workstation with the 安全保密管理员, two registered people (张三, 李四) and one disc in the 存档 register. */
async function setUp(ws: TestWorkstation): Promise<{ sec: ServiceContext; zhang: number; li: number; disc: number }> {
  const sec = ws.as('sec', ['secadmin']);
  const zhang = (await invoke(sec, handlers['people.add'], { person: { ...PERSON, name: '张三' } })).id;
  const li = (await invoke(sec, handlers['people.add'], { person: { ...PERSON, name: '李四' } })).id;
  const disc = Number(
    ws.db
      .prepare(
        `INSERT INTO disc_exports (kind, package_id, bank_id, label, image_name, image_sha256, image_bytes, recipients, target, verified, at, by)
         VALUES ('backup', ?, NULL, '备份光盘 2026-001', 'backup.iso', ?, 2048, '[]', '/dev/sr0', 1, '2026-11-20T02:00:00.000Z', 'sec')`,
      )
      .run('a'.repeat(32), 'b'.repeat(64)).lastInsertRowid,
  );
  return { sec, zhang, li, disc };
}

const ENTRY = { kind: '光盘', description: '2026 年第一季度备份光盘', quantity: 1, method: '粉碎', destroyedOn: '2026-11-20', destroyer: '张三', witness: '李四' };

function logRows(ws: TestWorkstation, action: string) {
  return ws.db.prepare('SELECT actor, register, objects, result, detail FROM audit_log WHERE action = ? ORDER BY seq').all(action) as {
    actor: string;
    register: string;
    objects: string;
    result: string;
    detail: string;
  }[];
}

/** Every row of the sheet's used range as text cells. */
function rowsOf(sheet: { eachRow(cb: (row: { values: unknown }) => void): void }): string[][] {
  const out: string[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return out;
}

describe('destruction register', () => {
  const workstation = useWorkstation();

  it('records an entry with the names as registered, in the 销毁 register of the access log', async () => {
    const ws = workstation();
    const { sec, zhang, disc } = await setUp(ws);
    const d = await invoke(sec, handlers['destruction.record'], { ...ENTRY, discExportId: disc, destroyer: zhang, note: '报废' });
    expect(d).toMatchObject({ id: 1, kind: '光盘', quantity: 1, discExportId: disc, method: '粉碎', destroyedOn: '2026-11-20', destroyer: '张三', witness: '李四', note: '报废', recordedBy: 'sec' });
    const [row] = logRows(ws, 'destruction.record');
    expect(row).toMatchObject({ actor: 'sec', register: '销毁', result: 'ok', objects: JSON.stringify([`destruction:${d.id}`, `disc:${disc}`]) });
    expect(row?.detail).toBe('光盘 1 件（2026 年第一季度备份光盘），粉碎，2026-11-20，销毁人 张三，监销人 李四');
    // fixed once written
    expect(() => ws.db.prepare('UPDATE destructions SET quantity = 2').run()).toThrow('销毁登记不可修改');
    expect(() => ws.db.prepare('DELETE FROM destructions').run()).toThrow('销毁登记不可删除');
  });

  it('refuses in Chinese: the same person twice, an unknown person, a future date, no quantity, a disc entry on paper', async () => {
    const ws = workstation();
    const { sec, zhang, disc } = await setUp(ws);
    const refused = async (entry: Record<string, unknown>, message: string) => {
      const call = invoke(sec, handlers['destruction.record'], entry);
      await expect(call).rejects.toThrow(DomainValidationError);
      await expect(call).rejects.toThrow(message);
    };
    await refused({ ...ENTRY, witness: '张三' }, '销毁登记：监销人: 销毁人和监销人必须是两个不同的人');
    // the same person named once by number and once by name
    await refused({ ...ENTRY, destroyer: zhang, witness: '张三' }, '销毁登记：监销人: 销毁人和监销人必须是两个不同的人');
    await refused({ ...ENTRY, witness: '王五' }, '销毁登记：监销人: 人员登记表中没有“王五”');
    await refused({ ...ENTRY, destroyer: 99 }, '销毁登记：销毁人: 人员 99 不在人员登记表中');
    // the workstation's clock stands at 2026-11-23 (Beijing)
    await refused({ ...ENTRY, destroyedOn: '2026-11-24' }, '销毁登记：销毁日期: 销毁日期不能晚于今天（2026-11-23）');
    await refused({ ...ENTRY, destroyedOn: '2026-02-30' }, '销毁日期: 日期不存在');
    await refused({ ...ENTRY, quantity: 0 }, '数量: 数量至少为 1');
    await refused({ ...ENTRY, kind: '硬盘' }, '载体类别: 载体类别必须是：光盘、纸质试卷、纸质答案、其他载体');
    await refused({ ...ENTRY, method: '' }, '销毁方式: 不能为空');
    await refused({ ...ENTRY, kind: '纸质试卷', discExportId: disc }, '光盘存档编号: 只有载体类别为“光盘”时才能填写光盘存档编号');
    await refused({ ...ENTRY, discExportId: disc + 1 }, `光盘存档编号: 存档登记中没有光盘 ${disc + 1}`);
    expect(await invoke(sec, handlers['destruction.list'], {})).toEqual([]);
    expect(logRows(ws, 'destruction.record').every((r) => r.result === 'error' && r.detail.startsWith('DomainValidationError: 销毁登记'))).toBe(true);
  });

  it('lists newest first, by date range and kind, for the 安全保密管理员 and the 安全审计员 only', async () => {
    const ws = workstation();
    const { sec } = await setUp(ws);
    await invoke(sec, handlers['destruction.record'], { ...ENTRY, destroyedOn: '2026-10-01' });
    await invoke(sec, handlers['destruction.record'], { ...ENTRY, kind: '纸质试卷', description: '试卷 甲套', quantity: 30, method: '焚毁', destroyedOn: '2026-11-05' });
    await invoke(sec, handlers['destruction.record'], { ...ENTRY, kind: '纸质答案', description: '答案 甲套', quantity: 30, destroyedOn: '2026-11-05' });
    const aud = ws.as('aud', ['auditor']);
    expect((await invoke(aud, handlers['destruction.list'], {})).map((d) => [d.id, d.destroyedOn])).toEqual([
      [3, '2026-11-05'],
      [2, '2026-11-05'],
      [1, '2026-10-01'],
    ]);
    expect((await invoke(sec, handlers['destruction.list'], { from: '2026-11-01', to: '2026-11-30', kind: '纸质试卷' })).map((d) => d.id)).toEqual([2]);
    expect((await invoke(sec, handlers['destruction.list'], { from: '', to: '2026-10-31', kind: '' })).map((d) => d.id)).toEqual([1]);
    await expect(invoke(sec, handlers['destruction.list'], { from: '2026-12-01', to: '2026-11-01' })).rejects.toThrow('截止日期: 起始日期不能晚于截止日期');

    const manager = ws.as('wang', ['manager']);
    await expect(invoke(manager, handlers['destruction.list'], {})).rejects.toThrow(PermissionDeniedError);
    await expect(invoke(aud, handlers['destruction.record'], ENTRY)).rejects.toThrow('权限不足：“登记销毁”需要安全保密管理员身份');
    await expect(invoke(manager, handlers['destruction.export'], { outDir: ws.dir })).rejects.toThrow(PermissionDeniedError);
    expect(logRows(ws, 'destruction.record').filter((r) => r.register === '拒绝')).toMatchObject([{ actor: 'aud', result: 'refused' }]);
  });

  it('the 销毁 register export of the access log holds the entry', async () => {
    const ws = workstation();
    const { sec } = await setUp(ws);
    const d = await invoke(sec, handlers['destruction.record'], ENTRY);
    const aud = ws.as('aud', ['auditor']);
    const file = await invoke(aud, handlers['audit.export'], { register: '销毁', outDir: join(ws.dir, 'registers') });
    expect(file.path).toBe('销毁登记表.xlsx');
    const rows = rowsOf(sheetOf(await loadWorkbook(readFileSync(file.absolutePath)), '销毁登记表'));
    const entry = rows.find((r) => r[3] === '登记销毁');
    expect(entry).toBeDefined();
    expect(entry?.[2]).toBe('sec');
    expect(entry?.[4]).toBe(`destruction:${d.id}`);
    expect(entry?.[6]).toBe('光盘 1 件（2026 年第一季度备份光盘），粉碎，2026-11-20，销毁人 张三，监销人 李四');
  });

  it('exports the 销毁登记表 with every column, the secrecy mark and the anchor of a signed checkpoint', async () => {
    const ws = workstation();
    const { sec, disc } = await setUp(ws);
    await invoke(sec, handlers['destruction.record'], { ...ENTRY, discExportId: disc, note: '已核对标签' });
    await invoke(sec, handlers['destruction.record'], { ...ENTRY, kind: '纸质试卷', description: '制图员四级 理论知识试卷 甲套', quantity: 30, method: '焚毁', destroyedOn: '2026-11-21', destroyer: '李四', witness: '张三' });
    const aud = ws.as('aud', ['auditor']);
    for (const [ctx, folder] of [
      [sec, 'by-sec'],
      [aud, 'by-auditor'],
    ] as const) {
      const file = await invoke(ctx, handlers['destruction.export'], { outDir: join(ws.dir, folder) });
      expect(file.path).toBe('销毁登记表.xlsx');
      const sheet = sheetOf(await loadWorkbook(readFileSync(file.absolutePath)), '销毁登记表');
      const rows = rowsOf(sheet);
      expect(rows[0]?.[0]).toBe('销毁登记表');
      expect(rows[1]?.[0]).toBe('秘密★长期');
      expect(rows[2]).toEqual(['登记编号', '销毁日期', '载体类别', '载体说明', '数量', '光盘存档编号', '销毁方式', '销毁人', '监销人', '备注', '登记时间', '登记人']);
      expect(rows[3]?.slice(0, 10)).toEqual(['2', '2026-11-21', '纸质试卷', '制图员四级 理论知识试卷 甲套', '30', '', '焚毁', '李四', '张三', '']);
      expect(rows[4]?.slice(0, 10)).toEqual(['1', '2026-11-20', '光盘', '2026 年第一季度备份光盘', '1', String(disc), '粉碎', '张三', '李四', '已核对标签']);
      expect(rows[4]?.[10]).toMatch(/^2026-11-23 \d\d:\d\d:\d\d$/);
      expect(rows[4]?.[11]).toBe('sec');
      // the anchor of the checkpoint the export signed, by the account that exported
      const checkpoint = ws.db.prepare('SELECT seq, audit_seq, audit_hash, signer FROM audit_checkpoints ORDER BY seq DESC LIMIT 1').get() as { seq: number; audit_seq: number; audit_hash: string; signer: string };
      expect(checkpoint.signer).toBe(ctx.actor.username);
      expect(rows[5]?.[0]).toContain(`外部锚点 ${checkpoint.audit_seq}:${checkpoint.audit_hash}（校验点 #${checkpoint.seq}`);
      expect(logRows(ws, 'destruction.export').at(-1)).toMatchObject({ actor: ctx.actor.username, register: '存档', objects: JSON.stringify(['file:销毁登记表.xlsx']) });
    }
    expect((await invoke(aud, handlers['audit.verify'], {})).ok).toBe(true);
  });
});
