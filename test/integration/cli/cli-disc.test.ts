/**
 * The disc commands as a user types them: the 安全保密管理员 creates the CA and imports a 存档 recipient
 * certificate; the 系统管理员 gets a certificate, makes a backup image for the workstation secret and
 * that recipient, and checks it; `open-package` (no workstation) opens it with the recipient's .p12
 * and names a flipped byte; `restore` refuses the backup as older than this machine's anchor, then
 * restores it when the 系统管理员 confirms; `airgap check` reports; `disc list` shows the 存档 entry.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../app/cli/io.js';
import { main } from '../../../app/cli/main.js';
import { readIsoDirectory } from '../../../media/iso/reader.js';
import { uploadStation } from '../package/package-helpers.js';
import { useTempDir } from '../../helpers/tmp.js';

const PASSPHRASE = '测试工作站口令-Disc-2026!';

describe('qbank disc, backup, restore, open-package', () => {
  const tempDir = useTempDir();

  it('backs up, opens, restores with confirmation, and names a flipped byte', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const env: Record<string, string> = { QBANK_DB: join(dir, 'ws.db'), QBANK_PASSPHRASE: PASSPHRASE };
    const run = async (args: string[], extra: Record<string, string> = {}) => {
      let out = '';
      let err = '';
      const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), env: { ...env, ...extra }, cwd: dir };
      return { code: await main(args, io), out, err };
    };
    const init = await run(['init']);
    const initial = Object.fromEntries([...init.out.matchAll(/\t(sysadmin|secadmin|auditor)\t(\S+)/g)].map((m) => [m[1], m[2]]));
    await run(['passwd'], { QBANK_USER: 'secadmin', QBANK_PASSWORD: initial.secadmin!, QBANK_NEW_PASSWORD: 'Sec-Officer-Pass1!' });
    await run(['passwd'], { QBANK_USER: 'sysadmin', QBANK_PASSWORD: initial.sysadmin!, QBANK_NEW_PASSWORD: 'Sys-Admin-Pass1!' });
    await run(['passwd'], { QBANK_USER: 'auditor', QBANK_PASSWORD: initial.auditor!, QBANK_NEW_PASSWORD: 'Shenji-Pass-123!' });
    const sec = { QBANK_USER: 'secadmin', QBANK_PASSWORD: 'Sec-Officer-Pass1!' };
    const sys = { QBANK_USER: 'sysadmin', QBANK_PASSWORD: 'Sys-Admin-Pass1!' };

    expect((await run(['certs', 'ca-create'], sec)).code).toBe(0);
    expect((await run(['certs', 'request'], sys)).code).toBe(0);
    expect((await run(['certs', 'issue', 'sysadmin'], sec)).code).toBe(0);
    const station = uploadStation('存档光盘密钥');
    writeFileSync(join(dir, 'archive.pem'), station.certificatePem);
    writeFileSync(join(dir, 'archive.p12'), station.p12);
    writeFileSync(join(dir, 'p12-password'), station.password);
    const imported = await run(['disc', 'recipient-import', 'archive.pem', '--name', '存档密钥', '--purpose', '存档'], sec);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toMatch(/^1\t存档密钥\t存档\tRSA 3072\t有效/);

    const backup = await run(['backup', 'create', '--out', 'discs', '--recipient', '1'], sys);
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    const iso = /备份映像：(.+\.iso)/.exec(backup.out)?.[1] ?? '';
    expect(existsSync(iso)).toBe(true);
    expect(backup.out).toMatch(/光盘标签与封面登记单：.+\.docx/);
    const check = await run(['backup', 'verify', iso], sys);
    expect(check).toMatchObject({ code: 0, err: '' });
    expect(check.out).toMatch(/^备份可恢复：工作站 /);
    expect((await run(['disc', 'list'], sec)).out).toMatch(/^1\t工作站备份\t/);

    // the recipient's key opens it anywhere, without a workstation
    const opened = await run(['open-package', iso, '--key', 'archive.p12', '--key-password-file', 'p12-password', '--out', 'opened']);
    expect(opened.err).toBe('');
    expect(opened.code).toBe(0);
    expect(opened.out).toMatch(/校验通过\n$/);
    expect(existsSync(join(dir, 'opened', 'workstation.db'))).toBe(true);
    const bytes = readFileSync(iso);
    const db = readIsoDirectory(iso).entries.find((e) => e.path === 'data/000000.qbe')!;
    bytes[db.offset + 100] = (bytes[db.offset + 100] ?? 0) ^ 0x10;
    writeFileSync(join(dir, 'flipped.iso'), bytes);
    const bad = await run(['open-package', 'flipped.iso', '--key', 'archive.p12', '--key-password-file', 'p12-password', '--out', 'bad']);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/workstation\.db（data\/000000\.qbe）：第 1 块认证失败/);
    expect(existsSync(join(dir, 'bad'))).toBe(false);

    // the workstation moved on since (logouts sign checkpoints): the backup is older than its anchor
    const restoreTo = { QBANK_DB: join(dir, 'ws.db') };
    const refused = await run(['restore', iso], restoreTo);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/早于本机保存的最新审计锚点/);
    writeFileSync(join(dir, 'sys-password'), 'Sys-Admin-Pass1!');
    const restored = await run(['restore', iso, '--confirm-older', 'sysadmin', '--password-file', 'sys-password'], restoreTo);
    expect(restored.err).toBe('');
    expect(restored.out).toMatch(/已恢复：.+ws\.db\n工作站 .+校验通过\n较早的备份，已由 sysadmin 确认并登记\n原数据库保留为：.+before-restore-/);
    // the restored workstation opens and its log verifies
    const verified = await run(['audit', 'verify'], { QBANK_USER: 'auditor', QBANK_PASSWORD: 'Shenji-Pass-123!' });
    expect(verified).toMatchObject({ code: 0, err: '' });

    const air = await run(['airgap', 'check'], sec);
    expect([0, 1]).toContain(air.code);
    expect(`${air.out}${air.err}`).toMatch(/物理隔离|网络|未发现/);
  });
});
