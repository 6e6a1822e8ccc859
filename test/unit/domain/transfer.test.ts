/** The bank transfer's content (schema, bounds, canonical JSON) and its merge plan (app/domain/transfer). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_STATES, type ItemState } from '../../../app/domain/bank.js';
import { arrivalState, mergeLines, planMerge, type IncomingItemState, type LocalItemState, type MergePlan } from '../../../app/domain/transfer/merge.js';
import { BANK_TRANSFER_FORMAT, canonicalJson, parseBankSnapshot, parseOrigin, referencedImages, TRANSFER_LIMITS } from '../../../app/domain/transfer/snapshot.js';
import { formatProblem } from '../../../app/domain/validation.js';

const H = (c: string) => c.repeat(64);
const body = { type: 'trueFalse', element: 'B-A-C-001', stem: '机械图样中的尺寸以毫米为单位。', key: true, difficulty: 1, images: [H('e')] };
const version = (n: number, extra: Record<string, unknown> = {}) => ({ version: n, body, createdAt: '2026-11-23T08:00:00Z', createdBy: 'alice', note: '', sha256: H('a'), ...extra });
const item = (origin: string, extra: Record<string, unknown> = {}) => ({
  origin,
  kind: 'theory',
  type: 'trueFalse',
  binding: 'B-A-C-001',
  state: '入库',
  difficulty: 1,
  versions: [version(1)],
  ...extra,
});
const snapshot = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  format: BANK_TRANSFER_FORMAT,
  sourceWorkstation: 'WS-A',
  exportedAt: '2026-11-23T08:00:00Z',
  exportedBy: 'alice',
  banks: [{ bank: { name: '制图员四级', occupationCode: '3-01-02-07', occupationName: '制图员', track: '机械', level: 4 }, elementTables: [], items }],
  images: [],
  ...extra,
});

function problemsOf(raw: unknown): string[] {
  const r = parseBankSnapshot(raw);
  return r.ok ? [] : r.problems.map((p) => formatProblem(p));
}

describe('transfer snapshot', () => {
  it('reads a valid snapshot, bodies by the schema of their kind', () => {
    const r = parseBankSnapshot(snapshot([item('WS-A:7')]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.banks[0]?.items[0]?.versions[0]?.body).toMatchObject({ stem: body.stem, explanation: '' });
    expect(referencedImages(r.value.banks[0]!.items)).toEqual([H('e')]);
    expect(parseOrigin('3f2a:12')).toEqual({ workstationId: '3f2a', itemId: 12 });
  });

  it('names what is wrong, in Chinese', () => {
    expect(problemsOf({ ...snapshot([]), format: 'x' })).toContain('格式: 不是题库传递文件（格式应为 qbank-bank-transfer/1）');
    expect(problemsOf(snapshot([item('WS-A')]))).toContain('题库第1项 试题第1项 来源: 来源应为“工作站标识:试题编号”，如 3f2a…:12');
    expect(problemsOf(snapshot([item('WS-A:1', { versions: [version(2)] })]))).toContain('题库第1项 试题第1项 版本第1项 版本号: 版本应依次编号，此处应为第 1 版');
    expect(problemsOf(snapshot([item('WS-A:1', { versions: [version(1, { body: { ...body, stem: ' ' } })] })]))).toContain('题库第1项 试题第1项 版本第1项 内容 题干: 不能为空');
    expect(problemsOf(snapshot([item('WS-A:1', { difficulty: 3 })]))).toContain('题库第1项 试题第1项 难度: 难度与最新版本不符');
    expect(problemsOf(snapshot([item('WS-A:1'), item('WS-A:1')]))).toContain('题库第1项 试题第2项 来源: 来源 WS-A:1 出现了不止一次');
    expect(problemsOf(snapshot([item('WS-A:1', { versions: [version(1, { sha256: 'abc' })] })]))).toContain('题库第1项 试题第1项 版本第1项 SHA-256: SHA-256 摘要应为 64 位小写十六进制字符');
    expect(problemsOf(snapshot([], { images: [{ sha256: H('e'), contentType: 'image/png', base64: '***' }] }))).toContain('图片第1项 图片内容: 图片内容应为 Base64 编码');
  });

  it('is bounded: versions per item, items, images', () => {
    const versions = Array.from({ length: TRANSFER_LIMITS.versionsPerItem + 1 }, (_, i) => version(i + 1));
    expect(problemsOf(snapshot([item('WS-A:1', { versions })]))).toContain(`题库第1项 试题第1项 版本: 一道试题最多传递 ${TRANSFER_LIMITS.versionsPerItem} 个版本`);
    const image = { sha256: H('e'), contentType: 'image/png', base64: 'A'.repeat(Math.ceil(TRANSFER_LIMITS.imageBytes / 3) * 4 + 4) };
    expect(problemsOf(snapshot([], { images: [image] }))).toContain('图片第1项 图片内容: 一张图片不能超过 10 MiB');
    // an image of the largest size passes (a grouped Base64 pattern would overflow the regex stack here)
    expect(problemsOf(snapshot([], { images: [{ ...image, base64: 'A'.repeat(Math.ceil(TRANSFER_LIMITS.imageBytes / 3) * 4) }] }))).toEqual([]);
    expect(problemsOf(snapshot([], { banks: [] }))).toContain('题库: 至少应传递一个题库');
  });

  it('hashes a canonical JSON: keys sorted at every depth, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ d: '题', c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":"题"}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

const incoming = (origin: string, hashes: readonly string[], state: ItemState = '入库'): IncomingItemState => ({
  origin,
  kind: 'theory',
  binding: 'B-A-C-001',
  difficulty: 2,
  state,
  versions: hashes.map((sha256, i) => ({ version: i + 1, sha256 })),
});
const local = (origin: string, itemId: number, hashes: readonly string[], state: ItemState = '入库'): LocalItemState => ({ origin, itemId, state, versions: hashes });

describe('merge plan', () => {
  it('tells create, identical, fast-forward, local-ahead and conflict apart', () => {
    const plan = planMerge(
      [local('A:2', 12, ['x']), local('A:3', 13, ['x']), local('A:4', 14, ['x', 'y']), local('A:5', 15, ['x', 'y', 'z'])],
      [incoming('A:1', ['x']), incoming('A:2', ['x']), incoming('A:3', ['x', 'y', 'w']), incoming('A:4', ['x']), incoming('A:5', ['x', 'q', 'r', 's'])],
    );
    expect(plan.steps.map((s) => s.action)).toEqual(['create', 'identical', 'fastForward', 'localAhead', 'conflict']);
    expect(plan.counts).toEqual({ create: 1, identical: 1, fastForward: 1, localAhead: 1, conflict: 1 });
    expect(plan.steps[0]).toMatchObject({ state: '待审' });
    expect(plan.steps[2]).toMatchObject({ itemId: 13, from: 1, append: [{ version: 2 }, { version: 3 }], state: '待审' });
    expect(plan.steps[4]).toMatchObject({ itemId: 15, version: 2, localSha256: 'y', incomingSha256: 'q', local: 3, incoming: 4, localAfter: 2, incomingAfter: 3 });
    expect(mergeLines(plan)).toEqual([
      '追加：试题 #13（来源 A:3）传入第 2–3 版，由入库改为待审',
      '本机较新：试题 #14（来源 A:4）本地 2 版，传入 1 版，未改动',
      '冲突：试题 #15（来源 A:5）第 2 版两边不同（本地 3 版，传入 4 版；共同的前 1 版之后本地 2 版、传入 3 版），未合并，请人工处理',
    ]);
  });

  it('lets a review made elsewhere count for nothing here', () => {
    expect(arrivalState(incoming('A:1', ['x'], '入库'), null)).toBe('待审');
    expect(arrivalState(incoming('A:1', ['x'], '已审'), null)).toBe('待审');
    expect(arrivalState(incoming('A:1', ['x'], '草稿'), null)).toBe('草稿');
    expect(arrivalState(incoming('A:1', ['x'], '停用'), null)).toBe('停用');
    expect(arrivalState(incoming('A:1', ['x'], '草稿'), '入库')).toBe('待审');
    expect(arrivalState(incoming('A:1', ['x'], '入库'), '停用')).toBe('停用');
    expect(arrivalState({ ...incoming('A:1', ['x'], '入库'), binding: '' }, '入库')).toBe('草稿');
  });

  /** What applying a plan does to the local items (the services do the same with the database). */
  function applied(before: readonly LocalItemState[], plan: MergePlan): LocalItemState[] {
    const after = new Map(before.map((l) => [l.origin, l]));
    let nextId = Math.max(0, ...before.map((l) => l.itemId)) + 1;
    for (const s of plan.steps) {
      if (s.action === 'create') after.set(s.origin, local(s.origin, nextId++, s.incoming.versions.map((v) => v.sha256), s.state));
      if (s.action === 'fastForward') {
        const l = after.get(s.origin)!;
        after.set(s.origin, { ...l, state: s.state, versions: [...l.versions, ...s.append.map((v) => v.sha256)] });
      }
    }
    return [...after.values()];
  }

  // A history shared by both sides, each of which may keep a prefix and add its own versions.
  const hash = fc.constantFrom('a', 'b', 'c');
  const pair = fc.record({
    base: fc.array(hash, { minLength: 1, maxLength: 4 }),
    keepLocal: fc.nat(4),
    keepIncoming: fc.nat(4),
    extraLocal: fc.array(hash, { maxLength: 3 }),
    extraIncoming: fc.array(hash, { maxLength: 3 }),
    known: fc.boolean(),
    sent: fc.boolean(),
    localState: fc.constantFrom(...ITEM_STATES),
    incomingState: fc.constantFrom(...ITEM_STATES),
  });
  const histories = fc.array(pair, { maxLength: 12 }).map((pairs) => {
    const locals: LocalItemState[] = [];
    const incomings: IncomingItemState[] = [];
    pairs.forEach((p, i) => {
      const origin = `WS:${i + 1}`;
      const mine = [...p.base.slice(0, p.keepLocal), ...p.extraLocal];
      const theirs = [...p.base.slice(0, p.keepIncoming), ...p.extraIncoming];
      if (p.known && mine.length > 0) locals.push(local(origin, 100 + i, mine, p.localState));
      if (p.sent && theirs.length > 0) incomings.push(incoming(origin, theirs, p.incomingState));
    });
    return { locals, incomings };
  });

  it('is idempotent: after applying a plan, planning again leaves only identical, local-ahead and conflict', () => {
    fc.assert(
      fc.property(histories, ({ locals, incomings }) => {
        const plan = planMerge(locals, incomings);
        const after = applied(locals, plan);
        const again = planMerge(after, incomings);
        expect(again.steps.every((s) => s.action === 'identical' || s.action === 'localAhead' || s.action === 'conflict')).toBe(true);
        // a conflict stays the same conflict
        expect(again.counts.conflict).toBe(plan.counts.conflict);
        expect(applied(after, again)).toEqual(after);
      }),
      { numRuns: 500 },
    );
  });

  it('never changes a local version: each local item keeps its versions as a prefix', () => {
    fc.assert(
      fc.property(histories, ({ locals, incomings }) => {
        const after = new Map(applied(locals, planMerge(locals, incomings)).map((l) => [l.origin, l]));
        for (const l of locals) {
          const now = after.get(l.origin)!;
          expect(now.itemId).toBe(l.itemId);
          expect(now.versions.slice(0, l.versions.length)).toEqual(l.versions);
        }
      }),
      { numRuns: 500 },
    );
  });
});
