/**
 * Preload (sandboxed): exposes `window.qbank` with one method per handler name and
 * `window.qbankDesktop` with one method per desktop method (first run, unlock, login, lock, jobs),
 * and nothing else. scripts/build-preload.mjs generates both name lists from the source (the
 * handlers' own names, app/services/desktop/methods.ts) and defines them above this code, so no
 * other channel exists and no list is kept by hand.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi, QbankApi } from './api.js';
import type { HandlerName } from '../services/registry.js';

/** Defined by the build (scripts/build-preload.mjs). */
declare const HANDLER_NAMES: readonly HandlerName[];
declare const DESKTOP_METHODS: readonly (keyof DesktopApi)[];

type Reply = { value: unknown } | { error: { name: string; message: string } };

async function send(channel: string, input: unknown): Promise<unknown> {
  const reply = (await ipcRenderer.invoke(channel, input)) as Reply;
  if ('error' in reply) throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
  return reply.value;
}

const api = Object.fromEntries(HANDLER_NAMES.map((name) => [name, (input: unknown) => send(name, input)])) as unknown as QbankApi;
const desktop = Object.fromEntries(DESKTOP_METHODS.map((m) => [m, (input: unknown) => send(`desktop.${m}`, input ?? {})])) as unknown as DesktopApi;

contextBridge.exposeInMainWorld('qbank', api);
contextBridge.exposeInMainWorld('qbankDesktop', desktop);
