/**
 * The renderer's side of the Content-Security-Policy (no 'unsafe-inline', no eval):
 * - zod compiles validators with `new Function` unless told not to: this module, imported first,
 *   switches that off before any schema of app/domain is built;
 * - antd's styles carry the per-response nonce (ConfigProvider `csp`), but a few of its helpers
 *   (scroll-bar measuring, scroll locking) create `<style>` elements without it. Every `<style>`
 *   this bundle creates gets the nonce, so none is refused. Markup injected into the page is still
 *   refused: it does not pass through `createElement`.
 */
import { z } from 'zod';

z.config({ jitless: true });

export const nonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';

const createElement = Document.prototype.createElement;
Document.prototype.createElement = function (this: Document, tagName: string, options?: ElementCreationOptions) {
  const element = Reflect.apply(createElement, this, [tagName, options]) as HTMLElement;
  if (nonce !== '' && element instanceof HTMLStyleElement) element.nonce = nonce;
  return element;
} as typeof Document.prototype.createElement;
