/**
 * Leftovers of a crashed output are removed at the next start (login), in every folder outputs went
 * to, and logged as 不完整 — not only when the next output goes to the same place.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../app/services/context.js';
import { writeOutputFile } from '../../../app/services/output/write.js';
import { writeOutputFolder } from '../../../app/services/output/folder.js';
import { login } from '../../../app/services/session/handlers.js';
import { iterateAuditRows } from '../../../app/store/repositories/audit-log.js';
import { useTempDir } from '../../helpers/tmp.js';
import { TEST_PASSWORD, useWorkstation } from '../../helpers/workstation.js';

describe('sweeping crashed outputs at the next start', () => {
  const workstation = useWorkstation();
  const tempDir = useTempDir();

  it('removes partial folders and temporary files where outputs went, and logs them as 不完整', async () => {
    const ws = workstation();
    const ctx = ws.as('liqiang', ['manager']);
    const out = tempDir();
    await writeOutputFolder(ctx, join(out, 'submission'), (f) => void f.write('a.docx', 'x', { classified: true }));
    const single = tempDir();
    writeOutputFile(ctx, single, '登记表.xlsx', 'y', { classified: false });
    // what a crash during the next outputs would leave behind (plaintext documents)
    const partial = join(out, '.submission.partial-0123456789ab');
    mkdirSync(partial);
    writeFileSync(join(partial, '01_题库编制说明.docx'), 'plaintext');
    const tmp = join(single, '.qbank-0123456789ab.tmp');
    writeFileSync(tmp, 'plaintext');
    const keep = join(out, 'notes.tmp');
    writeFileSync(keep, 'the user’s own file');

    await login(createContext(ws.db, { now: ws.now, secret: ws.secret, anchorDir: null }), 'liqiang', TEST_PASSWORD);
    expect(existsSync(partial)).toBe(false);
    expect(existsSync(tmp)).toBe(false);
    expect(existsSync(keep)).toBe(true);
    const swept = [...iterateAuditRows(ws.db)].filter((r) => r.action === 'output.sweep').at(-1)!;
    expect(swept.actor).toBe('liqiang');
    expect([...swept.objects].sort()).toEqual([`file:${partial}`, `file:${tmp}`].sort());
    expect(swept.detail).toContain('不完整');
  });
});
