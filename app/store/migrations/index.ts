/**
 * Ordered, forward-only migrations. Each is one file numbered in steps of 10, applied in its own
 * transaction, and sets PRAGMA user_version to its number. Never edit a migration that has landed:
 * add a new one.
 */
import { migration0010 } from './0010-workstation.js';
import { migration0020 } from './0020-banks.js';
import { migration0030 } from './0030-items.js';
import { migration0040 } from './0040-audit-log.js';
import { migration0050 } from './0050-people.js';
import { migration0060 } from './0060-accounts.js';
import { migration0070 } from './0070-bank-members.js';
import { migration0080 } from './0080-audit-checkpoints.js';
import { migration0090 } from './0090-item-workflow.js';
import { migration0100 } from './0100-search.js';
import { migration0110 } from './0110-images.js';
import { migration0120 } from './0120-assembly.js';
import { migration0130 } from './0130-submission-notes.js';
import { migration0140 } from './0140-role-separation.js';
import { migration0150 } from './0150-account-keys.js';
import { migration0160 } from './0160-audit-canonical.js';
import { migration0170 } from './0170-search-fts.js';
import { migration0180 } from './0180-search-parts.js';
import { migration0190 } from './0190-review.js';
import { migration0200 } from './0200-discs.js';
import { migration0210 } from './0210-results.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0090,
  migration0100,
  migration0110,
  migration0120,
  migration0130,
  migration0140,
  migration0150,
  migration0160,
  migration0170,
  migration0180,
  migration0190,
  migration0200,
  migration0210,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
