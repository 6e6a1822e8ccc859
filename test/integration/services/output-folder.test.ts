import type { WritableDB } from '../../../app/store/database.js';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_NAME, writeOutputFolder, type Manifest } from '../../../app/services/output/folder.js';
import { sweepIncompleteOutputs } from '../../../app/services/output/sweep.js';
import { hybridProbe } from '../../unit/media/fake-system.js';
import { useTempDir } from '../../helpers/tmp.js';
import { useWorkstation } from '../../helpers/workstation.js';

const outputRows = (ctx: { db: WritableDB }) =>
  (ctx.db.prepare('SELECT action, register, objects, result, detail FROM audit_log ORDER BY seq').all() as { action: string; register: string; objects: string; result: string; detail: string }[]).filter((r) =>
    r.action.startsWith('output.'),
  );
const mode = (p: string) => statSync(p).mode & 0o777;

/** Every file below `dir` (hidden ones too), relative, sorted. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

const DOCS = ['01_题库编制说明.docx', '02_理论知识考核要素细目表.xlsx', '03_理论知识试题/甲套_试卷.docx', '03_理论知识试题/甲套_标准答案与评分标准.docx', '05_题库内部审核意见.docx'];

describe('output-folder#writeOutputFolder', () => {
  const workstation = useWorkstation();
  const tempDir = useTempDir();

  it('writes every file, then 清单.json, then shows the folder (0700, files 0600) with each file in 存档', async () => {
    const ctx = workstation().system;
    const parent = tempDir();
    const target = join(parent, 'submission');
    const r = await writeOutputFolder(ctx, target, (f) => {
      for (const [i, d] of DOCS.entries()) f.write(d, `document ${i}`, { classified: true });
    });
    expect(readdirSync(parent)).toEqual(['submission']);
    expect(tree(target)).toEqual([...DOCS, MANIFEST_NAME].sort());
    expect(mode(target)).toBe(0o700);
    expect(mode(join(target, '03_理论知识试题'))).toBe(0o700);
    for (const f of [...DOCS, MANIFEST_NAME]) expect(mode(join(target, f)), f).toBe(0o600);

    const manifest = JSON.parse(readFileSync(join(target, MANIFEST_NAME), 'utf8')) as Manifest;
    expect(manifest.format).toBe('qbank-output-manifest/1');
    expect(manifest.files.map((f) => f.path)).toEqual(DOCS);
    for (const f of manifest.files) {
      const bytes = readFileSync(join(target, f.path));
      expect(f.bytes).toBe(bytes.byteLength);
      expect(f.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(r).toMatchObject({ folder: target, replaced: false, swept: [] });
    expect(r.files.map((f) => f.absolutePath)).toEqual(DOCS.map((d) => join(target, d)));
    const rows = outputRows(ctx);
    expect(rows.filter((x) => x.register === '存档').map((x) => JSON.parse(x.objects) as string[])).toEqual(DOCS.map((d) => [`file:${d}`]));
    expect(rows.at(-1)).toMatchObject({ objects: `["file:${MANIFEST_NAME}"]`, register: '', result: 'ok' });
  });

  it('leaves nothing when the writer fails after some files: no folder, no staging folder, no temporary file', async () => {
    const ctx = workstation().system;
    const parent = tempDir();
    const target = join(parent, 'submission');
    await expect(
      writeOutputFolder(ctx, target, (f) => {
        f.write(DOCS[0]!, 'a', { classified: true });
        f.write(DOCS[2]!, 'b', { classified: true });
        throw new Error('生成失败（测试）');
      }),
    ).rejects.toThrow('生成失败（测试）');
    expect(readdirSync(parent)).toEqual([]);
    const rows = outputRows(ctx);
    expect(rows.filter((r) => r.register === '存档')).toEqual([]);
    expect(rows.at(-1)).toMatchObject({ result: 'error', objects: '["folder:submission"]' });
  });

  it('a full disk in the middle (ENOSPC at a rename) is reported in Chinese and leaves nothing', async () => {
    const ctx = workstation().system;
    const parent = tempDir();
    let n = 0;
    const beforeRename = () => {
      if (++n === 3) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    await expect(writeOutputFolder(ctx, join(parent, 's'), (f) => DOCS.forEach((d) => f.write(d, 'x', { classified: true })), { beforeRename })).rejects.toThrow(
      /磁盘空间不足，文件未写入：.*\/s\/03_理论知识试题\/甲套_试卷\.docx/,
    );
    expect(tree(parent)).toEqual([]);
  });

  const canMount = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/sbin/mkfs.ext4');
  it.runIf(canMount)('on a really full disk (loop-mounted ext4 image) leaves no plaintext behind', async () => {
    const ctx = workstation().system;
    const dir = tempDir();
    const disk = join(dir, 'disk');
    mkdirSync(disk);
    execFileSync('truncate', ['-s', '2M', join(dir, 'disk.img')]);
    execFileSync('mkfs.ext4', ['-q', '-F', join(dir, 'disk.img')]);
    execFileSync('mount', ['-o', 'loop', join(dir, 'disk.img'), disk]);
    try {
      await expect(
        writeOutputFolder(ctx, join(disk, 'submission'), (f) => {
          for (let i = 0; i < 10; i++) f.write(`${i}.docx`, Buffer.alloc(400 * 1024, i), { classified: true });
        }),
      ).rejects.toThrow(/磁盘空间不足/);
      expect(readdirSync(disk)).toEqual(['lost+found']);
    } finally {
      execFileSync('umount', [disk]);
    }
  });

  it('removes the leftovers of a crash at the next start, reports them as 不完整, and leaves other files alone', async () => {
    const ctx = workstation().system;
    const parent = tempDir();
    mkdirSync(join(parent, '.submission.partial-0123456789ab', '03_理论知识试题'), { recursive: true });
    writeFileSync(join(parent, '.submission.partial-0123456789ab', '03_理论知识试题', '甲套_试卷.docx'), 'plaintext');
    mkdirSync(join(parent, '.submission.old-0123456789ab'));
    writeFileSync(join(parent, '.0123456789ab.tmp'), 'plaintext');
    writeFileSync(join(parent, 'notes.tmp'), 'the user’s');
    mkdirSync(join(parent, '.config'));
    const r = await writeOutputFolder(ctx, join(parent, 'submission'), (f) => void f.write('a.docx', 'x', { classified: true }));
    expect(r.swept.map((s) => [s.path, s.kind]).sort()).toEqual([
      ['.0123456789ab.tmp', 'temp-file'],
      ['.submission.old-0123456789ab', 'old-folder'],
      ['.submission.partial-0123456789ab', 'partial-folder'],
    ]);
    expect(readdirSync(parent).sort()).toEqual(['.config', 'notes.tmp', 'submission']);
    expect(outputRows(ctx)[0]).toMatchObject({ action: 'output.sweep', result: 'ok' });
  });

  it('sweepIncompleteOutputs finds the temporary files of an earlier, unstaged submission inside the folder', () => {
    const dir = tempDir();
    mkdirSync(join(dir, '03_理论知识试题'));
    writeFileSync(join(dir, '03_理论知识试题', '.a1b2c3d4e5f6.tmp'), 'plaintext docx');
    writeFileSync(join(dir, '03_理论知识试题', '甲套_试卷.docx'), 'kept');
    expect(sweepIncompleteOutputs(dir)).toEqual([]);
    expect(sweepIncompleteOutputs(dir, { depth: 2 })).toEqual([{ path: '03_理论知识试题/.a1b2c3d4e5f6.tmp', kind: 'temp-file' }]);
    expect(tree(dir)).toEqual(['03_理论知识试题/甲套_试卷.docx']);
  });

  describe('an existing target', () => {
    const fill = (text: string) => (f: { write: (p: string, d: string, o: { classified: boolean }) => unknown }) => void f.write('a.docx', text, { classified: true });

    it('takes an empty folder; refuses a non-empty one without replace, and one that is not a complete output even with it', async () => {
      const ctx = workstation().system;
      const parent = tempDir();
      const target = join(parent, 'out');
      mkdirSync(target);
      await writeOutputFolder(ctx, target, fill('v1'));
      await expect(writeOutputFolder(ctx, target, fill('v2'))).rejects.toThrow(/已存在且不为空.*--replace/);
      const foreign = join(parent, 'foreign');
      mkdirSync(foreign);
      writeFileSync(join(foreign, 'mine.txt'), 'the user’s');
      await expect(writeOutputFolder(ctx, foreign, fill('v2'), { replace: true })).rejects.toThrow(/没有 清单\.json.*不予替换/);
      expect(readFileSync(join(foreign, 'mine.txt'), 'utf8')).toBe('the user’s');
      expect(readFileSync(join(target, 'a.docx'), 'utf8')).toBe('v1');
      expect(readdirSync(parent).sort()).toEqual(['foreign', 'out']);
    });

    it('replaces a previous complete output as a whole, with nothing of the old one left', async () => {
      const ctx = workstation().system;
      const parent = tempDir();
      const target = join(parent, 'out');
      await writeOutputFolder(ctx, target, (f) => {
        f.write('a.docx', 'v1', { classified: true });
        f.write('old-only.docx', 'v1', { classified: true });
      });
      const r = await writeOutputFolder(ctx, target, fill('v2'), { replace: true });
      expect(r.replaced).toBe(true);
      expect(tree(target)).toEqual(['a.docx', MANIFEST_NAME]);
      expect(readFileSync(join(target, 'a.docx'), 'utf8')).toBe('v2');
      expect(readdirSync(parent)).toEqual(['out']);
    });

    it('refuses a target that is a symbolic link', async () => {
      const ctx = workstation().system;
      const parent = tempDir();
      symlinkSync(tempDir(), join(parent, 'out'));
      await expect(writeOutputFolder(ctx, join(parent, 'out'), fill('v1'))).rejects.toThrow(/符号链接/);
    });
  });

  describe('the allow-list on every level', () => {
    it('refuses a target on a stick before anything is written', async () => {
      const ctx = workstation().system;
      const stick = tempDir();
      await expect(writeOutputFolder(ctx, join(stick, 'out'), fill1, { probe: hybridProbe(() => [stick]) })).rejects.toThrow(/USB 存储设备/);
      expect(readdirSync(stick)).toEqual([]);
    });

    it('refuses, at rename time, a subfolder swapped for a symbolic link to a stick; nothing reaches the stick, nothing stays behind', async () => {
      const ctx = workstation().system;
      const parent = tempDir();
      const stick = tempDir();
      const probe = hybridProbe(() => [stick]);
      let staging = '';
      const beforeRename = (finalPath: string) => {
        // after 甲套_试卷.docx is on disk under its temporary name, its folder becomes a link to the stick
        if (finalPath.endsWith('甲套_试卷.docx')) {
          const sub = join(staging, '03_理论知识试题');
          renameSync(sub, join(staging, 'moved-away'));
          symlinkSync(stick, sub);
        }
      };
      await expect(
        writeOutputFolder(
          ctx,
          join(parent, 'submission'),
          (f) => {
            staging = f.stagingPath;
            DOCS.forEach((d) => f.write(d, 'secret', { classified: true }));
          },
          { probe, beforeRename },
        ),
      ).rejects.toThrow(/USB 存储设备/);
      expect(readdirSync(stick)).toEqual([]);
      expect(readdirSync(parent)).toEqual([]);
      expect(outputRows(ctx).filter((r) => r.register === '存档')).toEqual([]);
      expect(outputRows(ctx).at(-1)).toMatchObject({ register: '拒绝', result: 'refused' });
    });

    it('refuses when a stick is mounted over the parent folder before the final rename', async () => {
      const ctx = workstation().system;
      const parent = tempDir();
      const sticks: string[] = [];
      const target = join(parent, 'submission');
      const beforeRename = (p: string) => void (p === target && sticks.push(parent));
      await expect(writeOutputFolder(ctx, target, fill1, { probe: hybridProbe(() => sticks), beforeRename })).rejects.toThrow(/USB 存储设备/);
      expect(readdirSync(parent)).toEqual([]);
    });
  });
});

const fill1 = (f: { write: (p: string, d: string, o: { classified: boolean }) => unknown }) => void f.write('a.docx', 'x', { classified: true });
