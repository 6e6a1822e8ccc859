// vitest settings of the GUI bench only (scripts/bench/gui.mjs): one file, no other tests, the GUI
// tests' global setup (builds the renderer and preload).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/bench/gui/gui.bench.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 1_800_000,
  },
});
