import { describe, expect, it } from 'vitest';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { useWorkstation } from '../../helpers/workstation.js';
import { auditRows } from '../../helpers/audit-log.js';

describe('secrecy marks per document class (output.marking.*)', () => {
  const workstation = useWorkstation();

  it('shows the defaults with their clause; only the 安全保密管理员 changes them, logged in 权限', async () => {
    const ws = workstation();
    const sec = ws.as('sec', ['secadmin']);
    const rows = await invoke(sec, handlers['output.marking.get'], {});
    expect(rows.find((r) => r.documentClass === 'candidateNotice')).toMatchObject({ marking: 'none', isDefault: true, basis: expect.stringContaining('附件6') });
    expect(rows.find((r) => r.documentClass === 'answerKey')).toMatchObject({ marking: 'bank', basis: expect.stringContaining('第四条') });

    await expect(invoke(ws.as('admin', ['sysadmin']), handlers['output.marking.set'], { changes: { teamList: 'none' } })).rejects.toThrow();
    const after = await invoke(sec, handlers['output.marking.set'], { changes: { candidateNotice: 'work', teamList: 'none' } });
    expect(after.find((r) => r.documentClass === 'candidateNotice')).toMatchObject({ marking: 'work', isDefault: false });
    expect(after.find((r) => r.documentClass === 'teamList')).toMatchObject({ marking: 'none', isDefault: false });
    const logged = auditRows(ws.system).find((r) => r.action === 'output.marking.set' && r.result === 'ok');
    expect(logged).toMatchObject({ register: '权限', detail: '密级标志：考生准备通知单→工作秘密，题库开发组成员名单→不标密' });

    const back = await invoke(sec, handlers['output.marking.set'], { changes: { candidateNotice: 'default', teamList: 'work' } });
    expect(back.every((r) => r.isDefault)).toBe(true);
    await expect(invoke(sec, handlers['output.marking.set'], { changes: { poster: 'none' } as never })).rejects.toThrow();
  });
});
