/**
 * The main process, wired: one hardened window showing the bundled renderer over `app://qbank/`,
 * the desktop host bound to IPC, and every other path closed — navigation, redirects, new windows,
 * webviews, permissions, devices, requests that are not the app, devtools in a packaged build and a
 * second instance. `main.ts` calls `startMain` with the real Electron objects; tests call it with
 * fakes and check that each rule is attached (test/unit/main/wire*.test.ts).
 */
import { join } from 'node:path';
import { DesktopHost } from '../services/desktop/host.js';
import { useSvgChildRunner } from '../services/platform/svg-child.js';
import type { AppLike, BrowserWindowLike, ElectronLike, NavigationEvent, PreventableEvent, SessionLike, WebContentsLike } from './electron-like.js';
import {
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  CHROMIUM_SWITCHES,
  DEBUGGING_SWITCHES,
  isAllowedNavigation,
  isAllowedRequest,
  isPermissionGranted,
  secureWebPreferences,
  windowOpenPolicy,
} from './hardening.js';
import { bindDesktop } from './ipc.js';
import { utilitySvgChild } from './svg-child.js';
import { mainMessages } from './messages.js';
import { serveRendererFile } from './renderer-files.js';

export interface MainDeps {
  /** The built renderer (dist/app/renderer). */
  readonly rendererDir: string;
  /** The sandboxed preload (dist/app/preload/preload.cjs). */
  readonly preloadPath: string;
  /** The environment: QBANK_DB names the workstation database (default: userData/qbank.db). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface WiredMain {
  readonly window: BrowserWindowLike;
  readonly host: DesktopHost;
  readonly channels: readonly string[];
}

/**
 * Starts the main process without waiting for it: Electron emits `ready` only after the entry
 * module has finished evaluating, so the entry must not await `whenReady` (it would never come).
 * A failure is shown in a dialog and ends the program.
 */
export function startMain(electron: ElectronLike, deps: MainDeps): Promise<WiredMain | null> {
  return wireMain(electron, deps).catch((error: unknown) => {
    electron.dialog.showErrorBox(mainMessages.startFailed, error instanceof Error ? error.message : String(error));
    electron.app.exit(1);
    return null;
  });
}

/** Runs the main process; null when it does not start (second instance, debugging switch). */
export async function wireMain(electron: ElectronLike, deps: MainDeps): Promise<WiredMain | null> {
  const { app } = electron;
  if (app.isPackaged && DEBUGGING_SWITCHES.some((name) => app.commandLine.hasSwitch(name))) {
    app.exit(1);
    return null;
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  prepareBeforeReady(electron);
  await app.whenReady();

  const session = electron.session.defaultSession;
  guardSession(session);
  session.protocol.handle(APP_SCHEME, (request) => answerAppRequest(deps.rendererDir, request));
  if (app.isPackaged) electron.Menu.setApplicationMenu(null);

  useSvgChildRunner(utilitySvgChild(electron.utilityProcess));
  const host = createHost(electron, deps);
  app.on('will-quit', () => host.close());
  const channels = bindDesktop(electron.ipcMain, host);

  const window = new electron.BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: mainMessages.windowTitle,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(deps.preloadPath, { devTools: !app.isPackaged }),
  });
  app.on('second-instance', () => focusWindow(window));
  await window.loadURL(`${APP_ORIGIN}/index.html`);
  return { window, host, channels };
}

/** What must happen before `ready`: Chromium switches, the sandbox everywhere, the app scheme, the per-page guards. */
function prepareBeforeReady(electron: ElectronLike): void {
  const { app } = electron;
  for (const [name, value] of CHROMIUM_SWITCHES) app.commandLine.appendSwitch(name, value);
  app.enableSandbox();
  electron.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
  app.on('web-contents-created', (_event, contents) => guardContents(contents, app));
}

/** Per page (the window and anything else Chromium creates): stay in the app, open nothing. */
export function guardContents(contents: WebContentsLike, app: Pick<AppLike, 'isPackaged'>): void {
  const stayInApp = (event: NavigationEvent) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenPolicy);
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
  if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
}

/** The session: no permission, no device, no spell-check download, no request outside the app. */
export function guardSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  session.setDevicePermissionHandler(() => false);
  session.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }));
  const refuseDevice = (event: PreventableEvent, _details: unknown, callback: (deviceId?: string) => void) => {
    event.preventDefault();
    callback();
  };
  session.on('select-hid-device', refuseDevice);
  session.on('select-usb-device', refuseDevice);
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}

/** The app scheme: files of the built renderer with their CSP (a fresh nonce per page). */
export async function answerAppRequest(rendererDir: string, request: { readonly url: string; readonly method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const answer = await serveRendererFile(rendererDir, request.url);
  return new Response(answer.status === 200 && request.method === 'GET' ? answer.body : null, { status: answer.status, headers: answer.headers });
}

/** The desktop host on the workstation database ($QBANK_DB or userData/qbank.db) with the folder dialog. */
function createHost(electron: ElectronLike, deps: MainDeps): DesktopHost {
  return new DesktopHost({
    dbFile: deps.env.QBANK_DB ?? join(electron.app.getPath('userData'), 'qbank.db'),
    chooseFolder: async () => {
      const picked = await electron.dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
  });
}

function focusWindow(window: BrowserWindowLike): void {
  if (window.isMinimized()) window.restore();
  window.focus();
}
