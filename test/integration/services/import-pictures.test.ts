import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE_NAMES, SAMPLE_FILES } from '../../../app/demo/sample-bank.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { getImage } from '../../../app/store/repositories/images.js';
import { parseItemWorkbook } from '../../../app/readers/xlsx/items.js';
import { sha256Hex } from '../../../crypto/digest.js';
import { png } from '../../fixtures/hostile/corpus.js';
import { useWorkstation } from '../../helpers/workstation.js';

const sample = (name: string) => new Uint8Array(readFileSync(join(SAMPLE_FILES, name)));

/** The sample item workbook with a drawing pasted over the first practical task's row. */
async function workbookWithDrawing(drawing: Uint8Array): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(sample(SAMPLE_FILE_NAMES.items).slice().buffer);
  const sheet = workbook.getWorksheet('技能考核试题')!;
  const id = workbook.addImage({ buffer: Buffer.from(drawing) as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.addImage(id, { tl: { col: 8, row: 1.1 }, ext: { width: 160, height: 100 } });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('import of pictures pasted into the item workbook', () => {
  const workstation = useWorkstation();

  it('stores the drawing over a practical task and gives the task its image', async () => {
    const ws = workstation();
    const ctx = ws.as('boss', ['manager']);
    const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4, isSample: true });
    await invoke(ctx, handlers['banks.importElementTable'], { bankId: bank.id, bytes: sample(SAMPLE_FILE_NAMES.elementTable) });
    await invoke(ctx, handlers['banks.importPracticalStructure'], { bankId: bank.id, bytes: sample(SAMPLE_FILE_NAMES.practicalStructure) });
    const drawing = png(64, 48);
    const report = await invoke(ctx, handlers['import.items'], { bankId: bank.id, fileName: 'items.xlsx', bytes: await workbookWithDrawing(drawing) });
    expect(report.rejected).toBe(0);
    const tasks = (await invoke(ctx, handlers['items.list'], { bankId: bank.id })).filter((t) => t.kind === 'practical');
    expect(tasks).toHaveLength(9);
    const withImage = [];
    for (const t of tasks) {
      const full = await invoke(ctx, handlers['items.get'], { bankId: bank.id, itemId: t.id });
      if ((full.body as { images: string[] }).images.length > 0) withImage.push(full.body as { title: string; images: string[] });
    }
    expect(withImage).toHaveLength(1);
    const stored = getImage(ws.db, withImage[0]!.images[0]!);
    expect(stored?.contentType).toBe('image/png');
    expect(Buffer.from(stored!.bytes).equals(Buffer.from(drawing))).toBe(true);

    // Round trip: the export pastes the drawing over the task's row again, where the import finds it.
    const out = await invoke(ctx, handlers['items.exportXlsx'], { bankId: bank.id, outDir: join(ws.dir, 'export') });
    const again = await parseItemWorkbook(new Uint8Array(readFileSync(out.absolutePath)), { contentHash: sha256Hex });
    const task = again.rows.find((r) => (r.raw as { title?: string }).title === withImage[0]!.title);
    expect((task?.raw as { images: string[] }).images).toEqual(withImage[0]!.images);
    expect(again.images.map((i) => i.sha256)).toEqual(withImage[0]!.images);
  });
});
