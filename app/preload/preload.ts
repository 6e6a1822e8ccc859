/**
 * Preload (sandboxed): exposes `window.qbank` with one method per handler name and nothing else.
 * Channel names are the handler names; the list is passed in by the build so no other channel exists.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { QbankApi } from './api.js';
import { HANDLER_NAMES } from './handler-names.js';

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
