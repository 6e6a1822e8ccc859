/**
 * Moving a bank between two workstations (issue [G] item 8): the snapshot of A merged into B, on real
 * encrypted SQLite files. The calls run inside small test-only handlers, so that each leaves its
 * access-log row as a real handler would (the disc package around the bytes is not tested here).
 */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { sampleElementTable, samplePracticalStructure, samplePracticalTasks } from '../../../app/demo/sample-bank.js';
import { verifyAuditChain } from '../../../app/services/audit/record.js';
import { workstationId } from '../../../app/services/audit/keys.js';
import type { ServiceContext } from '../../../app/services/context.js';
import { defineHandler, invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { applySnapshot, type TransferReport } from '../../../app/services/transfer/merge.js';
import { bankSnapshot, bodyHash } from '../../../app/services/transfer/snapshot.js';
import { getImage } from '../../../app/store/repositories/images.js';
import { itemByOrigin, originOf } from '../../../app/store/repositories/item-origins.js';
import { getItemSummary, listItemSummaries, listTransitions, listVersionRecords, setItemState } from '../../../app/store/repositories/items.js';
import { png } from '../../fixtures/hostile/corpus.js';
import { auditRows } from '../../helpers/audit-log.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

const exportHandler = defineHandler({
  name: 'test.transfer.export',
  summary: '导出题库传递内容（测试）',
  input: z.object({ bankIds: z.array(z.number().int().positive()).min(1) }),
  roles: ['manager'],
  register: '',
  secret: true,
  // the bytes leave as JSON text, as the disc package will carry them
  run: (ctx, input): string => JSON.stringify(bankSnapshot(ctx, input.bankIds)),
});

const importHandler = defineHandler({
  name: 'test.transfer.import',
  summary: '导入题库传递内容（测试）',
  input: z.object({ json: z.string(), dryRun: z.boolean().default(false) }),
  roles: ['manager'],
  register: '',
  secret: true,
  run: (ctx, input): TransferReport => applySnapshot(ctx, JSON.parse(input.json) as unknown, { dryRun: input.dryRun }),
});

const theory = (stem: string, element: string, extra: Record<string, unknown> = {}) => ({
  type: 'singleChoice',
  element,
  stem,
  options: ['毫米', '厘米', '分米', '米'],
  key: 'A',
  difficulty: 2,
  ...extra,
});

interface Side {
  readonly ws: TestWorkstation;
  readonly ctx: ServiceContext;
  readonly id: string;
}

/** A with a bank (细目表, 内容结构表, three theory items — one with a picture, one 入库 — and a task); B empty. */
async function twoWorkstations(workstation: () => TestWorkstation) {
  const wsA = workstation();
  const wsB = workstation();
  const A: Side = { ws: wsA, ctx: wsA.as('alice', ['manager']), id: workstationId(wsA.db) };
  const B: Side = { ws: wsB, ctx: wsB.as('bob', ['manager']), id: workstationId(wsB.db) };
  const bank = await invoke(A.ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4 });
  await invoke(A.ctx, handlers['banks.setElementTable'], { bankId: bank.id, table: sampleElementTable() });
  await invoke(A.ctx, handlers['banks.setPracticalStructure'], { bankId: bank.id, structure: samplePracticalStructure() });
  const picture = await invoke(A.ctx, handlers['images.put'], { bankId: bank.id, bytes: png(40, 30) });
  const ids = (
    await invoke(A.ctx, handlers['items.addTheory'], {
      bankId: bank.id,
      items: [theory('图样中的尺寸单位是（ ）。', 'B-A-C-001'), theory('图中零件的长度单位是（ ）。', 'B-A-C-002', { images: [picture.sha256] }), theory('标题栏中比例的单位是（ ）。', 'B-A-C-001')],
    })
  ).ids;
  const [task] = (await invoke(A.ctx, handlers['items.addPractical'], { bankId: bank.id, items: [samplePracticalTasks()[0]] })).ids;
  setItemState(A.ws.db, ids[2]!, '入库', '测试：视为已在 A 审核入库', 'alice', '2026-11-23T09:00:00Z');
  const exportA = () => invoke(A.ctx, exportHandler, { bankIds: [bank.id] });
  const importB = (json: string, dryRun = false) => invoke(B.ctx, importHandler, { json, dryRun });
  return { A, B, bankA: bank.id, itemsA: [...ids, task!], picture: picture.sha256, exportA, importB };
}

/** Each item of the bank by origin: its versions' hashes, authors and numbers, and its state. */
function contentByOrigin(side: Side, bankId: number, selfId: string) {
  return new Map(
    listItemSummaries(side.ws.db, bankId).map((s) => [
      originOf(side.ws.db, s.id) ?? `${selfId}:${s.id}`,
      { versions: listVersionRecords(side.ws.db, s.id).map((v) => ({ version: v.version, sha256: bodyHash(v.body), createdBy: v.createdBy, createdAt: v.createdAt, note: v.note })), state: s.state },
    ]),
  );
}

function bankOf(report: TransferReport) {
  const b = report.banks[0];
  if (!b) throw new Error('no bank in the report');
  return b;
}

describe('bank transfer between workstations', () => {
  const workstation = useWorkstation();

  it('exports A’s bank and imports it into B: items, versions, authors and origins arrive; images too', async () => {
    const { A, B, bankA, itemsA, picture, exportA, importB } = await twoWorkstations(workstation);
    const json = await exportA();
    const snapshot = JSON.parse(json) as { format: string; sourceWorkstation: string; banks: { items: { origin: string }[] }[]; images: { sha256: string }[] };
    expect(snapshot).toMatchObject({ format: 'qbank-bank-transfer/1', sourceWorkstation: A.id });
    expect(snapshot.banks[0]?.items.map((i) => i.origin)).toEqual(itemsA.map((id) => `${A.id}:${id}`));
    expect(snapshot.images.map((i) => i.sha256)).toEqual([picture]);

    // a dry run reports the same and changes nothing
    const dry = await importB(json, true);
    expect(dry).toMatchObject({ dryRun: true, banks: [{ bankCreated: true, created: 4 }], images: 1 });
    expect(dry.lines[0]).toContain('试运行');
    expect(B.ws.db.prepare('SELECT COUNT(*) FROM banks').pluck().get()).toBe(0);

    const report = await importB(json);
    const b = bankOf(report);
    expect(b).toMatchObject({ bankCreated: true, elementTableConflict: null, created: 4, fastForwarded: 0, identical: 0, localAhead: 0, conflicts: [], refused: [] });
    expect(report.images).toBe(1);
    expect(report.lines.join('\n')).toContain('新建 4 题');

    const onA = contentByOrigin(A, bankA, A.id);
    const onB = contentByOrigin(B, b.bankId, B.id);
    expect([...onB.keys()]).toEqual([...onA.keys()]);
    for (const [origin, a] of onA) expect(onB.get(origin)?.versions).toEqual(a.versions);
    // versions keep their original author; the 入库 item arrives 待审, the drafts stay drafts
    expect(onB.get(`${A.id}:${itemsA[0]}`)?.versions[0]?.createdBy).toBe('alice');
    expect(onB.get(`${A.id}:${itemsA[2]}`)?.state).toBe('待审');
    expect(onB.get(`${A.id}:${itemsA[0]}`)?.state).toBe('草稿');
    const arrived = itemByOrigin(B.ws.db, `${A.id}:${itemsA[2]}`)!;
    expect(listTransitions(B.ws.db, arrived)).toEqual([expect.objectContaining({ from: '', to: '待审', by: 'bob', comment: expect.stringContaining(`由工作站 ${A.id} 传入`) })]);
    // the element tables, the picture and the search text are there
    const tables = await invoke(B.ctx, handlers['banks.summary'], { bankId: b.bankId });
    expect(tables.elementTable?.version).toBe(1);
    expect(tables.practicalStructure?.version).toBe(1);
    expect(getImage(B.ws.db, picture)?.contentType).toBe('image/png');
    const found = await invoke(B.ctx, handlers['items.search'], { bankId: b.bankId, text: '零件的长度' });
    expect(found.hits.map((h) => h.id)).toEqual([itemByOrigin(B.ws.db, `${A.id}:${itemsA[1]}`)]);
    expect((await verifyAuditChain(B.ws.db)).ok).toBe(true);
    expect(auditRows(B.ws.system).filter((r) => r.action === 'test.transfer.import').map((r) => r.result)).toEqual(['ok', 'ok']);
  });

  it('imports the same snapshot again as identical and changes nothing', async () => {
    const { B, exportA, importB } = await twoWorkstations(workstation);
    const json = await exportA();
    const first = bankOf(await importB(json));
    const before = contentByOrigin(B, first.bankId, B.id);
    const transitions = B.ws.db.prepare('SELECT COUNT(*) FROM item_transitions').pluck().get();
    const again = await importB(json);
    expect(bankOf(again)).toMatchObject({ bankId: first.bankId, bankCreated: false, elementTableConflict: null, created: 0, fastForwarded: 0, identical: 4, localAhead: 0, conflicts: [] });
    expect(again.images).toBe(0);
    expect(contentByOrigin(B, first.bankId, B.id)).toEqual(before);
    expect(B.ws.db.prepare('SELECT COUNT(*) FROM item_transitions').pluck().get()).toBe(transitions);
  });

  it('fast-forwards an item A changed, back to 待审; a round trip back to A is identical', async () => {
    const { A, B, bankA, itemsA, exportA, importB } = await twoWorkstations(workstation);
    const first = bankOf(await importB(await exportA()));
    await invoke(A.ctx, handlers['items.patch'], { bankId: bankA, itemId: itemsA[0], stem: '机械图样中的尺寸单位是（ ）。', note: '题干更准确' });
    const report = await importB(await exportA());
    expect(bankOf(report)).toMatchObject({ created: 0, fastForwarded: 1, identical: 3, conflicts: [] });
    const itemB = itemByOrigin(B.ws.db, `${A.id}:${itemsA[0]}`)!;
    expect(getItemSummary(B.ws.db, itemB)).toMatchObject({ version: 2, state: '待审' });
    const versions = listVersionRecords(B.ws.db, itemB);
    expect(versions.at(-1)).toMatchObject({ version: 2, createdBy: 'alice', note: '题干更准确', body: expect.objectContaining({ stem: '机械图样中的尺寸单位是（ ）。' }) });
    expect(listTransitions(B.ws.db, itemB).at(-1)).toMatchObject({ version: 2, from: '草稿', to: '待审', comment: `由工作站 ${A.id} 传入第 2 版` });
    expect(report.lines.some((l) => l.includes(`追加：试题 #${itemB}`))).toBe(true);
    const found = await invoke(B.ctx, handlers['items.search'], { bankId: first.bankId, text: '机械图样' });
    expect(found.hits.map((h) => h.id)).toContain(itemB);

    // B's bank goes back to A: A's own items are known by their implicit origin, nothing is duplicated
    const back = await invoke(A.ctx, importHandler, { json: await invoke(B.ctx, exportHandler, { bankIds: [first.bankId] }) });
    expect(bankOf(back)).toMatchObject({ bankId: bankA, bankCreated: false, created: 0, fastForwarded: 0, identical: 4, refused: [] });
    expect(listItemSummaries(A.ws.db, bankA)).toHaveLength(4);
  });

  it('reports an item changed on both sides as a conflict with the version, and leaves B’s item as it was', async () => {
    const { A, B, bankA, itemsA, exportA, importB } = await twoWorkstations(workstation);
    const first = bankOf(await importB(await exportA()));
    const itemB = itemByOrigin(B.ws.db, `${A.id}:${itemsA[0]}`)!;
    await invoke(A.ctx, handlers['items.patch'], { bankId: bankA, itemId: itemsA[0], stem: 'A 改过的题干（ ）。' });
    await invoke(A.ctx, handlers['items.patch'], { bankId: bankA, itemId: itemsA[0], explanation: 'A 又补了解析' });
    await invoke(B.ctx, handlers['items.patch'], { bankId: first.bankId, itemId: itemB, stem: 'B 改过的题干（ ）。' });
    const before = { summary: getItemSummary(B.ws.db, itemB), versions: listVersionRecords(B.ws.db, itemB), transitions: listTransitions(B.ws.db, itemB) };

    const report = await importB(await exportA());
    const b = bankOf(report);
    expect(b).toMatchObject({ created: 0, fastForwarded: 0, identical: 3, localAhead: 0 });
    expect(b.conflicts).toEqual([
      expect.objectContaining({ itemId: itemB, origin: `${A.id}:${itemsA[0]}`, version: 2, localVersions: 2, incomingVersions: 3, localAfter: 1, incomingAfter: 2 }),
    ]);
    const c = b.conflicts[0]!;
    expect(c.localSha256).toBe(bodyHash(before.versions[1]?.body));
    expect(c.incomingSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(c.incomingSha256).not.toBe(c.localSha256);
    expect(c.line).toBe(`冲突：试题 #${itemB}（来源 ${A.id}:${itemsA[0]}）第 2 版两边不同（本地 2 版，传入 3 版；共同的前 1 版之后本地 1 版、传入 2 版），未合并，请人工处理`);
    expect(report.lines).toContain(c.line);
    expect({ summary: getItemSummary(B.ws.db, itemB), versions: listVersionRecords(B.ws.db, itemB), transitions: listTransitions(B.ws.db, itemB) }).toEqual(before);
    expect((await verifyAuditChain(B.ws.db)).ok).toBe(true);
  });

  it('keeps B’s element table when A’s differs and reports it; an item newer on B is left alone', async () => {
    const { A, B, bankA, itemsA, exportA, importB } = await twoWorkstations(workstation);
    const first = bankOf(await importB(await exportA()));
    const itemB = itemByOrigin(B.ws.db, `${A.id}:${itemsA[1]}`)!;
    await invoke(B.ctx, handlers['items.patch'], { bankId: first.bankId, itemId: itemB, explanation: 'B 补的解析' });
    const table = sampleElementTable() as { scopes: { name: string }[] };
    table.scopes[0]!.name = `${table.scopes[0]!.name}（A 修订）`;
    await invoke(A.ctx, handlers['banks.setElementTable'], { bankId: bankA, table });
    const report = await importB(await exportA());
    const b = bankOf(report);
    expect(b.elementTableConflict).toBe('本机理论知识细目表（第 1 版）与传入的不同，未替换，请人工核对');
    expect(b).toMatchObject({ localAhead: 1, identical: 3 });
    expect(report.lines).toContain(`本机较新：试题 #${itemB}（来源 ${A.id}:${itemsA[1]}）本地 2 版，传入 1 版，未改动`);
    expect((await invoke(B.ctx, handlers['banks.summary'], { bankId: first.bankId })).elementTable?.version).toBe(1);
  });

  it('refuses an item already in another bank here, and one claiming to come from here that is not here', async () => {
    const { A, B, itemsA, exportA, importB } = await twoWorkstations(workstation);
    const json = await exportA();
    await importB(json);
    const moved = JSON.parse(json) as { banks: { bank: { level: number; name: string }; elementTables: unknown[]; items: { origin: string }[] }[] };
    Object.assign(moved.banks[0]!, { bank: { ...moved.banks[0]!.bank, level: 3, name: '另一个题库' }, elementTables: [] });
    const other = bankOf(await importB(JSON.stringify(moved)));
    expect(other).toMatchObject({ bankCreated: true, created: 0 });
    const firstB = itemByOrigin(B.ws.db, `${A.id}:${itemsA[0]}`)!;
    expect(other.refused).toHaveLength(4);
    expect(other.refused[0]).toBe(`拒收：来源 ${A.id}:${itemsA[0]} 的试题在本机是题库 ${getItemSummary(B.ws.db, firstB).bankId} 的试题 #${firstB}，未合并`);

    const self = JSON.parse(json) as typeof moved;
    self.banks[0]!.items[0]!.origin = `${A.id}:999`;
    const back = bankOf(await invoke(A.ctx, importHandler, { json: JSON.stringify(self) }));
    expect(back).toMatchObject({ created: 0, identical: 3, refused: [`拒收：来源 ${A.id}:999 的试题应出自本工作站，但本机没有这道试题（可能来自恢复备份之前），未合并`] });
  });

  it('refuses a tampered version for the whole transfer and a file that is not a transfer, saving nothing', async () => {
    const { B, exportA, importB } = await twoWorkstations(workstation);
    const snapshot = JSON.parse(await exportA()) as { banks: { items: { versions: { body: { stem?: string } }[] }[] }[] };
    snapshot.banks[0]!.items[0]!.versions[0]!.body.stem = '被改过的题干（ ）。';
    await expect(importB(JSON.stringify(snapshot))).rejects.toThrow(/与其 SHA-256 不符，整批未导入：来源 .+:\d+ 第 1 版/);
    await expect(importB(JSON.stringify({ format: 'other' }))).rejects.toThrow('题库传递文件：格式: 不是题库传递文件');
    expect(B.ws.db.prepare('SELECT COUNT(*) FROM items').pluck().get()).toBe(0);
    expect((await verifyAuditChain(B.ws.db)).ok).toBe(true);
  });
});
