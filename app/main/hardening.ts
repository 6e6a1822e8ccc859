/**
 * Security policy of the Electron main process as pure functions, so that tests check them under
 * plain Node (the Electron binary cannot be downloaded on these machines). The window loads only
 * the bundled renderer; nothing may navigate, open windows, ask for permissions or devices, or reach
 * a network (规程第十一条: the workstation is physically disconnected; the program must not even try).
 * `wire.ts` attaches these rules to the Electron objects.
 */

/** The scheme the bundled renderer is served from. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'qbank';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Privileges of the app scheme: a standard, secure origin of its own (same-origin ES modules load). */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true } as const;

/** BrowserWindow webPreferences (Electron security checklist); devtools only in development. */
export function secureWebPreferences(preloadPath: string, options: { readonly devTools: boolean } = { devTools: false }) {
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
    devTools: options.devTools,
  } as const;
}

/**
 * Content-Security-Policy of every renderer response: own origin only, no connections at all, no
 * inline script and no inline style — antd's CSS-in-JS styles carry the per-response `nonce`
 * (the renderer reads it from `<meta name="csp-nonce">`, see renderer-files.ts).
 */
export function contentSecurityPolicy(nonce?: string): string {
  if (nonce !== undefined && !/^[A-Za-z0-9+/]{16,}={0,2}$/.test(nonce)) throw new Error(`not a base64 nonce: ${nonce}`);
  return [
    "default-src 'self'",
    "script-src 'self'",
    nonce === undefined ? "style-src 'self'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'none'",
    "media-src 'none'",
    "manifest-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Only the bundled app and inline data may be requested; everything else is cancelled. */
export function isAllowedRequest(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST;
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
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
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

/**
 * Switches that open the program to a debugger from outside. The fuses switch off Node's own
 * (`--inspect…`, NODE_OPTIONS); Chromium's remote debugging is refused here: a packaged build given
 * one of these exits before it opens a window or the database.
 */
export const DEBUGGING_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'inspect', 'inspect-brk', 'inspect-port', 'js-flags'] as const;
