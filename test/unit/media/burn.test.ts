import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { burnImage, verifyDisc, type BurnProgress, type RunOptions, type RunResult, type Runner } from '../../../media/burn/burn.js';
import { describeNoDrive, listDrives, stdioDrive, type OpticalDrive } from '../../../media/burn/drives.js';
import { parseWriteProgress, parseXorrisoDevices, parseXorrisoMedia } from '../../../media/burn/linux.js';
import { parseDrutilList, parseDrutilStatus, parsePuppetPercent } from '../../../media/burn/macos.js';
import { sha256OfPrefix } from '../../../media/burn/read-back.js';
import { systemRunner } from '../../../media/burn/runner.js';
import { decodeEncodedCommand, parseDriveLines, psQuote } from '../../../media/burn/windows.js';
import { fakeProbe } from './fake-system.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const hasXorriso = spawnSync('xorriso', ['-version'], { stdio: 'ignore' }).status === 0;

interface Call {
  readonly cmd: string;
  readonly args: readonly string[];
}
type Answer = Partial<RunResult> & { missing?: boolean; lines?: string[]; bytes?: Uint8Array };

/** A runner that records each call and answers from `answer` (stdout/stderr, progress lines, raw bytes, or "not installed"). */
function recording(answer: (call: Call) => Answer): Runner & { calls: Call[] } {
  const calls: Call[] = [];
  const run: Runner = async (cmd, args, opts: RunOptions = {}) => {
    const call = { cmd, args: [...args] };
    calls.push(call);
    const a = answer(call);
    if (a.missing) throw Object.assign(new Error(`spawn ${cmd} ENOENT`), { code: 'ENOENT' });
    for (const l of a.lines ?? []) opts.onLine?.(l);
    if (a.bytes) opts.onStdout?.(Buffer.from(a.bytes));
    return { code: a.code === undefined ? 0 : a.code, stdout: a.stdout ?? '', stderr: a.stderr ?? '' };
  };
  return Object.assign(run, { calls });
}

const BLANK = "Drive current: -outdev '/dev/sr0'\nMedia current: DVD-R sequential recording\nMedia status : is blank\n";
const CLOSED = "Drive current: -outdev '/dev/sr0'\nMedia current: DVD-R sequential recording\nMedia status : is written , is closed\n";
const EMPTY = "Drive current: -outdev '/dev/sr0'\nMedia current: is not present\nMedia status : is not present\n";

let dir: string;
let iso: string;
let isoBytes: Buffer;
let isoSha: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qbank-burn-'));
  // A stand-in image for the fake-runner tests: two 2048-byte sectors.
  isoBytes = Buffer.alloc(4096);
  for (let i = 0; i < isoBytes.length; i++) isoBytes[i] = (i * 7) % 251;
  iso = join(dir, 'paper.iso');
  writeFileSync(iso, isoBytes);
  isoSha = sha(isoBytes);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('burn', () => {
  describe.skipIf(!hasXorriso)('#burnImage with the real xorriso onto a stdio: pseudo-disc', () => {
    let realIso: string;
    let realSha: string;
    beforeAll(() => {
      const src = join(dir, 'src');
      mkdirSync(join(src, '03_理论知识试题'), { recursive: true });
      writeFileSync(join(src, '03_理论知识试题', '甲套_试卷.txt'), '一、单项选择题\n'.repeat(2000));
      writeFileSync(join(src, 'random.bin'), createHash('sha512').update('seed').digest().toString('hex').repeat(300));
      realIso = join(dir, 'img.iso');
      execFileSync('xorriso', ['-as', 'mkisofs', '-o', realIso, '-J', '-R', '-V', 'QBANK', src], { stdio: 'ignore' });
      realSha = sha(readFileSync(realIso));
    });

    it('writes the image, reads the pseudo-disc back and verifies it', async () => {
      const disc = join(dir, 'disc.img');
      const progress: BurnProgress[] = [];
      const r = await burnImage({ isoPath: realIso, drive: stdioDrive(disc), expectedSha256: realSha, onProgress: (p) => progress.push(p) });
      const size = readFileSync(realIso).length;
      expect(r).toEqual({ drive: `stdio:${disc}`, program: 'xorriso', bytes: size, sha256: realSha, verified: true, readBack: disc });
      expect(sha(readFileSync(disc).subarray(0, size))).toBe(realSha);
      expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['check', 'write', 'verify', 'done']));
      expect(progress.at(-1)).toMatchObject({ phase: 'done', percent: 100 });
      // the same disc read back through xorriso's own drive access (the way a real drive is read)
      await expect(verifyDisc({ drive: `stdio:${disc}`, isoSize: size, expectedSha256: realSha, readBack: 'xorriso' })).resolves.toBe(`xorriso -check_media stdio:${disc}`);
    });

    it('fails verification when the pseudo-disc is corrupted afterwards, read directly or through xorriso', async () => {
      const disc = join(dir, 'disc2.img');
      const size = readFileSync(realIso).length;
      await burnImage({ isoPath: realIso, drive: `stdio:${disc}`, expectedSha256: realSha });
      const fd = openSync(disc, 'r+');
      writeSync(fd, Buffer.from('garbage'), 0, 7, size - 4096);
      closeSync(fd);
      for (const readBack of ['direct', 'xorriso'] as const) {
        await expect(verifyDisc({ drive: `stdio:${disc}`, isoSize: size, expectedSha256: realSha, readBack })).rejects.toMatchObject({
          kind: 'verify-failed',
          message: expect.stringMatching(/^刻录校验失败：光盘内容与映像不一致（读回内容的 SHA-256 为 [0-9a-f]{64}，映像为/),
        });
      }
    });

    it('fails the burn when what lands on the disc is not the image (a runner that writes garbage)', async () => {
      const disc = join(dir, 'disc3.img');
      const garbling: Runner = async (cmd, args, opts) => {
        const r = await systemRunner(cmd, args, opts);
        if (args.includes('cdrecord')) writeFileSync(disc, Buffer.alloc(readFileSync(realIso).length, 0x55));
        return r;
      };
      await expect(burnImage({ isoPath: realIso, drive: stdioDrive(disc), expectedSha256: realSha, runner: garbling })).rejects.toThrow(/^刻录校验失败：光盘内容与映像不一致/);
    });

    it('fails when the pseudo-disc is shorter than the image', async () => {
      const disc = join(dir, 'short.img');
      writeFileSync(disc, readFileSync(realIso).subarray(0, 2048));
      await expect(verifyDisc({ drive: stdioDrive(disc), isoSize: 8192, expectedSha256: realSha })).rejects.toThrow('刻录校验失败：光盘内容与映像不一致（只读回 2048 字节，映像有 8192 字节）');
    });
  });

  describe('#burnImage checks the image first', () => {
    it('refuses an image whose SHA-256 is not the expected one, before running anything', async () => {
      const run = recording(() => ({}));
      await expect(burnImage({ isoPath: iso, drive: '/dev/sr0', expectedSha256: 'ab'.repeat(32), runner: run })).rejects.toMatchObject({ kind: 'image-mismatch', message: expect.stringMatching(/SHA-256.*与预期.*不一致.*未刻录/) });
      expect(run.calls).toEqual([]);
    });

    it('refuses a file that is not a whole number of 2048-byte sectors', async () => {
      const odd = join(dir, 'odd.iso');
      writeFileSync(odd, 'not an image');
      await expect(burnImage({ isoPath: odd, drive: '/dev/sr0', expectedSha256: sha(Buffer.from('not an image')), runner: recording(() => ({})) })).rejects.toThrow(/不是 2048 字节扇区的整数倍/);
    });

    it('refuses a drive id that is not a device path, and a platform it cannot burn on', async () => {
      await expect(burnImage({ isoPath: iso, drive: { id: 'sr0; rm -rf /', name: 'x', platform: 'linux' }, expectedSha256: isoSha })).rejects.toThrow('无法识别的刻录机标识 sr0; rm -rf /');
      await expect(burnImage({ isoPath: iso, drive: { id: 'cd0', name: 'x', platform: 'freebsd' }, expectedSha256: isoSha })).rejects.toMatchObject({ kind: 'unsupported' });
    });
  });

  describe('#burnImage on Linux (recorded runner)', () => {
    const sr0: OpticalDrive = { id: '/dev/sr0', name: 'HL-DT-ST DVDRAM GH24NSD1', platform: 'linux' };

    it('checks the disc, writes with xorriso -as cdrecord, reads back through xorriso -check_media, reports progress', async () => {
      const run = recording(({ args }) => {
        if (args.includes('cdrecord')) return { lines: ['xorriso : UPDATE :    4 of    8 MB written (fifo 99%) [buf  50%]'] };
        if (args.includes('-check_media')) return { bytes: Buffer.concat([isoBytes, Buffer.alloc(2048)]), lines: ['xorriso : UPDATE : 2 of 2 blocks read in 1 s = 0.3xD'] };
        return { stderr: BLANK };
      });
      const progress: BurnProgress[] = [];
      const r = await burnImage({ isoPath: iso, drive: sr0, expectedSha256: isoSha.toUpperCase(), runner: run, onProgress: (p) => progress.push(p), eject: true });
      expect(r).toMatchObject({ program: 'xorriso', verified: true, readBack: 'xorriso -check_media /dev/sr0' });
      expect(run.calls).toEqual([
        { cmd: 'xorriso', args: ['-outdev', '/dev/sr0'] },
        { cmd: 'xorriso', args: ['-as', 'cdrecord', '-v', 'dev=/dev/sr0', iso] },
        { cmd: 'xorriso', args: ['-outdev', '/dev/sr0', '-check_media', 'data_to=-', 'use=outdev', 'what=disc', 'min_lba=0', 'max_lba=1', 'event=FAILURE', '--'] },
        { cmd: 'xorriso', args: ['-outdev', '/dev/sr0', '-eject', 'all'] },
      ]);
      expect(progress).toContainEqual({ phase: 'write', percent: 50, message: '正在刻录 50%' });
      expect(progress).toContainEqual(expect.objectContaining({ phase: 'verify', percent: 100 }));
    });

    it('fails verification when the disc read back differs', async () => {
      const run = recording(({ args }) => (args.includes('-check_media') ? { bytes: Buffer.alloc(4096, 1) } : { stderr: BLANK }));
      await expect(burnImage({ isoPath: iso, drive: sr0, expectedSha256: isoSha, runner: run })).rejects.toMatchObject({ kind: 'verify-failed', message: expect.stringMatching(/^刻录校验失败：光盘内容与映像不一致/) });
      expect(run.calls.some((c) => c.args.includes('-eject'))).toBe(false);
    });

    it.each([
      ['a closed disc', CLOSED, 'not-blank', /不是空白盘（is written , is closed）/],
      ['no disc', EMPTY, 'no-media', /没有可写入的光盘/],
    ])('refuses %s without writing', async (_what, status, kind, message) => {
      const run = recording(() => ({ stderr: status }));
      await expect(burnImage({ isoPath: iso, drive: sr0, expectedSha256: isoSha, runner: run })).rejects.toMatchObject({ kind, message: expect.stringMatching(message) });
      expect(run.calls).toHaveLength(1);
    });

    it('reports a write failure with xorriso’s FAILURE line', async () => {
      const run = recording(({ args }) => (args.includes('cdrecord') ? { code: 5, stderr: 'libburn : FAILURE : Drive reports write error\n' } : { stderr: BLANK }));
      await expect(burnImage({ isoPath: iso, drive: sr0, expectedSha256: isoSha, runner: run })).rejects.toThrow('刻录失败（xorriso 退出码 5）：libburn : FAILURE : Drive reports write error');
    });

    it('falls back to growisofs when xorriso is missing, reading the block device back', async () => {
      const run = recording(({ cmd }) => (cmd === 'xorriso' ? { missing: true } : { lines: ['  2048/4096 (50.0%) @0.0x, remaining 0:00'] }));
      const reads: unknown[][] = [];
      const readPrefix = async (path: string, length: number, align: number) => {
        reads.push([path, length, align]);
        return { sha256: isoSha, bytes: length };
      };
      const progress: BurnProgress[] = [];
      const r = await burnImage({ isoPath: iso, drive: sr0, expectedSha256: isoSha, runner: run, readPrefix, onProgress: (p) => progress.push(p) });
      expect(r).toMatchObject({ program: 'growisofs', readBack: '/dev/sr0' });
      expect(run.calls[1]).toEqual({ cmd: 'growisofs', args: ['-dvd-compat', '-Z', `/dev/sr0=${iso}`] });
      expect(reads).toEqual([['/dev/sr0', 4096, 2048]]);
      expect(progress).toContainEqual({ phase: 'write', percent: 50, message: '正在刻录 50%' });
    });

    it('names the package to install when no burning program is there', async () => {
      const none = recording(() => ({ missing: true }));
      await expect(burnImage({ isoPath: iso, drive: sr0, expectedSha256: isoSha, runner: none })).rejects.toMatchObject({ kind: 'tool-missing', message: '未找到刻录程序 xorriso（请安装 xorriso）' });
      await expect(burnImage({ isoPath: iso, drive: stdioDrive(join(dir, 'x.img')), expectedSha256: isoSha, runner: none })).rejects.toThrow('未找到刻录程序 xorriso（请安装 xorriso）');
      expect(none.calls.map((c) => c.cmd)).toEqual(['xorriso', 'growisofs', 'xorriso']);
    });
  });

  describe('#burnImage on Windows (IMAPI2 through PowerShell, recorded)', () => {
    const uid = '\\\\?\\scsi#cdrom&ven_hl-dt-st&prod_dvdram#4&1a2b&0&000000#{53f56308-b6bf-11d0-94f2-00a0c91efb8b}';
    const recorder: OpticalDrive = { id: uid, name: 'HL-DT-ST DVDRAM GH24NSD1', platform: 'win32', volumes: ['D:\\'] };
    const scripts = (calls: Call[]) => calls.map((c) => decodeEncodedCommand(c.args));

    it('burns with MsftDiscFormat2Data from an IStream of the .iso, then hashes the raw volume \\\\.\\D:', async () => {
      const run = recording(({ args }) =>
        decodeEncodedCommand(args).includes('[QbankDisc]::Sha256OfPrefix(')
          ? { stdout: `QBANK-READING \\\\.\\D:\r\nQBANK-SHA256 ${isoSha} 4096\r\n` }
          : { stdout: 'QBANK-WRITING\r\nQBANK-WRITTEN\r\n' },
      );
      const r = await burnImage({ isoPath: iso, drive: recorder, expectedSha256: isoSha, runner: run, eject: true });
      expect(r).toMatchObject({ program: 'IMAPI2', verified: true, readBack: '\\\\.\\D:' });
      expect(run.calls.map((c) => c.cmd)).toEqual(['powershell.exe', 'powershell.exe', 'powershell.exe']);
      expect(run.calls[0]?.args.slice(0, 6)).toEqual(['-NoProfile', '-NonInteractive', '-Sta', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
      const [burn, readBack, eject] = scripts(run.calls);
      expect(burn).toContain("New-Object -ComObject IMAPI2.MsftDiscRecorder2");
      expect(burn).toContain(`$rec.InitializeDiscRecorder(${psQuote(uid)})`);
      expect(burn).toContain('New-Object -ComObject IMAPI2.MsftDiscFormat2Data');
      expect(burn).toContain('if (-not $fmt.MediaHeuristicallyBlank) { Say \'QBANK-NOTBLANK\'; exit 4 }');
      expect(burn).toContain('$fmt.ForceMediaToBeClosed = $true');
      expect(burn).toContain('SHCreateStreamOnFileEx(path, 0x20u, 0x80u, false, null, out stream)');
      expect(burn).toContain(`$stream = [QbankDisc]::OpenRead(${psQuote(iso)})`);
      expect(burn).toMatch(/\$fmt\.Write\(\$stream\)/);
      expect(burn).toMatch(/\n'@\n/); // the here-string closes at the start of a line
      expect(readBack).toContain("$dev = '\\\\.\\' + $vols[0].TrimEnd('\\')");
      expect(readBack).toContain('[QbankDisc]::Sha256OfPrefix($dev, 4096)');
      expect(readBack).toContain('CreateFileW(device, 0x80000000u, 3u, IntPtr.Zero, 3u, 0u, IntPtr.Zero)');
      expect(burn).not.toContain('CreateFileW');
      expect(readBack).not.toContain('SHCreateStreamOnFileEx');
      expect(eject).toContain('$rec.EjectMedia()');
    });

    it('fails verification when the volume reads back differently, and reports a disc that is not blank', async () => {
      const wrong = recording(({ args }) => (decodeEncodedCommand(args).includes('[QbankDisc]::Sha256OfPrefix(') ? { stdout: `QBANK-SHA256 ${'0'.repeat(64)} 4096\n` } : { stdout: 'QBANK-WRITTEN\n' }));
      await expect(burnImage({ isoPath: iso, drive: recorder, expectedSha256: isoSha, runner: wrong })).rejects.toThrow(/^刻录校验失败：光盘内容与映像不一致/);
      const used = recording(() => ({ stdout: 'QBANK-NOTBLANK\n', code: 4 }));
      await expect(burnImage({ isoPath: iso, drive: recorder, expectedSha256: isoSha, runner: used })).rejects.toMatchObject({ kind: 'not-blank' });
      const broken = recording(() => ({ stdout: 'QBANK-WRITING\nQBANK-ERROR 0xC0AA0202 介质写保护\n', code: 1 }));
      await expect(burnImage({ isoPath: iso, drive: recorder, expectedSha256: isoSha, runner: broken })).rejects.toThrow('刻录失败（IMAPI2 退出码 1）：0xC0AA0202 介质写保护');
      const unreadable = recording(({ args }) => (decodeEncodedCommand(args).includes('[QbankDisc]::Sha256OfPrefix(') ? { stdout: 'QBANK-READING \\\\.\\D:\nQBANK-ERROR \\\\.\\D:: 设备未就绪\n', code: 1 } : { stdout: 'QBANK-WRITTEN\n' }));
      await expect(burnImage({ isoPath: iso, drive: recorder, expectedSha256: isoSha, runner: unreadable })).rejects.toThrow(/^刻录校验失败：光盘内容与映像不一致（无法读回光盘 \\\\\.\\D:：.*设备未就绪/);
    });

    it('quotes PowerShell literals, typographic quotes included', () => {
      expect(psQuote("C:\\卷\\O'Brien’s.iso")).toBe("'C:\\卷\\O''Brien’’s.iso'");
    });

    it('lists recorders from the script output', async () => {
      const out = `QBANK-DRIVE\t${uid}\tHL-DT-ST\tDVDRAM GH24NSD1\tD:\\\t1\t1\r\nQBANK-DRIVE\tuid2\tASUS\tSDRW-08D2S-U\tE:\\;F:\\\t0\t0\r\n`;
      expect(parseDriveLines(out)).toHaveLength(2);
      const run = recording(() => ({ stdout: out }));
      const drives = await listDrives({ platform: 'win32', readText: () => undefined, listDir: () => [], run });
      expect(drives).toEqual([
        { id: uid, name: 'HL-DT-ST DVDRAM GH24NSD1', platform: 'win32', mediaPresent: true, blankWritable: true, volumes: ['D:\\'] },
        { id: 'uid2', name: 'ASUS SDRW-08D2S-U', platform: 'win32', mediaPresent: false, blankWritable: false, volumes: ['E:\\', 'F:\\'] },
      ]);
      const script = decodeEncodedCommand(run.calls[0]?.args ?? []);
      expect(script).toContain('New-Object -ComObject IMAPI2.MsftDiscMaster2');
      expect(script).toContain('$uid = $master.Item($i)');
      expect(script).not.toContain('`'); // no backtick escapes: the script is embedded in a template literal
    });
  });

  describe('#burnImage on macOS (hdiutil and drutil, recorded)', () => {
    const LIST = '   Vendor   Product           Rev   Bus       SupportLevel\n1  HL-DT-ST DVDRW  GX40N      RQ00  USB       Unsupported\n';
    const STATUS = (type: string, disk: string, writability: string) =>
      ` Vendor   Product           Rev \n HL-DT-ST DVDRW  GX40N      RQ00\n\n           Type: ${type}                Name: ${disk}\n       Sessions: 0                  Tracks: 0\n    Writability: ${writability}\n`;
    const IOSERVICE = 'IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/XHC1@14/IODVDServices';

    it('lists drives with drutil, pairing hdiutil’s burner path', async () => {
      const run = recording(({ cmd, args }) => {
        if (cmd === 'drutil' && args[0] === 'list') return { stdout: LIST };
        if (cmd === 'hdiutil') return { stdout: `${IOSERVICE}\n` };
        return { stdout: STATUS('DVD-R', '/dev/disk2', 'appendable, blank, overwritable') };
      });
      const drives = await listDrives({ platform: 'darwin', readText: () => undefined, listDir: () => [], run });
      expect(drives).toEqual([{ id: 'drutil:1', name: 'HL-DT-ST DVDRW GX40N', platform: 'darwin', mediaPresent: true, blankWritable: true, volumes: ['/dev/disk2'], burnDevice: IOSERVICE }]);
      expect(run.calls).toContainEqual({ cmd: 'drutil', args: ['-drive', '1', 'status'] });
    });

    it('burns with hdiutil burn, then reads the re-enumerated disc back from /dev/rdiskN', async () => {
      let burned = false;
      const run = recording(({ cmd }) => {
        if (cmd === 'hdiutil') {
          burned = true;
          return { lines: ['MESSAGE:Burning', 'PERCENT:-1.000000', 'PERCENT:42.5'] };
        }
        return { stdout: burned ? STATUS('DVD-R', '/dev/disk3', 'not writable') : STATUS('DVD-R', '/dev/disk2', 'appendable, blank') };
      });
      const reads: unknown[][] = [];
      const progress: BurnProgress[] = [];
      const drive: OpticalDrive = { id: 'drutil:1', name: 'HL-DT-ST DVDRW GX40N', platform: 'darwin', burnDevice: IOSERVICE };
      const r = await burnImage({
        isoPath: iso,
        drive,
        expectedSha256: isoSha,
        runner: run,
        onProgress: (p) => progress.push(p),
        readPrefix: async (path, length, align) => (reads.push([path, length, align]), { sha256: isoSha, bytes: length }),
        eject: true,
      });
      expect(r).toMatchObject({ program: 'hdiutil', readBack: '/dev/rdisk3' });
      expect(run.calls).toContainEqual({ cmd: 'hdiutil', args: ['burn', iso, '-noeject', '-noverifyburn', '-forceclose', '-puppetstrings', '-device', IOSERVICE] });
      expect(run.calls.at(-1)).toEqual({ cmd: 'drutil', args: ['-drive', '1', 'eject'] });
      expect(reads).toEqual([['/dev/rdisk3', 4096, 2048]]);
      expect(progress).toContainEqual({ phase: 'write', percent: 42.5, message: '正在刻录 43%' });
    });

    it('refuses a disc that is not blank, and fails when the raw disc cannot be read', async () => {
      const used = recording(() => ({ stdout: STATUS('CD-R', '/dev/disk2', 'not writable') }));
      await expect(burnImage({ isoPath: iso, drive: { id: 'drutil:1', name: 'd', platform: 'darwin' }, expectedSha256: isoSha, runner: used, readPrefix: sha256OfPrefix })).rejects.toMatchObject({ kind: 'not-blank' });
      const blank = recording(() => ({ stdout: STATUS('DVD-R', '/dev/disk2', 'blank') }));
      const denied = async () => {
        throw Object.assign(new Error("EACCES: permission denied, open '/dev/rdisk2'"), { code: 'EACCES' });
      };
      await expect(burnImage({ isoPath: iso, drive: { id: 'drutil:1', name: 'd', platform: 'darwin' }, expectedSha256: isoSha, runner: blank, readPrefix: denied })).rejects.toThrow(
        /^刻录校验失败：光盘内容与映像不一致（无法读回光盘 \/dev\/rdisk2：EACCES/,
      );
    });
  });

  describe('drive detection on Linux (fake sysfs)', () => {
    const ATA = '/sys/devices/pci0000:00/0000:00:17.0/ata3/host2/target2:0:0/2:0:0:0';
    const USB = '/sys/devices/pci0000:00/0000:00:14.0/usb1/1-4/host7/target7:0:0/7:0:0:0';
    // as in the kernel: /sys/block/sr0 → …/2:0:0:0/block/sr0, whose `device` → ../../../2:0:0:0 (vendor, model)
    const sysfs = fakeProbe({
      mountinfo: undefined,
      links: {
        '/sys/block/sr0': `${ATA}/block/sr0`,
        [`${ATA}/block/sr0/device`]: '../../../2:0:0:0',
        '/sys/block/sr1': `${USB}/block/sr1`,
        [`${USB}/block/sr1/device`]: '../../../7:0:0:0',
        '/sys/block/sda': '/sys/devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda',
      },
      files: {
        [`${ATA}/vendor`]: 'HL-DT-ST\n',
        [`${ATA}/model`]: 'DVDRAM GH24NSD1 \n',
        [`${USB}/vendor`]: 'ASUS    \n',
        [`${USB}/model`]: 'SDRW-08D2S-U    \n',
        '/sys/devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda/removable': '0\n',
      },
    });
    const view = { platform: 'linux' as const, readText: sysfs.readText, listDir: sysfs.listDir };

    it('lists the sr* devices with vendor and model from sysfs', async () => {
      expect(await listDrives(view)).toEqual([
        { id: '/dev/sr0', name: 'HL-DT-ST DVDRAM GH24NSD1', platform: 'linux' },
        { id: '/dev/sr1', name: 'ASUS SDRW-08D2S-U', platform: 'linux' },
      ]);
    });

    it('asks xorriso about the disc in each drive when it can run programs', async () => {
      const run = recording(({ args }) => ({ stderr: args[1] === '/dev/sr0' ? BLANK : EMPTY }));
      expect(await listDrives({ ...view, run })).toEqual([
        { id: '/dev/sr0', name: 'HL-DT-ST DVDRAM GH24NSD1', platform: 'linux', mediaPresent: true, blankWritable: true },
        { id: '/dev/sr1', name: 'ASUS SDRW-08D2S-U', platform: 'linux', mediaPresent: false, blankWritable: false },
      ]);
      const noXorriso = recording(() => ({ missing: true }));
      expect((await listDrives({ ...view, run: noXorriso })).map((d) => d.mediaPresent)).toEqual([undefined, undefined]);
    });

    it('finds none on a machine without optical drives; the caller then saves the image', async () => {
      expect(await listDrives({ platform: 'linux', readText: () => undefined, listDir: () => ['sda', 'loop0'] })).toEqual([]);
      expect(await listDrives({ platform: 'freebsd', readText: () => undefined, listDir: () => [] })).toEqual([]);
      expect(describeNoDrive()).toBe('未检测到刻录机：映像已保存，请在刻录工作站上刻录');
    });
  });

  describe('parsers', () => {
    it('reads xorriso media status, progress and -devices lines', () => {
      expect(parseXorrisoMedia(BLANK)).toMatchObject({ present: true, writable: true, status: 'is blank' });
      expect(parseXorrisoMedia("Media current: stdio file, overwriteable\nMedia status : is written , is appendable\n")).toMatchObject({ present: true, writable: true });
      expect(parseXorrisoMedia(CLOSED)).toMatchObject({ present: true, writable: false });
      expect(parseXorrisoMedia(EMPTY)).toMatchObject({ present: false, writable: false });
      expect(parseXorrisoMedia('libburn : FAILURE : Cannot access')).toBeUndefined();
      expect(parseWriteProgress('xorriso : UPDATE :   29 of   58 MB written (fifo 99%) [buf  50%]')).toBe(50);
      expect(parseWriteProgress('Beginning to write data track.')).toBeUndefined();
      expect(parseXorrisoDevices("0  -dev '/dev/sr0' rwrw-- :  'HL-DT-ST' 'DVDRAM GH24NSD1'\n")).toEqual([{ id: '/dev/sr0', name: 'HL-DT-ST DVDRAM GH24NSD1' }]);
    });

    it('reads drutil and hdiutil output', () => {
      expect(parseDrutilList('   Vendor   Product           Rev   Bus       SupportLevel\n1  MATSHITA DVD-R   UJ-85J    FM0S  ATAPI     Apple Shipping\n')).toEqual([{ n: '1', name: 'MATSHITA DVD-R UJ-85J' }]);
      expect(parseDrutilStatus(' Vendor   Product           Rev \n MATSHITA DVD-R   UJ-85J    FM0S\n\n           Type: No Media Inserted\n')).toEqual({ type: undefined, device: undefined, blank: false });
      expect(parsePuppetPercent('PERCENT:-1.000000')).toBeUndefined();
      expect(parsePuppetPercent('PERCENT:99.5')).toBe(99.5);
    });

    it('hashes a prefix of a file in aligned reads', async () => {
      const f = join(dir, 'prefix.bin');
      const data = Buffer.alloc(5000, 3);
      writeFileSync(f, data);
      await expect(sha256OfPrefix(f, 3000, 2048)).resolves.toEqual({ sha256: sha(data.subarray(0, 3000)), bytes: 3000 });
      await expect(sha256OfPrefix(f, 9000, 2048)).resolves.toEqual({ sha256: sha(data), bytes: 5000 });
    });
  });
});
