/**
 * Binds the desktop host to Electron IPC, once: one channel per handler name and per desktop method
 * (`desktop.<method>`). The sender frame must be the app's own top frame; the payload is validated
 * by the host (each handler's zod schema inside `invoke`, which also checks roles and writes the
 * access log; each desktop method's own schema). Typed against a minimal IPC surface so tests can
 * bind it without Electron.
 */
import { allChannels, answerChannel, type ChannelReply } from '../services/desktop/channels.js';
import type { DesktopHost } from '../services/desktop/host.js';
import { isAllowedNavigation } from './hardening.js';
import { mainMessages } from './messages.js';

export interface InvokeEvent {
  readonly senderFrame: { readonly url: string; readonly parent?: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, payload: unknown) => Promise<unknown>): void;
}

/** Only the app's own top-level frame may call (no subframe, no foreign page). */
export function isTrustedSender(event: InvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isAllowedNavigation(frame.url);
}

export function bindDesktop(ipc: IpcMainLike, host: DesktopHost): readonly string[] {
  const channels = allChannels();
  for (const channel of channels) {
    ipc.handle(channel, async (event, payload): Promise<ChannelReply> => {
      if (!isTrustedSender(event)) {
        return { error: { name: 'ForbiddenSender', message: mainMessages.forbiddenSender(event.senderFrame?.url ?? '') } };
      }
      return answerChannel(host, channel, payload);
    });
  }
  return channels;
}
