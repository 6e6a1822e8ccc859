/**
 * The typed API the preload script exposes as `window.qbank`: one method per service handler,
 * taking the handler's input and resolving to its output (or rejecting with its Chinese message).
 * Type-only: the renderer imports this file and nothing else of the main side.
 */
import type { z } from 'zod';
import type { Handlers } from '../services/registry.js';

export type QbankApi = {
  [K in keyof Handlers]: (input: z.input<Handlers[K]['input']>) => Promise<Awaited<ReturnType<Handlers[K]['run']>>>;
};

declare global {
  interface Window {
    readonly qbank: QbankApi;
  }
}
