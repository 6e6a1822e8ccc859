import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../app/services/handler.js';
import { buildQtiPackage } from '../../../app/services/qti/export.js';
import { qtiHandlers } from '../../../app/services/qti/handlers.js';
import { handlers } from '../../../app/services/registry.js';
import { readQtiPackage } from '../../../app/readers/qti/package.js';
import { getImage } from '../../../app/store/repositories/images.js';
import { listItems } from '../../../app/store/repositories/items.js';
import { sha256Hex } from '../../../crypto/digest.js';
import type { TheoryItem } from '../../../app/domain/theory-item.js';
import { useWorkstation } from '../../helpers/workstation.js';
import { sampleBank } from '../../helpers/sample-bank.js';
import { find, only, parseTree, png, qtiBank, unzip, xmllint } from './fixtures.js';

const byStem = (a: { stem: string }, b: { stem: string }) => a.stem.localeCompare(b.stem);

/** Writes the package's entries under `dir` and runs xmllint on every XML file. */
function lintAll(entries: Map<string, Uint8Array>, dir: string): string[] {
  const xmlFiles = [...entries.keys()].filter((n) => n.endsWith('.xml')).map((n) => {
    const path = join(dir, n);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, entries.get(n)!);
    return path;
  });
  xmllint(xmlFiles);
  return xmlFiles;
}

describe('QTI 2.1 export and import of theory items', () => {
  const workstation = useWorkstation();

  it('round-trips every theory item type with key, options, stem, images, 鉴定点 and difficulty', async () => {
    const ws = workstation();
    const { ctx, bankId } = await qtiBank(ws);
    const red = await invoke(ctx, handlers['images.put'], { bankId, bytes: png(4, 3, [255, 0, 0]) });
    const blue = await invoke(ctx, handlers['images.put'], { bankId, bytes: png(2, 5, [0, 0, 255]) });
    const items = [
      { type: 'trueFalse', element: 'B-A-C-001', stem: '图样中的尺寸以毫米为单位时，不需标注单位。', key: true, difficulty: 1, images: [red.sha256] },
      { type: 'trueFalse', element: 'B-A-C-001', stem: '比例 1:2 是放大比例。', key: false, difficulty: 2, explanation: '1:2 是缩小比例。' },
      { type: 'singleChoice', element: 'B-A-C-001', stem: '符号 <Φ> 表示 “直径” & 什么？\n第二行  有两个空格', options: ['直径', '半径', 'a < b', '"球"'], key: 'D', difficulty: 3, images: [red.sha256, blue.sha256] },
      { type: 'multipleChoice', element: 'B-A-C-001', stem: '下列属于基本图幅的有', options: ['A0', 'A1', 'B4', 'A3'], key: 'ABD', difficulty: 4 },
      { type: 'multipleChoice', element: 'B-A-C-001', stem: '五个选项的多选题', options: ['一', '二', '三', '四', '五'], key: 'CE', difficulty: 5, images: [blue.sha256] },
    ];
    await invoke(ctx, handlers['items.addTheory'], { bankId, items, state: '入库' });
    // a 草稿 is not exported by default (state 入库)
    await invoke(ctx, handlers['items.addTheory'], { bankId, items: [{ ...items[3], stem: '草稿中的题' }] });
    const originals = listItems(ws.db, bankId, { kind: 'theory', state: '入库' });

    const out = await invoke(ctx, qtiHandlers['qti.export'], { bankId, outDir: join(ws.dir, 'out1') });
    expect(out).toMatchObject({ items: 5, images: 2 });
    const bytes = new Uint8Array(readFileSync(out.file.absolutePath));
    // deterministic: the same bank gives the same bytes, later and elsewhere
    ws.advance(3_600_000);
    const again = await invoke(ctx, qtiHandlers['qti.export'], { bankId, outDir: join(ws.dir, 'out2') });
    expect(Buffer.compare(readFileSync(again.file.absolutePath), bytes)).toBe(0);
    // the write went through the output layer: logged, classified (存档)
    const logged = ws.db.prepare(`SELECT register FROM audit_log WHERE action = 'output.write' AND objects LIKE ?`).pluck().all(`%${out.file.path}%`);
    expect(logged).toEqual(['存档', '存档']);

    const entries = await unzip(bytes);
    const names = [...entries.keys()];
    expect(names).toEqual([...names].sort());
    expect(names).toContain('imsmanifest.xml');
    expect(names.filter((n) => n.startsWith('images/'))).toEqual([red.sha256, blue.sha256].map((h) => `images/${h}.png`).sort());
    expect(lintAll(entries, join(ws.dir, 'lint'))).toHaveLength(6);

    const manifest = parseTree(Buffer.from(entries.get('imsmanifest.xml')!).toString('utf8'));
    const resources = find(manifest, 'resource');
    expect(resources).toHaveLength(5);
    for (const [k, r] of resources.entries()) {
      const rec = originals[k]!;
      expect(r.attrs).toMatchObject({ type: 'imsqti_item_xmlv2p1', href: `qbank-item-${String(rec.id)}-v1.xml` });
      const files = r.children.filter((c) => c.local === 'file').map((f) => f.attrs.href);
      expect(files).toEqual([r.attrs.href, ...rec.body.images.map((h) => `images/${h}.png`)]);
      for (const f of files) expect(entries.has(f!)).toBe(true);
      const meta = only(only(r, 'metadata'), 'item');
      expect(only(meta, 'element').text).toBe('B-A-C-001');
      expect(only(meta, 'difficulty').text).toBe(String(rec.body.difficulty));
      expect(only(meta, 'type').text).toBe(rec.body.type);
      expect(only(meta, 'version').text).toBe('1');
      const item = parseTree(Buffer.from(entries.get(r.attrs.href!)!).toString('utf8'));
      expect(item.attrs.identifier).toBe(`qbank-item-${String(rec.id)}-v1`);
      expect(only(item, 'responseDeclaration').attrs.cardinality).toBe(rec.body.type === 'multipleChoice' ? 'multiple' : 'single');
      expect(find(item, 'img').map((i) => i.attrs.src)).toEqual(rec.body.images.map((h) => `images/${h}.png`));
    }

    // into another workstation's bank with the same 细目表
    const ws2 = workstation();
    const target = await qtiBank(ws2, 'other');
    const report = await invoke(target.ctx, qtiHandlers['qti.import'], { bankId: target.bankId, fileName: 'bank.zip', bytes });
    expect(report.unmapped).toEqual([]);
    expect(report.imported).toHaveLength(5);
    expect(report.imported.every((i) => !i.unbound)).toBe(true);
    const imported = listItems(ws2.db, target.bankId, { kind: 'theory' });
    expect(imported.map((r) => r.state)).toEqual(Array(5).fill('草稿'));
    const body = (b: TheoryItem) => b;
    expect(imported.map((r) => body(r.body)).sort(byStem)).toEqual(originals.map((r) => body(r.body)).sort(byStem));
    for (const h of [red.sha256, blue.sha256]) expect(getImage(ws2.db, h)?.bytes).toEqual(getImage(ws.db, h)?.bytes);

    // importing the same package again: every item is an exact duplicate, nothing is saved
    const twice = await invoke(target.ctx, qtiHandlers['qti.import'], { bankId: target.bankId, bytes });
    expect(twice.saved).toBe(false);
    expect(twice.unmapped).toHaveLength(5);
    for (const u of twice.unmapped) expect(u.reason).toMatch(/完全相同/);
    expect(listItems(ws2.db, target.bankId, { kind: 'theory' })).toHaveLength(5);
  });

  it('carries the pooled statistics the caller supplies in the metadata', async () => {
    const ws = workstation();
    const { ctx, bankId } = await qtiBank(ws);
    const { ids } = await invoke(ctx, handlers['items.addTheory'], {
      bankId,
      state: '入库',
      items: [
        { type: 'trueFalse', element: 'B-A-C-001', stem: '甲', key: true, difficulty: 2 },
        { type: 'trueFalse', element: 'B-A-C-001', stem: '乙乙乙乙', key: false, difficulty: 3 },
      ],
    });
    const stats = new Map([[ids[0]!, { p: 0.625, n: 240, discrimination: 0.31 }], [ids[1]!, { p: 0.9, n: 12, discrimination: null }]]);
    const built = await buildQtiPackage(ctx, bankId, '入库', stats);
    const pkg = readQtiPackage(built.bytes, sha256Hex);
    expect(pkg.items.map((i) => i.meta.statistics)).toEqual([stats.get(ids[0]!), stats.get(ids[1]!)]);
    const without = readQtiPackage((await buildQtiPackage(ctx, bankId, '入库')).bytes, sha256Hex);
    expect(without.items.map((i) => i.meta.statistics)).toEqual([undefined, undefined]);
  });

  it('exports the whole sample bank as well-formed items and imports every one back', async () => {
    const ws = workstation();
    const { ctx, bankId } = await sampleBank(ws);
    const count = listItems(ws.db, bankId, { kind: 'theory', state: '入库' }).length;
    const out = await invoke(ctx, qtiHandlers['qti.export'], { bankId, outDir: join(ws.dir, 'out') });
    expect(out.items).toBe(count);
    const bytes = new Uint8Array(readFileSync(out.file.absolutePath));
    expect(lintAll(await unzip(bytes), join(ws.dir, 'lint'))).toHaveLength(count + 1);
    const ws2 = workstation();
    const target = await qtiBank(ws2, 'other');
    const report = await invoke(target.ctx, qtiHandlers['qti.import'], { bankId: target.bankId, bytes });
    expect(report.unmapped).toEqual([]);
    expect(report.ids).toHaveLength(count);
    const key = (b: TheoryItem) => JSON.stringify(b);
    expect(listItems(ws2.db, target.bankId, { kind: 'theory' }).map((r) => key(r.body)).sort()).toEqual(
      listItems(ws.db, bankId, { kind: 'theory', state: '入库' }).map((r) => key(r.body)).sort(),
    );
  }, 120_000);
});
