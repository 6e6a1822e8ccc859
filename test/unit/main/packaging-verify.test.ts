import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Fuses from '@electron/fuses';
import { describe, expect, it, vi } from 'vitest';
import { flipPackagedFuses } from '../../../scripts/dist/fuses.js';
import { useTempDir } from '../../helpers/tmp.js';

// A flip that silently does nothing (a wrong path, a changed wire layout): the hook must notice.
vi.mock('@electron/fuses', async (original) => ({ ...(await original<typeof Fuses>()), flipFuses: async () => 1 }));

describe('packaging: afterPack reads the fuses back', () => {
  const tempDir = useTempDir();

  it('fails the build when the binary does not carry the fuses after flipping', async () => {
    const dir = tempDir();
    const wire = [49, 48, 49, 49, 48, 48, 48, 49, 49];
    const binary = Buffer.concat([Buffer.alloc(64, 0x90), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length, ...wire])]);
    writeFileSync(join(dir, 'qbank-workstation'), binary);
    const context = { appOutDir: dir, electronPlatformName: 'linux', packager: { executableName: 'qbank-workstation', appInfo: { productFilename: 'qbank-workstation' } } };
    await expect(flipPackagedFuses(context)).rejects.toThrow(/fuse RunAsNode .* is 49, expected 48/);
  });
});
