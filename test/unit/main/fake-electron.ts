/**
 * A small fake of the Electron objects the main process uses (app, BrowserWindow, session,
 * protocol, ipcMain, dialog, Menu): it records every listener and call, and behaves like Electron
 * where the wiring depends on it — `session.defaultSession` throws before `ready`, and a new
 * BrowserWindow emits `web-contents-created` for its page.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BrowserWindowOptions, ElectronLike, ProtocolRequestLike } from '../../../app/main/electron-like.js';
import type { UtilityProcessLike } from '../../../app/main/svg-child.js';
import type { InvokeEvent } from '../../../app/main/ipc.js';

type Listener = (...args: never[]) => unknown;

const PARENT_PORT_SHIM = fileURLToPath(new URL('./parent-port-shim.cjs', import.meta.url));

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  /** Calls every listener of the event with the arguments, as Electron would. */
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An event as listeners see it: `prevented` tells whether a listener cancelled it. */
export function fakeEvent(url = ''): { url: string; prevented: boolean; preventDefault(): void } {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: (() => { action: string }) | undefined;
  devToolsClosed = 0;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  closeDevTools(): void {
    this.devToolsClosed += 1;
  }
}

export class FakeSession extends FakeEmitter {
  readonly schemes = new Map<string, (request: ProtocolRequestLike) => Promise<Response>>();
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  permissionCheck: ((contents: unknown, permission: string) => boolean) | undefined;
  devicePermission: ((details: unknown) => boolean) | undefined;
  bluetoothPairing: ((details: unknown, callback: (response: { confirmed: boolean }) => void) => void) | undefined;
  beforeRequest: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | undefined;
  spellChecker: boolean | undefined;
  readonly protocol = { handle: (scheme: string, handler: (request: ProtocolRequestLike) => Promise<Response>) => void this.schemes.set(scheme, handler) };
  readonly webRequest = { onBeforeRequest: (listener: NonNullable<FakeSession['beforeRequest']>) => void (this.beforeRequest = listener) };
  setPermissionRequestHandler(handler: NonNullable<FakeSession['permissionRequest']>): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['permissionCheck']>): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: NonNullable<FakeSession['devicePermission']>): void {
    this.devicePermission = handler;
  }
  setBluetoothPairingHandler(handler: NonNullable<FakeSession['bluetoothPairing']>): void {
    this.bluetoothPairing = handler;
  }
  setSpellCheckerEnabled(enable: boolean): void {
    this.spellChecker = enable;
  }
}

export interface FakeOptions {
  readonly packaged?: boolean;
  /** false: another instance holds the lock. */
  readonly lock?: boolean;
  /** Switches on the command line the program was started with. */
  readonly switches?: readonly string[];
  readonly userData?: string;
  readonly picked?: { canceled: boolean; filePaths: string[] };
  /** When given, `ready` comes only once this settles (as in Electron: after the entry module finished). */
  readonly ready?: Promise<void>;
  /** When given, loading the page fails with this message. */
  readonly loadError?: string;
}

/** The fake Electron, and what the wiring did to it. */
export function fakeElectron(options: FakeOptions = {}) {
  const log: string[] = [];
  let ready = false;
  const session = new FakeSession();
  const windows: FakeWindow[] = [];
  const channels = new Map<string, (event: InvokeEvent, payload: unknown) => Promise<unknown>>();
  const dialogCalls: unknown[] = [];
  const errorBoxes: [string, string][] = [];
  const menus: unknown[] = [];
  const schemes: unknown[] = [];

  class FakeApp extends FakeEmitter {
    readonly isPackaged = options.packaged ?? false;
    readonly appended: [string, string | undefined][] = [];
    sandboxed = false;
    quitCalls = 0;
    exitCodes: (number | undefined)[] = [];
    readonly commandLine = {
      appendSwitch: (name: string, value?: string) => {
        log.push(`switch ${name}${ready ? ' after ready' : ''}`);
        this.appended.push([name, value]);
      },
      hasSwitch: (name: string) => (options.switches ?? []).includes(name),
    };
    enableSandbox(): void {
      log.push(`sandbox${ready ? ' after ready' : ''}`);
      this.sandboxed = true;
    }
    requestSingleInstanceLock(): boolean {
      return options.lock ?? true;
    }
    async whenReady(): Promise<void> {
      await options.ready;
      log.push('ready');
      ready = true;
    }
    getPath(name: string): string {
      return name === 'userData' && options.userData !== undefined ? options.userData : `/nowhere/${name}`;
    }
    quit(): void {
      this.quitCalls += 1;
    }
    exit(code?: number): void {
      this.exitCodes.push(code);
    }
  }
  const app = new FakeApp();

  class FakeWindow {
    readonly webContents = new FakeWebContents();
    loaded: string[] = [];
    minimized = true;
    restored = 0;
    focused = 0;
    constructor(readonly options: BrowserWindowOptions) {
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      if (options.loadError !== undefined) throw new Error(options.loadError);
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    restore(): void {
      this.restored += 1;
      this.minimized = false;
    }
    focus(): void {
      this.focused += 1;
    }
  }

  /** utilityProcess.fork: a real Node child with Electron's process.parentPort (parent-port-shim.cjs). */
  const forks: { modulePath: string; args: string[]; options: unknown }[] = [];
  const utilityProcess = {
    fork(modulePath: string, args: string[], forkOptions: unknown): UtilityProcessLike {
      forks.push({ modulePath, args, options: forkOptions });
      const child = fork(modulePath, args, { execArgv: ['--require', PARENT_PORT_SHIM], serialization: 'advanced', stdio: 'ignore' });
      return {
        postMessage: (message) => void child.send(message as never),
        once: (event: 'message' | 'exit', listener: (value: never) => void) => child.once(event, listener as (...args: unknown[]) => void),
        kill: () => child.kill(),
      };
    },
  };

  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, listener: (event: InvokeEvent, payload: unknown) => Promise<unknown>) => void channels.set(channel, listener) },
    session: {
      get defaultSession() {
        if (!ready) throw new Error('session used before app ready');
        return session;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (list: unknown[]) => {
        log.push(`schemes${ready ? ' after ready' : ''}`);
        schemes.push(...list);
      },
    },
    dialog: {
      showOpenDialog: async (opts: unknown) => {
        dialogCalls.push(opts);
        return options.picked ?? { canceled: true, filePaths: [] };
      },
      showErrorBox: (title: string, content: string) => void errorBoxes.push([title, content]),
    },
    Menu: { setApplicationMenu: (menu: null) => void menus.push(menu) },
    utilityProcess,
  } satisfies ElectronLike;

  return { electron, app, session, windows, channels, dialogCalls, errorBoxes, menus, schemes, log, forks };
}

export type FakeElectron = ReturnType<typeof fakeElectron>;
export type FakeWindow = InstanceType<FakeElectron['electron']['BrowserWindow']>;

/** An IPC call from the app's own top frame. */
export const fromApp: InvokeEvent = { senderFrame: { url: 'app://qbank/index.html' } };
