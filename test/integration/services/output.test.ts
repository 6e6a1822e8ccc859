import type { WritableDB } from '../../../app/store/database.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../../app/services/errors.js';
import { invoke } from '../../../app/services/handler.js';
import { describeWriteError, writeOutputFile } from '../../../app/services/output/write.js';
import { UNVERIFIED_NOTE } from '../../../app/services/policy/read.js';
import { handlers } from '../../../app/services/registry.js';
import { hybridProbe } from '../../unit/media/fake-system.js';
import { auditRows } from '../../helpers/audit-log.js';
import { useTempDir } from '../../helpers/tmp.js';
import { useWorkstation } from '../../helpers/workstation.js';

const outputRows = (ctx: { db: WritableDB }) => auditRows(ctx).filter((r) => r.action.startsWith('output.'));
const mode = (p: string) => statSync(p).mode & 0o777;

describe('output#writeOutputFile', () => {
  const workstation = useWorkstation();
  const tempDir = useTempDir();

  it('writes the file 0600 in new folders 0700, returns its SHA-256 and registers classified output in 存档', () => {
    const ctx = workstation().system;
    const root = tempDir();
    const written = writeOutputFile(ctx, root, '03_理论知识试题/甲套_试卷.docx', 'content', { classified: true });
    expect(readFileSync(join(root, '03_理论知识试题', '甲套_试卷.docx'), 'utf8')).toBe('content');
    expect(mode(join(root, '03_理论知识试题', '甲套_试卷.docx'))).toBe(0o600);
    expect(mode(join(root, '03_理论知识试题'))).toBe(0o700);
    expect(written).toMatchObject({ path: '03_理论知识试题/甲套_试卷.docx', bytes: 7 });
    expect(written.sha256).toBe('ed7002b439e9ac845f22357d822bac1444730fbdb6016d3ec9432297b9ec9f73');
    expect(outputRows(ctx)).toEqual([
      { action: 'output.write', register: '存档', objects: '["file:03_理论知识试题/甲套_试卷.docx"]', result: 'ok', detail: `7 bytes sha256=${written.sha256}` },
    ]);
  });

  it('refuses names that leave the output folder', () => {
    const ctx = workstation().system;
    const root = tempDir();
    for (const bad of ['../escape.txt', '/etc/passwd', '', 'a/../../b']) {
      expect(() => writeOutputFile(ctx, root, bad, 'x', { classified: false })).toThrow(OutputError);
    }
  });

  it('refuses a USB target, writes nothing and records the refusal', () => {
    const ctx = workstation().system;
    const root = tempDir();
    const usb = hybridProbe(() => [root]);
    expect(() => writeOutputFile(ctx, root, 'x.docx', 'x', { classified: true, probe: usb })).toThrow(/USB 存储设备.*规程第十二条/);
    expect(readdirSync(root)).toEqual([]);
    expect(outputRows(ctx)[0]).toMatchObject({ register: '拒绝', result: 'refused' });
  });

  it('refuses a mount point below the output root, and a symbolic link below it to a stick', () => {
    const ctx = workstation().system;
    const root = tempDir();
    const stick = tempDir();
    mkdirSync(join(root, 'mounted'));
    symlinkSync(stick, join(root, 'linked'));
    const probe = hybridProbe(() => [join(root, 'mounted'), stick]);
    expect(writeOutputFile(ctx, root, 'fine.docx', 'ok', { classified: false, probe }).bytes).toBe(2);
    expect(() => writeOutputFile(ctx, root, 'mounted/x.docx', 'x', { classified: true, probe })).toThrow(/USB 存储设备/);
    expect(() => writeOutputFile(ctx, root, 'linked/sub/x.docx', 'x', { classified: true, probe })).toThrow(/USB 存储设备/);
    expect(readdirSync(join(root, 'mounted'))).toEqual([]);
    expect(readdirSync(stick)).toEqual([]);
  });

  it('checks again right before the rename: a stick mounted over the folder meanwhile gets nothing, the temporary file goes', () => {
    const ctx = workstation().system;
    const root = tempDir();
    const sticks: string[] = [];
    const probe = hybridProbe(() => sticks);
    expect(() =>
      writeOutputFile(ctx, root, 'sub/x.docx', 'secret', { classified: true, probe, beforeRename: () => void sticks.push(join(root, 'sub')) }),
    ).toThrow(/USB 存储设备/);
    expect(readdirSync(join(root, 'sub'))).toEqual([]);
    expect(outputRows(ctx).map((r) => r.result)).toEqual(['refused']);
  });

  it('keeps the previous file when a write fails and leaves no temporary file behind', () => {
    const ctx = workstation().system;
    const root = tempDir();
    mkdirSync(join(root, 'busy.docx'));
    writeFileSync(join(root, 'busy.docx', 'inside'), 'kept');
    expect(() => writeOutputFile(ctx, root, 'busy.docx', 'new', { classified: false })).toThrow(/写入文件失败/);
    expect(readFileSync(join(root, 'busy.docx', 'inside'), 'utf8')).toBe('kept');
    expect(readdirSync(root)).toEqual(['busy.docx']);
    expect(outputRows(ctx)[0]).toMatchObject({ result: 'error' });
  });

  it('removes temporary files a crash left in the folder (also those of earlier versions) and records them', () => {
    const ctx = workstation().system;
    const root = tempDir();
    writeFileSync(join(root, '.0123456789ab.tmp'), 'plaintext of an earlier crash');
    writeFileSync(join(root, '.qbank-ba9876543210.tmp'), 'plaintext');
    writeFileSync(join(root, '.keep.tmp'), 'not ours');
    writeOutputFile(ctx, root, 'a.xlsx', 'x', { classified: false });
    expect(readdirSync(root).sort()).toEqual(['.keep.tmp', 'a.xlsx']);
    expect(outputRows(ctx)[0]).toMatchObject({ action: 'output.sweep', result: 'ok' });
    expect(outputRows(ctx)[0]?.detail).toContain('不完整');
  });

  it('explains a full disk in Chinese', () => {
    const e = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    expect(describeWriteError(e, '/x/a.docx').message).toBe('磁盘空间不足，文件未写入：/x/a.docx（原有文件未改变）');
  });

  describe('where the check cannot be made (Windows, macOS)', () => {
    it('refuses until the 安全保密管理员 allows it, then writes and marks every such write in the log', async () => {
      const ws = workstation();
      const ctx = ws.system;
      const root = tempDir();
      const windows = hybridProbe(() => [], 'win32');
      expect(() => writeOutputFile(ctx, root, 'a.docx', 'x', { classified: true, probe: windows })).toThrow(/Windows.*安全保密管理员/);
      const sec = ws.as('sec', ['secadmin']);
      await expect(invoke(ws.as('admin', ['sysadmin']), handlers['output.policy.set'], { allowUnverifiedTargets: true })).rejects.toThrow();
      expect(await invoke(sec, handlers['output.policy.set'], { allowUnverifiedTargets: true })).toEqual({ allowUnverifiedTargets: true });
      writeOutputFile(ctx, root, 'a.docx', 'x', { classified: true, probe: windows });
      const rows = auditRows(ctx);
      expect(rows.find((r) => r.action === 'output.policy.set' && r.result === 'ok')).toMatchObject({ register: '权限' });
      expect(rows.at(-1)).toMatchObject({ action: 'output.write', register: '存档', result: 'ok' });
      expect(rows.at(-1)?.detail).toContain(UNVERIFIED_NOTE);
      // The exception is only for "cannot check": a stick stays refused.
      expect(() => writeOutputFile(ctx, root, 'b.docx', 'x', { classified: true, probe: hybridProbe(() => [root]) })).toThrow(/USB/);
      await invoke(sec, handlers['output.policy.set'], { allowUnverifiedTargets: false });
      expect(() => writeOutputFile(ctx, root, 'c.docx', 'x', { classified: true, probe: windows })).toThrow(/Windows/);
    });
  });

  const canMount = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/sbin/mkfs.ext4');
  it.runIf(canMount)('on a really full disk (a loop-mounted ext4 image, followed to this machine’s disk), fails in Chinese and keeps the earlier version', () => {
    const ctx = workstation().system;
    const dir = tempDir();
    const root = join(dir, 'small');
    mkdirSync(root);
    execFileSync('truncate', ['-s', '2M', join(dir, 'disk.img')]);
    execFileSync('mkfs.ext4', ['-q', '-F', join(dir, 'disk.img')]);
    execFileSync('mount', ['-o', 'loop', join(dir, 'disk.img'), root]);
    try {
      writeOutputFile(ctx, root, 'paper.docx', 'v1', { classified: true });
      expect(() => writeOutputFile(ctx, root, 'paper.docx', Buffer.alloc(4 * 1024 * 1024, 1), { classified: true })).toThrow(/磁盘空间不足，文件未写入/);
      expect(readFileSync(join(root, 'paper.docx'), 'utf8')).toBe('v1');
      expect(readdirSync(root).sort()).toEqual(['lost+found', 'paper.docx']);
    } finally {
      execFileSync('umount', [root]);
    }
    expect(existsSync(join(root, 'paper.docx'))).toBe(false);
  });
});
