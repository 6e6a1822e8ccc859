import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Each fixture says where it pretends to live (`// lint-as:`) and which rule must reject it
 * (`// expect:`), or `nothing` for an allowed import. They are linted with the project's own config.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'lint');
const eslint = new ESLint({ cwd: ROOT });

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.ts.txt'))
  .map((file) => {
    const code = readFileSync(join(FIXTURES, file), 'utf8');
    const as = /^\/\/ lint-as: (.+)$/m.exec(code)?.[1] ?? '';
    const expectRule = /^\/\/ expect: (.+)$/m.exec(code)?.[1] ?? '';
    return { file, code, as, expectRule };
  });

describe('lint: layers and air gap', () => {
  it('has fixtures for every kind of violation', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  it.each(fixtures)('$file → $expectRule', async ({ code, as, expectRule }) => {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, as) });
    const rules = (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId);
    if (expectRule === 'nothing') expect(rules).toEqual([]);
    else expect(rules).toContain(expectRule);
  });
});
