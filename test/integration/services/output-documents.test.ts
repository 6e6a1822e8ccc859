import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSubmission } from '../../../app/services/documents/handlers.js';
import { invoke } from '../../../app/services/handler.js';
import { MANIFEST_NAME, type Manifest } from '../../../app/services/output/folder.js';
import { handlers } from '../../../app/services/registry.js';
import { sampleBank } from '../../helpers/sample-bank.js';
import { useWorkstation } from '../../helpers/workstation.js';

/** `documents generate` is complete or absent (issue 11: a crash left 0–25 of 26 files and a plaintext .tmp). */
describe('documents.generate as a folder output', () => {
  const workstation = useWorkstation();

  it('leaves no folder and no plaintext when it fails after some files; the next run sweeps a crash’s leftovers and writes all, with 清单.json', async () => {
    const ws = workstation();
    const { ctx, bankId } = await sampleBank(ws);
    for (const kind of ['theory', 'practical'] as const) await invoke(ctx, handlers['assembly.run'], { bankId, kind });
    const parent = join(ws.dir, 'out');
    mkdirSync(parent);
    const outDir = join(parent, 'submission');

    let renamed = 0;
    const failAfterTen = () => {
      if (++renamed > 10) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    await expect(generateSubmission(ctx, { bankId, outDir }, { beforeRename: failAfterTen })).rejects.toThrow(/磁盘空间不足/);
    expect(readdirSync(parent)).toEqual([]);

    // What a kill would have left: a staging folder with a plaintext paper, and a stray temporary file.
    mkdirSync(join(parent, '.submission.partial-00112233aabb', '03_理论知识试题'), { recursive: true });
    writeFileSync(join(parent, '.submission.partial-00112233aabb', '03_理论知识试题', '甲套_试卷.docx'), 'PK plaintext');
    writeFileSync(join(parent, '.00112233aabb.tmp'), 'PK plaintext');

    const r = await invoke(ctx, handlers['documents.generate'], { bankId, outDir });
    expect(r.incomplete).toContain('.submission.partial-00112233aabb（不完整');
    expect(r.incomplete).toContain('.00112233aabb.tmp（不完整');
    expect(readdirSync(parent)).toEqual(['submission']);
    expect(r.files).toHaveLength(26);
    expect(r.manifest).toBe(MANIFEST_NAME);
    const manifest = JSON.parse(readFileSync(join(outDir, MANIFEST_NAME), 'utf8')) as Manifest;
    // the signed submission manifest is the last file of the folder, before 清单.json
    expect(manifest.files.map((f) => f.path)).toEqual([...r.files.map((f) => f.path), 'manifest.json']);
    for (const f of manifest.files) expect(createHash('sha256').update(readFileSync(join(outDir, f.path))).digest('hex')).toBe(f.sha256);

    // Run again: refused without --replace, replaced with it.
    await expect(invoke(ctx, handlers['documents.generate'], { bankId, outDir })).rejects.toThrow(/--replace/);
    const again = await invoke(ctx, handlers['documents.generate'], { bankId, outDir, replace: true });
    expect(again.replaced).toBe(true);
    expect(readdirSync(parent)).toEqual(['submission']);
    expect(existsSync(join(outDir, '05_题库内部审核意见.docx'))).toBe(true);
  }, 120_000);
});
