/**
 * Where the storage cannot be checked (Windows, macOS): the workstation database is refused unless
 * the installer allowed it at first run (logged in 权限), and from then on only while the
 * 安全保密管理员 allows it; a refused target (USB) stays refused whatever is allowed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TargetRefusedError } from '../../../app/services/output/write.js';
import { ALLOW_UNVERIFIED_TARGETS, UNVERIFIED_NOTE } from '../../../app/services/policy/read.js';
import { closeWorkstation, openWorkstation, type WorkstationSecret } from '../../../app/services/workstation/handlers.js';
import { iterateAuditRows } from '../../../app/store/repositories/audit-log.js';
import { getSetting, setSetting } from '../../../app/store/repositories/settings.js';
import { hybridProbe } from '../../unit/media/fake-system.js';
import { useTempDir } from '../../helpers/tmp.js';

describe('the workstation database where storage cannot be checked', () => {
  const tempDir = useTempDir();
  const secret: WorkstationSecret = { kind: 'keyFile', bytes: randomBytes(32) };
  const windows = hybridProbe(() => [], 'win32');

  it('is refused at first run unless the installer allows it, then follows the 安全保密管理员 setting', () => {
    const file = join(tempDir(), 'ws', 'qbank.db');
    expect(() => openWorkstation(file, secret, { create: true, probe: windows })).toThrow(/Windows.*qbank init --allow-unverified-target/);
    expect(existsSync(file)).toBe(false);

    const db = openWorkstation(file, secret, { create: true, probe: windows, allowUnverifiedTarget: true });
    expect(getSetting(db, ALLOW_UNVERIFIED_TARGETS)).toBe('true');
    expect([...iterateAuditRows(db)].map((r) => [r.action, r.register, r.detail])).toEqual([
      ['output.policy.set', '权限', '首次建立工作站时允许未经核验的写入位置'],
      ['workstation.open', '', UNVERIFIED_NOTE],
    ]);
    closeWorkstation(db);

    const again = openWorkstation(file, secret, { probe: windows });
    expect([...iterateAuditRows(again)].at(-1)).toMatchObject({ action: 'workstation.open', detail: UNVERIFIED_NOTE });
    setSetting(again, ALLOW_UNVERIFIED_TARGETS, 'false'); // as output.policy.set by the 安全保密管理员
    closeWorkstation(again);
    expect(() => openWorkstation(file, secret, { probe: windows })).toThrow(/安全保密管理员未允许/);
  });

  it('keeps a USB stick refused even when unverified targets are allowed', () => {
    const dir = tempDir();
    const stick = hybridProbe(() => [dir]);
    expect(() => openWorkstation(join(dir, 'qbank.db'), secret, { create: true, probe: stick, allowUnverifiedTarget: true })).toThrow(TargetRefusedError);
    expect(existsSync(join(dir, 'qbank.db'))).toBe(false);
  });
});
