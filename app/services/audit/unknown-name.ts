/**
 * How a user name that matches no account is logged: as a keyed hash (HMAC-SHA256 under the
 * workstation's `audit.nameKey`, made by migration 0150), never as typed — a password typed into
 * the name field must not stay in the append-only log. Repeated tries with the same name still
 * show as the same tag, so the 安全审计员 can see a guessing attack.
 */
import { createHmac } from 'node:crypto';
import type { ReadableDB } from '../../store/database.js';
import { getSetting } from '../../store/repositories/settings.js';
import { auditMessages } from './messages.js';

export function unknownNameTag(db: ReadableDB, typed: string): string {
  const key = getSetting(db, 'audit.nameKey') ?? '';
  const mac = createHmac('sha256', Buffer.from(key, 'hex')).update(typed.normalize('NFC'), 'utf8').digest('hex');
  return auditMessages.unknownUser(mac.slice(0, 12));
}
