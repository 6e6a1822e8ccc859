import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the GUI tests load the built renderer and preload: build them once before any test runs
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    // audit anchors of test workstations go to a temporary folder, never to the profile of the OS account
    env: { QBANK_ANCHOR_DIR: join(tmpdir(), 'qbank-test-anchors') },
    // the console as usual, and a JSON report the conformance report reads its last results from
    // (`qbank conformance`, app/services/conformance/sources.ts); a run of some files replaces it
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
