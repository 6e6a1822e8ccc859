/**
 * Binds the handler map of app/services to Electron IPC, once. Each channel is a handler name; the
 * sender frame must be the app's own; the payload is validated by `invoke` with the handler's zod
 * schema, which also checks roles and writes the access log. Typed against a minimal IPC surface so
 * tests can bind it without Electron.
 */
import { invoke, type Handler } from '../services/handler.js';
import type { ServiceContext } from '../services/context.js';
import { isAllowedNavigation } from './hardening.js';

export interface InvokeEvent {
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, payload: unknown) => Promise<unknown>): void;
}

/** What crosses the bridge when a call fails: the Chinese message, never a stack. */
export interface IpcFailure {
  readonly error: { readonly name: string; readonly message: string };
}

export function bindHandlers(
  ipc: IpcMainLike,
  handlers: Readonly<Record<string, Handler>>,
  session: () => ServiceContext,
): readonly string[] {
  const channels: string[] = [];
  for (const [name, handler] of Object.entries(handlers)) {
    ipc.handle(name, async (event, payload) => {
      const url = event.senderFrame?.url ?? '';
      if (!isAllowedNavigation(url)) {
        return { error: { name: 'ForbiddenSender', message: `拒绝来自 ${url || '未知页面'} 的调用` } } satisfies IpcFailure;
      }
      try {
        return { value: await invoke(session(), handler, payload) };
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        return { error: { name: err.name, message: err.message } } satisfies IpcFailure;
      }
    });
    channels.push(name);
  }
  return channels;
}
