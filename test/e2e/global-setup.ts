/**
 * Before the tests: builds what the GUI tests load — the renderer (Vite) and the preload script —
 * so they always run against the current source. Skipped when Chromium is not installed (those
 * tests then skip themselves with the reason).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { demoFixtureDir } from '../helpers/demo-fixture.js';

const ROOT = join(import.meta.dirname, '..', '..');

export default async function setup(): Promise<() => void> {
  // the demo run shared by the test files (test/helpers/demo-fixture.ts) is this run's: removed at the end
  const teardown = () => rmSync(demoFixtureDir(process.pid), { recursive: true, force: true });
  if (!existsSync(process.env.QBANK_CHROMIUM ?? '/usr/bin/chromium')) return teardown;
  const { build } = await import('vite');
  // vitest sets NODE_ENV=test, which would give the development builds of React and antd
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    // built beside and swapped in, so a page another test run is loading never finds the folder empty
    const target = join(ROOT, 'dist', 'app', 'renderer');
    const fresh = `${target}.build-${process.pid}`;
    // QBANK_BENCH_PROFILE (scripts/bench/gui.mjs): not minified, so a profile names the functions
    const minify = process.env.QBANK_BENCH_PROFILE === undefined;
    await build({ configFile: join(ROOT, 'app', 'renderer', 'vite.config.ts'), logLevel: 'warn', build: { outDir: fresh, minify } });
    const old = `${target}.old-${process.pid}`;
    if (existsSync(target)) renameSync(target, old);
    renameSync(fresh, target);
    rmSync(old, { recursive: true, force: true });
  } finally {
    process.env.NODE_ENV = env;
  }
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-preload.mjs')], { stdio: 'ignore' });
  return teardown;
}
