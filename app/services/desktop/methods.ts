/**
 * The calls of the desktop shell beside the handlers: the workstation and session lifecycle, long
 * jobs and the folder picker. The preload exposes exactly these as `window.qbankDesktop` (the build
 * reads this list); each is bound to the IPC channel `desktop.<method>`.
 */
export const DESKTOP_METHODS = ['state', 'create', 'open', 'login', 'logout', 'lock', 'startJob', 'job', 'cancelJob', 'chooseFolder'] as const;

export type DesktopMethod = (typeof DESKTOP_METHODS)[number];

/** IPC channel of a desktop method (no handler name starts with `desktop.`). */
export const desktopChannel = (method: DesktopMethod): string => `desktop.${method}`;
