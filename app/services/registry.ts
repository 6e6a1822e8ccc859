/**
 * The handler map: every use case of the program under its name. Bound once to the CLI, once to
 * Electron IPC (app/main), once to Playwright for GUI tests. No channel names exist elsewhere.
 */
import { bankHandlers } from './banks.js';
import { catalogHandlers } from './catalog.js';
import { itemHandlers } from './items.js';
import { workstationHandlers } from './workstation.js';

export const handlers = {
  ...workstationHandlers,
  ...catalogHandlers,
  ...bankHandlers,
  ...itemHandlers,
} as const;

export type Handlers = typeof handlers;
export type HandlerName = keyof Handlers;
