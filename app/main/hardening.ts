/**
 * Security policy of the Electron main process as pure functions, so that tests check them under
 * plain Node (the Electron binary cannot be downloaded on these machines). The window loads only
 * the bundled renderer; nothing may navigate, open windows, ask for permissions or reach a network
 * (规程第十一条: the workstation is physically disconnected; the program must not even try).
 */

/** The scheme the bundled renderer is served from. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://qbank`;

/** BrowserWindow webPreferences (Electron security checklist). */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    enableWebSQL: false,
    safeDialogs: true,
  } as const;
}

/** Content-Security-Policy of every renderer response: own origin only, no connections at all. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Only the bundled app and inline data may be requested; everything else is cancelled. */
export function isAllowedRequest(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === `${APP_SCHEME}:`) return u.host === 'qbank';
    return u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:';
  } catch {
    return false;
  }
}

/**
 * In-page navigation is allowed only within the app. (The WHATWG URL origin of a custom scheme is
 * `null`, so scheme and host are compared instead.)
 */
export function isAllowedNavigation(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'qbank';
  } catch {
    return false;
  }
}

/** Every permission request (camera, geolocation, notifications, USB, serial, HID …) is denied. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/** window.open and target=_blank never create a window. */
export function windowOpenPolicy(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Command-line switches that keep Chromium itself from reaching for the network. */
export const CHROMIUM_SWITCHES: readonly (readonly [string, string?])[] = [
  ['disable-background-networking'],
  ['disable-component-update'],
  ['disable-sync'],
  ['disable-quic'],
  ['no-pings'],
  ['disable-domain-reliability'],
  ['disable-breakpad'],
  ['proxy-server', '127.0.0.1:9'],
  ['proxy-bypass-list', '<-loopback>'],
];
