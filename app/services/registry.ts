/**
 * The handler map: every use case of the program under its name. Bound once to the CLI, once to
 * Electron IPC (app/main), once to Playwright for GUI tests. Each capability folder collects its
 * handlers under their own names (`handlerMap`); no name is written anywhere else.
 */
import { accessHandlers } from './access/handlers.js';
import { assemblyHandlers } from './assembly/handlers.js';
import { accountHandlers } from './accounts/handlers.js';
import { auditHandlers } from './audit/handlers.js';
import { bankHandlers } from './banks/handlers.js';
import { catalogHandlers } from './catalog/handlers.js';
import { conformanceHandlers } from './conformance/handlers.js';
import { destructionHandlers } from './destruction/handlers.js';
import { airGapHandlers } from './airgap/handlers.js';
import { backupHandlers } from './package/backup.js';
import { exportHandlers } from './package/export.js';
import { discHandlers } from './package/handlers.js';
import { recipientHandlers } from './package/recipients.js';
import { transferHandlers } from './package/transfer.js';
import { documentHandlers } from './documents/handlers.js';
import { elementHandlers } from './elements/handlers.js';
import { imageHandlers } from './images/handlers.js';
import { importHandlers } from './import/handlers.js';
import { itemHandlers } from './items/handlers.js';
import { itemFileHandlers } from './items/xlsx-handlers.js';
import { overviewHandlers } from './overview/handlers.js';
import { peopleHandlers } from './people/handlers.js';
import { policyHandlers } from './policy/handlers.js';
import { qtiHandlers } from './qti/handlers.js';
import { qualityHandlers } from './quality/handlers.js';
import { resultsHandlers } from './results/handlers.js';
import { certificateHandlers } from './review/certificates.js';
import { feedbackHandlers } from './review/feedback.js';
import { reviewHandlers } from './review/handlers.js';
import { scanHandlers } from './review/scans.js';
import { setHandlers } from './review/sets.js';
import { signOffHandlers } from './review/signoff.js';
import { submissionHandlers } from './review/submission-record.js';
import { searchHandlers } from './search/handlers.js';
import { sessionHandlers } from './session/handlers.js';
import { workstationHandlers } from './workstation/handlers.js';
import type { DesktopHost, DesktopInput } from './desktop/host.js';
import type { DesktopMethod } from './desktop/methods.js';

type Merged<T extends readonly object[]> = (T[number] extends infer U ? (U extends object ? (x: U) => void : never) : never) extends (x: infer I) => void ? I : never;

/** One map of all capabilities' handlers; two capabilities defining the same name is a programming error. */
function merge<const T extends readonly object[]>(...maps: T): Merged<T> {
  const all: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (name in all) throw new Error(`handler ${name} defined by two capabilities`);
      all[name] = handler;
    }
  }
  return all as Merged<T>;
}

/** Chinese names of the actions, for the registers the 安全审计员 exports. */
const actionNames = (): Readonly<Record<string, string>> =>
  Object.fromEntries(Object.values(handlers).map((h) => [h.name, h.summary]));

export const handlers = merge(
  workstationHandlers,
  sessionHandlers,
  policyHandlers,
  accountHandlers,
  peopleHandlers,
  accessHandlers,
  catalogHandlers,
  bankHandlers,
  elementHandlers,
  itemHandlers,
  itemFileHandlers,
  imageHandlers,
  importHandlers,
  searchHandlers,
  qualityHandlers,
  assemblyHandlers,
  resultsHandlers,
  qtiHandlers,
  documentHandlers,
  reviewHandlers,
  feedbackHandlers,
  setHandlers,
  scanHandlers,
  certificateHandlers,
  signOffHandlers,
  submissionHandlers,
  destructionHandlers,
  conformanceHandlers,
  recipientHandlers,
  exportHandlers,
  discHandlers,
  backupHandlers,
  airGapHandlers,
  transferHandlers,
  auditHandlers(actionNames),
  overviewHandlers,
);

export type Handlers = typeof handlers;
export type HandlerName = keyof Handlers;

/** The desktop shell's methods as the renderer sees them (app/preload/api.ts). */
export type DesktopApiOf = {
  [M in DesktopMethod]: (input?: DesktopInput<M>) => Promise<Awaited<ReturnType<DesktopHost[M]>>>;
};
