/**
 * The handler map: every use case of the program under its name. Bound once to the CLI, once to
 * Electron IPC (app/main), once to Playwright for GUI tests. No channel names exist elsewhere.
 */
import { accessHandlers } from './access.js';
import { assemblyHandlers } from './assembly/handlers.js';
import { accountHandlers } from './accounts.js';
import { auditHandlers } from './audit-handlers.js';
import { bankHandlers } from './banks.js';
import { catalogHandlers } from './catalog.js';
import { documentHandlers } from './documents/handlers.js';
import { elementFileHandlers } from './element-files.js';
import { importHandlers } from './import-items.js';
import { itemHandlers } from './items.js';
import { outputPolicyHandlers } from './output-policy.js';
import { peopleHandlers } from './people.js';
import { policyHandlers } from './policy.js';
import { qualityHandlers } from './quality.js';
import { searchHandlers } from './search.js';
import { sessionHandlers } from './session.js';
import { workstationHandlers } from './workstation.js';

const base = {
  ...workstationHandlers,
  ...sessionHandlers,
  ...policyHandlers,
  ...outputPolicyHandlers,
  ...accountHandlers,
  ...peopleHandlers,
  ...accessHandlers,
  ...catalogHandlers,
  ...bankHandlers,
  ...elementFileHandlers,
  ...itemHandlers,
  ...importHandlers,
  ...searchHandlers,
  ...qualityHandlers,
  ...assemblyHandlers,
  ...documentHandlers,
} as const;

/** Chinese names of the actions, for the registers the 安全审计员 exports. */
const actionNames = (): Readonly<Record<string, string>> =>
  Object.fromEntries(Object.values(handlers).map((h) => [h.name, h.summary]));

export const handlers = { ...base, ...auditHandlers(actionNames) } as const;

export type Handlers = typeof handlers;
export type HandlerName = keyof Handlers;
