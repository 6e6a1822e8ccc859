import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_SWITCHES,
  DEBUGGING_SWITCHES,
  contentSecurityPolicy,
  isAllowedNavigation,
  isAllowedRequest,
  isPermissionGranted,
  secureWebPreferences,
  windowOpenPolicy,
} from '../../../app/main/hardening.js';

/** The CSP as directive → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...sources]) => [name, sources]));
}

describe('main/hardening', () => {
  it('isolates and sandboxes the renderer without Node, webviews or devtools', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(secureWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
  });

  it('lets the renderer connect nowhere and run no inline script or style', () => {
    const csp = directives(contentSecurityPolicy('AAAAAAAAAAAAAAAAAAAAAA=='));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'nonce-AAAAAAAAAAAAAAAAAAAAAA=='"]);
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    for (const name of ['object-src', 'frame-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(csp.get(name), name).toEqual(["'none'"]);
    expect(contentSecurityPolicy()).not.toContain('unsafe');
    expect(contentSecurityPolicy('AAAAAAAAAAAAAAAAAAAAAA==')).not.toContain('unsafe');
    expect(directives(contentSecurityPolicy()).get('style-src')).toEqual(["'self'"]);
  });

  it('refuses a nonce that could break out of the header', () => {
    expect(() => contentSecurityPolicy("x'; script-src *")).toThrow();
    expect(() => contentSecurityPolicy('short')).toThrow();
  });

  it('cancels every request that is not the bundled app or inline data', () => {
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'ws://localhost/', 'file:///etc/passwd', 'ftp://x/', 'app://evil/x', 'not a url']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
    for (const url of ['app://qbank/index.html', 'data:image/png;base64,AA==', 'blob:app://qbank/123']) {
      expect(isAllowedRequest(url), url).toBe(true);
    }
  });

  it('allows navigation only inside the app and denies windows and permissions', () => {
    expect(isAllowedNavigation('app://qbank/#/items')).toBe(true);
    expect(isAllowedNavigation('https://qbank/')).toBe(false);
    expect(isAllowedNavigation('app://evil/')).toBe(false);
    expect(windowOpenPolicy()).toEqual({ action: 'deny' });
    expect(['media', 'geolocation', 'notifications', 'usb', 'serial', 'hid', 'clipboard-read'].some(isPermissionGranted)).toBe(false);
  });

  it('switches off Chromium background networking and knows the debugging switches', () => {
    expect(CHROMIUM_SWITCHES.map(([s]) => s)).toEqual(expect.arrayContaining(['disable-background-networking', 'disable-component-update', 'disable-sync']));
    expect(DEBUGGING_SWITCHES).toEqual(expect.arrayContaining(['remote-debugging-port', 'remote-debugging-pipe', 'inspect']));
  });
});
