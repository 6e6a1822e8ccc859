/**
 * The typed API the preload script exposes: `window.qbank`, one method per service handler, taking
 * the handler's input and resolving to its output (or rejecting with its Chinese message); and
 * `window.qbankDesktop`, the desktop shell's lifecycle methods. Type-only: the renderer imports this
 * file and nothing else of the main side.
 */
import type { z } from 'zod';
import type { DesktopApiOf, Handlers } from '../services/registry.js';

export type QbankApi = {
  [K in keyof Handlers]: (input: z.input<Handlers[K]['input']>) => Promise<Awaited<ReturnType<Handlers[K]['run']>>>;
};

export type DesktopApi = DesktopApiOf;

declare global {
  interface Window {
    readonly qbank: QbankApi;
    readonly qbankDesktop: DesktopApi;
  }
}
