import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_SCHEME, CHROMIUM_SWITCHES, secureWebPreferences } from '../../../app/main/hardening.js';
import { startMain, wireMain, type MainDeps, type WiredMain } from '../../../app/main/wire.js';
import { allChannels } from '../../../app/services/desktop/channels.js';
import { useTempDir } from '../../helpers/tmp.js';
import { FakeWebContents, fakeElectron, fakeEvent, fromApp, type FakeOptions } from './fake-electron.js';

describe('main/wire: wireMain attaches every rule to the Electron objects', () => {
  const tempDir = useTempDir();
  const wired: WiredMain[] = [];
  afterEach(() => wired.splice(0).forEach((w) => w.host.close()));

  function deps(env: Record<string, string> = {}): MainDeps {
    const rendererDir = join(tempDir(), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<meta name="csp-nonce" content="__CSP_NONCE__">');
    return { rendererDir, preloadPath: '/app/preload/preload.cjs', env };
  }

  async function start(options: FakeOptions = {}, env: Record<string, string> = {}) {
    const fake = fakeElectron({ userData: tempDir(), ...options });
    const result = await wireMain(fake.electron, deps(env));
    if (result) wired.push(result);
    return { ...fake, result };
  }

  /** The window's page, and a page Chromium creates later (devtools, a popup attempt): both guarded. */
  async function pages(options: FakeOptions = {}) {
    const fake = await start(options);
    const later = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, later);
    const [window] = fake.windows;
    if (!window) throw new Error('no window');
    return { ...fake, contents: [window.webContents, later] };
  }

  it('appends every Chromium switch, enables the sandbox and registers the app scheme before ready', async () => {
    const { app, schemes, log } = await start();
    expect(app.appended).toEqual(CHROMIUM_SWITCHES.map(([name, value]) => [name, value]));
    expect(app.sandboxed).toBe(true);
    expect(schemes).toEqual([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
    expect(log.indexOf('ready')).toBe(log.length - 1);
  });

  it('keeps every page in the app: navigation, frame navigation and redirects elsewhere are prevented', async () => {
    const { contents } = await pages();
    for (const page of contents) {
      for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
        const away = fakeEvent('https://example.com/');
        page.emit(name, away);
        expect(away.prevented, name).toBe(true);
        const inside = fakeEvent('app://qbank/index.html#/items');
        page.emit(name, inside);
        expect(inside.prevented, name).toBe(false);
      }
    }
  });

  it('refuses every webview and every new window', async () => {
    const { contents } = await pages();
    for (const page of contents) {
      const attach = fakeEvent();
      page.emit('will-attach-webview', attach, {}, { src: 'https://example.com/' });
      expect(attach.prevented).toBe(true);
      expect(page.windowOpenHandler?.()).toEqual({ action: 'deny' });
    }
  });

  it('refuses bluetooth, HID, USB and serial device choosers', async () => {
    const { contents, session } = await pages();
    const chosen: unknown[][] = [];
    for (const page of contents) {
      const e = fakeEvent();
      page.emit('select-bluetooth-device', e, [{ deviceId: 'b1' }], (...id: unknown[]) => chosen.push(['bluetooth', ...id]));
      expect(e.prevented).toBe(true);
    }
    for (const name of ['select-hid-device', 'select-usb-device']) {
      const e = fakeEvent();
      session.emit(name, e, { deviceList: [{ deviceId: 'd1' }] }, (...id: unknown[]) => chosen.push([name, ...id]));
      expect(e.prevented, name).toBe(true);
    }
    const serial = fakeEvent();
    session.emit('select-serial-port', serial, [{ portId: 'p1' }], {}, (...id: unknown[]) => chosen.push(['serial', ...id]));
    expect(serial.prevented).toBe(true);
    expect(chosen).toEqual([['bluetooth', ''], ['bluetooth', ''], ['select-hid-device'], ['select-usb-device'], ['serial', '']]);
  });

  it('denies every permission request and check, every device permission and bluetooth pairing', async () => {
    const { session } = await start();
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal']) {
      session.permissionRequest?.({}, permission, (granted) => answers.push(granted));
      expect(session.permissionCheck?.({}, permission), permission).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false, false]);
    expect(session.devicePermission?.({ deviceType: 'usb', origin: 'app://qbank' })).toBe(false);
    const pairing: unknown[] = [];
    session.bluetoothPairing?.({ pairingKind: 'confirm' }, (r) => pairing.push(r));
    expect(pairing).toEqual([{ confirmed: false }]);
    expect(session.spellChecker).toBe(false);
  });

  it('cancels every request that is not the app', async () => {
    const { session } = await start();
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      session.beforeRequest?.({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('https://example.com/')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
    expect(verdict('http://127.0.0.1:9/')).toBe(true);
    expect(verdict('app://qbank/assets/index.js')).toBe(false);
  });

  it('serves the renderer over app:// with a fresh CSP nonce per page and refuses other methods', async () => {
    const { session } = await start();
    const handler = session.schemes.get(APP_SCHEME);
    if (!handler) throw new Error('app scheme not handled');
    const page = await handler({ url: 'app://qbank/index.html', method: 'GET' });
    expect(page.status).toBe(200);
    const nonce = /content="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(page.headers.get('Content-Security-Policy')).toContain(`style-src 'self' 'nonce-${nonce}'`);
    const again = await handler({ url: 'app://qbank/index.html', method: 'GET' });
    expect(again.headers.get('Content-Security-Policy')).not.toContain(nonce);
    expect((await handler({ url: 'app://qbank/%2e%2e/%2e%2e/etc/passwd', method: 'GET' })).status).toBe(404);
    expect((await handler({ url: 'app://qbank/..%2f..%2fsecret.js', method: 'GET' })).status).toBe(403);
    expect((await handler({ url: 'app://qbank/index.html', method: 'POST' })).status).toBe(405);
  });

  it('binds the desktop host on userData/qbank.db, checks the sender and offers the folder dialog', async () => {
    const userData = tempDir();
    const { channels, dialogCalls } = await start({ userData, picked: { canceled: false, filePaths: ['/media/cdrom'] } });
    expect([...channels.keys()].sort()).toEqual(allChannels().sort());
    const state = (await channels.get('desktop.state')?.(fromApp, {})) as { value: { dbFile: string; stage: string } };
    expect(state.value).toMatchObject({ dbFile: join(userData, 'qbank.db'), stage: 'new' });
    const foreign = (await channels.get('desktop.state')?.({ senderFrame: { url: 'https://example.com/' } }, {})) as { error: { name: string } };
    expect(foreign.error.name).toBe('ForbiddenSender');
    const folder = (await channels.get('desktop.chooseFolder')?.(fromApp, {})) as { value: { path: string } };
    expect(folder.value.path).toBe('/media/cdrom');
    expect(dialogCalls).toEqual([{ properties: ['openDirectory', 'createDirectory'] }]);
  });

  it('takes the database from QBANK_DB when set, and answers a cancelled dialog with no folder', async () => {
    const db = join(tempDir(), 'elsewhere.db');
    const { channels } = await start({}, { QBANK_DB: db });
    const state = (await channels.get('desktop.state')?.(fromApp, {})) as { value: { dbFile: string } };
    expect(state.value.dbFile).toBe(db);
    const folder = (await channels.get('desktop.chooseFolder')?.(fromApp, {})) as { value: { path: string | null } };
    expect(folder.value.path).toBeNull();
  });

  it('opens one window with the secure web preferences on app://qbank/index.html, and closes the host on quit', async () => {
    const { windows, app, result } = await start();
    expect(windows).toHaveLength(1);
    expect(windows[0]?.options.webPreferences).toEqual(secureWebPreferences('/app/preload/preload.cjs', { devTools: true }));
    expect(windows[0]?.options.title).toBe('题库工作站');
    expect(windows[0]?.loaded).toEqual(['app://qbank/index.html']);
    expect(app.count('will-quit')).toBe(1);
    let closed = 0;
    const host = result?.host;
    if (!host) throw new Error('not wired');
    const close = host.close.bind(host);
    host.close = () => {
      closed += 1;
      close();
    };
    app.emit('will-quit', {});
    expect(closed).toBe(1);
  });

  it('packaged: no devtools (off in the page, closed if opened anyway) and no application menu', async () => {
    const { windows, contents, menus } = await pages({ packaged: true });
    expect(windows[0]?.options.webPreferences.devTools).toBe(false);
    for (const page of contents) {
      page.emit('devtools-opened');
      expect(page.devToolsClosed).toBe(1);
    }
    expect(menus).toEqual([null]);
  });

  it('in development devtools stay available', async () => {
    const { contents, menus } = await pages({ packaged: false });
    for (const page of contents) {
      page.emit('devtools-opened');
      expect(page.devToolsClosed).toBe(0);
    }
    expect(menus).toEqual([]);
  });

  it('a packaged build started with a debugging switch exits before anything else', async () => {
    for (const name of ['remote-debugging-port', 'remote-debugging-pipe', 'inspect', 'inspect-brk', 'js-flags']) {
      const { app, result, windows, channels, log } = await start({ packaged: true, switches: [name] });
      expect(result, name).toBeNull();
      expect(app.exitCodes, name).toEqual([1]);
      expect([windows.length, channels.size, log.length], name).toEqual([0, 0, 0]);
    }
    const dev = await start({ packaged: false, switches: ['remote-debugging-port'] });
    expect(dev.result).not.toBeNull();
  });

  it('a start that fails is shown in a dialog and ends the program', async () => {
    const fake = fakeElectron({ userData: tempDir(), loadError: '渲染文件缺失' });
    const result = await startMain(fake.electron, deps());
    expect(result).toBeNull();
    expect(fake.errorBoxes).toEqual([['题库工作站无法启动', '渲染文件缺失']]);
    expect(fake.app.exitCodes).toEqual([1]);
    const fine = fakeElectron({ userData: tempDir() });
    const ok = await startMain(fine.electron, deps());
    if (ok) wired.push(ok);
    expect([ok === null, fine.errorBoxes.length, fine.app.exitCodes.length]).toEqual([false, 0, 0]);
  });

  it('a second instance quits without wiring anything; the first brings its window forward', async () => {
    const second = await start({ lock: false });
    expect(second.result).toBeNull();
    expect(second.app.quitCalls).toBe(1);
    expect([second.windows.length, second.channels.size, second.log.length]).toEqual([0, 0, 0]);

    const first = await start();
    const [window] = first.windows;
    first.app.emit('second-instance', {}, ['qbank'], '/');
    expect([window?.restored, window?.focused]).toEqual([1, 1]);
    first.app.emit('second-instance', {}, ['qbank'], '/');
    expect([window?.restored, window?.focused]).toEqual([1, 2]);
  });
});
