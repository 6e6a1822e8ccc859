/**
 * Preload (sandboxed): exposes `window.qbank` with one method per handler name and nothing else.
 * Channel names are the handler names; scripts/build-preload.mjs generates the list from the handlers
 * themselves and defines it above this code, so no other channel exists and no list is kept by hand.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { QbankApi } from './api.js';
import type { HandlerName } from '../services/registry.js';

/** Defined by the build (scripts/build-preload.mjs). */
declare const HANDLER_NAMES: readonly HandlerName[];

type Reply = { value: unknown } | { error: { name: string; message: string } };

const api = Object.fromEntries(
  HANDLER_NAMES.map((name) => [
    name,
    async (input: unknown) => {
      const reply = (await ipcRenderer.invoke(name, input)) as Reply;
      if ('error' in reply) throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
      return reply.value;
    },
  ]),
) as unknown as QbankApi;

contextBridge.exposeInMainWorld('qbank', api);
