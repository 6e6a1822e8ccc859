import { describe, expect, it } from 'vitest';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { sampleBank } from '../../helpers/sample-bank.js';
import { useWorkstation } from '../../helpers/workstation.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('assembly.statistics.import', () => {
  const workstation = useWorkstation();

  it('reads the statistics file’s bytes in the service and saves its rows', async () => {
    const { ctx, bankId } = await sampleBank(workstation());
    const items = await invoke(ctx, handlers['items.list'], { bankId });
    const csv = ['试题编号,通过率,样本量,区分度', ...items.slice(0, 3).map((i, k) => `${i.id},0.${k + 4},120,0.3`)].join('\n');
    expect(await invoke(ctx, handlers['assembly.statistics.import'], { bankId, bytes: utf8(csv) })).toEqual({ saved: 3 });
  });

  it('refuses a file the reader refuses with its message, and a call giving both or neither of file and rows', async () => {
    const { ctx, bankId } = await sampleBank(workstation());
    await expect(invoke(ctx, handlers['assembly.statistics.import'], { bankId, bytes: utf8('1,1.5,10\n') })).rejects.toThrow('第1行 通过率: 应在 0 与 1 之间，收到“1.5”');
    await expect(invoke(ctx, handlers['assembly.statistics.import'], { bankId, bytes: new Uint8Array([0, 1, 2]) })).rejects.toThrow(/统计文件未导入：/);
    await expect(invoke(ctx, handlers['assembly.statistics.import'], { bankId })).rejects.toThrow('应提供统计文件或统计行之一');
    await expect(
      invoke(ctx, handlers['assembly.statistics.import'], { bankId, bytes: utf8('1,0.5,10\n'), rows: [{ itemId: 1, p: 0.5, sampleSize: 10 }] }),
    ).rejects.toThrow('应提供统计文件或统计行之一');
  });
});
