import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE_NAMES, SAMPLE_FILES } from '../../../app/demo/sample-bank.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { getImage } from '../../../app/store/repositories/images.js';
import { parseItemWorkbook } from '../../../app/readers/xlsx/items.js';
import { sha256Hex } from '../../../crypto/digest.js';
import { useWorkstation } from '../../helpers/workstation.js';

const sample = (name: string) => new Uint8Array(readFileSync(join(SAMPLE_FILES, name)));

describe('import of pictures pasted into the item workbook', () => {
  const workstation = useWorkstation();

  it('stores the drawing pasted over each practical task and gives it to the task, and exports it again', async () => {
    const ws = workstation();
    const ctx = ws.as('boss', ['manager']);
    const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4, isSample: true });
    await invoke(ctx, handlers['banks.importElementTable'], { bankId: bank.id, bytes: sample(SAMPLE_FILE_NAMES.elementTable) });
    await invoke(ctx, handlers['banks.importPracticalStructure'], { bankId: bank.id, bytes: sample(SAMPLE_FILE_NAMES.practicalStructure) });
    // The sample workbook has each task's drawing pasted over its row (scripts/demo/make-sample-files.mjs).
    const report = await invoke(ctx, handlers['import.items'], { bankId: bank.id, fileName: 'items.xlsx', bytes: sample(SAMPLE_FILE_NAMES.items) });
    expect(report.rejected).toBe(0);
    const tasks = (await invoke(ctx, handlers['items.list'], { bankId: bank.id })).filter((t) => t.kind === 'practical');
    expect(tasks).toHaveLength(9);
    const withImage: { title: string; images: string[] }[] = [];
    for (const t of tasks) {
      const full = await invoke(ctx, handlers['items.get'], { bankId: bank.id, itemId: t.id });
      withImage.push(full.body as { title: string; images: string[] });
    }
    expect(withImage.map((t) => t.images.length)).toEqual(Array(9).fill(1));
    for (const t of withImage) expect(getImage(ws.db, t.images[0]!)?.contentType).toBe('image/png');

    // Round trip: the export pastes the drawing over the task's row again, where the import finds it.
    const out = await invoke(ctx, handlers['items.exportXlsx'], { bankId: bank.id, outDir: join(ws.dir, 'export') });
    const again = await parseItemWorkbook(new Uint8Array(readFileSync(out.absolutePath)), { contentHash: sha256Hex });
    for (const t of withImage) {
      const row = again.rows.find((r) => (r.raw as { title?: string }).title === t.title);
      expect((row?.raw as { images: string[] }).images).toEqual(t.images);
    }
    expect(new Set(again.images.map((i) => i.sha256))).toEqual(new Set(withImage.flatMap((t) => t.images)));
  });
});
