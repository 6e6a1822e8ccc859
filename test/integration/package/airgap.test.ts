/**
 * The air-gap check as the services apply it: a clean machine passes silently; a finding is logged and,
 * by default, only warns (the export goes on and reports it); once the 安全保密管理员 sets `refuse`, the
 * export is refused before anything is written, logged in 拒绝.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useAirGapView } from '../../../app/services/airgap/handlers.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import type { AirGapView } from '../../../media/air-gap.js';
import { fakeProbe } from '../../unit/media/fake-system.js';
import { useWorkstation } from '../../helpers/workstation.js';

const MOUNTS = '22 1 254:1 / / rw,relatime - ext4 /dev/vda1 rw\n';
const clean: AirGapView = fakeProbe({ mountinfo: MOUNTS, dirs: ['/sys/class/net/lo'], files: { '/sys/class/net/lo/operstate': 'unknown\n' } });
const wired: AirGapView = fakeProbe({
  mountinfo: MOUNTS,
  dirs: ['/sys/class/net/lo', '/sys/class/net/eth0'],
  files: { '/sys/class/net/lo/operstate': 'unknown\n', '/sys/class/net/eth0/operstate': 'up\n', '/sys/class/net/eth0/carrier': '1\n' },
});

describe('air-gap check', () => {
  const workstation = useWorkstation();
  afterEach(() => useAirGapView(null));

  it('passes a clean machine, warns about a network by default, refuses once the policy says so', async () => {
    const ws = workstation();
    const user = ws.as('u', ['manager']);
    useAirGapView(clean);
    // the GUI's periodic check is not the user at work: it does not put off the idle lock
    const session = { id: 's', accountId: user.actor.id!, startedAt: 0, lastActivityAt: ws.now().getTime(), restricted: null, ended: false };
    const before = session.lastActivityAt;
    const ok = await invoke({ ...user, session }, handlers['airgap.check'], { reason: 'start' });
    expect(session.lastActivityAt).toBe(before);
    expect(ok.ok).toBe(true);
    expect(ok.summary).toMatch(/未发现/);
    useAirGapView(wired);
    const bad = await invoke(user, handlers['airgap.check'], {});
    expect(bad.ok).toBe(false);
    expect(bad.findings.map((f) => f.device)).toContain('eth0');
    expect(bad.mode).toBe('warn');
    const row = ws.db.prepare(`SELECT detail FROM audit_log WHERE action = 'airgap.check' ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
    expect(row).toMatch(/eth0/);
    await expect(invoke(user, handlers['airgap.policy.set'], { mode: 'refuse' })).rejects.toThrow();
    await invoke(ws.as('sec', ['secadmin']), handlers['airgap.policy.set'], { mode: 'refuse' });
    expect(await invoke(ws.as('sec', ['secadmin']), handlers['airgap.policy.get'], {})).toEqual({ mode: 'refuse' });
    // a backup in refuse mode: refused before anything is written, and the refusal is logged
    const admin = ws.as('admin', ['sysadmin']);
    await expect(invoke(admin, handlers['backup.create'], { target: { dir: ws.dir } })).rejects.toThrow(/物理隔离检查未通过/);
    expect(ws.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'backup.create' AND register = '拒绝' AND result = 'refused' AND detail LIKE '%物理隔离检查未通过%'`).pluck().get()).toBe(1);
  });
});
