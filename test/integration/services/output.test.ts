import type { WritableDB } from '../../../app/store/database.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../../app/services/errors.js';
import { describeWriteError, writeOutputFile } from '../../../app/services/output.js';
import type { SystemProbe } from '../../../media/write-target.js';
import { useTempDir } from '../../helpers/tmp.js';
import { useWorkstation } from '../../helpers/workstation.js';

const auditRows = (ctx: { db: WritableDB }) =>
  ctx.db.prepare('SELECT action, register, objects, result, detail FROM audit_log ORDER BY seq').all() as Record<string, string>[];

describe('output#writeOutputFile', () => {
  const workstation = useWorkstation();
  const tempDir = useTempDir();

  it('writes the file, returns its SHA-256 and registers classified output in 存档', () => {
    const ctx = workstation().system;
    const root = tempDir();
    const written = writeOutputFile(ctx, root, '03_理论知识试题/甲套_试卷.docx', 'content', { classified: true });
    expect(readFileSync(join(root, '03_理论知识试题', '甲套_试卷.docx'), 'utf8')).toBe('content');
    expect(written).toMatchObject({ path: '03_理论知识试题/甲套_试卷.docx', bytes: 7 });
    expect(written.sha256).toBe('ed7002b439e9ac845f22357d822bac1444730fbdb6016d3ec9432297b9ec9f73');
    expect(auditRows(ctx)).toEqual([
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
    const usb: SystemProbe = {
      platform: 'linux',
      mountInfo: () => `27 1 8:17 / / rw - vfat /dev/sdb1 rw\n`,
      blockDevicePath: () => '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/host6/block/sdb/sdb1',
      readSys: () => undefined,
      realpath: (p) => p,
      exists: () => true,
    };
    expect(() => writeOutputFile(ctx, root, 'x.docx', 'x', { classified: true, probe: usb })).toThrow(/USB 存储设备.*规程第十二条/);
    expect(readdirSync(root)).toEqual([]);
    expect(auditRows(ctx)[0]).toMatchObject({ register: '拒绝', result: 'refused' });
  });

  it('keeps the previous file when a write fails and leaves no temporary file behind', () => {
    const ctx = workstation().system;
    const root = tempDir();
    mkdirSync(join(root, 'busy.docx'));
    writeFileSync(join(root, 'busy.docx', 'inside'), 'kept');
    expect(() => writeOutputFile(ctx, root, 'busy.docx', 'new', { classified: false })).toThrow(/写入文件失败/);
    expect(readFileSync(join(root, 'busy.docx', 'inside'), 'utf8')).toBe('kept');
    expect(readdirSync(root)).toEqual(['busy.docx']);
    expect(auditRows(ctx)[0]).toMatchObject({ result: 'error' });
  });

  it('explains a full disk in Chinese', () => {
    const e = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    expect(describeWriteError(e, '/x/a.docx').message).toBe('磁盘空间不足，文件未写入：/x/a.docx（原有文件未改变）');
  });

  const canMount = process.platform === 'linux' && process.getuid?.() === 0;
  it.runIf(canMount)('on a really full disk, fails in Chinese and keeps the earlier version intact', () => {
    const ctx = workstation().system;
    const root = join(tempDir(), 'small');
    mkdirSync(root);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', root]);
    try {
      writeOutputFile(ctx, root, 'paper.docx', 'v1', { classified: true });
      expect(() => writeOutputFile(ctx, root, 'paper.docx', Buffer.alloc(256 * 1024, 1), { classified: true })).toThrow(
        /磁盘空间不足，文件未写入/,
      );
      expect(readFileSync(join(root, 'paper.docx'), 'utf8')).toBe('v1');
      expect(readdirSync(root)).toEqual(['paper.docx']);
    } finally {
      execFileSync('umount', [root]);
    }
    expect(existsSync(join(root, 'paper.docx'))).toBe(false);
  });
});
