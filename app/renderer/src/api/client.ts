/**
 * The renderer's only way to the program: `window.qbank` (one method per handler) and
 * `window.qbankDesktop` (first run, unlock, login, lock, jobs), both exposed by the preload.
 */
import type { DesktopApi, QbankApi } from '../../../preload/api.js';

export const api: QbankApi = new Proxy({} as QbankApi, {
  get: (_t, name: string) => (window.qbank as unknown as Record<string, unknown>)[name],
});

export const desktop: DesktopApi = new Proxy({} as DesktopApi, {
  get: (_t, name: string) => (window.qbankDesktop as unknown as Record<string, unknown>)[name],
});

/** The Chinese message a service raised (shown as it is, the same words the CLI prints). */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** The kind of failure (PermissionDeniedError, ValidationError, …) for choosing how to show it. */
export function errorName(e: unknown): string {
  return e instanceof Error ? e.name : 'Error';
}

export type { DesktopApi, QbankApi };
