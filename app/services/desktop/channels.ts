/**
 * One answer per IPC channel, the same for Electron and for the GUI tests: a handler name runs the
 * handler as the logged-in user, `desktop.<method>` runs a lifecycle method. A failure crosses as
 * its name and Chinese message only — never a stack or a path the renderer did not give.
 */
import { handlers } from '../registry.js';
import type { DesktopHost } from './host.js';
import { DESKTOP_METHODS, desktopChannel, type DesktopMethod } from './methods.js';

export type ChannelReply = { readonly value: unknown } | { readonly error: { readonly name: string; readonly message: string } };

/** Every channel the shell binds: the handler names, then `desktop.<method>`. */
export function allChannels(): string[] {
  return [...Object.keys(handlers), ...DESKTOP_METHODS.map(desktopChannel)];
}

const desktopByChannel = new Map<string, DesktopMethod>(DESKTOP_METHODS.map((m) => [desktopChannel(m), m]));

export async function answerChannel(host: DesktopHost, channel: string, payload: unknown): Promise<ChannelReply> {
  try {
    const method = desktopByChannel.get(channel);
    const value = method === undefined ? await host.call(channel, payload) : await host.dispatch(method, payload);
    return { value };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    return { error: { name: err.name, message: err.message } };
  }
}
