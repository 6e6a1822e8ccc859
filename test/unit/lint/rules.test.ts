import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The rules that keep the code in shape (issue 12), each shown to reject what it must with the
 * project's own config: an import cycle (import-x/no-cycle) and a file over the line limit
 * (max-lines: 400 for sources, 600 for tests). The layer zones have their fixtures in layers.test.ts.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const CYCLE = join(ROOT, 'test', 'fixtures', 'lint', 'cycle');
const eslint = new ESLint({ cwd: ROOT });
/** The limits set in eslint.config.js. */
const MAX_SOURCE_LINES = 400;
const MAX_TEST_LINES = 600;

async function errors(code: string, as: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, as) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

/** A valid module of exactly `lines` lines (a trailing newline ends the last one). */
function fileOf(lines: number): string {
  const body = Array.from({ length: lines - 1 }, (_, i) => `export const v${String(i)} = ${String(i)};`);
  return [`// ${String(lines)} lines`, ...body].join('\n') + '\n';
}

describe('lint: code shape', () => {
  describe('max-lines', () => {
    it.each(['app/domain/fixture.ts', 'app/services/fixture.ts', 'templates/docx/fixture.ts', 'crypto/fixture.ts', 'media/fixture.ts', 'scripts/fixture.mjs'])(
      'rejects a source file of %s one line over the limit and accepts one at it',
      async (as) => {
        expect(await errors(fileOf(MAX_SOURCE_LINES + 1), as)).toContain('max-lines');
        expect(await errors(fileOf(MAX_SOURCE_LINES), as)).toEqual([]);
      },
    );

    it('counts blank lines and comments too', async () => {
      const padded = fileOf(10) + '\n'.repeat(MAX_SOURCE_LINES - 10) + '// one line too many\n';
      expect(await errors(padded, 'app/domain/fixture.ts')).toContain('max-lines');
    });

    it('gives tests a higher ceiling', async () => {
      expect(await errors(fileOf(MAX_SOURCE_LINES + 1), 'test/unit/fixture.test.ts')).toEqual([]);
      expect(await errors(fileOf(MAX_TEST_LINES + 1), 'test/unit/fixture.test.ts')).toContain('max-lines');
    });
  });

  describe('import-x/no-cycle', () => {
    /** Writes the fixture pair into a fresh folder under app/ (the resolver reads real files), lints `a.ts`, removes the folder. */
    async function lintPair(b: string): Promise<string[]> {
      const dir = mkdtempSync(join(ROOT, 'app', 'domain', '.lint-cycle-'));
      try {
        const a = readFileSync(join(CYCLE, 'a.ts.txt'), 'utf8');
        writeFileSync(join(dir, 'a.ts'), a);
        writeFileSync(join(dir, 'b.ts'), readFileSync(join(CYCLE, b), 'utf8'));
        const [result] = await eslint.lintText(a, { filePath: join(dir, 'a.ts') });
        return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    it('rejects two modules that import each other', async () => {
      expect(await lintPair('b.ts.txt')).toContain('import-x/no-cycle');
    });

    it('accepts a type-only import back (no cycle when the program runs)', async () => {
      expect(await lintPair('b-type-only.ts.txt')).toEqual([]);
    });
  });
});
