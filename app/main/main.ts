/**
 * Electron main process: one hardened window showing the bundled renderer, the service handlers
 * bound to IPC, and every network path closed. Run with `npm start` on a machine where the Electron
 * binary was installed (see README: packaging happens on a connected build machine).
 */
import { app, BrowserWindow, dialog, ipcMain, session, protocol } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { DesktopHost } from '../services/desktop/host.js';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CHROMIUM_SWITCHES,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAllowedRequest,
  isPermissionGranted,
  secureWebPreferences,
  windowOpenPolicy,
} from './hardening.js';
import { bindDesktop } from './ipc.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '..', 'renderer');

for (const [name, value] of CHROMIUM_SWITCHES) app.commandLine.appendSwitch(name, value);
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(windowOpenPolicy);
});

await app.whenReady();

const host = new DesktopHost({
  dbFile: process.env.QBANK_DB ?? join(app.getPath('userData'), 'qbank.db'),
  chooseFolder: async () => {
    const picked = await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  },
});
app.on('will-quit', () => host.close());

const ses = session.defaultSession;
ses.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionGranted(permission)));
ses.setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission));
ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
ses.webRequest.onHeadersReceived((details, callback) =>
  callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
);
ses.protocol.handle(APP_SCHEME, async (request) => {
  const path = new URL(request.url).pathname.replace(/^\/+/, '') || 'index.html';
  const file = join(rendererDir, path);
  if (!file.startsWith(rendererDir)) return new Response('', { status: 403 });
  try {
    return new Response(await readFile(file), { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
  } catch {
    return new Response('', { status: 404 });
  }
});

bindDesktop(ipcMain, host);

const win = new BrowserWindow({
  width: 1280,
  height: 800,
  title: '题库工作站',
  webPreferences: secureWebPreferences(join(here, '..', 'preload', 'preload.cjs')),
});
await win.loadURL(`${APP_ORIGIN}/index.html`);
