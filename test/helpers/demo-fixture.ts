/**
 * One run of the demo shared by the test files that need a workstation with everything in it (a bank,
 * papers, a signed review, discs): the first file that asks runs `runDemo` into a folder of this vitest
 * run; the others wait for it and copy it. Each copy gets its own anchor folder (anchors are kept per
 * workstation id, and every copy has the demo's), which the caller points QBANK_ANCHOR_DIR at.
 * The folder is removed by the global teardown (test/e2e/global-setup.ts).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CREDENTIALS, runDemo } from '../../app/demo/demo.js';

/** The vitest run: its main process is the parent of every test worker (pool: forks). */
export const demoFixtureDir = (runPid = process.ppid): string => join(tmpdir(), `qbank-demo-fixture-${runPid}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface DemoFixture {
  /** The demo's output folder (database, demo.json, credentials, submission, discs): read only. */
  readonly out: string;
  /** The anchor folder of that workstation. */
  readonly anchors: string;
}

/** The shared demo output, made on first use (about 40 s) and reused by every later caller. */
export async function demoFixture(): Promise<DemoFixture> {
  const dir = demoFixtureDir();
  const fixture = { out: join(dir, 'o'), anchors: join(dir, 'anchors') };
  const done = join(dir, 'done');
  let mine = false;
  try {
    mkdirSync(dir); // atomic: the one that creates it runs the demo
    mine = true;
  } catch {
    for (let waited = 0; !existsSync(done); waited += 250) {
      if (existsSync(join(dir, 'failed'))) throw new Error(`the shared demo failed: ${readFileSync(join(dir, 'failed'), 'utf8')}`);
      if (waited > 600_000) throw new Error('gave up waiting for the shared demo');
      await sleep(250);
    }
  }
  if (mine) {
    const saved = process.env.QBANK_ANCHOR_DIR;
    process.env.QBANK_ANCHOR_DIR = fixture.anchors;
    try {
      await runDemo({ outDir: fixture.out });
      writeFileSync(done, '');
    } catch (e) {
      writeFileSync(join(dir, 'failed'), String((e as Error).stack ?? e));
      throw e;
    } finally {
      if (saved === undefined) delete process.env.QBANK_ANCHOR_DIR;
      else process.env.QBANK_ANCHOR_DIR = saved;
    }
  }
  return fixture;
}

export interface DemoCopy {
  /** The copy's output folder (`<target>/o`) and anchor folder (`<target>/anchors`). */
  readonly out: string;
  readonly anchors: string;
  readonly passphrase: string;
  readonly passwords: Readonly<Record<string, string>>;
  /** The CLI environment acting as `user` on the copy. */
  env(user: string): Record<string, string>;
}

/**
 * A private copy of the shared demo in `target`; also points this process's QBANK_ANCHOR_DIR at the
 * copy's anchors (each test file runs in a process of its own).
 */
export async function demoCopy(target: string): Promise<DemoCopy> {
  const fixture = await demoFixture();
  const out = join(target, 'o');
  const anchors = join(target, 'anchors');
  rmSync(out, { recursive: true, force: true });
  cpSync(fixture.out, out, { recursive: true });
  cpSync(fixture.anchors, anchors, { recursive: true });
  process.env.QBANK_ANCHOR_DIR = anchors;
  const credentials = JSON.parse(readFileSync(join(out, DEMO_CREDENTIALS), 'utf8')) as { passphrase: string; accounts: Record<string, string> };
  return {
    out,
    anchors,
    passphrase: credentials.passphrase,
    passwords: credentials.accounts,
    env: (user) => ({ QBANK_DB: join(out, 'qbank.db'), QBANK_PASSPHRASE: credentials.passphrase, QBANK_USER: user, QBANK_PASSWORD: credentials.accounts[user] ?? '' }),
  };
}
