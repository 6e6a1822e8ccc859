import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_SWITCHES,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAllowedRequest,
  isPermissionGranted,
  secureWebPreferences,
  windowOpenPolicy,
} from '../../../app/main/hardening.js';

describe('main/hardening', () => {
  it('isolates and sandboxes the renderer without Node', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('lets the renderer connect nowhere', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
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
    expect(windowOpenPolicy()).toEqual({ action: 'deny' });
    expect(['media', 'geolocation', 'notifications', 'usb', 'serial', 'hid', 'clipboard-read'].some(isPermissionGranted)).toBe(false);
  });

  it('switches off Chromium background networking', () => {
    expect(CHROMIUM_SWITCHES.map(([s]) => s)).toEqual(expect.arrayContaining(['disable-background-networking', 'disable-component-update', 'disable-sync']));
  });
});
