/**
 * The parts of Electron the main process uses, as small structural interfaces: `main.ts` passes the
 * real objects (the compiler checks they fit), tests pass fakes, so the wiring runs under plain
 * Node without the Electron binary. Only what `wire.ts` calls is listed.
 */
import type { IpcMainLike } from './ipc.js';
import type { UtilityProcessModuleLike } from './svg-child.js';

/** An event a listener may cancel; navigation events carry the target URL. */
export interface PreventableEvent {
  preventDefault(): void;
}

export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  on(event: 'select-bluetooth-device', listener: (event: PreventableEvent, devices: unknown[], callback: (deviceId: string) => void) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  closeDevTools(): void;
}

export interface AppLike {
  readonly isPackaged: boolean;
  readonly commandLine: { appendSwitch(name: string, value?: string): void; hasSwitch(name: string): boolean };
  enableSandbox(): void;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  getPath(name: 'userData'): string;
  quit(): void;
  exit(exitCode?: number): void;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'will-quit', listener: () => void): unknown;
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

export interface BrowserWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  autoHideMenuBar: boolean;
  webPreferences: Record<string, unknown>;
}

export type BrowserWindowConstructorLike = new (options: BrowserWindowOptions) => BrowserWindowLike;

/** A request the app scheme's handler answers (the Fetch API Request Electron passes). */
export interface ProtocolRequestLike {
  readonly url: string;
  readonly method: string;
}

type RefuseDevice = (event: PreventableEvent, details: unknown, callback: (deviceId?: string) => void) => void;

export interface SessionLike {
  readonly protocol: { handle(scheme: string, handler: (request: ProtocolRequestLike) => Promise<Response>): void };
  readonly webRequest: {
    onBeforeRequest(listener: (details: { readonly url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  setBluetoothPairingHandler(handler: (details: unknown, callback: (response: { confirmed: boolean }) => void) => void): void;
  setSpellCheckerEnabled(enable: boolean): void;
  on(event: 'select-hid-device' | 'select-usb-device', listener: RefuseDevice): unknown;
  on(event: 'select-serial-port', listener: (event: PreventableEvent, ports: unknown[], webContents: unknown, callback: (portId: string) => void) => void): unknown;
}

export interface OpenDialogResult {
  readonly canceled: boolean;
  readonly filePaths: readonly string[];
}

export interface ElectronLike {
  readonly app: AppLike;
  readonly BrowserWindow: BrowserWindowConstructorLike;
  readonly ipcMain: IpcMainLike;
  readonly session: { readonly defaultSession: SessionLike };
  readonly protocol: { registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void };
  readonly dialog: {
    showOpenDialog(options: { properties: ('openDirectory' | 'createDirectory')[] }): Promise<OpenDialogResult>;
    showErrorBox(title: string, content: string): void;
  };
  readonly Menu: { setApplicationMenu(menu: null): void };
  /** Node children of the program (the SVG renderer), since the packaged Electron cannot run as Node. */
  readonly utilityProcess: UtilityProcessModuleLike;
}
