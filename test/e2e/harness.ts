/**
 * The GUI under test: Debian's Chromium driven by playwright-core, showing the Vite build of the
 * renderer, with the real preload script (dist/app/preload/preload.cjs) installed in the page and its
 * IPC bound — through `exposeBinding` — to a real DesktopHost over a real temporary database. Every
 * request that is not the app is aborted and recorded (the page must make none); console errors and
 * CSP violations are recorded too.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { useAirGapView } from '../../app/services/airgap/handlers.js';
import { answerChannel } from '../../app/services/desktop/channels.js';
import { DesktopHost, type DesktopHostOptions } from '../../app/services/desktop/host.js';
import { serveRendererFile } from '../../app/main/renderer-files.js';
import type { AirGapView } from '../../media/air-gap.js';
import { cleanAirGap } from './airgap-views.js';
import { BROWSER_WIRE, fromWire, toWire } from './wire.js';

export const CHROMIUM = process.env.QBANK_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
const ROOT = join(import.meta.dirname, '..', '..');
export const RENDERER_DIR = join(ROOT, 'dist', 'app', 'renderer');
const PRELOAD = join(ROOT, 'dist', 'app', 'preload', 'preload.cjs');
/** Where the page is served from in tests (Electron uses app://qbank; Chromium cannot route a custom scheme). */
export const TEST_ORIGIN = 'http://qbank.test';
/** Screenshots: committed ones under test/e2e/screenshots when QBANK_SCREENSHOTS=1, else a temp folder. */
export const SCREENSHOT_DIR = process.env.QBANK_SCREENSHOTS === '1' ? join(import.meta.dirname, 'screenshots') : join(ROOT, 'dist', 'e2e-screenshots');

/** Flags that keep Chromium itself off the network (the machine refuses it anyway). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

export interface Gui {
  readonly page: Page;
  readonly host: DesktopHost;
  /** URLs the page tried to reach outside the app (must stay empty). */
  readonly blocked: string[];
  /** Console errors, page errors and CSP violations. */
  readonly errors: string[];
  /** Every call the page made through the bridge, with its time in the host (ms). */
  readonly calls: { readonly channel: string; readonly ms: number; readonly startedAt: number }[];
  /** Saves a screenshot of the page as <name>.png. */
  screenshot(name: string): Promise<string>;
  /** Loads the app (again) at a route, e.g. '/' or '/banks/1/items'. */
  open(route?: string): Promise<void>;
  close(): Promise<void>;
}

let browser: Promise<Browser> | null = null;

/** Reports each CSP violation as a console error naming the directive and the element. */
const CSP_REPORTER = `document.addEventListener('securitypolicyviolation', (e) => {
  const t = e.target && e.target.outerHTML ? e.target.outerHTML.slice(0, 200) : String(e.target);
  console.error('CSP violation: ' + e.violatedDirective + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + ' on ' + t);
});`;

function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return browser;
}

/** Installs the real preload in the page, its `require('electron')` answered by the test binding. */
function preloadScript(): string {
  const preload = readFileSync(PRELOAD, 'utf8');
  return `(() => {
${BROWSER_WIRE}
const electron = {
  contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: Object.freeze(api), enumerable: true }) },
  ipcRenderer: { invoke: async (channel, payload) => fromWire(await window.__qbankIpc(channel, toWire(payload))) },
};
const module = { exports: {} };
(function (require, exports, module) {
${preload}
})((id) => { if (id === 'electron') return electron; throw new Error('sandboxed preload cannot require ' + id); }, module.exports, module);
})();`;
}

export interface GuiOptions extends DesktopHostOptions {
  /** Holds the answers of a channel until the promise it returns settles (a slow call, as on a big bank). */
  readonly hold?: (channel: string) => Promise<void> | undefined;
  /** What the air-gap check sees (default: a clean machine; airgap-views.ts). */
  readonly airGap?: AirGapView;
}

export async function launchGui(options: GuiOptions): Promise<Gui> {
  const { hold, airGap, ...hostOptions } = options;
  // the test machine is on a network: without this every screen would open the air-gap dialog
  useAirGapView(airGap ?? cleanAirGap);
  const host = new DesktopHost({ anchorDir: null, ...hostOptions });
  const blocked: string[] = [];
  const errors: string[] = [];
  const calls: { channel: string; ms: number; startedAt: number }[] = [];
  const context: BrowserContext = await (await sharedBrowser()).newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 1,
    // the system's "reduce motion": the app turns antd's animations off, so no click lands on a moving dialog
    reducedMotion: 'reduce',
  });
  await context.exposeBinding('__qbankIpc', async (_source, channel: string, payload: unknown) => {
    const start = performance.now();
    const startedAt = Date.now();
    const reply = await answerChannel(host, channel, fromWire(payload));
    await hold?.(channel);
    calls.push({ channel, ms: performance.now() - start, startedAt });
    return toWire(reply);
  });
  await context.addInitScript({ content: preloadScript() });
  await context.addInitScript({ content: CSP_REPORTER });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${TEST_ORIGIN}/`)) {
      blocked.push(url);
      return route.abort('blockedbyclient');
    }
    const reply = await serveRendererFile(RENDERER_DIR, url.replace(TEST_ORIGIN, 'app://qbank'));
    return route.fulfill({ status: reply.status, headers: reply.headers, body: Buffer.from(reply.body) });
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    // the test origin is plain http (Electron's app:// is a secure origin): Chromium ignores COOP there
    if (m.type() === 'error' && !m.text().startsWith('The Cross-Origin-Opener-Policy header has been ignored')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    page,
    host,
    blocked,
    errors,
    calls,
    async screenshot(name) {
      const file = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async open(route = '/') {
      await page.goto(`${TEST_ORIGIN}/index.html#${route}`);
    },
    async close() {
      await context.close();
      host.close();
    },
  };
}

/** Closes the shared browser (afterAll of each e2e file). */
export async function closeBrowser(): Promise<void> {
  const b = browser;
  browser = null;
  if (b) await (await b).close();
}
