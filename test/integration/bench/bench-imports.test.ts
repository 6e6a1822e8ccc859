// The benchmarks under scripts/bench/ are not run by the tests (they measure, and take minutes), so a
// renamed or removed export would break them unnoticed. This test reads every `const { a, b } = await
// dist('x.js')` (or `await import(dist('x.js'))`) line of every benchmark, imports the built module
// and checks each name is exported; the quick benchmarks also run end to end at a small size.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const benchDir = join(root, 'scripts', 'bench');
const IMPORT_LINE = /const\s*\{([^}]*)\}\s*=\s*await\s+(?:import\()?dist\(\s*'([^']+)'\s*\)/g;

function benchFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? benchFiles(join(dir, e.name)) : e.name.endsWith('.mjs') ? [join(dir, e.name)] : [],
  );
}

const uses = benchFiles(benchDir).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(IMPORT_LINE)].map((m) => ({
    bench: relative(root, file),
    module: m[2] ?? '',
    names: (m[1] ?? '').split(',').map((n) => n.trim().split(':')[0]?.trim() ?? '').filter((n) => n !== ''),
  })),
);

describe('benchmarks', () => {
  it('find their imports in the build', async () => {
    expect(uses.length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const use of uses) {
      const file = join(root, 'dist', use.module);
      if (!existsSync(file)) {
        missing.push(`${use.bench}: dist/${use.module} does not exist`);
        continue;
      }
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const name of use.names) if (!(name in mod)) missing.push(`${use.bench}: ${use.module} has no export ${name}`);
    }
    expect(missing).toEqual([]);
  });

  it.each([
    ['import.mjs', '60'],
    ['audit.mjs', '2000', '1000'],
    ['duplicates.mjs', '800', '50'],
    ['search.mjs', '2000', '50'],
    ['disc.mjs', '16', '4', '1'],
  ])('%s runs at a small size', (file, ...args) => {
    const out = execFileSync(process.execPath, [join(benchDir, file), ...args], { encoding: 'utf8', timeout: 60_000 });
    expect(out).not.toMatch(/Error|NaN|undefined/);
    expect(out.trim().length).toBeGreaterThan(0);
  });
});
