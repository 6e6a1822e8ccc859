import { describe, expect, it } from 'vitest';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { png } from '../../fixtures/hostile/corpus.js';
import { auditRows } from '../../helpers/audit-log.js';
import { useWorkstation } from '../../helpers/workstation.js';

describe('item images (images.put / images.get)', () => {
  const workstation = useWorkstation();

  async function bank() {
    const ws = workstation();
    const ctx = ws.as('boss', ['manager']);
    const b = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4 });
    return { ws, ctx, bankId: b.id };
  }

  it('stores a PNG once by its hash and reads it back as a 调阅', async () => {
    const { ws, ctx, bankId } = await bank();
    const bytes = png(40, 30);
    const stored = await invoke(ctx, handlers['images.put'], { bankId, bytes });
    expect(stored).toMatchObject({ contentType: 'image/png', width: 40, height: 30, bytes: bytes.byteLength });
    expect(await invoke(ctx, handlers['images.put'], { bankId, bytes })).toEqual(stored);
    const back = await invoke(ctx, handlers['images.get'], { bankId, sha256: stored.sha256 });
    expect(Buffer.from(back.bytes).equals(Buffer.from(bytes))).toBe(true);
    const get = auditRows(ws.system).find((r) => r.action === 'images.get');
    expect(get).toMatchObject({ register: '调阅', result: 'ok' });
    expect(get?.objects).toContain(`image:${stored.sha256.slice(0, 16)}`);
  });

  it('renders an SVG drawing to a PNG at print width and stores the PNG', async () => {
    const { ctx, bankId } = await bank();
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="200mm" height="100mm" viewBox="0 0 200 100"><circle cx="50" cy="50" r="30" fill="none" stroke="black" stroke-width="0.7"/></svg>');
    const stored = await invoke(ctx, handlers['images.put'], { bankId, bytes: svg });
    expect(stored).toMatchObject({ contentType: 'image/png', width: 1700, height: 850 });
    const back = await invoke(ctx, handlers['images.get'], { bankId, sha256: stored.sha256 });
    expect([...back.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('refuses what is not a PNG or JPEG, a forged header and strangers to the bank, in Chinese', async () => {
    const { ws, ctx, bankId } = await bank();
    const svg = (body: string) => new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">${body}</svg>`);
    await expect(invoke(ctx, handlers['images.put'], { bankId, bytes: svg('<image href="file:///etc/passwd"/>') })).rejects.toThrow(/图片未保存：SVG 图形含有图片元素/);
    await expect(invoke(ctx, handlers['images.put'], { bankId, bytes: svg('<script>1</script>') })).rejects.toThrow(/图片未保存：.*脚本/);
    await expect(invoke(ctx, handlers['images.put'], { bankId, bytes: png(100_000, 100_000, true) })).rejects.toThrow(/图片未保存|超过/);
    await expect(invoke(ctx, handlers['images.put'], { bankId, bytes: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]) })).rejects.toThrow(/图片未保存/);
    await expect(invoke(ws.as('other', ['author']), handlers['images.put'], { bankId, bytes: png(4, 4) })).rejects.toThrow();
    await expect(invoke(ctx, handlers['images.get'], { bankId, sha256: '0'.repeat(64) })).rejects.toThrow('图片 000000000000 不存在');
  });
});
