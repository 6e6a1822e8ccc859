/**
 * Electron main process entry: hands the real Electron objects to `startMain` (wire.ts), which opens
 * one hardened window on the bundled renderer and binds the desktop host to IPC. Nothing else lives
 * here, so the tests cover the wiring with fakes. Not awaited: Electron emits `ready` only once this
 * module has finished evaluating. Run with `npm start` where the Electron binary was installed;
 * packaged by `npm run dist` (scripts/dist/) on a connected build machine.
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session, utilityProcess } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMain } from './wire.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The running main process (tests wait for it; Electron does not). */
export const started = startMain(
  { app, BrowserWindow, Menu, dialog, ipcMain, protocol, session, utilityProcess },
  { rendererDir: join(here, '..', 'renderer'), preloadPath: join(here, '..', 'preload', 'preload.cjs'), env: process.env },
);
